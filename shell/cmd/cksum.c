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

/* each_file's work: checksum fd and print "CRC SIZE NAME" (no name for standard input alone). */
static int cksum_file(int fd, const char *name, void *names_given)
{
	unsigned char buf[16384];
	unsigned long long size = 0;
	uint32_t crc = 0;
	ssize_t n;

	while ((n = read_full(fd, buf, sizeof buf)) > 0) {
		for (ssize_t i = 0; i < n; i++)
			crc = crc_add_byte(crc, buf[i]);
		size += n;
	}
	if (n < 0)
		return COPY_READ_ERROR;
	for (unsigned long long length = size; length != 0; length >>= 8)
		crc = crc_add_byte(crc, length & 0xff);
	if (*(int *)names_given)
		printf("%lu %llu %s\n", (unsigned long)~crc, size, name);
	else
		printf("%lu %llu\n", (unsigned long)~crc, size);
	return 0;
}

int cksum_main(int argc, char **argv)
{
	struct options o;
	int names_given, status;

	options_start(&o, argc, argv, "", usage);
	options_next(&o);
	names_given = o.index < argc;
	build_crc_table();
	status = each_file(argv + o.index, cksum_file, &names_given);
	if (flush_stdout())
		status = 1;
	return status;
}
