/*
 * builtins.c: the table of builtin commands, and the ones that steer the shell
 * itself: : . break continue eval exec exit return times trap (POSIX XCU 2.14,
 * "Special Built-In Utilities"). Builtins about variables are in
 * builtins_vars.c, the other regular ones in builtins_cmds.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/times.h>
#include "sh.h"

/* ---- : true eval . exec exit return break continue ---- */

static int colon_builtin(int argc, char **argv)
{
	return 0;
}

static int eval_builtin(int argc, char **argv)
{
	struct strbuf text = { 0 };

	for (int i = 1; i < argc; i++) {
		if (i > 1)
			sb_addc(&text, ' ');
		sb_adds(&text, argv[i]);
	}
	if (text.s == NULL)
		return 0;
	int status = run_string(text.s);
	free(text.s);
	return status;
}

int dot_depth;

static int dot_builtin(int argc, char **argv)
{
	char *path;
	int fd, status;

	if (argc < 2)
		sh_error(2, ".: file name required");
	/* (a file to read: it need not be executable, and PATH's relative entries count) */
	path = strchr(argv[1], '/') ? xstrdup(argv[1]) : path_search_for(argv[1], var_get("PATH"), R_OK);
	if (path == NULL && access(argv[1], R_OK) == 0)
		path = xstrdup(argv[1]);
	fd = path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	if (fd < 0)
		sh_error(2, ".: %s: not found", argv[1]);
	free(path);
	dot_depth++;
	if (argc > 2) {		/* . file args: the file sees args as $1... (ash, bash) */
		struct positional saved = positional;
		positional.v = NULL;
		positional.count = 0;
		positional_set(argv + 2, argc - 2);
		status = run_fd(fd);
		positional_free(&positional);
		positional = saved;
	} else {
		status = run_fd(fd);
	}
	dot_depth--;
	close(fd);
	if (pending_jump == J_RETURN) {
		pending_jump = J_NONE;
		status = last_status;
	}
	return status;
}

/* exec [-a NAME] [COMMAND [ARG]...]; -a (bash's and ash's) gives COMMAND another argv[0]. */
static int exec_builtin(int argc, char **argv)
{
	const char *arg0 = NULL, *name;
	int i = 1;

	if (i + 1 < argc && strcmp(argv[i], "-a") == 0) {
		arg0 = argv[i + 1];
		i += 2;
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc) {
		if (arg0)
			sh_error(2, "exec: -a needs a command");
		return 0;	/* the redirections stay: exec.c does not undo them */
	}
	name = argv[i];
	if (arg0)
		argv[i] = (char *)arg0;
	exec_replace(name, argv + i);
}

/* The number argument of exit, return, break, continue, shift; -1 if bad. */
static long count_argument(const char *who, const char *arg, long dflt)
{
	long long n;

	if (arg == NULL)
		return dflt;
	if (parse_long(arg, &n) < 0 || n < 0) {
		sh_warn("%s: %s: bad number", who, arg);
		return -1;
	}
	return n;
}

static int exit_builtin(int argc, char **argv)
{
	int before_trap, status = in_trap(&before_trap) ? before_trap : last_status;
	long n = count_argument("exit", argv[1], status);

	if (sh_opt.interactive && jobs_hold_exit())
		return 1;
	sh_exit(n < 0 ? 2 : n & 255);
}

static int return_builtin(int argc, char **argv)
{
	long n = count_argument("return", argv[1], last_status);

	if (func_depth == 0 && dot_depth == 0) {
		sh_warn("return: not in a function");
		return 1;
	}
	pending_jump = J_RETURN;
	last_status = n < 0 ? 2 : n & 255;
	return last_status;
}

static int break_builtin(int argc, char **argv)
{
	long n = count_argument(argv[0], argv[1], 1);

	if (n <= 0) {
		if (n == 0)
			sh_warn("%s: 0: loop count out of range", argv[0]);
		return 1;
	}
	if (loop_depth == 0)
		return 0;
	pending_jump = argv[0][0] == 'b' ? J_BREAK : J_CONTINUE;
	jump_count = n > loop_depth ? loop_depth : n;
	return 0;
}

static void print_time(clock_t ticks, long hz)
{
	printf("%ldm%ld.%02lds", (long)(ticks / hz / 60), (long)(ticks / hz % 60), (long)(ticks % hz * 100 / hz));
}

static int times_builtin(int argc, char **argv)
{
	struct tms t;
	long hz = sysconf(_SC_CLK_TCK);

	times(&t);
	print_time(t.tms_utime, hz);
	putchar(' ');
	print_time(t.tms_stime, hz);
	putchar('\n');
	print_time(t.tms_cutime, hz);
	putchar(' ');
	print_time(t.tms_cstime, hz);
	putchar('\n');
	return 0;
}

/* ---- traps and signals ---- */

