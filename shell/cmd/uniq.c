/*
 * uniq: report or filter out repeated lines (POSIX uniq, plus GNU's -i and -w).
 * Only adjacent lines are compared: sort first to find every duplicate.
 */
#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: uniq [-cdiu] [-f FIELDS] [-s CHARS] [-w CHARS] [INPUT [OUTPUT]]\n"
	"Write INPUT (standard input) to OUTPUT (standard output), one line of each\n"
	"run of equal adjacent lines.\n"
	"  -c    put the number of repeats before each line\n"
	"  -d    only print lines that are repeated\n"
	"  -u    only print lines that are not repeated\n"
	"  -i    ignore case\n"
	"  -f N  skip N fields (blanks, then non-blanks) before comparing\n"
	"  -s N  skip N characters before comparing\n"
	"  -w N  compare at most N characters\n";

static long skip_fields, skip_chars, max_chars = -1;
static int ignore_case, counting, only_repeated, only_single;

/* The part of a line that is compared. */
static const char *compared_part(const char *s, size_t len, size_t *part_len)
{
	const char *end = s + len;

	for (long f = 0; f < skip_fields; f++) {
		while (s < end && (*s == ' ' || *s == '\t'))
			s++;
		while (s < end && *s != ' ' && *s != '\t')
			s++;
	}
	s += (long)(end - s) < skip_chars ? end - s : skip_chars;
	*part_len = end - s;
	if (max_chars >= 0 && (long)*part_len > max_chars)
		*part_len = max_chars;
	return s;
}

static int same(const char *a, size_t alen, const char *b, size_t blen)
{
	const char *pa, *pb;
	size_t la, lb;

	if (skip_fields == 0 && skip_chars == 0 && max_chars < 0 && !ignore_case)
		return alen == blen && memcmp(a, b, alen) == 0;
	pa = compared_part(a, alen, &la);
	pb = compared_part(b, blen, &lb);
	if (la != lb)
		return 0;
	return ignore_case ? strncasecmp(pa, pb, la) == 0 : memcmp(pa, pb, la) == 0;
}

static void print_run(FILE *out, const char *line, size_t len, unsigned long count)
{
	if ((only_repeated && count < 2) || (only_single && count > 1))
		return;
	if (counting)
		fprintf(out, "%7lu ", count);
	fwrite(line, 1, len, out);
	putc('\n', out);
}

static long number(const char *arg)
{
	long long n;

	if (parse_long(arg, &n) < 0 || n < 0)
		usage_error(usage, "invalid number '%s'", arg);
	return n;
}

int uniq_main(int argc, char **argv)
{
	struct options o;
	struct lines in;
	int c, fd = STDIN_FILENO;
	FILE *out = stdout;
	char *line, *prev = NULL;
	size_t len, prev_len = 0, prev_cap = 0;
	unsigned long count = 0;

	options_start(&o, argc, argv, "cdiuf:s:w:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'c': counting = 1; break;
		case 'd': only_repeated = 1; break;
		case 'u': only_single = 1; break;
		case 'i': ignore_case = 1; break;
		case 'f': skip_fields = number(o.arg); break;
		case 's': skip_chars = number(o.arg); break;
		case 'w': max_chars = number(o.arg); break;
		}
	}
	argv += o.index;
	if (argv[0] && argv[1] && argv[2])
		usage_error(usage, "extra operand '%s'", argv[2]);
	if (argv[0] && (fd = open_input(argv[0])) < 0)
		die("%s:", argv[0]);
	if (argv[0] && argv[1] && (out = fopen(argv[1], "w")) == NULL)
		die("%s:", argv[1]);
	setvbuf(out, NULL, _IOFBF, 65536);

	lines_start(&in, fd, '\n');
	while ((line = lines_next(&in, &len)) != NULL) {
		if (count > 0 && same(prev, prev_len, line, len)) {
			count++;
			continue;
		}
		if (count > 0)
			print_run(out, prev, prev_len, count);
		if (len + 1 > prev_cap) {
			prev_cap = 2 * (len + 1);
			prev = xrealloc(prev, prev_cap);
		}
		memcpy(prev, line, len);
		prev_len = len;
		count = 1;
	}
	if (count > 0)
		print_run(out, prev, prev_len, count);
	if (in.error)
		die("read error:");
	if (fflush(out) != 0 || (out != stdout && fclose(out) != 0))
		die("write error:");
	return 0;
}
