/*
 * fuzz.c: the harness every fuzz target links (fuzz.h is its interface). It runs a
 * command's main many times in one process, each run starting as a new process
 * would, so that libFuzzer sees the coverage of every run (a fork per input would
 * hide it) and runs thousands of inputs a second.
 *
 * The sources a fuzzer runs are compiled with sandbox.h, which sends exit, the
 * allocator, stdio's and dirent's openers and every call that reaches outside the
 * process to the fuzz_ functions here. After each run fuzz_main puts everything
 * back: the variables (two linker sections, copied back), the memory (freed),
 * streams and file descriptors (closed), the working directory (emptied), the
 * umask and the environment.
 *
 * The fuzzed code can write files (tar -x, sed's w, awk's print >, the shell's
 * redirections). So when started as root, the fuzzer first moves into a mount and
 * network namespace of its own with a fresh tmpfs on /tmp (unless the tree itself lies
 * under /tmp), and becomes nobody: it cannot harm the machine, and what it writes
 * vanishes with it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <regex.h>
#include <sanitizer/allocator_interface.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "fuzz.h"
#include "mini.h"

/*
 * The harness is no part of what is fuzzed: no coverage instrumentation here, whose
 * comparisons (copying the sections back, looking blocks up) would cost more than the
 * commands' runs and teach libFuzzer nothing.
 */
#pragma clang attribute push(__attribute__((no_sanitize("coverage"))), apply_to = function)

/*
 * No leak report when the fuzzer ends: the end of each run frees what the command
 * left, except blocks the C library allocated for it (regcomp's), which a command
 * that exits does not free either.
 */
const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}

/* ---- the run: where exit() goes ---- */

static jmp_buf *exit_jump;	/* set while a command runs */
static int exit_status;
static unsigned long calls, budget;
static size_t output_bytes, output_budget;

void __attribute__((noreturn)) fuzz_exit(int status)
{
	if (exit_jump == NULL)		/* not inside a run: a real exit */
		exit(status);
	exit_status = status;
	longjmp(*exit_jump, 1);
}

void fuzz_set_budget(unsigned long max_calls)
{
	budget = max_calls;
}

void fuzz_set_output_budget(size_t bytes)
{
	output_budget = bytes;
}

static double run_started;	/* CPU seconds, when the run began */

static double cpu_seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

/*
 * Called at the start of every function of the budgeted sources (-finstrument-functions).
 * Past the budget of calls, or past one second of CPU time (looked at every 1024 calls:
 * a loop whose work is in the C library, sed's l over a pattern space that G made huge,
 * makes few calls of its own), the run is stopped.
 */
void __attribute__((no_instrument_function)) __cyg_profile_func_enter(void *fn, void *site)
{
	(void)fn;
	(void)site;
	if (budget == 0 || exit_jump == NULL)
		return;
	if (++calls > budget || ((calls & 1023) == 0 && cpu_seconds() - run_started > 1.0))
		fuzz_exit(FUZZ_BUDGET);
}

void __attribute__((no_instrument_function)) __cyg_profile_func_exit(void *fn, void *site)
{
	(void)fn;
	(void)site;
}

/* ---- output: counted against the run's output budget ---- */

/* bytes more are about to be written: past the budget, the run stops before they are */
static void count_output(size_t bytes)
{
	if (output_budget == 0 || exit_jump == NULL)
		return;
	if (bytes > output_budget - output_bytes)
		fuzz_exit(FUZZ_BUDGET);
	output_bytes += bytes;
}

size_t fuzz_fwrite(const void *p, size_t size, size_t count, FILE *f)
{
	size_t total;

	count_output(__builtin_mul_overflow(size, count, &total) ? SIZE_MAX : total);
	return fwrite(p, size, count, f);
}

int fuzz_fputs(const char *s, FILE *f)
{
	count_output(strlen(s));
	return fputs(s, f);
}

int fuzz_puts(const char *s)
{
	count_output(strlen(s) + 1);
	return puts(s);
}

int fuzz_putc(int c, FILE *f)
{
	count_output(1);
	return putc(c, f);
}

int fuzz_fputc(int c, FILE *f)
{
	count_output(1);
	return fputc(c, f);
}

int fuzz_putchar(int c)
{
	count_output(1);
	return putchar(c);
}