static char *trap_actions[NSIG];	/* index 0 is EXIT; NULL: default, "": ignore */
static volatile sig_atomic_t signal_arrived[NSIG];
volatile sig_atomic_t pending_signals;
volatile sig_atomic_t children_changed;
static char ignored_at_start[NSIG];
/*
 * A subshell forgets its parent's traps, but `trap` without operands prints
 * them until the subshell sets one of its own (POSIX: so that saved=$(trap)
 * works).
 */
static char *inherited_actions[NSIG];
static int inherited_shown;
/* $? when the running trap action started: what `exit` alone exits with. */
static int trap_depth, status_before_trap;

static void on_signal(int sig)
{
	signal_arrived[sig] = 1;
	pending_signals = 1;
}

static void on_child(int sig)
{
	(void)sig;
	children_changed = 1;
}

/*
 * Catch sig with handler. A trapped signal interrupts a blocking system call
 * (so that wait and read end at once and the trap runs); SIGCHLD, which only
 * asks for children to be reaped, restarts it.
 */
static void catch_signal(int sig, void (*handler)(int))
{
	struct sigaction sa = { .sa_handler = handler };

	sigemptyset(&sa.sa_mask);
	sa.sa_flags = sig == SIGCHLD ? SA_RESTART : 0;
	sigaction(sig, &sa, NULL);
}

/* What the shell does with a signal when no trap is set. */
static void default_disposition(int sig)
{
	if (ignored_at_start[sig])
		signal(sig, SIG_IGN);
	else if (sig == SIGCHLD)
		catch_signal(sig, on_child);	/* to reap children while only builtins run */
	else if (sh_opt.interactive && (sig == SIGINT))
		catch_signal(sig, on_signal);
	else if (sh_opt.interactive && (sig == SIGQUIT || sig == SIGTERM))
		signal(sig, SIG_IGN);
	else if (job_control && (sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU))
		signal(sig, SIG_IGN);
	else
		signal(sig, SIG_DFL);
}

