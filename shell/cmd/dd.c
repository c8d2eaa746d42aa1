/*
 * dd: copy a file in blocks, converting as asked (POSIX dd, with GNU's iflag=,
 * oflag=, status= and number suffixes).
 *
 * dd reads input blocks of ibs bytes and writes output blocks of obs bytes.
 * A read may return less than a block (a pipe, a terminal, the end of a file):
 * that is a "partial record", counted after the '+' in "N+M records in".
 * When bs= is given, each block read is written as it is, partial or not.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: dd [OPERAND]...\n"
	"Copy standard input to standard output, or as the operands say:\n"
	"  if=FILE  of=FILE   read from, write to FILE\n"
	"  bs=N  ibs=N  obs=N  block size for both, input, output (default 512)\n"
	"  count=N  copy only N input blocks     skip=N  skip N input blocks first\n"
	"  seek=N   skip N output blocks first   (N ending in B: bytes)\n"
	"  conv=notrunc,sync,noerror,fsync,fdatasync,excl,nocreat,lcase,ucase,swab\n"
	"  iflag=fullblock,count_bytes,skip_bytes  oflag=seek_bytes,append (keeps data)\n"
	"  iflag=, oflag=: direct,directory,dsync,sync,nonblock,noatime,noctty,nofollow\n"
	"  status=none|noxfer|progress\n"
	"N may end in c (1), w (2), b (512), K M G T P E (powers of 1024), kB MB ... (of\n"
	"1000), KiB MiB ...; NxM multiplies.\n";

/* dd's own input/output flags, kept in bits no O_ flag uses. */
enum { FULLBLOCK = 1 << 24, COUNT_BYTES = 1 << 25, SKIP_BYTES = 1 << 26, SEEK_BYTES = 1 << 27 };
enum { OWN_FLAGS = FULLBLOCK | COUNT_BYTES | SKIP_BYTES | SEEK_BYTES };
_Static_assert(((O_APPEND | O_DIRECT | O_DIRECTORY | O_SYNC | O_DSYNC | O_NONBLOCK | O_NOATIME |
		 O_NOCTTY | O_NOFOLLOW) & OWN_FLAGS) == 0, "dd's flag bits collide with O_ flags");

/* conv= and status= words */
enum {
	NOTRUNC = 1, SYNC = 2, NOERROR = 4, FSYNC = 8, FDATASYNC = 16, EXCL = 32, NOCREAT = 64,
	LCASE = 128, UCASE = 256, SWAB = 512,
};
enum { QUIET = 1, NOXFER = 2, PROGRESS = 4 };

struct word {
	const char *name;
	int bit;
};

static const struct word flag_words[] = {
	{ "append", O_APPEND }, { "direct", O_DIRECT }, { "directory", O_DIRECTORY },
	{ "dsync", O_DSYNC }, { "sync", O_SYNC }, { "nonblock", O_NONBLOCK },
	{ "noatime", O_NOATIME }, { "noctty", O_NOCTTY }, { "nofollow", O_NOFOLLOW },
	{ "fullblock", FULLBLOCK }, { "count_bytes", COUNT_BYTES }, { "skip_bytes", SKIP_BYTES },
	{ "seek_bytes", SEEK_BYTES }, { NULL, 0 },
};
static const struct word conv_words[] = {
	{ "notrunc", NOTRUNC }, { "sync", SYNC }, { "noerror", NOERROR }, { "fsync", FSYNC },
	{ "fdatasync", FDATASYNC }, { "excl", EXCL }, { "nocreat", NOCREAT }, { "lcase", LCASE },
	{ "ucase", UCASE }, { "swab", SWAB }, { NULL, 0 },
};
static const struct word status_words[] = {
	{ "none", QUIET }, { "noxfer", NOXFER }, { "progress", PROGRESS }, { NULL, 0 },
};

static struct {
	const char *input, *output;
	unsigned long long ibs, obs, count, skip, seek;
	int block_mode;				/* bs= given: no reblocking */
	int iflags, oflags, conv, status;
} dd = { .ibs = 512, .obs = 512, .count = ~0ULL };

static unsigned long long full_in, partial_in, full_out, partial_out, bytes_in, bytes_out;
static struct timespec start;

/* *n times by; returns -1 when the product does not fit. */
static int multiply(unsigned long long *n, unsigned long long by)
{
	if (by && *n > ~0ULL / by)
		return -1;
	*n *= by;
	return 0;
}

