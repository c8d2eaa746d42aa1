/* expand: turn tabs into spaces (POSIX expand, plus GNU's -i). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "lines.h"
#include "tabstops.h"

static const char usage[] =
	"Usage: expand [-i] [-t N | -t LIST] [FILE]...\n"
	"Copy each FILE (standard input for none or -), tabs turned into spaces.\n"
	"  -t N     tab stops every N columns (default 8)\n"
	"  -t LIST  tab stops at these columns, like 4,8,12\n"
	"  -i       only tabs before the first non-blank of a line\n";

struct expand {
	struct tabstops tabs;	/* -t */
	int initial_only;	/* -i */
};

/* each_line's work: the line with its tabs as spaces, then its '\n'. */
static int expand_line(const char *line, size_t len, void *data)
{
	const struct expand *how = data;
	long column = 0;
	int leading = 1;

	for (size_t i = 0; i < len; i++) {
		char c = line[i];
		if (c == '\t' && (leading || !how->initial_only)) {
			long next = tabstops_next(&how->tabs, column);
			for (; column < next; column++)
				putchar(' ');
			continue;
		}
		if (c != ' ' && c != '\t')
			leading = 0;
		putchar(c);
		column = c == '\b' ? (column > 0 ? column - 1 : 0) : column + 1;
	}
	return 1;
}

int expand_main(int argc, char **argv)
{
	struct options o;
	struct expand how = { .initial_only = 0 };
	int c;

	tabstops_parse(&how.tabs, "8");
	options_start(&o, argc, argv, "it:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'i')
			how.initial_only = 1;
		else if (tabstops_parse(&how.tabs, o.arg) < 0)
			usage_error(usage, "invalid tab stops '%s'", o.arg);
	}
	return each_line(argv + o.index, expand_line, &how);
}
