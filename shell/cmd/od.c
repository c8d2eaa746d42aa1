/*
 * od, hexdump: dump files in octal, decimal, hexadecimal or as characters
 * (POSIX od with the GNU layout; hexdump's default and -C formats of util-linux).
 *
 * Both read their files as one stream, cut it into lines of 16 bytes and print
 * each line once per output format, behind the offset of its first byte. A line
 * equal to the one before it is shown as a single "*" (unless -v), so long runs
 * of zeros take one line. hexdump is od with other option letters and layouts.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "escape.h"

static const char od_usage[] =
	"Usage: od [-bcdosvx] [-A RADIX] [-j SKIP] [-N COUNT] [-t TYPE]... [-w BYTES] [FILE]...\n"
	"Dump the FILEs (standard input for none or -) in the formats the TYPEs name.\n"
	"  -A  offsets in radix d, o, x, or n for none (default o)\n"
	"  -j  skip SKIP bytes first        -N  dump at most COUNT bytes\n"
	"  -t  TYPE: a (named characters), c (characters), d, o, u, x (signed decimal,\n"
	"      octal, unsigned decimal, hex) followed by a size 1 2 4 8 (or C S I L),\n"
	"      f followed by 4 or 8 (floating point)\n"
	"  -v  show every line (no * for repeated lines)\n"
	"  -w  BYTES per line (default 16)\n"
	"  -b = -t o1, -c = -t c, -d = -t u2, -o = -t o2, -s = -t d2, -x = -t x2\n"
	"SKIP and COUNT may be hex (0x) or octal (0), with a suffix b, k, m or g.\n";

static const char hexdump_usage[] =
	"Usage: hexdump [-bcCdovx] [-e FORMAT]... [-n LENGTH] [-s OFFSET] [FILE]...\n"
	"Dump the FILEs (standard input for none) in hexadecimal.\n"
	"  -C  canonical: hex bytes and the characters beside them\n"
	"  -b -c -d -o -x  one-byte octal, characters, two-byte decimal, octal, hex\n"
	"  -e FORMAT  units of [ITERATIONS][/BYTES] \"TEXT\", the TEXT with printf's\n"
	"      %d %i %o %u %x %X (4 bytes, or BYTES) %e %f %g (8) %c %s, and %_a[dox]\n"
	"      offset, %_A[dox] offset at the end, %_c character, %_p printable or '.',\n"
	"      %_u named character\n"
	"  -n  dump at most LENGTH bytes     -s  skip OFFSET bytes first\n"
	"  -v  show every line (no * for repeated lines)\n";

#define MAX_FORMATS 16
#define MAX_LINE 256
#define MAX_UNITS 32		/* in one hexdump -e format */
#define MAX_FORMAT_STRINGS 16	/* -e and -bcdox options */

/* A unit of a hexdump format: [ITERATIONS][/BYTES] "TEXT". */
struct unit {
	int iterations;
	int bytes;		/* 0: each conversion takes its own size */
	char *text;		/* with its escapes decoded */
};
struct format_string {
	struct unit units[MAX_UNITS];
	int count;
};

struct format {
	char kind;	/* a c d o u x f */
	int size;	/* bytes per field */
	int width;	/* characters of the widest value */
	int pad;	/* extra spaces for this format's line, to align with the widest format */
};

struct dump {
	struct format formats[MAX_FORMATS];
	int format_count;
	char radix;		/* of the offsets: o d x, or n for none */
	int offset_width;
	int line_bytes;
	int verbose, canonical, hexdump_style;
	long long skip, limit;	/* limit < 0: no limit */
	char **files;		/* the files still to open */
	FILE *file;		/* the file being read, or NULL */
	int opened_any;		/* some file could be opened */
	int status;
	const char *usage;
	/* hexdump -e and -b -c -d -o -x: the format strings, and the bytes of a block */
	struct format_string strings[MAX_FORMAT_STRINGS];
	int string_count, block;
};

