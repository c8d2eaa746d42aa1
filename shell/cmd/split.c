/*
 * split: cut a file into pieces (POSIX split, plus GNU's -d).
 * Pieces are named PREFIX (default x) followed by a suffix: aa, ab, ... or
 * with -d 00, 01, ...; -a sets the suffix length.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: split [-d] [-a LEN] [-l LINES | -b SIZE] [FILE [PREFIX]]\n"
	"Cut FILE (standard input for none or -) into files PREFIXaa, PREFIXab ...\n"
	"  -l LINES  LINES lines per piece (default 1000)\n"
	"  -b SIZE   SIZE bytes per piece (suffixes k, m, g allowed)\n"
	"  -a LEN    suffixes of LEN characters (default 2)\n"
	"  -d        numeric suffixes (00, 01 ...) instead of letters\n";

static const char *prefix = "x";
static int suffix_len = 2, numeric;
static long long piece_count;

/* Open the next piece; dies when the suffixes run out. */
static int open_piece(void)
{
	char *name = xmalloc(strlen(prefix) + suffix_len + 1);
	int base = numeric ? 10 : 26, fd;
	long long n = piece_count++;

	strcpy(name, prefix);
	for (int i = suffix_len - 1; i >= 0; i--) {
		int digit = n % base;
		name[strlen(prefix) + i] = numeric ? '0' + digit : 'a' + digit;
		n /= base;
	}
	name[strlen(prefix) + suffix_len] = '\0';
	if (n > 0)
		die("output file suffixes exhausted");
	fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (fd < 0)
		die("%s:", name);
	free(name);
	return fd;
}

int split_main(int argc, char **argv)
{
	struct options o;
	int c, in, out = -1, by_bytes = 0;
	long long per_piece = 1000, left = 0, n;
	char buf[65536];
	ssize_t got;

	options_start(&o, argc, argv, "dl:b:a:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'd':
			numeric = 1;
			break;
		case 'l':
		case 'b':
			if ((c == 'l' ? parse_long(o.arg, &n) : parse_size(o.arg, &n)) < 0 || n < 1)
				usage_error(usage, "invalid number '%s'", o.arg);
			per_piece = n;
			by_bytes = c == 'b';
			break;
		case 'a':
			if (parse_long(o.arg, &n) < 0 || n < 1 || n > 20)
				usage_error(usage, "invalid suffix length '%s'", o.arg);
			suffix_len = n;
			break;
		}
	}
	argv += o.index;
	if (argv[0] && argv[1]) {
		prefix = argv[1];
		if (argv[2])
			usage_error(usage, "extra operand '%s'", argv[2]);
	}
	in = open_input(argv[0] ? argv[0] : "-");
	if (in < 0)
		die("%s:", argv[0]);

	while ((got = read(in, buf, sizeof buf)) > 0) {
		char *p = buf, *end = buf + got;
		while (p < end) {
			char *stop = end;
			if (left == 0) {
				if (out >= 0)
					close(out);
				out = open_piece();
				left = per_piece;
			}
			if (by_bytes) {
				if (end - p > left)
					stop = p + left;
				left -= stop - p;
			} else {
				/* Count newlines until the piece is full. */
				char *q = p;
				while (left > 0 && (q = memchr(q, '\n', end - q)) != NULL) {
					q++;
					left--;
					if (left == 0)
						stop = q;
				}
			}
			if (write_all(out, p, stop - p) < 0)
				die("write error:");
			p = stop;
		}
	}
	if (got < 0)
		die("read error:");
	if (out >= 0 && close(out) < 0)
		die("write error:");
	return 0;
}
