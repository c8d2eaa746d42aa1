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

static struct tabstops tabs;
static int all_blanks;

static int is_tab_stop(long column)
{
	if (tabs.every)
		return column % tabs.every == 0;
	for (int i = 0; i < tabs.n; i++)
		if (tabs.stops[i] == column)
			return 1;
	return 0;
}

static void unexpand_line(const char *line, size_t len)
{
	long column = 0, pending = 0;	/* spaces seen but not written yet */
	int leading = 1;

	for (size_t i = 0; i < len; i++) {
		char c = line[i];
		if ((c == ' ' || c == '\t') && (leading || all_blanks)) {
			long next = tabstops_next(&tabs, column);
			if (c == '\t') {
				putchar('\t');
				pending = 0;
				column = next;
				continue;
			}
			pending++;
			column++;
			if (is_tab_stop(column)) {
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
}

int unexpand_main(int argc, char **argv)
{
	struct options o;
	int c;

	tabstops_parse(&tabs, "8");
	options_start(&o, argc, argv, "at:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'a') {
			all_blanks = 1;
		} else {
			if (tabstops_parse(&tabs, o.arg) < 0)
				usage_error(usage, "invalid tab stops '%s'", o.arg);
			all_blanks = 1;
		}
	}
	return print_each_line(argv + o.index, unexpand_line);
}
