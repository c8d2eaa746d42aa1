/*
 * kill: send a signal to processes (POSIX kill, plus the -NAME/-SIGNAME forms
 * everyone types). A negative PID names a process group: write it after the
 * signal, or after "--" (kill -- -123), so it is not read as a signal.
 *
 * The shell may run kill_main in its own process as its kill builtin: so it keeps
 * no state between calls and never exits; mistakes return status 2.
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

/* A mistake in the command line: the message and the usage line, status 2 (no exit). */
static int usage_problem(const char *what, const char *word)
{
	warn(word ? "%s '%s'" : "%s", what, word);
	fprintf(stderr, "%.*s\n", (int)strcspn(usage, "\n"), usage);
	return 2;
}

static int send_signal(int signal, char **pids)
{
	int status = 0;

	if (*pids == NULL)
		return usage_problem("no process id given", NULL);
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

int kill_main(int argc, char **argv)
{
	const char *first = argv[1], *signal_word = NULL;
	int signal = SIGTERM;

	/* kill parses by hand: "-9" and "-TERM" are options only in the first place. */
	argv++;
	if (first == NULL)
		return usage_problem("no process id given", NULL);
	if (strcmp(first, "--help") == 0) {
		fputs(usage, stdout);
		return 0;
	}
	if (strcmp(first, "-l") == 0 || strcmp(first, "-L") == 0)
		return list_signals(argv + 1);
	if (strcmp(first, "-s") == 0) {
		if (argv[1] == NULL)
			return usage_problem("option '-s' needs an argument", NULL);
		signal_word = argv[1];
		argv += 2;
	} else if (first[0] == '-' && first[1] != '\0' && strcmp(first, "--") != 0) {
		signal_word = first + 1;
		argv++;
	}
	if (signal_word && (signal = signal_number(signal_word)) < 0)
		return usage_problem("unknown signal", signal_word);
	if (*argv && strcmp(*argv, "--") == 0)
		argv++;
	return send_signal(signal, argv);
}
