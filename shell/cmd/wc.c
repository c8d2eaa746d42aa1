/*
 * wc: count lines, words and bytes (POSIX wc; columns as wide as GNU's).
 * No locale: -m counts characters as UTF-8 sequences (every byte that is not a
 * continuation byte 10xxxxxx starts one). A word is a run of non-space bytes.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: wc [-clmw] [FILE]...\n"
	"Count lines, words and bytes of each FILE (standard input for none or -).\n"
	"  -l  lines\n"
	"  -w  words\n"
	"  -c  bytes\n"
	"  -m  characters (UTF-8)\n";

enum { LINES, WORDS, CHARS, BYTES, NCOUNTS };

static int wanted[NCOUNTS];

/* Count fd into counts[]; only what was asked for is computed (fast paths). */
static int count_fd(int fd, unsigned long long counts[NCOUNTS])
{
	char buf[65536];
	struct stat st;
	int in_word = 0;
	ssize_t n;

	/* Only bytes of a regular file: its size says it all. */
	if (!wanted[LINES] && !wanted[WORDS] && !wanted[CHARS] && fstat(fd, &st) == 0
	    && S_ISREG(st.st_mode) && lseek(fd, 0, SEEK_CUR) == 0) {
		counts[BYTES] = st.st_size;
		return 0;
	}
	while ((n = read(fd, buf, sizeof buf)) > 0) {
		const unsigned char *p = (const unsigned char *)buf, *end = p + n;
		counts[BYTES] += n;
		if (!wanted[WORDS] && !wanted[CHARS]) {	/* lines only: memchr is fastest */
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
		}
	}
	return n < 0 ? -1 : 0;
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

int wc_main(int argc, char **argv)
{
	struct options o;
	int c, status = 0, width, ncounts = 0, nfiles;
	unsigned long long total[NCOUNTS] = { 0 };
	static char *stdin_only[] = { "-", NULL };
	int named;

	options_start(&o, argc, argv, "clmw", usage);
	while ((c = options_next(&o)) != -1)
		wanted[c == 'l' ? LINES : c == 'w' ? WORDS : c == 'm' ? CHARS : BYTES] = 1;
	if (!wanted[LINES] && !wanted[WORDS] && !wanted[CHARS] && !wanted[BYTES])
		wanted[LINES] = wanted[WORDS] = wanted[BYTES] = 1;
	for (int i = 0; i < NCOUNTS; i++)
		ncounts += wanted[i];
	argv += o.index;
	named = *argv != NULL;
	if (!named)
		argv = stdin_only;
	for (nfiles = 0; argv[nfiles]; nfiles++)
		;
	width = column_width(argv, nfiles, ncounts);

	for (int f = 0; f < nfiles; f++) {
		unsigned long long counts[NCOUNTS] = { 0 };
		int fd = open_input(argv[f]);
		if (fd < 0) {
			warn("%s:", argv[f]);
			status = 1;
			continue;
		}
		if (count_fd(fd, counts) < 0) {
			warn("%s:", argv[f]);
			status = 1;
		}
		if (fd != STDIN_FILENO)
			close(fd);
		print_counts(counts, width, named ? argv[f] : NULL);
		for (int i = 0; i < NCOUNTS; i++)
			total[i] += counts[i];
	}
	if (nfiles > 1)
		print_counts(total, width, "total");
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
