/*
 * xxd: make a hex dump, or turn one back into bytes (the interface of vim's xxd).
 *
 * A line is "OFFSET: hex bytes in groups  characters"; -p writes the hex alone.
 * -r reads either form back. In the full form every line carries its offset,
 * so the bytes are put where it says: a file given as OUTFILE is patched in
 * place, not truncated, which is what makes `xxd f | edit | xxd -r - f` work.
 */
#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"

static const char usage[] =
	"Usage: xxd [-p] [-c COLS] [-g BYTES] [-l LEN] [-s SEEK] [INFILE [OUTFILE]]\n"
	"   or: xxd -r [-p] [INFILE [OUTFILE]]\n"
	"Hex dump INFILE (standard input for none or -), or reverse a dump with -r.\n"
	"  -c  bytes per line (default 16, 30 with -p)\n"
	"  -g  bytes per group (default 2, 0: no groups)\n"
	"  -l  stop after LEN bytes      -s  start at offset SEEK\n"
	"  -p  plain: hex digits only\n"
	"  -r  reverse: turn a dump into bytes\n";

struct xxd {
	int plain, columns, group;
	long long length;	/* < 0: all */
	long long seek;
};

static const char hex_digits[] = "0123456789abcdef";

/* The value of a hex digit, or -1. */
static int hex_value(int c)
{
	const char *found = c ? strchr(hex_digits, tolower(c)) : NULL;

	return found ? found - hex_digits : -1;
}

static void print_line(const struct xxd *x, long long offset, const unsigned char *line, int n)
{
	if (x->plain) {
		for (int i = 0; i < n; i++)
			printf("%02x", line[i]);
		putchar('\n');
		return;
	}
	printf("%08llx: ", offset);
	for (int i = 0; i < x->columns; i++) {
		if (i < n)
			printf("%02x", line[i]);
		else
			fputs("  ", stdout);
		if ((i + 1) % x->group == 0 || i == x->columns - 1)
			putchar(' ');
	}
	putchar(' ');
	for (int i = 0; i < n; i++)
		putchar(line[i] >= ' ' && line[i] < 0x7f ? line[i] : '.');
	putchar('\n');
}

static int dump(const struct xxd *x, FILE *in)
{
	unsigned char line[256];
	long long offset = x->seek, left = x->length;

	if (x->seek > 0 && fseeko(in, x->seek, SEEK_SET) != 0)	/* a pipe: read through */
		for (long long i = 0; i < x->seek && getc_unlocked(in) != EOF; i++)
			;
	for (;;) {
		size_t want = x->columns, n = 0;
		int c;
		if (left >= 0 && (long long)want > left)
			want = left;
		while (n < want && (c = getc_unlocked(in)) != EOF)	/* uClibc's fread of a few bytes is a read(2) each */
			line[n++] = c;
		if (n == 0)
			break;
		print_line(x, offset, line, n);
		offset += n;
		if (left >= 0)
			left -= n;
	}
	return ferror(in) ? -1 : 0;
}

/*
 * The largest offset a line may give, and the most zeros written to fill a gap
 * on output that cannot seek (a pipe). Past those a dump is damaged, or made to
 * fill the disk or the memory (/tmp is in RAM).
 */
#define MAX_OFFSET (1LL << 62)
#define MAX_FILL (16LL << 20)

static int is_pipe(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
}

/* Move the output to offset: seek if stdout can; on a pipe, fill a gap with zeros. */
static int move_output(long long *position, long long offset)
{
	static const char zeros[4096];

	if (offset == *position)
		return 0;
	fflush(stdout);
	if (lseek(STDOUT_FILENO, offset, SEEK_SET) >= 0) {
		*position = offset;
		return 0;
	}
	if (offset < *position) {
		warn("cannot seek back to offset %llx", offset);
		return -1;
	}
	if (!is_pipe(STDOUT_FILENO)) {
		warn("cannot seek to offset %llx:", offset);
		return -1;
	}
	if (offset - *position > MAX_FILL) {
		warn("offset %llx: a gap of more than %lld MB to fill with zeros", offset, MAX_FILL >> 20);
		return -1;
	}
	while (*position < offset) {
		long long n = offset - *position < (long long)sizeof zeros ? offset - *position : (long long)sizeof zeros;

		fwrite(zeros, 1, n, stdout);
		*position += n;
	}
	return 0;
}

