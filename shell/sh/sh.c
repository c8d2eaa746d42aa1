/*
 * sh.c: the shell's entry point: options and operands (POSIX XCU "sh"),
 * startup files, the read-parse-run loop, errors, and the interactive
 * parts (prompt, history, Tab completion) around libmini's line editor.
 *
 *	sh [-aCefmnuvx] [-o option]... [script [arg...]]
 *	sh ... -c command_string [command_name [arg...]]
 *	sh ... -s [arg...]
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "sh.h"
#include "commands.h"
#include "lineedit.h"

struct shell_options sh_opt;
int last_status;
pid_t last_bg_pid;
pid_t shell_pid;
char *arg0 = "sh";
const char *script_name = "sh";
jmp_buf *error_jump;

/* ---- messages and errors ---- */

/* "sh: message", or "script: LINE: message"; line 0 means where the input is now. */
static void vmessage(int with_line, int line, const char *fmt, va_list ap)
{
	int saved_errno = errno;
	size_t len = strlen(fmt);

	fflush(stdout);
	if (with_line)
		fprintf(stderr, "%s: %d: ", script_name, line ? line : input_lineno);
	else
		fprintf(stderr, "%s: ", script_name);
	vfprintf(stderr, fmt, ap);
	if (len > 0 && fmt[len - 1] == ':')
		fprintf(stderr, " %s", strerror(saved_errno));
	fputc('\n', stderr);
	fflush(stderr);
}

void sh_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(!sh_opt.interactive, command_line, fmt, ap);
	va_end(ap);
}

void sh_exit(int status)
{
	last_status = status;
	run_exit_trap();
	fflush(stdout);
	exit(status);
}

/* Back to the prompt (interactive) or out of the shell (a script). */
static void __attribute__((noreturn)) jump_out(int status)
{
	last_status = status;
	if (error_jump)
		longjmp(*error_jump, 1);
	sh_exit(status);
}

void sh_error(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(!sh_opt.interactive, command_line, fmt, ap);
	va_end(ap);
	jump_out(status);
}

void syntax_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(1, 0, fmt, ap);
	va_end(ap);
	input_skip_line();
	jump_out(2);
}

/* ---- options ---- */

static const struct {
	char letter;
	const char *name;
	int *flag;
} option_table[] = {
	{ 'a', "allexport", &sh_opt.allexport },
	{ 'b', "notify", &sh_opt.notify },
	{ 'C', "noclobber", &sh_opt.noclobber },
	{ 'e', "errexit", &sh_opt.errexit },
	{ 'f', "noglob", &sh_opt.noglob },
	{ 'm', "monitor", &sh_opt.monitor },
	{ 'n', "noexec", &sh_opt.noexec },
	{ 'u', "nounset", &sh_opt.nounset },
	{ 'v', "verbose", &sh_opt.verbose },
	{ 'x', "xtrace", &sh_opt.xtrace },
	{ 0, "pipefail", &sh_opt.pipefail },
	{ 0, "ignoreeof", &sh_opt.ignoreeof },
};
#define OPTION_COUNT (sizeof option_table / sizeof option_table[0])

int set_option(const char *name, int letter, int on)
{
	if (name && (strcmp(name, "emacs") == 0 || strcmp(name, "vi") == 0))
		return 0;	/* editing modes: there is one, always on */
	for (size_t i = 0; i < OPTION_COUNT; i++) {
		if (name ? strcmp(name, option_table[i].name) == 0 : letter == option_table[i].letter) {
			*option_table[i].flag = on;
			return 0;
		}
	}
	return -1;
}

void print_options(int reusable)
{
	for (size_t i = 0; i < OPTION_COUNT; i++) {
		int on = *option_table[i].flag;
		if (reusable)
			printf("set %co %s\n", on ? '-' : '+', option_table[i].name);
		else
			printf("%-15s %s\n", option_table[i].name, on ? "on" : "off");
	}
}

char *option_letters(void)
{
	struct strbuf b = { 0 };

	for (size_t i = 0; i < OPTION_COUNT; i++)
		if (option_table[i].letter && *option_table[i].flag)
			sb_addc(&b, option_table[i].letter);
	if (sh_opt.interactive)
		sb_addc(&b, 'i');
	return sb_take(&b);
}

/* ---- running commands ---- */