/* ---- reading the files as one stream ---- */

/* Open the next file of the list as d->file; returns 0 when none are left. */
static int open_next(struct dump *d)
{
	while (*d->files) {
		const char *name = *d->files++;
		d->file = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
		if (d->file)
			return d->opened_any = 1;
		warn("%s:", name);
		d->status = 1;
	}
	return 0;
}

static void close_current(struct dump *d)
{
	if (ferror(d->file)) {
		warn("read error");
		d->status = 1;
	}
	if (d->file != stdin)
		fclose(d->file);
	d->file = NULL;
}

/*
 * Read up to want bytes from the stream, across file boundaries. Byte by byte
 * from stdio's buffer: uClibc's fread would make a read(2) of every 16 bytes.
 */
static size_t read_stream(struct dump *d, unsigned char *buf, size_t want)
{
	size_t got = 0;

	while (got < want) {
		int c;
		if (d->file == NULL && !open_next(d))
			break;
		c = getc_unlocked(d->file);
		if (c == EOF)
			close_current(d);
		else
			buf[got++] = c;
	}
	return got;
}

/* Skip d->skip bytes of the stream: seek over regular files, read through the rest. */
static void skip_input(struct dump *d)
{
	unsigned char junk[256];
	long long left = d->skip;

	while (left > 0) {
		struct stat st;
		if (d->file == NULL && !open_next(d))
			break;
		if (fstat(fileno(d->file), &st) == 0 && S_ISREG(st.st_mode)) {
			off_t here = ftello(d->file);
			if (st.st_size - here <= left) {
				left -= st.st_size - here;
				close_current(d);
			} else {
				fseeko(d->file, here + left, SEEK_SET);
				left = 0;
			}
			continue;
		}
		size_t n = read_stream(d, junk, left < (long long)sizeof junk ? left : sizeof junk);
		if (n == 0)
			break;
		left -= n;
	}
	if (left > 0)
		die("cannot skip past end of combined input");
}

/* ---- one field ---- */

/* The named character of od -t a (bit 7 ignored). */
static void format_named(char *out, unsigned char c)
{
	static const char names[] =
		"nul soh stx etx eot enq ack bel bs  ht  nl  vt  ff  cr  so  si  "
		"dle dc1 dc2 dc3 dc4 nak syn etb can em  sub esc fs  gs  rs  us  sp  ";

	c &= 0x7f;
	if (c <= ' ') {
		memcpy(out, names + 4 * c, 3);
		out[strcspn(names + 4 * c, " ")] = '\0';
	} else if (c == 0x7f) {
		strcpy(out, "del");
	} else {
		out[0] = c;
		out[1] = '\0';
	}
}

/* The character of od -t c: itself, a C escape, or three octal digits. */
static void format_char(char *out, unsigned char c)
{
	static const char controls[] = "\0\a\b\t\n\v\f\r", letters[] = "0abtnvfr";
	const char *found = memchr(controls, c, sizeof controls - 1);

	if (found)
		sprintf(out, "\\%c", letters[found - controls]);
	else if (c >= ' ' && c < 0x7f)
		sprintf(out, "%c", c);
	else
		sprintf(out, "%03o", c);
}

/* A float or double in the fewest digits that read back as the same number. */
static void format_float(char *out, const unsigned char *p, int size)
{
	float single;
	double x;

	if (size == 4) {
		memcpy(&single, p, 4);
		x = single;
	} else {
		memcpy(&x, p, 8);
	}
	for (int digits = 1; digits < 17; digits++) {
		sprintf(out, "%.*g", digits, x);
		if (size == 4 ? strtof(out, NULL) == single : strtod(out, NULL) == x)
			return;
	}
	sprintf(out, "%.17g", x);
}

