/* tty: print the name of the terminal on standard input (POSIX tty). */
#include <stdio.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: tty [-s]\n"
	"Print the file name of the terminal on standard input, or \"not a tty\"\n"
	"(exit status 1).\n"
	"  -s  print nothing, only set the exit status\n";

int tty_main(int argc, char **argv)
{
	struct options o;
	int silent = 0;
	const char *name;

	options_start(&o, argc, argv, "s", usage);
	while (options_next(&o) != -1)
		silent = 1;
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	name = ttyname(STDIN_FILENO);
	if (!silent)
		puts(name ? name : "not a tty");
	return name == NULL || flush_stdout() < 0;
}
