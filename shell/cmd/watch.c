/*
 * watch: run a command again and again, showing its output (as procps watch).
 * On a terminal the screen is cleared before each run; into a pipe or file the
 * outputs simply follow each other.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include "mini.h"
#include "duration.h"

static const char usage[] =
	"Usage: watch [-n SECONDS] [-t] COMMAND [ARG]...\n"
	"Run COMMAND (through sh -c) every SECONDS (2 by default) until interrupted.\n"
	"  -n SECONDS  the interval; fractions allowed\n"
	"  -t          no header line\n";

/* The command's words joined by spaces, as sh -c will read them. */
static char *join_words(char **words)
{
	size_t len = 1;
	char *line;

	for (int i = 0; words[i]; i++)
		len += strlen(words[i]) + 1;
	line = xzalloc(len);
	for (int i = 0; words[i]; i++) {
		if (i)
			strcat(line, " ");
		strcat(line, words[i]);
	}
	return line;
}

/* "Every 2s: CMD" on the left and the time on the right, cut to the terminal's width. */
static void print_header(const char *interval, const char *command)
{
	char left[256], right[64];
	time_t now = time(NULL);
	int rows, cols, room;

	terminal_size(STDOUT_FILENO, &rows, &cols);
	snprintf(left, sizeof left, "Every %ss: %s", interval, command);
	strftime(right, sizeof right, "%a %b %e %H:%M:%S %Y", localtime(&now));
	room = cols - (int)strlen(right) - 1;
	if (room < 0)
		room = 0;
	printf("%-*.*s %s\n\n", room, room, left, right);
}

static void run_once(const char *command)
{
	pid_t pid;
	int status;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		warn("fork:");
		return;
	}
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		warn("/bin/sh:");
		_exit(127);
	}
	waitpid(pid, &status, 0);
}

int watch_main(int argc, char **argv)
{
	struct options o;
	const char *interval = "2";
	long long span = 2 * NANOSECONDS_PER_SECOND;
	int c, header = 1, on_terminal = isatty(STDOUT_FILENO);
	char *command;

	options_start(&o, argc, argv, "n:t", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 't') {
			header = 0;
		} else {
			interval = o.arg;
			if (parse_duration(interval, &span) < 0)
				usage_error(usage, "invalid interval '%s'", interval);
			if (span < NANOSECONDS_PER_SECOND / 10)	/* procps's minimum too */
				span = NANOSECONDS_PER_SECOND / 10;
		}
	}
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "missing command");
	command = join_words(argv);
	for (;;) {
		if (on_terminal)
			fputs("\033[H\033[J", stdout);	/* cursor home, erase the screen */
		if (header)
			print_header(interval, command);
		run_once(command);
		sleep_nanoseconds(span);
	}
}
