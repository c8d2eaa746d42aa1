/*
 * time: run a command and report the time it took (POSIX time).
 * The report goes to standard error: -p gives POSIX's "real 1.23" lines, the
 * default the shells' "real 0m1.230s" ones.
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "mini.h"
#include "duration.h"
#include "runcmd.h"

static const char usage[] =
	"Usage: time [-p] COMMAND [ARG]...\n"
	"Run COMMAND, then write the elapsed real time and the user and system CPU\n"
	"time it used to standard error.\n"
	"  -p  POSIX's format: \"real 1.23\" (seconds) on three lines\n";

/* Print one line of the report for a span in microseconds. */
static void report(const char *label, long long microseconds, int posix_format)
{
	long long hundredths = (microseconds + 5000) / 10000;
	long long milliseconds = (microseconds + 500) / 1000;

	if (posix_format)
		fprintf(stderr, "%s %lld.%02lld\n", label, hundredths / 100, hundredths % 100);
	else
		fprintf(stderr, "%s\t%lldm%lld.%03llds\n", label, milliseconds / 60000,
			milliseconds / 1000 % 60, milliseconds % 1000);
}

static long long microseconds_of(struct timeval tv)
{
	return tv.tv_sec * 1000000LL + tv.tv_usec;
}

int time_main(int argc, char **argv)
{
	struct options o;
	struct rusage usage_of_child;
	long long start;
	int c, posix_format = 0, status;
	pid_t pid;

	options_start(&o, argc, argv, "p", usage);
	while ((c = options_next(&o)) != -1)
		posix_format = 1;
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "missing command");
	start = monotonic_nanoseconds();
	pid = fork();
	if (pid < 0)
		die("fork:");
	if (pid == 0)
		exec_command(argv);
	/* Like a shell: Ctrl-C is for the command; time stays to report. */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	if (wait4(pid, &status, 0, &usage_of_child) < 0)
		die("wait:");
	report("real", (monotonic_nanoseconds() - start) / 1000, posix_format);
	report("user", microseconds_of(usage_of_child.ru_utime), posix_format);
	report("sys", microseconds_of(usage_of_child.ru_stime), posix_format);
	return exit_status_of(status);
}
