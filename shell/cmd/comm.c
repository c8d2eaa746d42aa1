/*
 * comm: compare two sorted files line by line (POSIX comm). Column 1 holds
 * lines only in FILE1, column 2 lines only in FILE2, column 3 lines in both.
 * Lines compare as bytes: mini has no locales.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: comm [-123] FILE1 FILE2\n"
	"Compare two sorted files; print three columns: lines only in FILE1,\n"
	"lines only in FILE2, lines in both.\n"
	"  -1, -2, -3  leave out that column\n";

static int show[4] = { 0, 1, 1, 1 };

static void print_column(int column, const char *line, size_t len)
{
	if (!show[column])
		return;
	for (int c = 1; c < column; c++)
		if (show[c])
			putchar('\t');
	fwrite(line, 1, len, stdout);
	putchar('\n');
}

/* Copy the current line of a reader: the next call would overwrite it. */
static char *next(struct lines *in, size_t *len, char **copy, size_t *cap)
{
	char *line = lines_next(in, len);

	if (line == NULL)
		return NULL;
	if (*len + 1 > *cap) {
		*cap = 2 * (*len + 1);
		*copy = xrealloc(*copy, *cap);
	}
	memcpy(*copy, line, *len + 1);
	return *copy;
}

int comm_main(int argc, char **argv)
{
	struct options o;
	struct lines in1, in2;
	int c, fd1, fd2;
	char *a, *b, *copy1 = NULL, *copy2 = NULL;
	size_t alen, blen, cap1 = 0, cap2 = 0;

	options_start(&o, argc, argv, "123", usage);
	while ((c = options_next(&o)) != -1)
		show[c - '0'] = 0;
	argv += o.index;
	if (argv[0] == NULL || argv[1] == NULL)
		usage_error(usage, "two files are needed");
	if (argv[2])
		usage_error(usage, "extra operand '%s'", argv[2]);
	if ((fd1 = open_input(argv[0])) < 0)
		die("%s:", argv[0]);
	if ((fd2 = open_input(argv[1])) < 0)
		die("%s:", argv[1]);
	lines_start(&in1, fd1, '\n');
	lines_start(&in2, fd2, '\n');
	stdout_big_buffer();
	a = next(&in1, &alen, &copy1, &cap1);
	b = next(&in2, &blen, &copy2, &cap2);
	while (a || b) {
		int order;
		if (a == NULL)
			order = 1;
		else if (b == NULL)
			order = -1;
		else {
			order = memcmp(a, b, alen < blen ? alen : blen);
			if (order == 0)
				order = alen < blen ? -1 : alen > blen;
		}
		if (order < 0) {
			print_column(1, a, alen);
			a = next(&in1, &alen, &copy1, &cap1);
		} else if (order > 0) {
			print_column(2, b, blen);
			b = next(&in2, &blen, &copy2, &cap2);
		} else {
			print_column(3, a, alen);
			a = next(&in1, &alen, &copy1, &cap1);
			b = next(&in2, &blen, &copy2, &cap2);
		}
	}
	return flush_stdout() < 0;
}
