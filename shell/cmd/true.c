/*
 * true, false: do nothing, successfully or not (POSIX true and false).
 * Both names share this file; the name the command was started under decides.
 */
#include <stdio.h>
#include <string.h>
#include "mini.h"

static const char usage[] =
	"Usage: true\n"
	"       false\n"
	"Do nothing: true exits with status 0, false with status 1.\n";

int true_main(int argc, char **argv)
{
	/*
	 * POSIX says operands are ignored; only a lone --help is honoured, as GNU does.
	 * The shell may run this in its own process: so print, never exit.
	 */
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		fputs(usage, stdout);
		return 0;
	}
	return strcmp(program_name, "false") == 0;
}