/*
 * One factor of a number: digits, then maybe a unit: c (1), w (2), b (512), B (1),
 * or K (k too), M, G, T, P, E: powers of 1024, or of 1000 when "B" follows
 * ("kB"); "KiB" is 1024 again. Returns where the factor ends, or NULL.
 */
static const char *parse_factor(const char *s, unsigned long long *out)
{
	static const char powers[] = "KMGTPE";
	const char *power;
	unsigned long long unit = 1;
	char *end;

	if (*s < '0' || *s > '9')
		return NULL;
	errno = 0;
	*out = strtoull(s, &end, 10);
	if (errno)
		return NULL;
	if (*end == 'w' || *end == 'b') {
		unit = *end++ == 'w' ? 2 : 512;
	} else if (*end == 'c' || *end == 'B') {
		end++;
	} else if (*end && (power = strchr(powers, *end == 'k' ? 'K' : *end)) != NULL) {
		unsigned base = 1024;

		if (*++end == 'B') {
			base = 1000;
			end++;
		} else if (end[0] == 'i' && end[1] == 'B') {
			end += 2;
		}
		for (const char *p = powers; p <= power; p++)
			unit *= base;
	}
	return multiply(out, unit) < 0 ? NULL : end;
}

/* A number: factors joined by 'x' (2x512 is 1024). */
static unsigned long long parse_number(const char *text)
{
	unsigned long long product = 1, factor;
	const char *s = text;

	for (;;) {
		s = parse_factor(s, &factor);
		if (s == NULL || multiply(&product, factor) < 0 || (*s && *s != 'x'))
			usage_error(usage, "invalid number: '%s'", text);
		if (*s++ == '\0')
			return product;
	}
}

/* A comma-separated list of words from table (conv=, iflag=, ...): their bits or'ed. */
static int parse_words(const char *list, const struct word *table, const char *what)
{
	char *copy = xstrdup(list), *word, *rest = copy;
	int bits = 0;

	while ((word = strsep(&rest, ",")) != NULL) {
		const struct word *w = table;

		while (w->name && strcmp(w->name, word) != 0)
			w++;
		if (w->name == NULL)
			usage_error(usage, "invalid %s: '%s'", what, word);
		bits |= w->bit;
	}
	free(copy);
	return bits;
}

/* The operands that take a number; for count, skip, seek an ending "B" means bytes. */
static const struct {
	const char *key;
	unsigned long long *value;
	int *flags;
	int bytes_flag;
} number_operands[] = {
	{ "ibs", &dd.ibs, NULL, 0 }, { "obs", &dd.obs, NULL, 0 },
	{ "count", &dd.count, &dd.iflags, COUNT_BYTES },
	{ "skip", &dd.skip, &dd.iflags, SKIP_BYTES }, { "iseek", &dd.skip, &dd.iflags, SKIP_BYTES },
	{ "seek", &dd.seek, &dd.oflags, SEEK_BYTES }, { "oseek", &dd.seek, &dd.oflags, SEEK_BYTES },
};

/* The operands that take a list of words. */
static const struct {
	const char *key;
	const struct word *words;
	const char *what;		/* for the error message */
	int *bits;
} list_operands[] = {
	{ "conv", conv_words, "conversion", &dd.conv },
	{ "iflag", flag_words, "input flag", &dd.iflags },
	{ "oflag", flag_words, "output flag", &dd.oflags },
	{ "status", status_words, "status level", &dd.status },
};

#define COUNT_OF(array) (sizeof(array) / sizeof(array)[0])

/* count=, skip=, conv=, ... : returns 0 when key is none of them. */
static int parse_table_operand(const char *key, const char *value)
{
	for (size_t i = 0; i < COUNT_OF(number_operands); i++) {
		if (strcmp(key, number_operands[i].key) == 0) {
			*number_operands[i].value = parse_number(value);
			if (number_operands[i].flags && value[strlen(value) - 1] == 'B')
				*number_operands[i].flags |= number_operands[i].bytes_flag;
			return 1;
		}
	}
	for (size_t i = 0; i < COUNT_OF(list_operands); i++) {
		if (strcmp(key, list_operands[i].key) == 0) {
			*list_operands[i].bits |= parse_words(value, list_operands[i].words, list_operands[i].what);
			return 1;
		}
	}
	return 0;
}

