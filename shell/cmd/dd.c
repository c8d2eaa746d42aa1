/*
 * dd: copy a file in blocks, converting as asked (POSIX dd, GNU's status=).
 *
 * dd reads input blocks of ibs bytes and writes output blocks of obs bytes.
 * A read may return less than a block (a pipe, a terminal, the end of a file):
 * that is a "partial record", counted after the '+' in "N+M records in".
 * When bs= is given, each block read is written as it is, partial or not.
 */
#include <errno.h>
#include <fcntl.h>
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
	"  seek=N   skip N output blocks first\n"
	"  conv=notrunc,sync,noerror  keep the rest of the output file; pad short input\n"
	"           blocks with zeros; go on after read errors\n"
	"  status=none|noxfer  print nothing / no transfer line at the end\n"
	"N may end in c (1), w (2), b (512), k (1024), M or G.\n";

static struct {
	const char *input, *output;
	unsigned long long ibs, obs, count, skip, seek;
	int block_mode;				/* bs= given: no reblocking */
	int notrunc, sync, noerror;
	int quiet, no_transfer_line;
} dd = { .ibs = 512, .obs = 512, .count = ~0ULL };

static unsigned long long full_in, partial_in, full_out, partial_out, bytes_out;

static unsigned long long parse_number(const char *s)
{
	static const char units[] = "cwbkMG";
	static const unsigned long long bytes[] = { 1, 2, 512, 1024, 1024 * 1024, 1024 * 1024 * 1024 };
	char *end;
	unsigned long long n;

	if (*s < '0' || *s > '9')
		usage_error(usage, "invalid number '%s'", s);
	n = strtoull(s, &end, 10);
	if (*end && strchr(units, *end) && end[1] == '\0')
		n *= bytes[strchr(units, *end) - units];
	else if (*end)
		usage_error(usage, "invalid number '%s'", s);
	return n;
}

/* conv=a,b,c and status=... */
static void parse_flags(const char *list, int is_conv)
{
	char *copy = xstrdup(list), *word, *rest = copy;

	while ((word = strsep(&rest, ",")) != NULL) {
		if (is_conv && strcmp(word, "notrunc") == 0)
			dd.notrunc = 1;
		else if (is_conv && strcmp(word, "sync") == 0)
			dd.sync = 1;
		else if (is_conv && strcmp(word, "noerror") == 0)
			dd.noerror = 1;
		else if (!is_conv && strcmp(word, "none") == 0)
			dd.quiet = 1;
		else if (!is_conv && strcmp(word, "noxfer") == 0)
			dd.no_transfer_line = 1;
		else if (is_conv || strcmp(word, "progress") != 0)
			usage_error(usage, "invalid %s '%s'", is_conv ? "conversion" : "status", word);
	}
	free(copy);
}

static void parse_operand(const char *arg)
{
	const char *value = strchr(arg, '=');
	char key[8];

	if (value == NULL || (size_t)(value - arg) >= sizeof key)
		usage_error(usage, "unknown operand '%s'", arg);
	memcpy(key, arg, value - arg);
	key[value++ - arg] = '\0';
	if (strcmp(key, "if") == 0) {
		dd.input = value;
	} else if (strcmp(key, "of") == 0) {
		dd.output = value;
	} else if (strcmp(key, "bs") == 0) {
		dd.ibs = dd.obs = parse_number(value);
		dd.block_mode = 1;
	} else if (strcmp(key, "ibs") == 0) {
		dd.ibs = parse_number(value);
	} else if (strcmp(key, "obs") == 0) {
		dd.obs = parse_number(value);
	} else if (strcmp(key, "count") == 0) {
		dd.count = parse_number(value);
	} else if (strcmp(key, "skip") == 0) {
		dd.skip = parse_number(value);
	} else if (strcmp(key, "seek") == 0) {
		dd.seek = parse_number(value);
	} else if (strcmp(key, "conv") == 0 || strcmp(key, "status") == 0) {
		parse_flags(value, key[0] == 'c');
	} else {
		usage_error(usage, "unknown operand '%s'", arg);
	}
	if (dd.ibs == 0 || dd.obs == 0)
		usage_error(usage, "invalid block size in '%s'", arg);
}

/* Write one output record (full when it is obs bytes). */
static void write_record(int fd, const char *buf, size_t len)
{
	if (write_all(fd, buf, len) < 0)
		die("%s:", dd.output ? dd.output : "standard output");
	if (len == dd.obs)
		full_out++;
	else
		partial_out++;
	bytes_out += len;
}

