/* whoami: print the name of the effective user (as GNU whoami, = id -un). */
#include <stdio.h>
#include <unistd.h>
#include "mini.h"
#include "users.h"

static const char usage[] =
	"Usage: whoami\n"
	"Print the name of the user running this (the effective user).\n";

int whoami_main(int argc, char **argv)
{
	struct options o;

	options_start(&o, argc, argv, "", usage);
	options_next(&o);
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	puts(user_name(geteuid()));
	return flush_stdout() < 0;
}