/* Format the field of f at p into out; the caller pads it to the field's width. */
static void format_field(char *out, const struct format *f, const unsigned char *p)
{
	unsigned long long value = 0;
	long long signed_value;

	if (f->kind == 'a') {
		format_named(out, *p);
		return;
	}
	if (f->kind == 'c') {
		format_char(out, *p);
		return;
	}
	if (f->kind == 'f') {
		format_float(out, p, f->size);
		return;
	}
	memcpy(&value, p, f->size);	/* the x86 is little-endian, like the data */
	signed_value = value;
	if (f->size < 8 && (value >> (8 * f->size - 1)))	/* negative: extend the sign */
		signed_value = value - (1ULL << (8 * f->size));
	if (f->kind == 'd')
		sprintf(out, "%lld", signed_value);
	else if (f->kind == 'u')
		sprintf(out, "%llu", value);
	else if (f->kind == 'o')
		sprintf(out, "%0*llo", f->width, value);
	else
		sprintf(out, "%0*llx", f->width, value);
}

/* ---- lines ---- */

static void print_offset(const struct dump *d, long long offset)
{
	if (d->radix == 'o')
		printf("%0*llo", d->offset_width, offset);
	else if (d->radix == 'd')
		printf("%0*lld", d->offset_width, offset);
	else if (d->radix == 'x')
		printf("%0*llx", d->offset_width, offset);
}

/*
 * One format's fields of a line of n bytes. The format's extra padding is spread
 * over its fields, the first ones getting the larger shares, so that the columns
 * of all formats line up under each other.
 */
static void print_fields(const struct dump *d, const struct format *f, const unsigned char *line, int n)
{
	int fields = d->line_bytes / f->size, pad_left = f->pad;
	char text[64];

	for (int i = 0; i < fields && i * f->size < n; i++) {
		int next_pad = f->pad * (fields - 1 - i) / fields;
		format_field(text, f, line + i * f->size);
		printf(" %*s", f->width + pad_left - next_pad, text);
		pad_left = next_pad;
	}
	if (d->hexdump_style)	/* hexdump fills a short last line with spaces */
		for (int i = (n + f->size - 1) / f->size; i < fields; i++)
			printf(" %*s", f->width, "");
}

/* hexdump -C: offset, 16 hex bytes in two groups of 8, the printable characters. */
static void print_canonical(const struct dump *d, long long offset, const unsigned char *line, int n)
{
	printf("%08llx ", offset);
	for (int i = 0; i < d->line_bytes; i++) {
		if (i % 8 == 0)
			putchar(' ');
		if (i < n)
			printf("%02x ", line[i]);
		else
			fputs("   ", stdout);
	}
	fputs(" |", stdout);
	for (int i = 0; i < n; i++)
		putchar(line[i] >= ' ' && line[i] < 0x7f ? line[i] : '.');
	puts("|");
}

static void print_line(const struct dump *d, long long offset, const unsigned char *line, int n)
{
	if (d->canonical) {
		print_canonical(d, offset, line, n);
		return;
	}
	for (int k = 0; k < d->format_count; k++) {
		if (k == 0)
			print_offset(d, offset);
		else if (d->radix != 'n')
			printf("%*s", d->offset_width, "");
		print_fields(d, &d->formats[k], line, n);
		putchar('\n');
	}
}

/* Dump the whole stream, line by line; "*" stands for lines equal to the one before. */
static void dump_stream(struct dump *d)
{
	unsigned char line[MAX_LINE + 8], previous[MAX_LINE];
	long long offset = d->skip, left = d->limit;
	int have_previous = 0, starred = 0;

	skip_input(d);
	for (;;) {
		size_t want = d->line_bytes, n;
		if (left >= 0 && (long long)want > left)
			want = left;
		n = want ? read_stream(d, line, want) : 0;
		if (n == 0)
			break;
		memset(line + n, 0, sizeof line - n);	/* a short last line reads as zeros */
		if (!d->verbose && have_previous && n == (size_t)d->line_bytes
		    && memcmp(line, previous, n) == 0) {
			if (!starred)
				puts("*");
			starred = 1;
		} else {
			print_line(d, offset, line, n);
			starred = 0;
		}
		memcpy(previous, line, d->line_bytes);
		have_previous = n == (size_t)d->line_bytes;
		offset += n;
		if (left >= 0)
			left -= n;
	}
	/* (hexdump says nothing at all of empty input, as util-linux) */
	if (d->radix != 'n' && d->opened_any && !(d->hexdump_style && offset == d->skip && offset == 0)) {
		print_offset(d, offset);
		putchar('\n');
	}
}