void signals_init(void)
{
	for (int sig = 1; sig < NSIG; sig++) {
		struct sigaction sa;
		if (sigaction(sig, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
			ignored_at_start[sig] = 1;
	}
	default_disposition(SIGINT);
	default_disposition(SIGQUIT);
	default_disposition(SIGTERM);
	default_disposition(SIGCHLD);
}

void child_reset_signals(void)
{
	static const int changed[] = { SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD };

	for (size_t i = 0; i < sizeof changed / sizeof changed[0]; i++) {
		int sig = changed[i];
		if (trap_actions[sig] && trap_actions[sig][0] == '\0')
			continue;	/* ignored by trap '' stays ignored */
		signal(sig, ignored_at_start[sig] ? SIG_IGN : SIG_DFL);
	}
}

void traps_in_child(void)
{
	for (int sig = 0; sig < NSIG; sig++) {
		free(inherited_actions[sig]);
		inherited_actions[sig] = NULL;
		if (trap_actions[sig] && trap_actions[sig][0] != '\0') {
			inherited_actions[sig] = trap_actions[sig];
			trap_actions[sig] = NULL;
			if (sig)
				default_disposition(sig);
		}
	}
	default_disposition(SIGCHLD);
	inherited_shown = 1;
	trap_depth = 0;
	/* (signals that arrived for the parent are its business) */
	for (int sig = 0; sig < NSIG; sig++)
		signal_arrived[sig] = 0;
	pending_signals = 0;
}

int any_trap_set(void)
{
	for (int sig = 0; sig < NSIG; sig++)
		if (trap_actions[sig] != NULL && trap_actions[sig][0] != '\0')
			return 1;
	return 0;
}

/* The signal a builtin was interrupted by (the first that arrived), for its status 128+n. */
int pending_signal_number(void)
{
	for (int sig = 1; sig < NSIG; sig++)
		if (signal_arrived[sig])
			return sig;
	return SIGINT;
}

int in_trap(int *status_before)
{
	*status_before = status_before_trap;
	return trap_depth > 0;
}

/* Run one trap action. $? is kept, unless the action returns from a function. */
static void run_trap(const char *action)
{
	int saved = last_status, saved_before = status_before_trap;
	char *copy = xstrdup(action);	/* the action may replace itself */

	status_before_trap = last_status;
	trap_depth++;
	run_string(copy);
	trap_depth--;
	status_before_trap = saved_before;
	if (pending_jump != J_RETURN)
		last_status = saved;
	free(copy);
}

/*
 * Run the traps of the signals that arrived. A trap action may send its own
 * shell another signal: that trap runs at once, nested inside this one.
 */
void run_pending_traps(void)
{
	if (!pending_signals)
		return;
	pending_signals = 0;
	for (int sig = 1; sig < NSIG; sig++) {
		if (!signal_arrived[sig])
			continue;
		signal_arrived[sig] = 0;
		if (trap_actions[sig] && trap_actions[sig][0])
			run_trap(trap_actions[sig]);
	}
}

void run_exit_trap(void)
{
	char *action = trap_actions[0];

	if (action == NULL)
		return;
	trap_actions[0] = NULL;
	if (*action) {
		status_before_trap = last_status;
		trap_depth++;
		run_string(action);
		trap_depth--;
	}
	free(action);
}

static void set_trap(int sig, const char *action)
{
	if (inherited_shown) {	/* the subshell's own traps from now on */
		for (int i = 0; i < NSIG; i++) {
			free(inherited_actions[i]);
			inherited_actions[i] = NULL;
		}
		inherited_shown = 0;
	}
	free(trap_actions[sig]);
	trap_actions[sig] = action ? xstrdup(action) : NULL;
	if (sig == 0)
		return;
	if (action == NULL)
		default_disposition(sig);
	else if (*action == '\0')
		signal(sig, SIG_IGN);
	else
		catch_signal(sig, on_signal);
}

static void print_traps(void)
{
	for (int sig = 0; sig < NSIG; sig++) {
		const char *action = trap_actions[sig] ? trap_actions[sig] : inherited_actions[sig];
		if (action == NULL)
			continue;
		fputs("trap -- ", stdout);
		put_quoted(action);
		printf(" %s\n", sig ? signal_name(sig) : "EXIT");
	}
}

/* A trap condition: EXIT, 0, a signal name or number. */
static int trap_signal(const char *name)
{
	if (strcmp(name, "EXIT") == 0 || strcmp(name, "0") == 0)
		return 0;
	return signal_number(name);
}

static int trap_builtin(int argc, char **argv)
{
	int status = 0, i = 1;
	const char *action;

	if (argc > 1 && strcmp(argv[1], "--") == 0)
		i++;
	if (i >= argc || strcmp(argv[i], "-p") == 0) {
		print_traps();
		return 0;
	}
	if (strcmp(argv[i], "-l") == 0)
		return run_argv(2, (char *[]){ "kill", "-l", NULL }, 1);
	action = argv[i];
	/* "trap N..." with a number first resets those signals (POSIX) */
	if (trap_signal(action) >= 0 && strspn(action, "0123456789") == strlen(action))
		action = "-";
	else
		i++;
	if (i >= argc) {
		sh_warn("trap: signal name required");
		return 2;
	}
	for (; i < argc; i++) {
		int sig = trap_signal(argv[i]);
		if (sig < 0 || sig == SIGKILL || sig == SIGSTOP) {
			sh_warn("trap: %s: bad signal", argv[i]);
			status = 1;
			continue;
		}
		set_trap(sig, strcmp(action, "-") == 0 ? NULL : action);
	}
	return status;
}

/* ---- the table ---- */

/* In strcmp order (searched in halves). special = 1: POSIX special builtins. */
const struct builtin builtins[] = {
	{ ".", dot_builtin, 1 },
	{ ":", colon_builtin, 1 },
	{ "[", mini_builtin, 0 },
	{ "alias", alias_builtin, 0 },
	{ "bg", bg_builtin, 0 },
	{ "break", break_builtin, 1 },
	{ "cd", cd_builtin, 0 },
	{ "command", command_builtin, 0 },
	{ "continue", break_builtin, 1 },
	{ "echo", mini_builtin, 0 },
	{ "eval", eval_builtin, 1 },
	{ "exec", exec_builtin, 1 },
	{ "exit", exit_builtin, 1 },
	{ "export", export_builtin, 1 },
	{ "false", mini_builtin, 0 },
	{ "fg", fg_builtin, 0 },
	{ "getopts", getopts_builtin, 0 },
	{ "hash", hash_builtin, 0 },
	{ "history", history_builtin, 0 },
	{ "jobs", jobs_builtin, 0 },
	{ "kill", kill_builtin, 0 },
	{ "let", let_builtin, 0 },
	{ "local", local_builtin, 0 },
	{ "printf", mini_builtin, 0 },
	{ "pwd", pwd_builtin, 0 },
	{ "read", read_builtin, 0 },
	{ "readonly", readonly_builtin, 1 },
	{ "return", return_builtin, 1 },
	{ "set", set_builtin, 1 },
	{ "shift", shift_builtin, 1 },
	{ "source", dot_builtin, 1 },
	{ "test", mini_builtin, 0 },
	{ "times", times_builtin, 1 },
	{ "trap", trap_builtin, 1 },
	{ "true", mini_builtin, 0 },
	{ "type", type_builtin, 0 },
	{ "umask", umask_builtin, 0 },
	{ "unalias", unalias_builtin, 0 },
	{ "unset", unset_builtin, 1 },
	{ "wait", wait_builtin, 0 },
	{ NULL, NULL, 0 }
};

const struct builtin *find_builtin(const char *name)
{
	size_t low = 0, high = sizeof builtins / sizeof builtins[0] - 1;

	while (low < high) {
		size_t mid = (low + high) / 2;
		int order = strcmp(name, builtins[mid].name);
		if (order == 0)
			return &builtins[mid];
		if (order < 0)
			high = mid;
		else
			low = mid + 1;
	}
	return NULL;
}