static void parse_operand(const char *arg)
{
	const char *value = strchr(arg, '=');
	char key[8];

	if (value == NULL || (size_t)(value - arg) >= sizeof key)
		usage_error(usage, "unknown operand '%s'", arg);
	memcpy(key, arg, value - arg);
	key[value++ - arg] = '\0';
	if (parse_table_operand(key, value)) {
		/* done */
	} else if (strcmp(key, "if") == 0) {
		dd.input = value;
	} else if (strcmp(key, "of") == 0) {
		dd.output = value;
	} else if (strcmp(key, "bs") == 0) {
		dd.ibs = dd.obs = parse_number(value);
		dd.block_mode = 1;
	} else {
		usage_error(usage, "unknown operand '%s'", arg);
	}
	if (dd.ibs == 0 || dd.obs == 0 || dd.ibs > SIZE_MAX / 2 || dd.obs > SIZE_MAX / 2)
		usage_error(usage, "invalid block size in '%s'", arg);
}

static void check_conflicts(void)
{
	if (dd.oflags & FULLBLOCK)
		usage_error(usage, "invalid output flag: 'fullblock'");
	if ((dd.conv & (LCASE | UCASE)) == (LCASE | UCASE))
		usage_error(usage, "cannot combine lcase and ucase");
	if ((dd.conv & (EXCL | NOCREAT)) == (EXCL | NOCREAT))
		usage_error(usage, "cannot combine excl and nocreat");
}

static const char *output_name(void)
{
	return dd.output ? dd.output : "standard output";
}

/* Write one output record (full when it is obs bytes). */
static void write_record(int fd, const char *buf, size_t len)
{
	int failed = write_all(fd, buf, len) < 0;

	/* O_DIRECT takes whole sectors only: the last, short record goes without it. */
	if (failed && errno == EINVAL && (dd.oflags & O_DIRECT)) {
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_DIRECT);
		failed = write_all(fd, buf, len) < 0;
	}
	if (failed)
		die("%s:", output_name());
	if (len == dd.obs)
		full_out++;
	else
		partial_out++;
	bytes_out += len;
}

/* skip=: seek when the input can, read and throw away when it cannot (a pipe). */
static void skip_input(int fd, char *buf)
{
	unsigned long long left = dd.iflags & SKIP_BYTES ? dd.skip : dd.skip * dd.ibs;

	if (left == 0 || lseek(fd, (off_t)left, SEEK_CUR) >= 0)
		return;
	while (left > 0) {
		ssize_t n = read_full(fd, buf, left < dd.ibs ? left : dd.ibs);
		if (n <= 0)
			break;
		left -= n;
	}
}

/* iflag=/oflag= on standard input or output, which dd does not open itself. */
static void add_fd_flags(int fd, int flags, const char *name)
{
	if (flags && fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | flags) < 0)
		die("setting flags for '%s':", name);
}

static void open_files(int *in, int *out)
{
	int in_flags = dd.iflags & ~OWN_FLAGS, out_flags = O_WRONLY | (dd.oflags & ~OWN_FLAGS);
	unsigned long long seek = dd.oflags & SEEK_BYTES ? dd.seek : dd.seek * dd.obs;

	*in = STDIN_FILENO;
	*out = STDOUT_FILENO;
	if (dd.input == NULL)
		add_fd_flags(*in, in_flags, "standard input");
	else if ((*in = open(dd.input, O_RDONLY | in_flags)) < 0)
		die("%s:", dd.input);
	if (!(dd.conv & NOCREAT))
		out_flags |= O_CREAT;
	if (dd.conv & EXCL)
		out_flags |= O_EXCL;
	if (dd.output == NULL)
		add_fd_flags(*out, out_flags & ~(O_WRONLY | O_CREAT), "standard output");
	else if ((*out = open(dd.output, out_flags, 0666)) < 0)
		die("%s:", dd.output);
	if (seek && lseek(*out, (off_t)seek, SEEK_CUR) < 0)
		die("%s:", output_name());
	/*
	 * Without notrunc the output ends where the copy starts (ftruncate fails on
	 * devices: fine). Appending keeps the file's data too (GNU would truncate).
	 */
	if (dd.output && !(dd.conv & NOTRUNC) && !(dd.oflags & O_APPEND))
		ftruncate(*out, (off_t)seek);
}

/* A buffer aligned to a page, as O_DIRECT wants (never freed: dd ends soon after). */
static char *aligned_buffer(size_t size)
{
	return (char *)(((uintptr_t)xmalloc(size + 4095) + 4095) & ~(uintptr_t)4095);
}

