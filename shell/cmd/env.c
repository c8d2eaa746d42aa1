/*
 * env: run a command in a changed environment, or print the environment
 * (POSIX env, plus GNU's -u). Exit 127 when the command is not found, 126 when
 * it cannot be run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "runcmd.h"

static const char usage[] =
	"Usage: env [-i] [-u NAME]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\n"
	"Set each NAME to VALUE and run COMMAND; print the environment when there is none.\n"
	"  -i, -   start with an empty environment\n"
	"  -u NAME remove NAME from the environment\n";

extern char **environ;

int env_main(int argc, char **argv)
{
	struct options o;
	int c;

	options_start(&o, argc, argv, "iu:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'i')
			clearenv();
		else if (unsetenv(o.arg) < 0)
			usage_error(usage, "cannot unset '%s'", o.arg);
	}
	argv += o.index;
	if (*argv && strcmp(*argv, "-") == 0) {		/* the old spelling of -i */
		clearenv();
		argv++;
	}
	for (; *argv && strchr(*argv, '='); argv++) {
		if (putenv(*argv) < 0)
			die("%s:", *argv);
	}
	if (*argv)
		exec_command(argv);
	for (char **e = environ; e && *e; e++)
		puts(*e);
	return flush_stdout() < 0;
}