/*
 * Read and run commands from the current input until it ends. With last_exits
 * set, the last command of a string may end this process (it is a child that
 * exits afterwards anyway): an external command is then exec'd without a fork.
 */
static int run_input(int last_exits)
{
	int status = 0;

	for (;;) {
		struct arena *a = arena_new();
		struct node *n;
		int at_eof;
		n = parse_command(a, &at_eof);
		if (at_eof) {
			arena_release(a);
			break;
		}
		if (n && !sh_opt.noexec)
			status = run_node(n, last_exits && input_at_end() && !any_trap_set() ? EV_EXIT : 0);
		arena_release(a);
		run_pending_traps();
		if (pending_jump != J_NONE)
			break;
	}
	return status;
}

void run_string_and_exit(const char *s)
{
	input_push_string(s, NULL);
	sh_exit(run_input(1));
}

int run_string(const char *s)
{
	int depth = input_depth(), status;

	input_push_string(s, NULL);
	status = run_input(0);
	input_pop_to(depth);
	return status;
}

int run_fd(int fd)
{
	int depth = input_depth(), status;

	input_push_fd(fd, 0);
	status = run_input(0);
	input_pop_to(depth);
	return status;
}

/* Run a startup file if it exists. */
static void run_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	run_fd(fd);
	close(fd);
}

static void startup_files(int login);

/* ---- the interactive loop ---- */

/* After an error at the prompt: undo what the failed command left half done. */
static void reset_after_error(int depth)
{
	input_pop_to(depth);
	restore_fds(0);
	while (func_depth > 0) {
		var_pop_scope();
		func_depth--;
	}
	loop_depth = 0;
	dot_depth = 0;
	pending_jump = J_NONE;
}

static void interactive_loop(int login)
{
	jmp_buf jump;
	int depth;
	volatile int started = 0;

	input_push_fd(STDIN_FILENO, 1);
	depth = input_depth();
	error_jump = &jump;
	if (setjmp(jump))
		reset_after_error(depth);
	if (!started) {
		started = 1;	/* an error in a startup file only ends that file */
		startup_files(login);
	}
	for (;;) {
		struct arena *a = arena_new();
		struct node *n;
		int at_eof;
		jobs_notify();
		input_want_ps1();
		n = parse_command(a, &at_eof);
		if (at_eof) {
			arena_release(a);
			if (jobs_hold_exit())
				continue;	/* Ctrl-D once more leaves */
			if (isatty(STDIN_FILENO))
				fputc('\n', stderr);
			break;
		}
		if (n && !sh_opt.noexec)
			run_node(n, 0);
		arena_release(a);
		run_pending_traps();
		pending_jump = J_NONE;
	}
	error_jump = NULL;
}

/* ---- Tab completion ---- */

static void add_unique(struct strlist *l, const char *s)
{
	for (int i = 0; i < l->count; i++)
		if (strcmp(l->v[i], s) == 0)
			return;
	sl_add(l, xstrdup(s));
}

static void complete_commands(const char *prefix, struct strlist *out)
{
	size_t len = strlen(prefix);
	const char *path = var_get("PATH");

	for (const struct builtin *b = builtins; b->name; b++)
		if (strncmp(b->name, prefix, len) == 0)
			add_unique(out, b->name);
	for (const struct command *c = commands; c->name; c++)
		if (strncmp(c->name, prefix, len) == 0)
			add_unique(out, c->name);
	while (path && *path) {
		const char *colon = strchrnul(path, ':');
		char *dir = colon == path ? xstrdup(".") : xstrndup(path, colon - path);
		DIR *d = opendir(dir);
		struct dirent *e;
		while (d && (e = readdir(d)) != NULL)
			if (strncmp(e->d_name, prefix, len) == 0 && e->d_name[0] != '.')
				add_unique(out, e->d_name);
		if (d)
			closedir(d);
		free(dir);
		path = *colon ? colon + 1 : colon;
	}
}

/* Characters a completed file name needs a backslash before. */
static const char special_in_names[] = " \t\n'\"\\$`&;|()<>*?[]#~=";

static void add_escaped_name(struct strbuf *b, const char *name)
{
	for (; *name; name++) {
		if (strchr(special_in_names, *name))
			sb_addc(b, '\\');
		sb_addc(b, *name);
	}
}