/* The next input block: one read, or with fullblock as many as it takes. */
static ssize_t read_block(int fd, char *buf, size_t want)
{
	ssize_t n;

	if (dd.iflags & FULLBLOCK)
		return read_full(fd, buf, want);
	while ((n = read(fd, buf, want)) < 0 && errno == EINTR)
		;
	return n;
}

/* conv=swab, lcase, ucase on one input block. */
static void convert(char *buf, size_t n)
{
	if (dd.conv & SWAB) {
		for (size_t i = 0; i + 1 < n; i += 2) {
			char c = buf[i];
			buf[i] = buf[i + 1];
			buf[i + 1] = c;
		}
	}
	for (size_t i = 0; i < n && (dd.conv & (LCASE | UCASE)); i++)
		buf[i] = dd.conv & LCASE ? tolower((unsigned char)buf[i]) : toupper((unsigned char)buf[i]);
}

/*
 * "3.1 MB" (base 1000) or "3.0 MiB" (base 1024), rounded to the nearest tenth
 * below 100 units, as GNU dd prints amounts. A rate is never shown in bytes:
 * 590 B/s is "0.6 kB/s".
 */
static char *scaled(char *buf, unsigned long long n, unsigned base, int is_rate)
{
	const char *letters = base == 1000 ? "kMGTPE" : "KMGTPE", *suffix = base == 1000 ? "B" : "iB";
	unsigned long long tenths = n * 10;
	int unit = -1;

	while ((tenths >= base * 10ULL || (is_rate && unit < 0)) && unit < 5) {
		tenths = (tenths + base / 2) / base;
		unit++;
	}
	if (unit < 0)
		sprintf(buf, "%llu B", n);
	else if (tenths < 1000)
		sprintf(buf, "%llu.%llu %c%s", tenths / 10, tenths % 10, letters[unit], suffix);
	else
		sprintf(buf, "%llu %c%s", (tenths + 5) / 10, letters[unit], suffix);
	return buf;
}

/*
 * Seconds given in nanoseconds, written as printf's %g would (6 significant
 * digits, no trailing zeros: 1.20311, 0.0116011, 4.5004e-05), from the decimal
 * digits of ns so that dd needs no floating point.
 */
static char *format_seconds(char *buf, unsigned long long ns)
{
	char digits[24], *p = buf;
	int len = sprintf(digits, "%llu", ns), exponent = len - 10, scientific;

	/* Round to 6 digits: 9s carry to the left; 999999.5 becomes 100000 one power up. */
	if (len > 6 && digits[6] >= '5') {
		int i = 5;

		while (i >= 0 && digits[i] == '9')
			digits[i--] = '0';
		if (i < 0) {
			digits[0] = '1';
			exponent++;
		} else {
			digits[i]++;
		}
	}
	while (len < 6)
		digits[len++] = '0';
	digits[6] = '\0';
	if (ns == 0)
		exponent = 0;
	scientific = exponent < -4 || exponent >= 6;
	if (scientific)
		p += sprintf(p, "%c.%.5s", digits[0], digits + 1);
	else if (exponent >= 0)
		p += sprintf(p, "%.*s.%.5s", exponent + 1, digits, digits + exponent + 1);
	else
		p += sprintf(p, "0.%.*s%.6s", -exponent - 1, "000", digits);
	while (p[-1] == '0')
		p--;
	if (p[-1] == '.')
		p--;
	*p = '\0';
	if (scientific)
		sprintf(p, "e%c%02d", exponent < 0 ? '-' : '+', abs(exponent));
	return buf;
}

/*
 * "3145728 bytes (3.1 MB, 3.0 MiB) copied, 0.00973 s, 323 MB/s" into line;
 * the progress line shows whole seconds. Returns its length.
 */
static int transfer_line(char *line, int whole_seconds)
{
	struct timespec now;
	unsigned long long ns, micros;
	char si[24], iec[24], rate[24], seconds[24];
	char *p = line;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ns = (now.tv_sec - start.tv_sec) * 1000000000ULL + now.tv_nsec - start.tv_nsec;
	micros = ns / 1000 ? ns / 1000 : 1;
	p += sprintf(p, "%llu byte%s", bytes_out, bytes_out == 1 ? "" : "s");
	if (bytes_out >= 1024)
		p += sprintf(p, " (%s, %s)", scaled(si, bytes_out, 1000, 0), scaled(iec, bytes_out, 1024, 0));
	else if (bytes_out >= 1000)
		p += sprintf(p, " (%s)", scaled(si, bytes_out, 1000, 0));
	if (whole_seconds)
		sprintf(seconds, "%llu", ns / 1000000000);
	else
		format_seconds(seconds, ns);
	p += sprintf(p, " copied, %s s, %s/s", seconds, scaled(rate, bytes_out * 1000000 / micros, 1000, 1));
	return p - line;
}

