/*
 * wc: count lines, words and bytes (POSIX wc; columns as wide as GNU's).
 * No locale: -m counts characters as UTF-8 sequences (every byte that is not a
 * continuation byte 10xxxxxx starts one). A word is a run of non-space bytes.
 * -L (GNU): the longest line's width, tabs to multiples of 8, a UTF-8 character 1.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: wc [-clmwL] [FILE]...\n"
	"Count lines, words and bytes of each FILE (standard input for none or -).\n"
	"  -l  lines\n"
	"  -w  words\n"
	"  -c  bytes\n"
	"  -m  characters (UTF-8)\n"
	"  -L  the width of the longest line\n";

enum { LINES, WORDS, CHARS, BYTES, LONGEST, NCOUNTS };

static int wanted[NCOUNTS];

/*
 * -L: the column after ch, as GNU wc counts it: a tab goes to the next multiple of
 * 8; a newline, CR or form feed ends the line (and maybe makes it the longest);
 * a printable character or the start of a UTF-8 sequence takes one column.
 */
static int next_column(int column, unsigned char ch, unsigned long long *longest)
{
	if (ch == '\n' || ch == '\r' || ch == '\f') {
		if ((unsigned long long)column > *longest)
			*longest = column;
		return 0;
	}
	if (ch == '\t')
		return column + 8 - column % 8;
	if (isprint(ch) || ch >= 0xc0)
		return column + 1;
	return column;
}

/* Count fd into counts[]; only what was asked for is computed (fast paths). */
static int count_fd(int fd, unsigned long long counts[NCOUNTS])
{
	char buf[65536];
	struct stat st;
	int in_word = 0;
	ssize_t n;

	int column = 0;		/* for -L */

	/* Only bytes of a regular file: its size says it all. */
	if (!wanted[LINES] && !wanted[WORDS] && !wanted[CHARS] && !wanted[LONGEST] && fstat(fd, &st) == 0
	    && S_ISREG(st.st_mode) && lseek(fd, 0, SEEK_CUR) == 0) {
		counts[BYTES] = st.st_size;
		return 0;
	}
	while ((n = read(fd, buf, sizeof buf)) > 0) {
		const unsigned char *p = (const unsigned char *)buf, *end = p + n;
		counts[BYTES] += n;
		if (!wanted[WORDS] && !wanted[CHARS] && !wanted[LONGEST]) {	/* lines only: memchr is fastest */
			const char *q = buf;
			while ((q = find_byte(q, '\n', (const char *)end - q)) != NULL) {
				counts[LINES]++;
				q++;
			}
			continue;
		}
		for (; p < end; p++) {
			unsigned char ch = *p;
			if (ch == '\n')
				counts[LINES]++;
			if ((ch & 0xc0) != 0x80)
				counts[CHARS]++;
			if (ch == ' ' || (ch >= '\t' && ch <= '\r')) {
				in_word = 0;
			} else if (!in_word) {
				in_word = 1;
				counts[WORDS]++;
			}
			column = next_column(column, ch, &counts[LONGEST]);
		}
	}
	next_column(column, '\n', &counts[LONGEST]);	/* a last line without a newline */
	return n < 0 ? COPY_READ_ERROR : 0;
}

static void print_counts(const unsigned long long counts[NCOUNTS], int width, const char *name)
{
	const char *sep = "";

	for (int i = 0; i < NCOUNTS; i++) {
		if (!wanted[i])
			continue;
		printf("%s%*llu", sep, width, counts[i]);
		sep = " ";
	}
	if (name)
		printf(" %s", name);
	putchar('\n');
}

/*
 * GNU's column width: enough digits for the total size of the regular files,
 * at least 7 when some input is a pipe or terminal, just 1 for one count of one input.
 */
static int column_width(char **files, int nfiles, int ncounts)
{
	unsigned long long total = 0;
	int width = 1, minimum = 1;
	struct stat st;

	if (ncounts == 1 && nfiles == 1)
		return 1;
	for (int i = 0; i < nfiles; i++) {
		if (strcmp(files[i], "-") != 0 && stat(files[i], &st) == 0 && S_ISREG(st.st_mode))
			total += st.st_size;
		else if (strcmp(files[i], "-") == 0 || stat(files[i], &st) == 0)
			minimum = 7;
	}
	for (; total >= 10; total /= 10)
		width++;
	return width < minimum ? minimum : width;
}

/* What the loop over the files shares. */
struct wc_run {
	int width;		/* of each column */
	int named;		/* the files were named: print the names */
	int nfiles;
	unsigned long long total[NCOUNTS];
};

/* each_file's work: count one file, print its line, add it to the total. */
static int count_file(int fd, const char *name, void *data)
{
	struct wc_run *run = data;
	unsigned long long counts[NCOUNTS] = { 0 };
	int result = count_fd(fd, counts);

	print_counts(counts, run->width, run->named ? name : NULL);
	for (int i = 0; i < LONGEST; i++)
		run->total[i] += counts[i];
	if (counts[LONGEST] > run->total[LONGEST])	/* the total's -L is the longest of all */
		run->total[LONGEST] = counts[LONGEST];
	return result;
}

int wc_main(int argc, char **argv)
{
	struct options o;
	int c, status, ncounts = 0;
	struct wc_run run = { 0 };
	static char *stdin_only[] = { "-", NULL };

	options_start(&o, argc, argv, "clmwL", usage);
	while ((c = options_next(&o)) != -1)
		wanted[c == 'l' ? LINES : c == 'w' ? WORDS : c == 'm' ? CHARS : c == 'L' ? LONGEST : BYTES] = 1;
	if (!wanted[LINES] && !wanted[WORDS] && !wanted[CHARS] && !wanted[BYTES] && !wanted[LONGEST])
		wanted[LINES] = wanted[WORDS] = wanted[BYTES] = 1;
	for (int i = 0; i < NCOUNTS; i++)
		ncounts += wanted[i];
	argv += o.index;
	run.named = *argv != NULL;
	if (!run.named)
		argv = stdin_only;
	for (run.nfiles = 0; argv[run.nfiles]; run.nfiles++)
		;
	run.width = column_width(argv, run.nfiles, ncounts);
	status = each_file(argv, count_file, &run);
	if (run.nfiles > 1)
		print_counts(run.total, run.width, "total");
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
