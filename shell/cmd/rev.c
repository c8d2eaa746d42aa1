/* rev: reverse the bytes of each line (util-linux rev; no locale, so bytes). */
#include <stdio.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: rev [FILE]...\n"
	"Copy each FILE (standard input for none or -), every line reversed.\n";

/* each_line's work: the line backwards, then its '\n'. */
static int print_reversed(const char *line, size_t len, void *unused)
{
	(void)unused;
	while (len > 0)
		putchar(line[--len]);
	return 1;
}

int rev_main(int argc, char **argv)
{
	struct options o;

	options_start(&o, argc, argv, "", usage);
	while (options_next(&o) != -1)
		;
	return each_line(argv + o.index, print_reversed, NULL);
}
