/* rev: reverse the bytes of each line (util-linux rev; no locale, so bytes). */
#include <stdio.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: rev [FILE]...\n"
	"Copy each FILE (standard input for none or -), every line reversed.\n";

static void print_reversed(const char *line, size_t len)
{
	while (len > 0)
		putchar(line[--len]);
}

int rev_main(int argc, char **argv)
{
	struct options o;

	options_start(&o, argc, argv, "", usage);
	while (options_next(&o) != -1)
		;
	return print_each_line(argv + o.index, print_reversed);
}
