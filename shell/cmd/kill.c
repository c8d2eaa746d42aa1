/*
 * kill: send a signal to processes (POSIX kill, plus the -NAME/-SIGNAME forms
 * everyone types). A negative PID names a process group: write it after the
 * signal, or after "--" (kill -- -123), so it is not read as a signal.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "mini.h"
#include "signames.h"

static const char usage[] =
	"Usage: kill [-s SIGNAL | -SIGNAL] PID...\n"
	"       kill -l [NUMBER | NAME]...\n"
	"Send SIGNAL (TERM when none is given) to each PID; -PGID means a process group.\n"
	"  -s NAME  the signal by name (TERM, SIGTERM) or number; -9, -KILL, -SIGKILL likewise\n"
	"  -l       list the signal names; with operands, turn numbers (or exit statuses\n"
	"           above 128) into names and names into numbers\n";

static int list_all_signals(void)
{
	for (int n = 1; n <= signal_last(); n++)
		printf(n < signal_last() ? "%s " : "%s\n", signal_name(n));
	return 0;
}

/* kill -l 15 prints TERM; kill -l 143 (a shell's status for SIGTERM) too; kill -l TERM prints 15. */
static int list_signals(char **names)
{
	int status = 0;

	if (*names == NULL)
		return list_all_signals();
	for (; *names; names++) {
		long long n;
		if (parse_long(*names, &n) == 0) {
			const char *name = signal_name(n > 128 ? n - 128 : n);
			if (name)
				puts(name);
			else {
				warn("unknown signal '%s'", *names);
				status = 1;
			}
		} else if (signal_number(*names) > 0) {
			printf("%d\n", signal_number(*names));
		} else {
			warn("unknown signal '%s'", *names);
			status = 1;
		}
	}
	return status;
}

static int send_signal(int signal, char **pids)
{
	int status = 0;

	if (*pids == NULL)
		usage_error(usage, "no process id given");
	for (; *pids; pids++) {
		long long pid;
		if (parse_long(*pids, &pid) < 0 || pid != (pid_t)pid) {
			warn("%s: not a process id", *pids);
			status = 1;
		} else if (kill((pid_t)pid, signal) < 0) {
			warn("(%s):", *pids);
			status = 1;
		}
	}
	return status;
}

static int get_signal(const char *name)
{
	int number = signal_number(name);

	if (number < 0)
		usage_error(usage, "unknown signal '%s'", name);
	return number;
}

int kill_main(int argc, char **argv)
{
	const char *first = argv[1];
	int signal = SIGTERM;

	/* kill parses by hand: "-9" and "-TERM" are options only in the first place. */
	argv++;
	if (first == NULL)
		usage_error(usage, "no process id given");
	if (strcmp(first, "--help") == 0)
		show_help(usage);
	if (strcmp(first, "-l") == 0 || strcmp(first, "-L") == 0)
		return list_signals(argv + 1);
	if (strcmp(first, "-s") == 0) {
		if (argv[1] == NULL)
			usage_error(usage, "option '-s' needs an argument");
		signal = get_signal(argv[1]);
		argv += 2;
	} else if (first[0] == '-' && first[1] != '\0' && strcmp(first, "--") != 0) {
		signal = get_signal(first + 1);
		argv++;
	}
	if (*argv && strcmp(*argv, "--") == 0)
		argv++;
	return send_signal(signal, argv);
}