/* skip=: seek when the input can, read and throw away when it cannot (a pipe). */
static void skip_input(int fd, char *buf)
{
	if (dd.skip == 0 || lseek(fd, (off_t)(dd.skip * dd.ibs), SEEK_CUR) >= 0)
		return;
	for (unsigned long long i = 0; i < dd.skip; i++)
		if (read_full(fd, buf, dd.ibs) <= 0)
			break;
}

static void open_files(int *in, int *out)
{
	*in = STDIN_FILENO;
	*out = STDOUT_FILENO;
	if (dd.input && (*in = open(dd.input, O_RDONLY)) < 0)
		die("%s:", dd.input);
	if (dd.output) {
		*out = open(dd.output, O_WRONLY | O_CREAT, 0666);
		if (*out < 0)
			die("%s:", dd.output);
	}
	if (dd.seek && lseek(*out, (off_t)(dd.seek * dd.obs), SEEK_CUR) < 0)
		die("%s:", dd.output ? dd.output : "standard output");
	/* Without notrunc the output ends where the copy starts (ftruncate fails on devices: fine). */
	if (dd.output && !dd.notrunc)
		ftruncate(*out, (off_t)(dd.seek * dd.obs));
}

/* The copy loop; returns 0, or 1 after a read error. */
static int copy(int in, int out)
{
	char *ibuf = xmalloc(dd.ibs), *obuf = xmalloc(dd.obs);
	size_t pending = 0;		/* bytes waiting in obuf */
	int status = 0;

	skip_input(in, ibuf);
	for (unsigned long long blocks = 0; blocks < dd.count; blocks++) {
		ssize_t n = read(in, ibuf, dd.ibs);
		if (n < 0 && errno == EINTR) {
			blocks--;
			continue;
		}
		if (n < 0) {
			warn("%s:", dd.input ? dd.input : "standard input");
			status = 1;
			if (!dd.noerror)
				break;
			/* Go past the bad block; with sync it becomes a block of zeros. */
			lseek(in, (off_t)dd.ibs, SEEK_CUR);
			partial_in++;
			if (!dd.sync)
				continue;
			n = 0;
		} else if (n == 0) {
			break;
		} else if ((size_t)n == dd.ibs) {
			full_in++;
		} else {
			partial_in++;
		}
		if (dd.sync && (size_t)n < dd.ibs) {
			memset(ibuf + n, 0, dd.ibs - n);
			n = dd.ibs;
		}
		if (dd.block_mode) {
			write_record(out, ibuf, n);
			continue;
		}
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
	if (pending)
		write_record(out, obuf, pending);
	free(ibuf);
	free(obuf);
	return status;
}

/*
 * "3.1 MB" (base 1000) or "3.0 MiB" (base 1024), rounded to the nearest tenth
 * below 100 units, as GNU dd prints amounts.
 */
static char *scaled(char *buf, unsigned long long n, unsigned base)
{
	const char *letters = base == 1000 ? "kMGTPE" : "KMGTPE", *suffix = base == 1000 ? "B" : "iB";
	unsigned long long tenths = n * 10;
	int unit = -1;

	while (tenths >= base * 10ULL && unit < 5) {
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

/* "3+0 records in", "3+0 records out", "3145728 bytes (3.1 MB, 3.0 MiB) copied, 0.009730 s, 323 MB/s" */
static void print_statistics(const struct timespec *start)
{
	struct timespec end;
	unsigned long long micros;
	char si[24], iec[24], rate[24];

	if (dd.quiet)
		return;
	fprintf(stderr, "%llu+%llu records in\n%llu+%llu records out\n",
		full_in, partial_in, full_out, partial_out);
	if (dd.no_transfer_line)
		return;
	clock_gettime(CLOCK_MONOTONIC, &end);
	micros = (end.tv_sec - start->tv_sec) * 1000000ULL + (end.tv_nsec - start->tv_nsec) / 1000;
	if (micros == 0)
		micros = 1;
	fprintf(stderr, "%llu bytes", bytes_out);
	if (bytes_out >= 1024)
		fprintf(stderr, " (%s, %s)", scaled(si, bytes_out, 1000), scaled(iec, bytes_out, 1024));
	else if (bytes_out >= 1000)
		fprintf(stderr, " (%s)", scaled(si, bytes_out, 1000));
	fprintf(stderr, " copied, %llu.%06llu s, %s/s\n", micros / 1000000, micros % 1000000,
		scaled(rate, bytes_out * 1000000 / micros, 1000));
}

int dd_main(int argc, char **argv)
{
	struct timespec start;
	int in, out, status;

	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		show_help(usage);
	for (int i = 1; i < argc; i++)
		parse_operand(argv[i]);
	clock_gettime(CLOCK_MONOTONIC, &start);
	open_files(&in, &out);
	status = copy(in, out);
	if (dd.output && close(out) < 0)
		die("%s:", dd.output);
	print_statistics(&start);
	return status;
}