static int progress_width;	/* of the progress line on the terminal; 0: none shown */

/* status=progress: rewrite the transfer line in place once a second. */
static void show_progress(void)
{
	static time_t shown_at;
	struct timespec now;
	char line[160];
	int len;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec - start.tv_sec <= shown_at)
		return;
	shown_at = now.tv_sec - start.tv_sec;
	len = transfer_line(line, 1);
	/* Blanks wipe what a longer line before left behind. */
	fprintf(stderr, "\r%s%*s", line, progress_width > len ? progress_width - len : 0, "");
	progress_width = len > progress_width ? len : progress_width;
}

/* Input blocks left to read, or with count_bytes, bytes left (at most one block). */
static unsigned long long input_left(void)
{
	if (dd.iflags & COUNT_BYTES)
		return dd.count - bytes_in < dd.ibs ? dd.count - bytes_in : dd.ibs;
	return full_in + partial_in < dd.count ? dd.ibs : 0;
}

/* The copy loop; returns 0, or 1 after a read error. */
static int copy(int in, int out)
{
	char *ibuf = aligned_buffer(dd.ibs), *obuf = aligned_buffer(dd.obs);
	size_t pending = 0;		/* bytes waiting in obuf */
	size_t want;
	int status = 0;

	skip_input(in, ibuf);
	while ((want = input_left()) > 0) {
		ssize_t n = read_block(in, ibuf, want);

		if (n < 0) {
			warn("%s:", dd.input ? dd.input : "standard input");
			status = 1;
			if (!(dd.conv & NOERROR))
				break;
			/* Go past the bad block; with sync it becomes a block of zeros. */
			lseek(in, (off_t)want, SEEK_CUR);
			partial_in++;
			bytes_in += want;
			if (!(dd.conv & SYNC))
				continue;
			n = 0;
		} else if (n == 0) {
			break;
		} else {
			if ((size_t)n == dd.ibs)
				full_in++;
			else
				partial_in++;
			bytes_in += n;
		}
		if ((dd.conv & SYNC) && (size_t)n < dd.ibs) {
			memset(ibuf + n, 0, dd.ibs - n);
			n = dd.ibs;
		}
		convert(ibuf, n);
		if (dd.block_mode) {
			write_record(out, ibuf, n);
		} else {
			/* Reblock: gather input into obs-sized output records. */
			for (ssize_t at = 0; at < n;) {
				size_t take = dd.obs - pending < (size_t)(n - at) ? dd.obs - pending : (size_t)(n - at);
				memcpy(obuf + pending, ibuf + at, take);
				pending += take;
				at += take;
				if (pending == dd.obs) {
					write_record(out, obuf, pending);
					pending = 0;
				}
			}
		}
		if (dd.status & PROGRESS)
			show_progress();
	}
	if (pending)
		write_record(out, obuf, pending);
	return status;
}

/* "3+0 records in", "3+0 records out", then the transfer line */
static void print_statistics(void)
{
	char line[160];

	if (dd.status & QUIET)
		return;
	if (progress_width)
		fputc('\n', stderr);
	fprintf(stderr, "%llu+%llu records in\n%llu+%llu records out\n",
		full_in, partial_in, full_out, partial_out);
	if (dd.status & NOXFER)
		return;
	transfer_line(line, 0);
	fprintf(stderr, "%s\n", line);
}

/* conv=fsync, fdatasync, then close the output file. */
static void finish_output(int out)
{
	if (((dd.conv & FSYNC) && fsync(out) < 0) || ((dd.conv & FDATASYNC) && fdatasync(out) < 0))
		die("fsync %s:", output_name());
	if (dd.output && close(out) < 0)
		die("%s:", dd.output);
}

int dd_main(int argc, char **argv)
{
	int in, out, status;

	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		show_help(usage);
	for (int i = 1; i < argc; i++)
		parse_operand(argv[i]);
	check_conflicts();
	clock_gettime(CLOCK_MONOTONIC, &start);
	open_files(&in, &out);
	status = copy(in, out);
	finish_output(out);
	print_statistics();
	return status;
}