/* The word as typed, without its backslashes (a\ b is the name "a b"). */
static char *unescape(const char *word)
{
	struct strbuf b = { 0 };

	for (; *word; word++) {
		if (*word == '\\' && word[1])
			word++;
		sb_addc(&b, *word);
	}
	return sb_take(&b);
}

/* File names starting with the (unescaped) word, escaped again for the line. */
static void complete_paths(const char *word, struct strlist *out)
{
	const char *slash = strrchr(word, '/');
	char *dir = slash ? xstrndup(word, slash - word + 1) : xstrdup("");
	const char *base = slash ? slash + 1 : word;
	size_t len = strlen(base);
	DIR *d = opendir(*dir ? dir : ".");
	struct dirent *e;

	while (d && (e = readdir(d)) != NULL) {
		struct strbuf full = { 0 };
		struct stat st;
		if (strncmp(e->d_name, base, len) != 0 || strcmp(e->d_name, ".") == 0 ||
		    strcmp(e->d_name, "..") == 0 || (e->d_name[0] == '.' && base[0] != '.'))
			continue;
		char *path = path_join(*dir ? dir : ".", e->d_name);
		add_escaped_name(&full, dir);
		add_escaped_name(&full, e->d_name);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			sb_addc(&full, '/');
		free(path);
		sl_add(out, sb_take(&full));
	}
	if (d)
		closedir(d);
	free(dir);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The line editor's completion callback: candidates for the word before the cursor. */
static char **complete(const char *line, int cursor, int *word_start)
{
	struct strlist out = { 0 };
	int start = cursor, before;
	char *typed, *word;

	/* back to the word's start; a blank after a backslash is part of it */
	while (start > 0 && (!strchr(" \t;|&(<>`", line[start - 1]) || (start > 1 && line[start - 2] == '\\')))
		start--;
	before = start;
	while (before > 0 && (line[before - 1] == ' ' || line[before - 1] == '\t'))
		before--;
	typed = xstrndup(line + start, cursor - start);
	word = unescape(typed);
	if ((before == 0 || strchr(";|&(`", line[before - 1])) && !strchr(word, '/'))
		complete_commands(word, &out);
	else
		complete_paths(word, &out);
	free(typed);
	free(word);
	if (out.count)
		qsort(out.v, out.count, sizeof *out.v, compare_strings);
	*word_start = start;
	sl_add(&out, NULL);	/* make sure the array exists and ends in NULL */
	return out.v;
}

/* ---- history ---- */

int history_builtin(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "-c") == 0) {
		lineedit_history_clear();
		return 0;
	}
	for (int i = 0; i < lineedit_history_count(); i++)
		printf("%5d  %s\n", i + 1, lineedit_history_get(i));
	return 0;
}

char *read_interactive_line(const char *prompt)
{
	char *line = lineedit_read(prompt);
	struct strbuf b = { 0 };

	if (line == NULL)
		return NULL;
	if (lineedit_interrupted) {
		free(line);
		input_skip_line();
		jump_out(130);
	}
	if (line[strspn(line, " \t")] != '\0')
		lineedit_history_add(line);
	sb_adds(&b, line);
	sb_addc(&b, '\n');
	free(line);
	return sb_take(&b);
}

/* ---- startup ---- */

static void import_environment(void)
{
	extern char **environ;
	char buf[4096];
	const char *pwd;
	struct stat a, b;

	for (char **e = environ; *e; e++) {
		const char *eq = strchr(*e, '=');
		if (eq && is_name(*e, eq - *e))
			var_assign(*e, V_EXPORT);
	}
	snprintf(buf, sizeof buf, "%d", (int)getppid());
	var_set("PPID", buf, 0);
	var_set("IFS", " \t\n", 0);
	var_set("OPTIND", "1", 0);
	var_set("PS2", "> ", 0);
	var_set("PS4", "+ ", 0);
	if (var_get("PS1") == NULL)
		var_set("PS1", "\\u@\\h:\\w\\$ ", 0);
	if (var_get("PATH") == NULL)	/* init starts the console shell without one */
		var_set("PATH", "/bin:/sbin:/usr/bin:/usr/sbin", V_EXPORT);
	pwd = var_get("PWD");
	if (pwd == NULL || pwd[0] != '/' || stat(pwd, &a) < 0 || stat(".", &b) < 0 ||
	    a.st_ino != b.st_ino || a.st_dev != b.st_dev) {
		if (getcwd(buf, sizeof buf))
			var_set("PWD", buf, V_EXPORT);
	}
}