/* ---- memory: every block the fuzzed code holds, in a hash table keyed by address ---- */

/*
 * Open addressing; a freed block leaves a tombstone. Every slot used during a run
 * is noted in used_slots, so the end of the run visits only those (frees what is
 * left, empties them) and the table starts clean again.
 */
enum { TABLE_BITS = 20, TABLE_SIZE = 1 << TABLE_BITS, TABLE_MAX_USED = TABLE_SIZE / 4 * 3 };
#define TOMBSTONE ((void *)1)
/* A run holding more than this gets NULL from malloc, as on a machine that small. */
#define MEMORY_BUDGET (64u << 20)

struct block {
	void *p;
	size_t size;
};
static struct block *table;
static uint32_t *used_slots;
static size_t used_count, live_bytes;

static size_t slot_of(const void *p)
{
	return (size_t)(((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15ull >> (64 - TABLE_BITS));
}

static int remember(void *p, size_t size)
{
	size_t i = slot_of(p);

	if (used_count >= TABLE_MAX_USED)
		return -1;
	while (table[i].p != NULL && table[i].p != TOMBSTONE)
		i = (i + 1) & (TABLE_SIZE - 1);
	if (table[i].p == NULL)
		used_slots[used_count++] = i;
	table[i].p = p;
	table[i].size = size;
	live_bytes += size;
	return 0;
}

/* Forget p (if it is one of ours: the C library allocates some blocks it hands over). */
static void forget(void *p)
{
	for (size_t i = slot_of(p); table[i].p != NULL; i = (i + 1) & (TABLE_SIZE - 1))
		if (table[i].p == p) {
			table[i].p = TOMBSTONE;
			live_bytes -= table[i].size;
			return;
		}
}

static void free_all_blocks(void)
{
	for (size_t n = 0; n < used_count; n++) {
		struct block *b = &table[used_slots[n]];
		if (b->p != TOMBSTONE)
			free(b->p);
		b->p = NULL;
	}
	used_count = 0;
	live_bytes = 0;
}

/* A new block p of size bytes: kept in the table, or freed and NULL when over budget. */
static void *track(void *p, size_t size)
{
	if (p != NULL && remember(p, size) < 0) {
		free(p);
		errno = ENOMEM;
		return NULL;
	}
	return p;
}

static int over_budget(size_t size)
{
	if (size > MEMORY_BUDGET || live_bytes + size > MEMORY_BUDGET) {
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

void *fuzz_malloc(size_t size)
{
	return over_budget(size) ? NULL : track(malloc(size), size);
}

void *fuzz_calloc(size_t count, size_t size)
{
	size_t total;

	if (__builtin_mul_overflow(count, size, &total) || over_budget(total))
		return NULL;
	return track(calloc(count, size), total);
}

void fuzz_free(void *p)
{
	if (p != NULL)
		forget(p);
	free(p);
}

void *fuzz_realloc(void *p, size_t size)
{
	void *q;

	if (over_budget(size))
		return NULL;
	q = realloc(p, size);
	if (q == NULL)
		return NULL;
	if (p != NULL)
		forget(p);
	return track(q, size);
}

char *fuzz_strdup(const char *s)
{
	size_t size = strlen(s) + 1;
	char *copy = fuzz_malloc(size);

	return copy ? memcpy(copy, s, size) : NULL;
}

char *fuzz_strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *copy = fuzz_malloc(len + 1);

	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

int fuzz_vasprintf(char **out, const char *fmt, va_list ap)
{
	int len = vasprintf(out, fmt, ap);

	if (len >= 0 && track(*out, len + 1) == NULL)
		return -1;
	return len;
}

int fuzz_asprintf(char **out, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = fuzz_vasprintf(out, fmt, ap);
	va_end(ap);
	return len;
}

/*
 * A compiled regex holds blocks the C library allocated (in regcomp, and in regexec,
 * which grows its cache of states). A command that exits does not regfree: so the
 * blocks allocated while the regex code runs for the fuzzed code go into the table
 * too (AddressSanitizer's allocation hooks see them), to be freed with the rest.
 */
static int in_regex;

static void regex_malloc_hook(const volatile void *p, size_t size)
{
	if (in_regex)
		remember((void *)p, size);
}

static void regex_free_hook(const volatile void *p)
{
	if (in_regex)
		forget((void *)p);
}

/*
 * A known finding, refused here so that fuzzing goes on past it: stacked repetitions
 * ("a++++++++++++++++++++") make regcomp copy its tree again for each, 2^N nodes
 * (glibc: hundreds of MB at 20; mini's uClibc-ng crashes at 24). Until mini limits
 * them, a pattern with more than two in a row gets REG_ESPACE, as out of memory.
 */
static int stacked_repetitions(const char *pattern)
{
	int run = 0;

	for (const char *p = pattern; *p; p++) {
		run = strchr("*+?", *p) ? run + 1 : 0;
		if (run > 2)
			return 1;
	}
	return 0;
}

int fuzz_regcomp(regex_t *re, const char *pattern, int flags)
{
	int r;

	if (stacked_repetitions(pattern))
		return REG_ESPACE;
	in_regex = 1;
	r = regcomp(re, pattern, flags);
	in_regex = 0;
	return r;
}

int fuzz_regexec(const regex_t *re, const char *s, size_t n, regmatch_t *m, int flags)
{
	int r;

	in_regex = 1;
	r = regexec(re, s, n, m, flags);
	in_regex = 0;
	return r;
}

void fuzz_regfree(regex_t *re)
{
	in_regex = 1;
	regfree(re);
	in_regex = 0;
}

/* ---- streams and directories left open ---- */

enum { MAX_OPEN = 64 };
static FILE *open_files[MAX_OPEN];
static DIR *open_dirs[MAX_OPEN];

/* Note item in list (a full list only means it is not closed for the command). */
static void *note_open(void **list, void *item)
{
	for (int i = 0; item && i < MAX_OPEN; i++)
		if (list[i] == NULL) {
			list[i] = item;
			break;
		}
	return item;
}

static void note_closed(void **list, void *item)
{
	for (int i = 0; i < MAX_OPEN; i++)
		if (list[i] == item)
			list[i] = NULL;
}

FILE *fuzz_fopen(const char *path, const char *mode)
{
	return note_open((void **)open_files, fopen(path, mode));
}

FILE *fuzz_fdopen(int fd, const char *mode)
{
	return note_open((void **)open_files, fdopen(fd, mode));
}

int fuzz_fclose(FILE *f)
{
	/* the harness's own standard streams stay open for the next run */
	if (f == stdin || f == stdout || f == stderr) {
		int r = fflush(f);
		clearerr(f);
		return r;
	}
	note_closed((void **)open_files, f);
	return fclose(f);
}

DIR *fuzz_opendir(const char *path)
{
	return note_open((void **)open_dirs, opendir(path));
}

DIR *fuzz_fdopendir(int fd)
{
	return note_open((void **)open_dirs, fdopendir(fd));
}

int fuzz_closedir(DIR *d)
{
	note_closed((void **)open_dirs, d);
	return closedir(d);
}

static void close_streams(void)
{
	for (int i = 0; i < MAX_OPEN; i++) {
		if (open_files[i])
			fclose(open_files[i]);
		if (open_dirs[i])
			closedir(open_dirs[i]);
		open_files[i] = NULL;
		open_dirs[i] = NULL;
	}
}

/* ---- what would reach outside the process: refused, or pretended ---- */

static int refuse(int error)
{
	errno = error;
	return -1;
}

pid_t fuzz_fork(void) { return refuse(EAGAIN); }
int fuzz_execve(const char *path, char *const argv[], char *const envp[])
{
	(void)path; (void)argv; (void)envp;
	return refuse(ENOENT);
}
int fuzz_execv(const char *path, char *const argv[]) { (void)path; (void)argv; return refuse(ENOENT); }
int fuzz_execvp(const char *file, char *const argv[]) { (void)file; (void)argv; return refuse(ENOENT); }
int fuzz_execl(const char *path, const char *arg, ...) { (void)path; (void)arg; return refuse(ENOENT); }
/* system(NULL) asks whether there is a shell: there is none. */
int fuzz_system(const char *command) { return command ? refuse(EAGAIN) : 0; }
FILE *fuzz_popen(const char *command, const char *mode)
{
	(void)command; (void)mode;
	errno = EAGAIN;
	return NULL;
}
int fuzz_pclose(FILE *f) { (void)f; return refuse(ECHILD); }

/* kill would reach the fuzzer itself or its neighbours; signal changes would take
 * libFuzzer's own handlers (SIGALRM for -timeout, SIGSEGV...) away. */
int fuzz_kill(pid_t pid, int sig) { (void)pid; (void)sig; return refuse(EPERM); }
int fuzz_killpg(pid_t pgrp, int sig) { (void)pgrp; (void)sig; return refuse(EPERM); }
sighandler_t fuzz_signal(int sig, sighandler_t handler)
{
	(void)sig; (void)handler;
	return SIG_DFL;
}
int fuzz_sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	(void)sig; (void)act;
	if (old) {
		memset(old, 0, sizeof *old);
		old->sa_handler = SIG_DFL;
	}
	return 0;
}
int fuzz_sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	(void)how; (void)set;
	if (old)
		sigemptyset(old);
	return 0;
}
unsigned fuzz_alarm(unsigned seconds) { (void)seconds; return 0; }
int fuzz_setrlimit(int resource, const struct rlimit *limit) { (void)resource; (void)limit; return refuse(EPERM); }
int fuzz_setpgid(pid_t pid, pid_t pgid) { (void)pid; (void)pgid; return refuse(EPERM); }
int fuzz_tcsetpgrp(int fd, pid_t pgrp) { (void)fd; (void)pgrp; return refuse(ENOTTY); }
int fuzz_clock_settime(clockid_t clock, const struct timespec *t) { (void)clock; (void)t; return refuse(EPERM); }
int fuzz_prctl(int option, ...) { (void)option; return 0; }

/* ---- the variables: sections fuzz_data and fuzz_bss (sandbox.h), as they were at the start ---- */

extern char __start_fuzz_data[], __stop_fuzz_data[];
extern char __start_fuzz_bss[], __stop_fuzz_bss[];
static char *first_data;

/*
 * Word by word, unseen by AddressSanitizer: the sections hold its red zones between
 * the variables, which no instrumented copy may touch. (volatile keeps the compiler
 * from making the loops memcpy and memset calls, which AddressSanitizer checks.)
 */
__attribute__((no_sanitize("address", "undefined")))
static void copy_words(volatile char *to, const volatile char *from, size_t bytes)
{
	size_t i = 0;

	for (; i + sizeof(long) <= bytes; i += sizeof(long))
		*(volatile long *)(to + i) = *(const volatile long *)(from + i);
	for (; i < bytes; i++)
		to[i] = from[i];
}

__attribute__((no_sanitize("address", "undefined")))
static void zero_words(volatile char *to, size_t bytes)
{
	size_t i = 0;

	for (; i + sizeof(long) <= bytes; i += sizeof(long))
		*(volatile long *)(to + i) = 0;
	for (; i < bytes; i++)
		to[i] = 0;
}

static void save_variables(void)
{
	size_t n = __stop_fuzz_data - __start_fuzz_data;

	first_data = malloc(n + 1);
	copy_words(first_data, __start_fuzz_data, n);
}

static void restore_variables(void)
{
	copy_words(__start_fuzz_data, first_data, __stop_fuzz_data - __start_fuzz_data);
	zero_words(__start_fuzz_bss, __stop_fuzz_bss - __start_fuzz_bss);
}

/* ---- the working directory, emptied after each run ---- */

static int work_fd = -1;		/* where every run starts */
static int home_fd = -1;		/* where the fuzzer started: libFuzzer's paths are relative to it */
static char work_path[64];
static mode_t first_umask;
static char **first_environ;

/* Remove everything inside the directory dir (closed here); 0 when it is empty. */
static int empty_directory(int dir, int depth)
{
	DIR *d = fdopendir(dir);
	struct dirent *e;
	int result = 0;

	if (d == NULL) {
		close(dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		const char *name = e->d_name;
		int sub;

		if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
			continue;
		if (unlinkat(dir, name, 0) == 0)
			continue;
		/* a directory: make it ours to read and write, empty it, remove it */
		fchmodat(dir, name, 0700, 0);
		sub = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
		if (sub < 0 || depth > 200 || empty_directory(sub, depth + 1) < 0
		    || unlinkat(dir, name, AT_REMOVEDIR) < 0)
			result = -1;
		if (sub >= 0 && depth > 200)
			close(sub);
	}
	closedir(d);
	return result;
}

static void clean_work_directory(void)
{
	static unsigned stubborn;
	char name[32];

	fchdir(work_fd);
	fchmod(work_fd, 0700);
	/* A directory opened anew, not dup(work_fd): a dup shares the reading position, which
	 * the first run's readdir left at the end, and every later run's files stayed (3,000
	 * of them after a few minutes of sh, read again by each glob and each cleaning). */
	if (empty_directory(openat(work_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC), 0) == 0)
		return;
	/* what could not be removed goes out of the way, into the tmpfs beside us */
	snprintf(name, sizeof name, "../stubborn.%u", stubborn++);
	rename(work_path, name);
	mkdir(work_path, 0700);
	close(work_fd);
	work_fd = open(work_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

/* ---- file descriptors ---- */

enum { KEPT_FDS = 10 };	/* 0-9: what a shell's redirections can name */

struct fd_state {
	int saved[KEPT_FDS];	/* copies of 0-9 (-1: was closed) */
	int first_free;		/* every descriptor from here up belongs to the run */
};

static void save_fds(struct fd_state *s)
{
	s->first_free = fcntl(0, F_DUPFD_CLOEXEC, KEPT_FDS);
	close(s->first_free);
	for (int fd = 0; fd < KEPT_FDS; fd++)
		s->saved[fd] = fcntl(fd, F_DUPFD_CLOEXEC, KEPT_FDS);
}

static void restore_fds(struct fd_state *s)
{
	for (int fd = 0; fd < KEPT_FDS; fd++) {
		if (s->saved[fd] >= 0)
			dup2(s->saved[fd], fd);
		else
			close(fd);
	}
	close_range(s->first_free, ~0u, 0);
}

/* ---- setting up: once, before the first input ---- */

/* As root: a mount and network namespace, a private /tmp, then become nobody. */
static void sandbox(void)
{
	char cwd[4096];
	/* A tree checked out under /tmp (a CI clone) would vanish under a fresh /tmp, corpus
	 * and all: then the machine's /tmp stays, in the namespace of our own all the same. */
	int tree_in_tmp = getcwd(cwd, sizeof cwd) != NULL && strncmp(cwd, "/tmp/", 5) == 0;

	if (geteuid() != 0)
		return;
	if (unshare(CLONE_NEWNS | CLONE_NEWNET) == 0 && mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0) {
		if (!tree_in_tmp)
			mount("fuzz", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=512m,mode=1777");
	} else
		fprintf(stderr, "fuzz: no namespace of its own (%s): /tmp is the machine's\n", strerror(errno));
	if (setgroups(0, NULL) < 0 || setgid(65534) < 0 || setuid(65534) < 0) {
		fprintf(stderr, "fuzz: cannot become nobody: %s\n", strerror(errno));
		_exit(1);
	}
}

static void setup(void)
{
	int null = open("/dev/null", O_RDWR);

	sandbox();
	dup2(null, 0);		/* commands read no terminal... */
	dup2(null, 1);		/* ...and their output is not wanted */
	if (null > 1)
		close(null);
	strcpy(work_path, "/tmp/mini-fuzz.XXXXXX");
	if (mkdtemp(work_path) == NULL || (work_fd = open(work_path, O_RDONLY | O_DIRECTORY)) < 0) {
		fprintf(stderr, "fuzz: cannot make a working directory: %s\n", strerror(errno));
		_exit(1);
	}
	fcntl(work_fd, F_SETFD, FD_CLOEXEC);
	home_fd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	first_umask = umask(022);
	umask(first_umask);
	clearenv();
	setenv("PATH", "/nonexistent", 1);
	setenv("HOME", work_path, 1);
	first_environ = environ;
	table = mmap(NULL, TABLE_SIZE * sizeof *table, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	used_slots = mmap(NULL, TABLE_MAX_USED * sizeof *used_slots, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (table == MAP_FAILED || used_slots == MAP_FAILED)
		_exit(1);
	__sanitizer_install_malloc_and_free_hooks(regex_malloc_hook, regex_free_hook);
	save_variables();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setup();
	return 0;
}

/* ---- one run ---- */

/* The environment as setup() left it, if the run changed it (date -u sets TZ). */
static void restore_environment(void)
{
	if (environ == first_environ && getenv("TZ") == NULL)
		return;
	clearenv();
	setenv("PATH", "/nonexistent", 1);
	setenv("HOME", work_path, 1);
	first_environ = environ;
}

/* argv copied, strings too: a command may write into its arguments. */
static char **copy_argv(char **argv, int *argc)
{
	int n = 0;
	char **copy;

	while (argv[n])
		n++;
	copy = calloc(n + 1, sizeof *copy);
	for (int i = 0; i < n; i++)
		copy[i] = strdup(argv[i]);
	*argc = n;
	return copy;
}

static void free_argv(char **argv)
{
	for (int i = 0; argv[i]; i++)
		free(argv[i]);
	free(argv);
}

static void end_of_run(struct fd_state *fds)
{
	exit_jump = NULL;
	calls = 0;
	in_regex = 0;
	fflush(stdout);
	clearerr(stdout);
	clearerr(stdin);
	fflush(stderr);
	close_streams();
	restore_fds(fds);
	free_all_blocks();
	restore_variables();
	umask(first_umask);
	restore_environment();
	clean_work_directory();
	fchdir(home_fd);
}

int fuzz_run(int (*function)(void *), void *arg)
{
	jmp_buf jump;
	struct fd_state fds;
	int status;

	save_fds(&fds);
	fchdir(work_fd);
	calls = 0;
	output_bytes = 0;
	if (budget)
		run_started = cpu_seconds();
	if (setjmp(jump) == 0) {
		exit_jump = &jump;
		status = function(arg);
	} else {
		status = exit_status;
	}
	end_of_run(&fds);
	return status;
}

struct main_call {
	int (*main)(int, char **);
	int argc;
	char **argv;
};

static int call_main(void *arg)
{
	struct main_call *call = arg;

	program_name = base_name(call->argv[0]);
	return call->main(call->argc, call->argv);
}

int fuzz_main(int (*main)(int, char **), char **argv)
{
	struct main_call call = { main, 0, NULL };
	char **kept;
	int status;

	call.argv = copy_argv(argv, &call.argc);
	kept = calloc(call.argc + 1, sizeof *kept);	/* main may change argv[] */
	memcpy(kept, call.argv, call.argc * sizeof *kept);
	status = fuzz_run(call_main, &call);
	free_argv(kept);
	free(call.argv);
	return status;
}

/* ---- the input ---- */

void fuzz_write_file(const char *name, const void *data, size_t size)
{
	int fd = openat(work_fd, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (fd < 0 || write_all(fd, data, size) < 0) {
		fprintf(stderr, "fuzz: cannot write %s: %s\n", name, strerror(errno));
		abort();
	}
	close(fd);
}

void fuzz_write_padded_file(const char *name, const void *data, size_t size, size_t unit)
{
	size_t padded = (size + unit - 1) / unit * unit;
	int fd;

	fuzz_write_file(name, data, size);
	fd = openat(work_fd, name, O_WRONLY | O_CLOEXEC);
	if (fd < 0 || ftruncate(fd, padded ? padded : unit) < 0) {
		fprintf(stderr, "fuzz: cannot extend %s: %s\n", name, strerror(errno));
		abort();
	}
	close(fd);
}

void fuzz_make_directory(const char *name)
{
	mkdirat(work_fd, name, 0700);
}

void fuzz_split(struct fuzz_input *in, const uint8_t *data, size_t size, int max)
{
	char *p, *end;

	if (max > FUZZ_MAX_PIECES)
		max = FUZZ_MAX_PIECES;
	in->copy = malloc(size + 1);
	memcpy(in->copy, data, size);
	in->copy[size] = '\0';
	p = in->copy;
	end = in->copy + size;
	for (in->count = 0; in->count < max; in->count++) {
		char *nul = in->count < max - 1 ? memchr(p, '\0', end - p) : NULL;
		in->piece[in->count] = p;
		in->len[in->count] = (nul ? nul : end) - p;
		if (nul == NULL) {
			in->count++;
			break;
		}
		p = nul + 1;
	}
}

void fuzz_input_free(struct fuzz_input *in)
{
	free(in->copy);
}

#pragma clang attribute pop