/* ---- hexdump -e: format strings ---- */

/* One conversion of a unit's text: "%" flags width precision, then its letter(s). */
struct conversion {
	char spec[24];		/* "%" and the flags, width and precision */
	int width, precision;	/* -1: not given */
	char kind;		/* d i o u x X e E f g G c s; a A: offsets; C P U: %_c %_p %_u */
	char radix;		/* of %_a and %_A: d o x */
	int size;		/* the bytes it takes */
};

/* Parse the conversion at p (a '%', not "%%"); returns the text after it, or NULL. */
static const char *parse_conversion(const char *p, struct conversion *c)
{
	size_t n = 0;

	c->width = c->precision = -1;
	c->spec[n++] = *p++;
	while (*p && strchr("-+ #0", *p) && n < 8)
		c->spec[n++] = *p++;
	if (*p >= '0' && *p <= '9')
		c->width = strtol(p, NULL, 10);
	while (*p >= '0' && *p <= '9' && n < 14)
		c->spec[n++] = *p++;
	if (*p == '.') {
		c->spec[n++] = *p++;
		c->precision = strtol(p, NULL, 10);
		while (*p >= '0' && *p <= '9' && n < 20)
			c->spec[n++] = *p++;
	}
	c->spec[n] = '\0';
	if (*p >= '0' && *p <= '9')
		return NULL;		/* a width or precision too long */
	if (*p == '_') {
		p++;
		if ((*p == 'a' || *p == 'A') && p[1] && strchr("dox", p[1])) {
			c->kind = *p;
			c->radix = p[1];
			c->size = 0;
			return p + 2;
		}
		if (*p == 'c' || *p == 'p' || *p == 'u') {
			c->kind = *p == 'c' ? 'C' : *p == 'p' ? 'P' : 'U';
			c->size = 1;
			return p + 1;
		}
		return NULL;
	}
	if (*p == '\0' || !strchr("diouxXeEfgGcs", *p))
		return NULL;
	c->kind = *p;
	c->size = strchr("eEfgG", *p) ? 8 : *p == 'c' ? 1 : *p == 's' ? c->precision : 4;
	return p + 1;
}

/* The bytes one iteration of a unit takes. */
static int unit_size(const struct unit *u)
{
	struct conversion c;
	int size = 0;

	for (const char *p = u->text; *p; ) {
		if (*p != '%' || p[1] == '%') {
			p += *p == '%' ? 2 : 1;
			continue;
		}
		p = parse_conversion(p, &c);
		size += u->bytes ? (c.size ? u->bytes : 0) : c.size;
	}
	return size;
}

/* Parse a unit's quoted text, decoding its escapes; returns the format after it. */
static const char *parse_text(const struct dump *d, const char *p, char **text)
{
	struct strbuf b = { 0 };
	struct conversion c;

	for (p++; *p != '"'; p++) {
		if (*p == '\0')
			usage_error(d->usage, "a format text without its closing '\"'");
		if (*p == '\\' && p[1]) {
			const char *q = p + 1;
			int byte = decode_escape(&q, 0);

			if (byte == '\\' && q == p + 1)	/* an unknown escape: the character */
				byte = *q++;
			sb_addc(&b, byte == ESCAPE_STOP ? 'c' : byte);
			p = q - 1;
			continue;
		}
		sb_addc(&b, *p);
	}
	*text = sb_take(&b);
	for (const char *q = *text; *q; q++) {
		if (*q != '%')
			continue;
		if (q[1] == '%') {
			q++;
			continue;
		}
		if ((q = parse_conversion(q, &c)) == NULL || (c.kind == 's' && c.precision < 0))
			usage_error(d->usage, "bad conversion in the format '%s'", *text);
		q--;
	}
	return p + 1;
}