static void startup_files(int login)
{
	const char *home = var_get("HOME"), *env;

	if (login) {
		run_file("/etc/profile");
		if (home) {
			char *path = path_join(home, ".profile");
			run_file(path);
			free(path);
		}
	}
	env = var_get("ENV");
	if (sh_opt.interactive && env && *env) {
		char *path = expand_word(env);
		run_file(path);
		free(path);
	}
}

static void start_history(void)
{
	const char *home = var_get("HOME");
	char *path;

	if (home == NULL || !isatty(STDIN_FILENO))
		return;
	path = path_join(home, ".sh_history");
	lineedit_history_load(path, 500);
	free(path);
	lineedit_complete = complete;
}

struct invocation {
	int command_string, read_stdin, interactive, login;
	char **operands;
};

/* Parse sh's own options; returns 0, or prints a message and returns 2. */
static int parse_invocation(char **argv, struct invocation *inv)
{
	int i = 1;

	for (; argv[i] && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; i++) {
		int on = argv[i][0] == '-';
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'c')
				inv->command_string = 1;
			else if (*p == 's')
				inv->read_stdin = 1;
			else if (*p == 'i')
				inv->interactive = 1;
			else if (*p == 'l')
				inv->login = 1;
			else if (*p == 'o' && argv[i + 1] && set_option(argv[i + 1], 0, on) == 0)
				i++;
			else if (*p == 'o' || set_option(NULL, *p, on) < 0) {
				fprintf(stderr, "sh: %c%c: bad option\n", argv[i][0], *p);
				return 2;
			}
			if (*p == 'o')
				break;
		}
	}
	inv->operands = argv + i;
	return 0;
}

static int count(char **v)
{
	int n = 0;

	while (v[n])
		n++;
	return n;
}

/* Open the script file (moved above fd 10 so redirections cannot hit it). */
static int open_script(const char *path)
{
	int fd = open(path, O_RDONLY), high;
	struct stat st;

	if (fd < 0) {
		fprintf(stderr, "sh: %s: %s\n", path, strerror(errno));
		exit(errno == ENOENT ? 127 : 126);
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "sh: %s: is a directory\n", path);
		exit(126);
	}
	high = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	close(fd);
	return high;
}

int sh_main(int argc, char **argv)
{
	struct invocation inv = { 0 };
	char **ops;

	stack_check_start();
	/*
	 * Keep freed memory instead of giving it back to the kernel: a child of
	 * $(...) that grew the heap again would add a memory area of its own,
	 * and nested substitutions would fork ever more areas (fork time grows
	 * with their number: 100 nested $( ) took 0.7 s, now 0.05 s).
	 */
	mallopt(M_TRIM_THRESHOLD, 1 << 20);
	mallopt(M_TOP_PAD, 64 << 10);
	shell_pid = getpid();
	arg0 = argv[0];
	program_name = "sh";
	inv.login = argv[0][0] == '-';
	if (parse_invocation(argv, &inv) != 0)
		return 2;
	ops = inv.operands;
	import_environment();
	if (inv.command_string) {
		if (ops[0] == NULL) {
			fputs("sh: -c: option requires an argument\n", stderr);
			return 2;
		}
		if (ops[1])
			arg0 = ops[1];
		positional_set(ops[1] ? ops + 2 : ops + 1, ops[1] ? count(ops + 2) : 0);
		signals_init();
		startup_files(inv.login);
		run_string_and_exit(ops[0]);
	}
	if (!inv.read_stdin && ops[0]) {
		int fd = open_script(ops[0]);
		arg0 = ops[0];
		script_name = ops[0];
		positional_set(ops + 1, count(ops + 1));
		signals_init();
		startup_files(inv.login);
		sh_exit(run_fd(fd));
	}
	positional_set(ops, count(ops));
	sh_opt.interactive = inv.interactive || (isatty(STDIN_FILENO) && isatty(STDERR_FILENO));
	signals_init();
	if (!sh_opt.interactive) {
		startup_files(inv.login);
		sh_exit(run_fd(STDIN_FILENO));
	}
	if (isatty(STDIN_FILENO))
		jobs_init();
	start_history();
	interactive_loop(inv.login);
	(void)argc;
	sh_exit(last_status);
}
