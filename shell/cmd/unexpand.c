/*
 * unexpand: turn runs of spaces into tabs (POSIX unexpand). Without -a only
 * the blanks at the start of a line are converted. A lone space before a tab
 * stop stays a space, as with GNU unexpand.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "lines.h"
#include "tabstops.h"

static const char usage[] =
	"Usage: unexpand [-a] [-t N | -t LIST] [FILE]...\n"
	"Copy each FILE (standard input for none or -), leading spaces turned into tabs.\n"
	"  -a       convert all runs of blanks, not only leading ones\n"
	"  -t N     tab stops every N columns (default 8); -t LIST stops at these columns\n"
	"           (-t implies -a)\n";

struct unexpand {
	struct tabstops tabs;	/* -t */
	int all_blanks;		/* -a */
};

static int is_tab_stop(const struct tabstops *tabs, long column)
{
	if (tabs->every)
		return column % tabs->every == 0;
	for (int i = 0; i < tabs->n; i++)
		if (tabs->stops[i] == column)
			return 1;
	return 0;
}

/* each_line's work: the line with its runs of blanks as tabs, then its '\n'. */
static int unexpand_line(const char *line, size_t len, void *data)
{
	const struct unexpand *how = data;
	long column = 0, pending = 0;	/* spaces seen but not written yet */
	int leading = 1;

	for (size_t i = 0; i < len; i++) {
		char c = line[i];
		if ((c == ' ' || c == '\t') && (leading || how->all_blanks)) {
			long next = tabstops_next(&how->tabs, column);
			if (c == '\t') {
				putchar('\t');
				pending = 0;
				column = next;
				continue;
			}
			pending++;
			column++;
			if (is_tab_stop(&how->tabs, column)) {
				putchar(pending > 1 ? '\t' : ' ');
				pending = 0;
			}
			continue;
		}
		for (; pending > 0; pending--)
			putchar(' ');
		leading = 0;
		putchar(c);
		column = c == '\b' ? (column > 0 ? column - 1 : 0) : column + 1;
	}
	for (; pending > 0; pending--)
		putchar(' ');
	return 1;
}

int unexpand_main(int argc, char **argv)
{
	struct options o;
	struct unexpand how = { .all_blanks = 0 };
	int c;

	tabstops_parse(&how.tabs, "8");
	options_start(&o, argc, argv, "at:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'a') {
			how.all_blanks = 1;
		} else {
			if (tabstops_parse(&how.tabs, o.arg) < 0)
				usage_error(usage, "invalid tab stops '%s'", o.arg);
			how.all_blanks = 1;
		}
	}
	return each_line(argv + o.index, unexpand_line, &how);
}