/* Add a -e FORMAT: units of [ITERATIONS][/BYTES] "TEXT", separated by blanks. */
static void add_format_string(struct dump *d, const char *format)
{
	struct format_string *f;
	int size = 0;

	if (d->string_count == MAX_FORMAT_STRINGS)
		usage_error(d->usage, "too many formats");
	f = &d->strings[d->string_count++];
	f->count = 0;
	for (const char *p = format; ; ) {
		struct unit *u;
		char *end;

		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (*p == '\0')
			break;
		if (f->count == MAX_UNITS)
			usage_error(d->usage, "too many units in the format '%s'", format);
		u = &f->units[f->count++];
		u->iterations = 1;
		u->bytes = 0;
		if (*p >= '0' && *p <= '9') {
			u->iterations = strtol(p, &end, 10);
			p = end;
		}
		if (*p == '/') {
			u->bytes = strtol(p + 1, &end, 10);
			if (end == p + 1 || u->bytes <= 0 || u->bytes > 8)
				usage_error(d->usage, "bad byte count in the format '%s'", format);
			p = end;
		}
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '"' || u->iterations <= 0 || u->iterations > MAX_LINE)
			usage_error(d->usage, "bad format '%s'", format);
		p = parse_text(d, p, &u->text);
		size += u->iterations * unit_size(u);
	}
	if (size > MAX_LINE)
		usage_error(d->usage, "a format of more than %d bytes", MAX_LINE);
	if (size > d->block)
		d->block = size;
}

/* A conversion's value from size bytes at data, little-endian like the x86. */
static void print_value(const struct conversion *c, const unsigned char *data, int size)
{
	static const char names[][4] = {
		"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "lf", "vt",
		"ff", "cr", "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb",
		"can", "em", "sub", "esc", "fs", "gs", "rs", "us",
	};
	char spec[32], text[64];
	unsigned long long value = 0;
	long long signed_value;

	if (c->kind == 'C' || c->kind == 'P' || c->kind == 'U' || c->kind == 's') {
		if (c->kind == 'C')
			format_char(text, *data);
		else if (c->kind == 'P')
			snprintf(text, sizeof text, "%c", *data >= ' ' && *data < 0x7f ? *data : '.');
		else if (c->kind == 'U' && *data < ' ')
			strcpy(text, names[*data]);
		else if (c->kind == 'U' && *data == 0x7f)
			strcpy(text, "del");
		else if (c->kind == 'U' && *data > 0x7f)
			snprintf(text, sizeof text, "%02x", *data);
		else if (c->kind == 'U')
			snprintf(text, sizeof text, "%c", *data);
		else
			snprintf(text, sizeof text, "%.*s", size < 63 ? size : 63, (const char *)data);
		snprintf(spec, sizeof spec, "%ss", c->spec);
		printf(spec, text);
		return;
	}
	if (strchr("eEfgG", c->kind)) {
		double x;
		float single;

		if (size == 4) {
			memcpy(&single, data, 4);
			x = single;
		} else {
			memcpy(&x, data, sizeof x);
		}
		snprintf(spec, sizeof spec, "%s%c", c->spec, c->kind);
		printf(spec, x);
		return;
	}
	memcpy(&value, data, size);
	signed_value = value;
	if (size < 8 && (value >> (8 * size - 1)))
		signed_value = value - (1ULL << (8 * size));
	if (c->kind == 'c') {
		snprintf(spec, sizeof spec, "%sc", c->spec);
		printf(spec, (int)*data);
	} else {
		snprintf(spec, sizeof spec, "%sll%c", c->spec, c->kind);
		if (c->kind == 'd' || c->kind == 'i')
			printf(spec, signed_value);
		else
			printf(spec, value);
	}
}

