/*
 * cksum: print the POSIX CRC and the byte count of each file.
 *
 * The CRC is the one POSIX defines: the bytes, then the file's length (least
 * significant byte first, as few bytes as it takes), are divided as a polynomial
 * over GF(2), most significant bit first, by the generator 0x04C11DB7; the
 * remainder, ones'-complemented, is the checksum. A table of the remainders of
 * the 256 possible bytes lets us divide a byte at a time.
 */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: cksum [FILE]...\n"
	"Print the CRC checksum (POSIX), the byte count and the name of each FILE\n"
	"(standard input, without a name, for none; - is standard input too).\n";

enum { CRC_POLYNOMIAL = 0x04C11DB7 };

static uint32_t crc_table[256];

/* crc_table[b]: the remainder of b followed by 32 zero bits, divided by the generator. */
static void build_crc_table(void)
{
	for (uint32_t byte = 0; byte < 256; byte++) {
		uint32_t remainder = byte << 24;

		for (int bit = 0; bit < 8; bit++)
			remainder = remainder & 0x80000000 ? (remainder << 1) ^ CRC_POLYNOMIAL : remainder << 1;
		crc_table[byte] = remainder;
	}
}

static uint32_t crc_add_byte(uint32_t crc, unsigned char byte)
{
	return (crc << 8) ^ crc_table[(crc >> 24) ^ byte];
}

/* Checksum the file at path. Returns 0, or -1 with errno set. */
static int cksum_file(const char *path, uint32_t *crc_out, unsigned long long *size_out)
{
	unsigned char buf[16384];
	unsigned long long size = 0;
	uint32_t crc = 0;
	ssize_t n;
	int fd = open_input(path);

	if (fd < 0)
		return -1;
	while ((n = read_full(fd, buf, sizeof buf)) > 0) {
		for (ssize_t i = 0; i < n; i++)
			crc = crc_add_byte(crc, buf[i]);
		size += n;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if (n < 0)
		return -1;
	for (unsigned long long length = size; length != 0; length >>= 8)
		crc = crc_add_byte(crc, length & 0xff);
	*crc_out = ~crc;
	*size_out = size;
	return 0;
}

int cksum_main(int argc, char **argv)
{
	static char *standard_input[] = { "-", NULL };
	struct options o;
	char **paths;
	int status = 0;

	options_start(&o, argc, argv, "", usage);
	options_next(&o);
	paths = o.index < argc ? argv + o.index : standard_input;
	build_crc_table();
	for (; *paths; paths++) {
		unsigned long long size;
		uint32_t crc;

		if (cksum_file(*paths, &crc, &size) < 0) {
			warn("%s:", *paths);
			status = 1;
		} else if (o.index < argc) {
			printf("%lu %llu %s\n", (unsigned long)crc, size, *paths);
		} else {
			printf("%lu %llu\n", (unsigned long)crc, size);
		}
	}
	if (flush_stdout())
		status = 1;
	return status;
}
