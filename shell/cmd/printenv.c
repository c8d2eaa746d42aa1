/* printenv: print the environment, or the values of some variables (as GNU printenv). */
#include <stdio.h>
#include <stdlib.h>
#include "mini.h"

static const char usage[] =
	"Usage: printenv [NAME]...\n"
	"Print the value of each NAME, or every NAME=VALUE when none is given.\n"
	"Exit status 1 when a NAME is not set.\n";

extern char **environ;

int printenv_main(int argc, char **argv)
{
	struct options o;
	int status = 0;

	options_start(&o, argc, argv, "", usage);
	options_next(&o);
	argv += o.index;
	if (*argv == NULL) {
		for (char **e = environ; e && *e; e++)
			puts(*e);
	}
	for (; *argv; argv++) {
		const char *value = getenv(*argv);
		if (value)
			puts(value);
		else
			status = 1;
	}
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