/* xxd -r -p: every pair of hex digits is a byte; anything else is ignored. */
static void reverse_plain(FILE *in)
{
	int c, high = -1;

	while ((c = getc_unlocked(in)) != EOF) {
		int value = hex_value(c);
		if (value < 0)
			continue;
		if (high < 0) {
			high = value;
		} else {
			putchar(high << 4 | value);
			high = -1;
		}
	}
}

/*
 * xxd -r: each line is "OFFSET: hex pairs", the hex ending at two spaces in a
 * row (where the characters column starts) or at anything not hex.
 */
static int reverse_full(FILE *in)
{
	char *line = NULL;
	size_t size = 0;
	long long position = 0;

	while (getline(&line, &size, in) > 0) {
		char *p;
		long long offset = strtoll(line, &p, 16);
		if (*p != ':' || p == line)
			continue;
		if (offset < 0 || offset > MAX_OFFSET) {
			warn("invalid offset '%.*s'", (int)(p - line), line);
			free(line);
			return -1;
		}
		if (move_output(&position, offset) < 0) {
			free(line);
			return -1;
		}
		for (p++; ; p++) {
			if (*p == ' ' && p[1] == ' ' && p[-1] != ':')
				break;
			if (*p == ' ')
				continue;
			if (hex_value(p[0]) < 0 || hex_value(p[1]) < 0)
				break;
			putchar(hex_value(p[0]) << 4 | hex_value(p[1]));
			position++;
			p++;
		}
	}
	free(line);
	return 0;
}

/* Make OUTFILE the standard output; with -r it is patched, not truncated. */
static void open_output(const char *path, int reverse)
{
	int fd = open(path, O_WRONLY | O_CREAT | (reverse ? 0 : O_TRUNC), 0666);

	if (fd < 0) {
		warn("%s:", path);
		exit(2);
	}
	fflush(stdout);
	dup2(fd, STDOUT_FILENO);
	close(fd);
}

static long long parse_number(const char *s)
{
	char *end;
	long long n = strtoll(s, &end, 0);

	if (end == s || *end || n < 0)
		usage_error(usage, "invalid number '%s'", s);
	return n;
}

int xxd_main(int argc, char **argv)
{
	struct xxd x = { 0, 0, 2, -1, 0 };
	struct options o;
	int c, reverse = 0, status = 0;
	const char *path = "-";
	FILE *in = stdin;

	options_start(&o, argc, argv, "c:g:l:prs:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'c')
			x.columns = parse_number(o.arg);
		else if (c == 'g')
			x.group = parse_number(o.arg);
		else if (c == 'l')
			x.length = parse_number(o.arg);
		else if (c == 'p')
			x.plain = 1;
		else if (c == 'r')
			reverse = 1;
		else
			x.seek = parse_number(o.arg);
	}
	argv += o.index;
	if (x.columns == 0)
		x.columns = x.plain ? 30 : 16;
	if (x.columns > 256)
		usage_error(usage, "at most 256 columns");
	if (x.group <= 0 || x.group > x.columns)
		x.group = x.columns;
	if (argv[0] && strcmp(argv[0], "-") != 0 && (in = fopen(path = argv[0], "r")) == NULL) {
		warn("%s:", path);
		return 2;
	}
	if (argv[0] && argv[1])
		open_output(argv[1], reverse);
	if (reverse && x.plain)
		reverse_plain(in);
	else if (reverse)
		status = reverse_full(in) < 0 ? 1 : 0;
	else
		status = dump(&x, in) < 0 ? 1 : 0;
	if (ferror(in)) {
		warn("%s: read error", path);
		status = 2;
	}
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
