/*
 * fold: wrap long lines to a width (POSIX fold). Columns count like a terminal:
 * a tab goes to the next multiple of 8, backspace goes back one, carriage
 * return to 0; -b counts bytes instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: fold [-bs] [-w WIDTH] [FILE]...\n"
	"Wrap the lines of each FILE (standard input for none or -) at WIDTH columns.\n"
	"  -w WIDTH  the width (default 80)\n"
	"  -b        count bytes, not columns\n"
	"  -s        break after the last blank before the width, when there is one\n";

struct fold {
	int count_bytes;	/* -b */
	int at_spaces;		/* -s */
	long width;		/* -w */
};

static long advance(const struct fold *how, long column, char c)
{
	if (how->count_bytes)
		return column + 1;
	if (c == '\t')
		return (column / 8 + 1) * 8;
	if (c == '\b')
		return column > 0 ? column - 1 : 0;
	if (c == '\r')
		return 0;
	return column + 1;
}

/* each_line's work: the line in pieces of at most the width, then its '\n'. */
static int fold_line(const char *line, size_t len, void *data)
{
	const struct fold *how = data;
	size_t start = 0;

	while (start < len) {
		long column = 0;
		size_t i = start, last_blank = 0;
		int have_blank = 0;
		/* How much fits on this output line? */
		for (; i < len; i++) {
			long next = advance(how, column, line[i]);
			if (next > how->width && i > start)
				break;
			column = next;
			if (line[i] == ' ' || line[i] == '\t') {
				last_blank = i;
				have_blank = 1;
			}
		}
		if (i < len && how->at_spaces && have_blank)
			i = last_blank + 1;
		fwrite(line + start, 1, i - start, stdout);
		if (i < len)
			putchar('\n');
		start = i;
	}
	return 1;
}

int fold_main(int argc, char **argv)
{
	struct options o;
	struct fold how = { 0, 0, 80 };
	int c;
	long long n;

	options_start(&o, argc, argv, "bsw:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'b')
			how.count_bytes = 1;
		else if (c == 's')
			how.at_spaces = 1;
		else if (parse_long(o.arg, &n) < 0 || n < 1)
			usage_error(usage, "invalid width '%s'", o.arg);
		else
			how.width = n;
	}
	return each_line(argv + o.index, fold_line, &how);
}
