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

/* Checksum the file at path into sum. Returns 0, or -1 with errno set. */
static int sum_file(const char *path, struct checksum *sum)
{
	unsigned char buf[16384];
	ssize_t n;
	int fd = open_input(path);

	if (fd < 0)
		return -1;
	while ((n = read_full(fd, buf, sizeof buf)) > 0)
		add_bytes(sum, buf, n);
	if (fd != STDIN_FILENO)
		close(fd);
	return n < 0 ? -1 : 0;
}

int sum_main(int argc, char **argv)
{
	static char *standard_input[] = { "-", NULL };
	struct options o;
	char **paths;
	int system_v = 0, status = 0, c;

	options_start(&o, argc, argv, "rs", usage);
	while ((c = options_next(&o)) != -1)
		system_v = c == 's';	/* the last of -r and -s wins */
	paths = o.index < argc ? argv + o.index : standard_input;
	for (; *paths; paths++) {
		struct checksum sum = { .system_v = system_v };

		if (sum_file(*paths, &sum) < 0) {
			warn("%s:", *paths);
			status = 1;
		} else {
			print_sum(&sum, o.index < argc ? *paths : NULL);
		}
	}
	if (flush_stdout())
		status = 1;
	return status;
}
