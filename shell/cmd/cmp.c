/*
 * cmp: compare two files byte by byte (POSIX cmp, plus the optional SKIP
 * operands of GNU cmp). Exit status 0: same, 1: different, 2: trouble.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "mini.h"

static const char usage[] =
	"Usage: cmp [-l|-s] FILE1 [FILE2 [SKIP1 [SKIP2]]]\n"
	"Compare two files (- or a missing FILE2: standard input); tell the first difference.\n"
	"  -l  list every differing byte: its number and both values in octal\n"
	"  -s  print nothing, only the exit status tells\n"
	"SKIP1, SKIP2: bytes to skip at the start of each file (like 10k).\n";

enum { SHOW_FIRST, SHOW_ALL, SHOW_NOTHING };

struct input {
	const char *name;
	FILE *file;
};

/* Open an operand as a stdio stream; "-" is standard input. Exits 2 on failure. */
static FILE *open_operand(const char *name)
{
	FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");

	if (f == NULL) {
		warn("%s:", name);
		exit(2);
	}
	return f;
}

static void skip_bytes(struct input *in, const char *count)
{
	long long n = 0;

	if (count && parse_size(count, &n) < 0)
		usage_error(usage, "invalid skip '%s'", count);
	while (n-- > 0 && getc_unlocked(in->file) != EOF)
		;
}

/*
 * The width of the byte numbers of -l, as GNU cmp lays them out: the digits of
 * the smaller file's size (when both are regular files; else no padding).
 */
static int offset_width(const struct input *a, const struct input *b)
{
	struct stat sa, sb;
	long long size;
	int width = 1;

	if (fstat(fileno(a->file), &sa) < 0 || fstat(fileno(b->file), &sb) < 0
	    || !S_ISREG(sa.st_mode) || !S_ISREG(sb.st_mode))
		return 0;
	for (size = sa.st_size < sb.st_size ? sa.st_size : sb.st_size; size >= 10; size /= 10)
		width++;
	return width;
}

/* Compare the two streams; returns the exit status. */
static int compare(struct input *a, struct input *b, int mode)
{
	int width = mode == SHOW_ALL ? offset_width(a, b) : 0;
	long long byte = 0, line = 1;
	int status = 0;

	for (;;) {
		int ca = getc_unlocked(a->file), cb = getc_unlocked(b->file);
		if (ca == EOF || cb == EOF) {
			if (ferror(a->file) || ferror(b->file)) {
				warn("%s: read error", ferror(a->file) ? a->name : b->name);
				return 2;
			}
			if (ca != cb) {		/* one of them ended first */
				if (mode != SHOW_NOTHING)
					warn("EOF on %s after byte %lld", ca == EOF ? a->name : b->name, byte);
				return 1;
			}
			return status;
		}
		byte++;
		if (ca != cb) {
			status = 1;
			if (mode == SHOW_NOTHING)
				return 1;
			if (mode == SHOW_FIRST) {
				printf("%s %s differ: byte %lld, line %lld\n", a->name, b->name, byte, line);
				return 1;
			}
			printf("%*lld %3o %3o\n", width, byte, ca, cb);
		}
		if (ca == '\n')
			line++;
	}
}

int cmp_main(int argc, char **argv)
{
	struct options o;
	struct input a, b;
	int c, mode = SHOW_FIRST, status;

	options_start(&o, argc, argv, "ls", usage);
	while ((c = options_next(&o)) != -1)
		mode = c == 'l' ? SHOW_ALL : SHOW_NOTHING;
	argv += o.index;
	argc -= o.index;
	if (argc < 1)
		usage_error(usage, "missing operand");
	if (argc > 4)
		usage_error(usage, "extra operand '%s'", argv[4]);
	a.name = argv[0];
	b.name = argc > 1 ? argv[1] : "-";
	a.file = open_operand(a.name);
	b.file = open_operand(b.name);
	skip_bytes(&a, argc > 2 ? argv[2] : NULL);
	skip_bytes(&b, argc > 3 ? argv[3] : NULL);
	status = compare(&a, &b, mode);
	if (flush_stdout() < 0)
		status = 2;
	return status;
}
