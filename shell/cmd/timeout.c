/*
 * timeout: run a command with a time limit (as GNU timeout).
 *
 * The command runs in a process group of its own, so that when time runs out
 * the signal reaches everything the command started. Exit
 * status 124 when the time ran out, 137 when it had to use KILL, the command's
 * own status otherwise.
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/wait.h>
#include "mini.h"
#include "duration.h"
#include "runcmd.h"
#include "signames.h"

static const char usage[] =
	"Usage: timeout [-s SIGNAL] [-k DURATION] DURATION COMMAND [ARG]...\n"
	"Run COMMAND; if it still runs after DURATION, send it SIGNAL (TERM).\n"
	"DURATION is seconds, fractions allowed, with an optional suffix s, m, h or d.\n"
	"  -s SIGNAL    the signal to send, by name or number\n"
	"  -k DURATION  if the command still runs DURATION after that, send KILL\n"
	"Exit status: 124 when the time ran out, else the command's status.\n";

static void set_alarm(long long nanoseconds)
{
	struct itimerval timer;

	memset(&timer, 0, sizeof timer);
	timer.it_value.tv_sec = nanoseconds / NANOSECONDS_PER_SECOND;
	timer.it_value.tv_usec = nanoseconds % NANOSECONDS_PER_SECOND / 1000;
	if (nanoseconds > 0 && timer.it_value.tv_sec == 0 && timer.it_value.tv_usec == 0)
		timer.it_value.tv_usec = 1;
	setitimer(ITIMER_REAL, &timer, NULL);
}

/* Send sig to the command and to everything it started (its process group). */
static void send_to_command(pid_t child, int sig)
{
	kill(-child, sig);
	if (sig != SIGKILL && sig != SIGCONT)
		kill(-child, SIGCONT);	/* a stopped process would never see the signal */
}

static long long get_duration(const char *s)
{
	long long span;

	if (parse_duration(s, &span) < 0)
		usage_error(usage, "invalid time interval '%s'", s);
	return span;
}

/*
 * Wait for the child, handling the alarms and forwarding signals sent to timeout.
 * The signals are blocked and taken with sigwaitinfo, one at a time: no handler
 * can then slip in between "is the time up?" and "wait for the child".
 * Returns the child's wait status.
 */
static int supervise(pid_t child, const sigset_t *watched, int sig, long long limit,
		     long long kill_after, int *timed_out)
{
	int status, got;

	set_alarm(limit);
	for (;;) {
		got = sigwaitinfo(watched, NULL);
		if (got == SIGCHLD) {
			if (waitpid(child, &status, WNOHANG) == child)
				return status;
		} else if (got == SIGALRM && !*timed_out) {
			*timed_out = 1;
			send_to_command(child, sig);
			if (kill_after > 0)
				set_alarm(kill_after);
		} else if (got == SIGALRM) {
			send_to_command(child, SIGKILL);
		} else if (got > 0) {
			send_to_command(child, got);	/* TERM, INT, HUP sent to timeout: pass them on */
		}
	}
}

int timeout_main(int argc, char **argv)
{
	struct options o;
	sigset_t watched, old_mask;
	long long limit, kill_after = 0;
	int c, sig = SIGTERM, timed_out = 0, status;
	pid_t child;

	options_start(&o, argc, argv, "s:k:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'k')
			kill_after = get_duration(o.arg);
		else if ((sig = signal_number(o.arg)) <= 0)
			usage_error(usage, "unknown signal '%s'", o.arg);
	}
	argv += o.index;
	if (argv[0] == NULL || argv[1] == NULL)
		usage_error(usage, argv[0] ? "missing command" : "missing duration");
	limit = get_duration(argv[0]);
	sigemptyset(&watched);
	sigaddset(&watched, SIGCHLD);
	sigaddset(&watched, SIGALRM);
	sigaddset(&watched, SIGTERM);
	sigaddset(&watched, SIGINT);
	sigaddset(&watched, SIGHUP);
	sigprocmask(SIG_BLOCK, &watched, &old_mask);
	child = fork();
	if (child < 0)
		die("fork:");
	if (child > 0)
		setpgid(child, child);	/* also here, so it holds before the first signal */
	if (child == 0) {
		setpgid(0, 0);	/* a group of its own, for the command and all it starts */
		sigprocmask(SIG_SETMASK, &old_mask, NULL);
		exec_command(argv + 1);
	}
	status = supervise(child, &watched, sig, limit, kill_after, &timed_out);
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL && timed_out)
		return 137;
	return timed_out ? 124 : exit_status_of(status);
}
