/*
 * base64: encode or decode base64 (RFC 4648 section 4), as GNU coreutils does.
 *
 * Every 3 bytes of data become 4 characters of the 64-letter alphabet, 6 bits
 * each; a last group of 1 or 2 bytes is padded with '='.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: base64 [-d [-i]] [-w COLUMNS] [FILE]\n"
	"Encode FILE (standard input for none or -) in base64, or decode it.\n"
	"  -d  decode\n"
	"  -i  when decoding, ignore characters outside the alphabet\n"
	"  -w  wrap encoded lines after COLUMNS characters (default 76, 0: never)\n";

static const char alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Write one character, with a newline every wrap columns. */
static void put_wrapped(char c, long wrap, long *column)
{
	putchar(c);
	if (wrap > 0 && ++*column == wrap) {
		putchar('\n');
		*column = 0;
	}
}

/* Encode a group of n (1 to 3) bytes as 4 characters, padded with '='. */
static void encode_group(const unsigned char *group, size_t n, long wrap, long *column)
{
	unsigned long bits = (unsigned long)group[0] << 16 | (n > 1 ? group[1] << 8 : 0) | (n > 2 ? group[2] : 0);

	for (size_t i = 0; i < 4; i++)
		put_wrapped(i <= n ? alphabet[(bits >> (18 - 6 * i)) & 63] : '=', wrap, column);
}

static int encode(FILE *in, long wrap)
{
	unsigned char chunk[3 * 1024];	/* big reads: uClibc's fread reads small ones one by one */
	long column = 0;
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0) {
		for (size_t i = 0; i < n; i += 3)
			encode_group(chunk + i, n - i < 3 ? n - i : 3, wrap, &column);
		if (n < sizeof chunk)	/* fread comes back short only at the end */
			break;
	}
	if (column > 0)
		putchar('\n');
	return ferror(in) ? -1 : 0;
}

/* Write the bytes of a group cut short after 2 or 3 characters (12 or 18 bits). */
static void put_partial_group(unsigned long bits, int count)
{
	if (count == 2) {
		putchar(bits >> 4 & 0xff);
	} else if (count == 3) {
		putchar(bits >> 10 & 0xff);
		putchar(bits >> 2 & 0xff);
	}
}

/* Decode; returns 0, or 1 after invalid input (everything before it is written). */
static int decode(FILE *in, int ignore_garbage)
{
	unsigned long bits = 0;
	int count = 0, c, padding = 0;

	while ((c = getc_unlocked(in)) != EOF) {
		const char *found = c ? strchr(alphabet, c) : NULL;
		if (c == '\n' || (ignore_garbage && !found && c != '='))
			continue;
		if (c == '=' && count >= 2) {		/* padding ends a group early */
			padding++;
			if (count + padding == 4) {
				put_partial_group(bits, count);
				count = padding = 0;
				bits = 0;
			}
			continue;
		}
		if (!found || padding) {
			warn("invalid input");
			return 1;
		}
		bits = bits << 6 | (found - alphabet);
		if (++count == 4) {
			putchar(bits >> 16 & 0xff);
			putchar(bits >> 8 & 0xff);
			putchar(bits & 0xff);
			count = 0;
			bits = 0;
		}
	}
	if (count == 1 || padding) {
		warn("invalid input");
		return 1;
	}
	put_partial_group(bits, count);	/* an unpadded end */
	return 0;
}

int base64_main(int argc, char **argv)
{
	struct options o;
	int c, decoding = 0, ignore_garbage = 0, status;
	long long wrap = 76;
	const char *path = "-";
	FILE *in;

	options_start(&o, argc, argv, "diw:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'd')
			decoding = 1;
		else if (c == 'i')
			ignore_garbage = 1;
		else if (parse_long(o.arg, &wrap) < 0 || wrap < 0)
			usage_error(usage, "invalid wrap size '%s'", o.arg);
	}
	argv += o.index;
	if (argv[0] && argv[1])
		usage_error(usage, "extra operand '%s'", argv[1]);
	if (argv[0])
		path = argv[0];
	in = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (in == NULL)
		die("%s:", path);
	status = decoding ? decode(in, ignore_garbage) : encode(in, wrap);
	if (status < 0 || ferror(in)) {
		warn("%s: read error", path);
		status = 1;
	}
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
