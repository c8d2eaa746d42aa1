/*
 * sum: print a 16-bit checksum and the block count of each file.
 *
 * Two historical algorithms:
 *  BSD (the default, -r): a 16-bit checksum rotated right by one bit before each
 *    byte is added; sizes in 1024-byte blocks; printed "%05u %5llu".
 *  System V (-s): the plain sum of all bytes, folded from 32 to 16 bits;
 *    sizes in 512-byte blocks; printed "%u %llu".
 * The name follows when FILE operands were given (as GNU sum does).
 */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: sum [-rs] [FILE]...\n"
	"Print the checksum and the block count of each FILE (standard input for none or -).\n"
	"  -r  BSD checksum, 1024-byte blocks (the default)\n"
	"  -s  System V checksum, 512-byte blocks\n";

struct checksum {
	int system_v;		/* -s; else BSD */
	int names_given;	/* FILE operands were given: print each name */
	uint32_t value;		/* the 16-bit BSD sum, or the 32-bit System V byte sum */
	unsigned long long size;
};

static void add_bytes(struct checksum *sum, const unsigned char *buf, size_t len)
{
	uint32_t value = sum->value;

	for (size_t i = 0; i < len; i++) {
		if (sum->system_v) {
			value += buf[i];
		} else {
			value = (value >> 1) | ((value & 1) << 15);	/* rotate the 16 bits right */
			value = (value + buf[i]) & 0xffff;
		}
	}
	sum->value = value;
	sum->size += len;
}

static void print_sum(const struct checksum *sum, const char *name)
{
	if (sum->system_v) {
		/* Fold the 32-bit sum into 16 bits, end-around carry included. */
		uint32_t folded = (sum->value & 0xffff) + (sum->value >> 16);

		folded = (folded & 0xffff) + (folded >> 16);
		printf("%u %llu", (unsigned)folded, (sum->size + 511) / 512);
	} else {
		printf("%05u %5llu", (unsigned)sum->value, (sum->size + 1023) / 1024);
	}
	if (name)
		printf(" %s", name);
	putchar('\n');
}

/* each_file's work: checksum fd and print its line (the name only when names were given). */
static int sum_file(int fd, const char *name, void *settings)
{
	const struct checksum *wanted = settings;
	struct checksum sum = { .system_v = wanted->system_v };
	unsigned char buf[16384];
	ssize_t n;

	while ((n = read_full(fd, buf, sizeof buf)) > 0)
		add_bytes(&sum, buf, n);
	if (n < 0)
		return COPY_READ_ERROR;
	print_sum(&sum, wanted->names_given ? name : NULL);
	return 0;
}

int sum_main(int argc, char **argv)
{
	struct options o;
	struct checksum settings = { 0 };
	int status, c;

	options_start(&o, argc, argv, "rs", usage);
	while ((c = options_next(&o)) != -1)
		settings.system_v = c == 's';	/* the last of -r and -s wins */
	settings.names_given = o.index < argc;
	status = each_file(argv + o.index, sum_file, &settings);
	if (flush_stdout())
		status = 1;
	return status;
}