/* Where the blanks after a unit's last conversion start (its end if there are none). */
static const char *trailing_blanks(const char *text)
{
	const char *end = text + strlen(text);

	while (end > text && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return end;
}

/*
 * One unit over the block (n bytes of data, *pos the next to use), or only its
 * %_A offsets when at_end. Past the data, conversions come out as blanks of
 * their width (none without one); a unit repeated leaves out the blanks after
 * its last conversion the last time: as util-linux's hexdump does.
 */
static void run_unit(const struct unit *u, const unsigned char *block, int n, int *pos,
		     long long offset, int at_end)
{
	struct conversion c;

	for (int i = 0; i < u->iterations; i++) {
		const char *stop = i > 0 && i == u->iterations - 1 ? trailing_blanks(u->text) : NULL;

		for (const char *p = u->text; *p && p != stop; ) {
			int size;

			if (*p != '%' || p[1] == '%') {
				putchar(*p);
				p += *p == '%' ? 2 : 1;
				continue;
			}
			p = parse_conversion(p, &c);
			size = u->bytes && c.size ? u->bytes : c.size;
			if (c.kind == 'a' || c.kind == 'A') {
				char spec[32];

				snprintf(spec, sizeof spec, "%sll%c", c.spec, c.radix);
				if (c.kind == 'A' ? at_end : !at_end)
					printf(spec, offset + *pos);
				continue;
			}
			if (at_end)
				continue;
			if (*pos + size <= n) {
				print_value(&c, block + *pos, size);
			} else if (*pos < n) {	/* the last bytes, zeros after them */
				unsigned char last[8] = { 0 };

				memcpy(last, block + *pos, n - *pos);
				print_value(&c, last, size);
			} else {
				printf("%*s", c.width > 0 ? c.width : 0, "");
			}
			*pos += size;
		}
	}
}

static int has_end_offset(const struct unit *u)
{
	for (const char *p = strstr(u->text, "%"); p; p = strstr(p + 1, "%")) {
		p += strspn(p + 1, "-+ #0123456789.") + 1;
		if (p[0] == '_' && p[1] == 'A')
			return 1;
	}
	return 0;
}

/* hexdump with format strings: block after block, each string over the same bytes. */
static void dump_formats(struct dump *d)
{
	unsigned char block[MAX_LINE], previous[MAX_LINE];
	long long offset = d->skip, left = d->limit;
	int have_previous = 0, starred = 0, any = 0;

	skip_input(d);
	for (;;) {
		size_t want = d->block, n;

		if (left >= 0 && (long long)want > left)
			want = left;
		n = want ? read_stream(d, block, want) : 0;
		if (n == 0)
			break;
		any = 1;
		if (!d->verbose && have_previous && n == (size_t)d->block && memcmp(block, previous, n) == 0) {
			if (!starred)
				puts("*");
			starred = 1;
		} else {
			starred = 0;
			for (int k = 0; k < d->string_count; k++) {
				int pos = 0;

				for (int i = 0; i < d->strings[k].count; i++)
					if (!has_end_offset(&d->strings[k].units[i]))
						run_unit(&d->strings[k].units[i], block, n, &pos, offset, 0);
			}
		}
		memcpy(previous, block, n);
		have_previous = n == (size_t)d->block;
		offset += n;
		if (left >= 0)
			left -= n;
	}
	/* The %_A offsets, once at the end, when there was any input (as util-linux). */
	for (int k = 0; any && k < d->string_count; k++) {
		int pos = 0;

		for (int i = 0; i < d->strings[k].count; i++)
			if (has_end_offset(&d->strings[k].units[i]))
				run_unit(&d->strings[k].units[i], block, 0, &pos, offset, 1);
	}
}

/* ---- options ---- */

/* The characters the widest value of a kind and size takes. */
static int field_width(char kind, int size)
{
	static const unsigned char octal[] = { 3, 6, 11, 22 }, hex[] = { 2, 4, 8, 16 };
	static const unsigned char sign[] = { 4, 6, 11, 20 }, unsign[] = { 3, 5, 10, 20 };
	int i = size == 1 ? 0 : size == 2 ? 1 : size == 4 ? 2 : 3;

	switch (kind) {
	case 'a': case 'c': return 3;
	case 'f': return size == 4 ? 15 : 24;
	case 'o': return octal[i];
	case 'x': return hex[i];
	case 'd': return sign[i];
	default: return unsign[i];
	}
}

static void add_format(struct dump *d, char kind, int size)
{
	struct format *f;

	if (d->format_count == MAX_FORMATS)
		usage_error(d->usage, "too many formats");
	f = &d->formats[d->format_count++];
	f->kind = kind;
	f->size = size;
	f->width = field_width(kind, size);
}

/* Parse a -t TYPE string such as "x1", "d4", "c", "ox2", "fD". */
static void parse_types(struct dump *d, const char *type)
{
	while (*type) {
		char kind = *type++;
		int size = kind == 'f' ? 8 : 4;
		const char *letters = kind == 'f' ? "FDL" : "CSIL";
		const char *found;
		if (strchr("acdoux", kind) == NULL && kind != 'f')
			usage_error(d->usage, "invalid type string '%c'", kind);
		if (kind == 'a' || kind == 'c') {
			add_format(d, kind, 1);
			continue;
		}
		if (*type >= '0' && *type <= '9') {
			size = strtol(type, (char **)&type, 10);
		} else if (*type && (found = strchr(letters, *type)) != NULL) {
			static const unsigned char integer_sizes[] = { 1, 2, 4, sizeof(long) };
			static const unsigned char float_sizes[] = { 4, 8, 8 };
			size = kind == 'f' ? float_sizes[found - letters] : integer_sizes[found - letters];
			type++;
		}
		if (size != 1 && size != 2 && size != 4 && size != 8)
			usage_error(d->usage, "invalid type size %d", size);
		if (kind == 'f' && size < 4)
			usage_error(d->usage, "invalid type size %d", size);
		add_format(d, kind, size);
	}
}

/* A byte count: decimal, 0x hex or 0 octal, with an optional suffix b, k, m or g. */
static long long parse_count(const struct dump *d, const char *s)
{
	static const char suffixes[] = "bkmg";
	static const long multipliers[] = { 512, 1024, 1024 * 1024, 1024 * 1024 * 1024 };
	char *end;
	long long n = strtoll(s, &end, 0);
	const char *unit;

	if (end == s || n < 0)
		usage_error(d->usage, "invalid number '%s'", s);
	if (*end) {
		unit = strchr(suffixes, *end);
		if (unit == NULL || end[1] != '\0')
			usage_error(d->usage, "invalid number '%s'", s);
		if (n > LLONG_MAX / multipliers[unit - suffixes])
			usage_error(d->usage, "number too big '%s'", s);
		n *= multipliers[unit - suffixes];
	}
	return n;
}

/* Compute every format's padding so that all formats take the same line width. */
static void align_formats(struct dump *d)
{
	int widest = 0;

	for (int k = 0; k < d->format_count; k++) {
		struct format *f = &d->formats[k];
		int line_width = (d->line_bytes / f->size) * (f->width + 1);
		if (d->line_bytes % f->size)
			usage_error(d->usage, "line width %d is not a multiple of %d", d->line_bytes, f->size);
		if (line_width > widest)
			widest = line_width;
	}
	for (int k = 0; k < d->format_count; k++) {
		struct format *f = &d->formats[k];
		f->pad = widest - (d->line_bytes / f->size) * (f->width + 1);
	}
}

static void parse_od_options(struct dump *d, int argc, char **argv)
{
	static const char traditional[] = "bcdosx", *types[] = { "o1", "c", "u2", "o2", "d2", "x2" };
	struct options o;
	long long n;
	int c;

	d->usage = od_usage;
	options_start(&o, argc, argv, "A:bcdj:N:ost:vw:x", od_usage);
	while ((c = options_next(&o)) != -1) {
		if (strchr(traditional, c)) {
			parse_types(d, types[strchr(traditional, c) - traditional]);
		} else if (c == 'A') {
			if (strlen(o.arg) != 1 || !strchr("doxn", o.arg[0]))
				usage_error(od_usage, "invalid output address radix '%s'", o.arg);
			d->radix = o.arg[0];
			d->offset_width = d->radix == 'x' ? 6 : 7;
		} else if (c == 'j') {
			d->skip = parse_count(d, o.arg);
		} else if (c == 'N') {
			d->limit = parse_count(d, o.arg);
		} else if (c == 't') {
			parse_types(d, o.arg);
		} else if (c == 'v') {
			d->verbose = 1;
		} else if (c == 'w') {
			n = parse_count(d, o.arg);
			if (n < 1 || n > MAX_LINE)
				usage_error(od_usage, "invalid line width '%s'", o.arg);
			d->line_bytes = n;
		}
	}
	d->files = argv + o.index;
	if (d->format_count == 0)
		parse_types(d, "o2");
}

static void parse_hexdump_options(struct dump *d, int argc, char **argv)
{
	struct options o;
	int c;

	/* -b -c -d -o -x as util-linux's hexdump(1) defines them */
	static const char letters[] = "bcdox", *const formats[] = {
		"\"%07.7_ax \" 16/1 \"%03o \" \"\\n\"", "\"%07.7_ax \" 16/1 \"%3_c \" \"\\n\"",
		"\"%07.7_ax \" 8/2 \"  %05u \" \"\\n\"", "\"%07.7_ax \" 8/2 \" %06o \" \"\\n\"",
		"\"%07.7_ax \" 8/2 \"   %04x \" \"\\n\"",
	};

	d->usage = hexdump_usage;
	d->radix = 'x';
	d->hexdump_style = 1;
	int end_offset = 0;	/* -b -c -d -o -x: "%07.7_Ax\n" once, at the end */

	options_start(&o, argc, argv, "bcCde:n:os:vx", hexdump_usage);
	while ((c = options_next(&o)) != -1) {
		if (strchr(letters, c)) {
			add_format_string(d, formats[strchr(letters, c) - letters]);
			end_offset = 1;
		} else if (c == 'e') {
			add_format_string(d, o.arg);
		} else if (c == 'C') {
			/* as a format too, in its place: it may come before or among -e */
			add_format_string(d, "\"%08.8_Ax\\n\"");
			add_format_string(d, "\"%08.8_ax  \" 8/1 \"%02x \" \"  \" 8/1 \"%02x \"");
			add_format_string(d, "\"  |\" 16/1 \"%_p\" \"|\\n\"");
			d->canonical = 1;
		}
		else if (c == 'n')
			d->limit = parse_count(d, o.arg);
		else if (c == 's')
			d->skip = parse_count(d, o.arg);
		else
			d->verbose = 1;
	}
	d->files = argv + o.index;
	d->offset_width = d->canonical ? 8 : 7;
	if (end_offset)
		add_format_string(d, "\"%07.7_Ax\\n\"");
	/* -C alone is dumped the way od dumps (dump_stream) */
	if (d->canonical && d->string_count == 3)
		d->string_count = 0;
	parse_types(d, "x2");
}

int od_main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	struct dump d;

	memset(&d, 0, sizeof d);
	d.radix = 'o';
	d.offset_width = 7;
	d.line_bytes = 16;
	d.limit = -1;
	if (strcmp(program_name, "hexdump") == 0)
		parse_hexdump_options(&d, argc, argv);
	else
		parse_od_options(&d, argc, argv);
	if (*d.files == NULL)
		d.files = stdin_only;
	align_formats(&d);
	if (d.string_count)
		dump_formats(&d);
	else
		dump_stream(&d);
	if (flush_stdout() < 0)
		d.status = 1;
	return d.status;
}
