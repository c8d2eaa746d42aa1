/*
 * zcat: decompress gzip files to standard output (gunzip -c), the files kept.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "inflate.h"

static const char usage[] =
	"Usage: zcat [FILE]...\n"
	"Write the decompressed data of each gzip FILE (standard input for none or -)\n"
	"to standard output.\n";

int zcat_main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	struct options o;
	int status = 0;

	options_start(&o, argc, argv, "", usage);
	while (options_next(&o) != -1)
		;
	argv += o.index;
	if (*argv == NULL)
		argv = stdin_only;
	/* Our output goes straight to file descriptor 1: nothing buffered may follow it. */
	fflush(stdout);
	for (; *argv; argv++) {
		int from_stdin = strcmp(*argv, "-") == 0;
		int in = open_input(*argv);
		if (in < 0) {
			warn("%s:", *argv);
			status = 1;
			continue;
		}
		if (gunzip_named(in, STDOUT_FILENO, from_stdin ? "stdin" : *argv) < 0)
			status = 1;
		if (!from_stdin)
			close(in);
	}
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
