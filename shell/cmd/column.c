/*
 * column: put lines into columns (util-linux/BSD column).
 * Without -t, the lines are filled into as many columns as fit the width,
 * down each column first (-x: across rows first), aligned with tabs.
 * With -t, each line is split into fields and the fields are aligned as a table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: column [-tx] [-s SEPS] [-o SEP] [-c WIDTH] [FILE]...\n"
	"Put the lines of the FILEs (standard input for none) into columns.\n"
	"  -c WIDTH  the output width (default: the terminal's, or 80)\n"
	"  -t        make a table: align the fields of every line\n"
	"  -s SEPS   with -t, the characters that separate fields (default blanks)\n"
	"  -o SEP    with -t, the string between output columns (default two spaces)\n"
	"  -x        fill rows before columns\n";

static char **entries;
static size_t nentries;

static void read_entries(int fd)
{
	struct lines in;
	char *line;
	size_t len;

	lines_start(&in, fd, '\n');
	while ((line = lines_next(&in, &len)) != NULL) {
		if (len == 0)
			continue;	/* empty lines are left out, as column does */
		entries = xrealloc(entries, (nentries + 1) * sizeof *entries);
		entries[nentries++] = xstrndup(line, len);
	}
	lines_end(&in);
}

/* Advance from column `from` to column `to` with tabs. */
static void tab_to(size_t from, size_t to)
{
	while (from < to) {
		putchar('\t');
		from = (from / 8 + 1) * 8;
	}
}

static void fill(size_t width, int rows_first)
{
	size_t longest = 0, colwidth, ncols, nrows;

	for (size_t i = 0; i < nentries; i++)
		if (strlen(entries[i]) > longest)
			longest = strlen(entries[i]);
	colwidth = (longest + 8) & ~(size_t)7;
	ncols = width / colwidth;
	if (ncols <= 1) {
		for (size_t i = 0; i < nentries; i++)
			puts(entries[i]);
		return;
	}
	nrows = (nentries + ncols - 1) / ncols;
	for (size_t r = 0; r < nrows; r++) {
		for (size_t c = 0; c < ncols; c++) {
			size_t i = rows_first ? r * ncols + c : c * nrows + r;
			size_t next = rows_first ? i + 1 : i + nrows;
			if (i >= nentries)
				break;
			fputs(entries[i], stdout);
			if (next < nentries && !(rows_first && c + 1 == ncols))
				tab_to(strlen(entries[i]), colwidth);
		}
		putchar('\n');
	}
}

static void table(const char *seps, const char *out_sep)
{
	char ***cells = xmalloc(nentries * sizeof *cells);
	size_t *ncells = xzalloc(nentries * sizeof *ncells);
	size_t *widths = NULL, maxcols = 0;

	for (size_t i = 0; i < nentries; i++) {
		char *save, *f;
		cells[i] = NULL;
		for (f = strtok_r(entries[i], seps, &save); f; f = strtok_r(NULL, seps, &save)) {
			cells[i] = xrealloc(cells[i], (ncells[i] + 1) * sizeof **cells);
			cells[i][ncells[i]++] = f;
			if (ncells[i] > maxcols) {
				widths = xrealloc(widths, ncells[i] * sizeof *widths);
				widths[ncells[i] - 1] = 0;
				maxcols = ncells[i];
			}
			if (strlen(f) > widths[ncells[i] - 1])
				widths[ncells[i] - 1] = strlen(f);
		}
	}
	for (size_t i = 0; i < nentries; i++) {
		for (size_t c = 0; c < ncells[i]; c++) {
			if (c + 1 == ncells[i]) {
				fputs(cells[i][c], stdout);
			} else {
				printf("%-*s%s", (int)widths[c], cells[i][c], out_sep);
			}
		}
		putchar('\n');
	}
}

int column_main(int argc, char **argv)
{
	struct options o;
	int c, as_table = 0, rows_first = 0, rows, cols;
	long long width = 0;
	const char *seps = " \t", *out_sep = "  ";

	options_start(&o, argc, argv, "c:ts:o:x", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'c':
			if (parse_long(o.arg, &width) < 0 || width < 1)
				usage_error(usage, "invalid width '%s'", o.arg);
			break;
		case 't': as_table = 1; break;
		case 's': seps = o.arg; break;
		case 'o': out_sep = o.arg; break;
		case 'x': rows_first = 1; break;
		}
	}
	if (width == 0) {
		const char *env = getenv("COLUMNS");
		if (env == NULL || parse_long(env, &width) < 0 || width < 1) {
			terminal_size(STDOUT_FILENO, &rows, &cols);
			width = cols;
		}
	}
	argv += o.index;
	if (*argv == NULL)
		read_entries(STDIN_FILENO);
	for (; *argv; argv++) {
		int fd = open_input(*argv);
		if (fd < 0)
			die("%s:", *argv);
		read_entries(fd);
		if (fd != STDIN_FILENO)
			close(fd);
	}
	if (as_table)
		table(seps, out_sep);
	else
		fill(width, rows_first);
	if (flush_stdout() < 0)
		die("write error:");
	return 0;
}
