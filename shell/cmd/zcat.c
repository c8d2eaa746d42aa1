/*
 * zcat: decompress gzip files to standard output (gunzip -c), the files kept.
 * With -f, as GNU zcat -f, other files are copied as they are (cat).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "inflate.h"

static const char usage[] =
	"Usage: zcat [-fq] [FILE]...\n"
	"Write the decompressed data of each gzip FILE (standard input for none or -)\n"
	"to standard output.\n"
	"  -f  copy data that is not gzip unchanged\n"
	"  -q  no warning about trailing garbage\n";

int zcat_main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	struct options o;
	int c, status = 0, flags = 0;

	options_start(&o, argc, argv, "fq", usage);
	while ((c = options_next(&o)) != -1)
		flags |= c == 'f' ? GUNZIP_COPY_OTHER : GUNZIP_QUIET;
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
		if (gunzip_with(in, STDOUT_FILENO, from_stdin ? "stdin" : *argv, flags) < 0)
			status = 1;
		if (!from_stdin)
			close(in);
	}
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
