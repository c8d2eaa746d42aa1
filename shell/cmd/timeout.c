/*
 * timeout: run a command with a time limit (as GNU timeout).
 *
 * timeout puts itself and the command in a process group of their own, so that
 * when time runs out the signal reaches everything the command started. Exit
 * status 124 when the time ran out, 137 when it had to use KILL, the command's
 * own status otherwise.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/wait.h>
#include "mini.h"
#include "duration.h"
#include "exec.h"
#include "signames.h"

static const char usage[] =
	"Usage: timeout [-s SIGNAL] [-k DURATION] DURATION COMMAND [ARG]...\n"
	"Run COMMAND; if it still runs after DURATION, send it SIGNAL (TERM).\n"
	"DURATION is seconds, fractions allowed, with an optional suffix s, m, h or d.\n"
	"  -s SIGNAL    the signal to send, by name or number\n"
	"  -k DURATION  if the command still runs DURATION after that, send KILL\n"
	"Exit status: 124 when the time ran out, else the command's status.\n";

/* Set by the signal handler, read by the waiting loop. */
static volatile sig_atomic_t alarm_rang, signal_received;

static void on_signal(int sig)
{
	if (sig == SIGALRM)
		alarm_rang = 1;
	else
		signal_received = sig;
}

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

/* Send sig to the command and to the rest of the process group (not to timeout itself). */
static void send_to_command(pid_t child, int sig)
{
	kill(child, sig);
	if (sig == SIGKILL)
		return;
	signal(sig, SIG_IGN);
	kill(0, sig);
	kill(0, SIGCONT);	/* a stopped process would never see the signal */
}

static long long get_duration(const char *s)
{
	long long span;

	if (parse_duration(s, &span) < 0)
		usage_error(usage, "invalid time interval '%s'", s);
	return span;
}

/* Wait for the child, handling the alarms. Returns its wait status. */
static int supervise(pid_t child, int sig, long long limit, long long kill_after, int *timed_out)
{
	int status, killed = 0;

	set_alarm(limit);
	while (waitpid(child, &status, 0) < 0) {
		if (errno != EINTR)
			die("wait:");
		if (signal_received) {
			send_to_command(child, signal_received);
			signal_received = 0;
		}
		if (!alarm_rang)
			continue;
		alarm_rang = 0;
		if (!*timed_out) {
			*timed_out = 1;
			send_to_command(child, sig);
			if (kill_after > 0)
				set_alarm(kill_after);
		} else if (!killed) {
			killed = 1;
			kill(child, SIGKILL);
		}
	}
	return status;
}

int timeout_main(int argc, char **argv)
{
	struct options o;
	struct sigaction action;
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
	setpgid(0, 0);
	memset(&action, 0, sizeof action);
	action.sa_handler = on_signal;	/* no SA_RESTART: waitpid must return on EINTR */
	sigaction(SIGALRM, &action, NULL);
	sigaction(SIGTERM, &action, NULL);
	sigaction(SIGINT, &action, NULL);
	sigaction(SIGHUP, &action, NULL);
	child = fork();
	if (child < 0)
		die("fork:");
	if (child == 0) {
		signal(SIGTERM, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		exec_command(argv + 1);
	}
	status = supervise(child, sig, limit, kill_after, &timed_out);
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL && timed_out)
		return 137;
	return timed_out ? 124 : exit_status_of(status);
}
