/*
 * time: run a command and report the time it took (POSIX time, GNU's -f and -v).
 * The report goes to standard error: -p gives POSIX's "real 1.23" lines, the
 * default the shells' "real 0m1.230s" ones, -f FORMAT GNU time's % fields.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "mini.h"
#include "duration.h"
#include "runcmd.h"

static const char usage[] =
	"Usage: time [-p | -v | -f FORMAT] COMMAND [ARG]...\n"
	"Run COMMAND, then write the elapsed real time and the user and system CPU\n"
	"time it used to standard error.\n"
	"  -p         POSIX's format: \"real 1.23\" (seconds) on three lines\n"
	"  -v         every figure, one a line (GNU time's verbose report)\n"
	"  -f FORMAT  GNU time's fields: %e %E real, %U user, %S system (seconds),\n"
	"             %P CPU share, %M maximum resident size (KB), %F %R page faults,\n"
	"             %w %c context switches, %I %O file system I/O, %x exit status,\n"
	"             %C the command, %Z page size, %%; \\n \\t\n";

/* GNU time's -v: its own format. */
static const char verbose_format[] =
	"\tCommand being timed: \"%C\"\n"
	"\tUser time (seconds): %U\n"
	"\tSystem time (seconds): %S\n"
	"\tPercent of CPU this job got: %P\n"
	"\tElapsed (wall clock) time (h:mm:ss or m:ss): %E\n"
	"\tAverage shared text size (kbytes): %X\n"
	"\tAverage unshared data size (kbytes): %D\n"
	"\tAverage stack size (kbytes): %p\n"
	"\tAverage total size (kbytes): %K\n"
	"\tMaximum resident set size (kbytes): %M\n"
	"\tAverage resident set size (kbytes): %t\n"
	"\tMajor (requiring I/O) page faults: %F\n"
	"\tMinor (reclaiming a frame) page faults: %R\n"
	"\tVoluntary context switches: %w\n"
	"\tInvoluntary context switches: %c\n"
	"\tSwaps: %W\n"
	"\tFile system inputs: %I\n"
	"\tFile system outputs: %O\n"
	"\tSocket messages sent: %s\n"
	"\tSocket messages received: %r\n"
	"\tSignals delivered: %k\n"
	"\tPage size (bytes): %Z\n"
	"\tExit status: %x";

/* What the command did, for the -f fields. */
struct measured {
	char **argv;
	long long real;		/* microseconds */
	struct rusage usage;
	int status;		/* as wait returned it */
};

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

/* Seconds with hundredths: "1.23". */
static void put_seconds(long long microseconds)
{
	long long hundredths = microseconds / 10000;

	fprintf(stderr, "%lld.%02lld", hundredths / 100, hundredths % 100);
}

/* %E: [hours:]minutes:seconds, with hundredths below an hour ("0:01.23"). */
static void put_clock(long long microseconds)
{
	long long seconds = microseconds / 1000000;

	if (seconds >= 3600)
		fprintf(stderr, "%lld:%02lld:%02lld", seconds / 3600, seconds / 60 % 60, seconds % 60);
	else
		fprintf(stderr, "%lld:%02lld.%02lld", seconds / 60, seconds % 60, microseconds / 10000 % 100);
}

/* %P: the CPU time as a share of the real time. */
static void put_cpu_share(const struct measured *m)
{
	long long cpu = microseconds_of(m->usage.ru_utime) + microseconds_of(m->usage.ru_stime);

	if (m->real > 0)
		fprintf(stderr, "%lld%%", cpu * 100 / m->real);
	else
		fputs("?%", stderr);
}

/* %C: the command and its arguments, separated by spaces. */
static void put_command(char **argv)
{
	for (int i = 0; argv[i]; i++)
		fprintf(stderr, "%s%s", i ? " " : "", argv[i]);
}

/* One % field of -f; the fields Linux does not keep (%X %D %p %K %t %W) are 0, as in GNU time. */
static void put_field(char field, const struct measured *m)
{
	const struct rusage *u = &m->usage;

	switch (field) {
	case 'e': put_seconds(m->real); break;
	case 'E': put_clock(m->real); break;
	case 'U': put_seconds(microseconds_of(u->ru_utime)); break;
	case 'S': put_seconds(microseconds_of(u->ru_stime)); break;
	case 'P': put_cpu_share(m); break;
	case 'M': fprintf(stderr, "%ld", u->ru_maxrss); break;
	case 'F': fprintf(stderr, "%ld", u->ru_majflt); break;
	case 'R': fprintf(stderr, "%ld", u->ru_minflt); break;
	case 'w': fprintf(stderr, "%ld", u->ru_nvcsw); break;
	case 'c': fprintf(stderr, "%ld", u->ru_nivcsw); break;
	case 'I': fprintf(stderr, "%ld", u->ru_inblock); break;
	case 'O': fprintf(stderr, "%ld", u->ru_oublock); break;
	case 'r': fprintf(stderr, "%ld", u->ru_msgrcv); break;
	case 's': fprintf(stderr, "%ld", u->ru_msgsnd); break;
	case 'k': fprintf(stderr, "%ld", u->ru_nsignals); break;
	case 'X': case 'D': case 'p': case 'K': case 't': case 'W': fputc('0', stderr); break;
	case 'Z': fprintf(stderr, "%ld", sysconf(_SC_PAGESIZE)); break;
	case 'x': fprintf(stderr, "%d", WIFEXITED(m->status) ? WEXITSTATUS(m->status) : 0); break;
	case 'C': put_command(m->argv); break;
	case '%': fputc('%', stderr); break;
	default: fprintf(stderr, "?%c", field); break;	/* as GNU time */
	}
}

/* -f and -v: GNU time's report, with its line about a failed command first. */
static void report_format(const char *format, const struct measured *m)
{
	if (WIFSIGNALED(m->status))
		fprintf(stderr, "Command terminated by signal %d\n", WTERMSIG(m->status));
	else if (WEXITSTATUS(m->status) != 0)
		fprintf(stderr, "Command exited with non-zero status %d\n", WEXITSTATUS(m->status));
	for (const char *p = format; *p; p++) {
		if (*p == '%' && p[1]) {
			put_field(*++p, m);
		} else if (*p == '\\' && (p[1] == 'n' || p[1] == 't' || p[1] == '\\')) {
			p++;
			fputc(*p == 'n' ? '\n' : *p == 't' ? '\t' : '\\', stderr);
		} else {
			fputc(*p, stderr);
		}
	}
	fputc('\n', stderr);
}

int time_main(int argc, char **argv)
{
	struct options o;
	struct measured m;
	const char *format = NULL;
	long long start;
	int c, posix_format = 0;
	pid_t pid;

	options_start(&o, argc, argv, "pvf:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'p')
			posix_format = 1;
		else
			format = c == 'v' ? verbose_format : o.arg;
	}
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
	if (wait4(pid, &m.status, 0, &m.usage) < 0)
		die("wait:");
	m.real = (monotonic_nanoseconds() - start) / 1000;
	m.argv = argv;
	if (format) {
		report_format(format, &m);
	} else {
		report("real", m.real, posix_format);
		report("user", microseconds_of(m.usage.ru_utime), posix_format);
		report("sys", microseconds_of(m.usage.ru_stime), posix_format);
	}
	return exit_status_of(m.status);
}
