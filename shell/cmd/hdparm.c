/*
 * hdparm: show what an IDE/ATA disk says about itself (its IDENTIFY DEVICE answer,
 * which the driver keeps and hands out with the HDIO_GET_IDENTITY ioctl). Only the
 * reading part of hdparm: -i and -I.
 *
 * The answer is 256 16-bit words (ATA/ATAPI-6, "IDENTIFY DEVICE"). The drive sends
 * its strings with the two bytes of each word swapped; the kernel puts them back in
 * order before handing them out, so they read as plain ASCII, padded with spaces.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/hdreg.h>
#include "mini.h"
#include "module.h"

static const char usage[] =
	"Usage: hdparm [-i|-I] DEVICE...\n"
	"Show the identity of each IDE/ATA DEVICE (a disk, e.g. /dev/sda or /dev/hda).\n"
	"  -i  model, firmware and serial number, geometry (the default)\n"
	"  -I  the same, laid out one item a line, with sizes and ATA versions\n";

/* The words of IDENTIFY DEVICE that are read here. */
enum {
	W_CONFIG = 0, W_CYLINDERS = 1, W_HEADS = 3, W_SECTORS = 6, W_SERIAL = 10,
	W_FIRMWARE = 23, W_MODEL = 27, W_CAPABILITIES = 49, W_LBA28 = 60,
	W_MAJOR_VERSION = 80, W_COMMANDS2 = 83, W_LBA48 = 100,
};

/* words[first...] holding count characters, as a C string without the padding. */
static char *id_string(char *buf, const uint16_t *words, int first, int count)
{
	int n = 0;

	for (int i = 0; i < count / 2; i++) {
		buf[n++] = words[first + i] & 0xFF;
		buf[n++] = words[first + i] >> 8;
	}
	while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\0'))
		n--;
	buf[n] = '\0';
	for (int i = 0; i < n; i++)
		if (buf[i] < 0x20 || buf[i] > 0x7E)
			buf[i] = '?';
	return buf;
}

static unsigned long long lba48_sectors(const uint16_t *w)
{
	return (unsigned long long)w[W_LBA48 + 3] << 48 | (unsigned long long)w[W_LBA48 + 2] << 32 |
	       (unsigned long long)w[W_LBA48 + 1] << 16 | w[W_LBA48];
}

static unsigned long lba28_sectors(const uint16_t *w)
{
	return (unsigned long)w[W_LBA28 + 1] << 16 | w[W_LBA28];
}

static int has_lba48(const uint16_t *w)
{
	return (w[W_COMMANDS2] & 0xC000) == 0x4000 && (w[W_COMMANDS2] & 0x0400);
}

static void print_short(const uint16_t *w)
{
	char model[41], firmware[9], serial[21];

	printf(" Model=%s, FwRev=%s, SerialNo=%s\n", id_string(model, w, W_MODEL, 40),
	       id_string(firmware, w, W_FIRMWARE, 8), id_string(serial, w, W_SERIAL, 20));
	printf(" Config={ %s }\n", w[W_CONFIG] & 0x80 ? "Removable" : "Fixed");
	printf(" RawCHS=%u/%u/%u, LBA=%s, DMA=%s\n", w[W_CYLINDERS], w[W_HEADS], w[W_SECTORS],
	       w[W_CAPABILITIES] & 0x200 ? "yes" : "no", w[W_CAPABILITIES] & 0x100 ? "yes" : "no");
	if (w[W_CAPABILITIES] & 0x200)
		printf(" LBAsects=%llu\n", has_lba48(w) ? lba48_sectors(w) : lba28_sectors(w));
}

static void print_long(const uint16_t *w)
{
	char text[41];
	unsigned long long sectors = has_lba48(w) ? lba48_sectors(w) : lba28_sectors(w);
	int reported = 0;

	printf("ATA device, with %s media\n", w[W_CONFIG] & 0x80 ? "removable" : "non-removable");
	printf("\tModel Number:       %s\n", id_string(text, w, W_MODEL, 40));
	printf("\tSerial Number:      %s\n", id_string(text, w, W_SERIAL, 20));
	printf("\tFirmware Revision:  %s\n", id_string(text, w, W_FIRMWARE, 8));
	printf("Standards:\n\tSupported:");
	/* Word 80: bit n set means ATA-n is supported (0 and 0xFFFF: not reported). */
	if (w[W_MAJOR_VERSION] != 0 && w[W_MAJOR_VERSION] != 0xFFFF)
		for (int v = 14; v >= 1; v--)
			if (w[W_MAJOR_VERSION] & (1 << v)) {
				printf(" ATA-%d", v);
				reported = 1;
			}
	printf("%s\nConfiguration:\n", reported ? "" : " (not reported)");
	printf("\tLogical\t\tmax\tcurrent\n\tcylinders\t%u\n\theads\t\t%u\n\tsectors/track\t%u\n",
	       w[W_CYLINDERS], w[W_HEADS], w[W_SECTORS]);
	if (w[W_CAPABILITIES] & 0x200)
		printf("\tLBA    user addressable sectors: %10lu\n", lba28_sectors(w));
	if (has_lba48(w))
		printf("\tLBA48  user addressable sectors: %10llu\n", lba48_sectors(w));
	printf("\tdevice size with M = 1024*1024: %11llu MBytes\n", sectors * 512 / (1024 * 1024));
	printf("\tdevice size with M = 1000*1000: %11llu MBytes\n", sectors * 512 / (1000 * 1000));
	printf("Capabilities:\n\tLBA: %s, DMA: %s\n", w[W_CAPABILITIES] & 0x200 ? "yes" : "no",
	       w[W_CAPABILITIES] & 0x100 ? "yes" : "no");
}

static int identify(const char *device, int verbose)
{
	uint16_t words[256];
	int fd = open(device, O_RDONLY | O_NONBLOCK), result;

	if (fd < 0) {
		warn("%s:", device);
		return 1;
	}
	result = ioctl(fd, HDIO_GET_IDENTITY, words);
	close(fd);
	printf("\n%s:\n\n", device);
	if (result < 0) {
		fflush(stdout);
		if (errno == ENOTTY || errno == EINVAL || errno == ENOMSG)
			warn("%s: the driver gives no drive identity (not an ATA disk?)", device);
		else
			warn("%s: HDIO_GET_IDENTITY:", device);
		return 1;
	}
	if (verbose)
		print_long(words);
	else
		print_short(words);
	return 0;
}

int hdparm_main(int argc, char **argv)
{
	struct options o;
	int c, verbose = 0, status = 0;

	wait_for_drivers();
	options_start(&o, argc, argv, "iI", usage);
	while ((c = options_next(&o)) != -1)
		verbose = c == 'I';
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "no device given");
	for (; *argv; argv++)
		status |= identify(*argv, verbose);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
