/*
 * mkswap: set up a swap area on a device or file (util-linux/BusyBox mkswap).
 *
 * The format (Linux's include/linux/swap.h, "union swap_header"): the first page
 * of the area is the header. Its first 1024 bytes are left for a boot block, then
 * come version (1), the last page's number, the count of bad pages (0), a UUID and
 * a 16-byte label; the page's last 10 bytes are the magic "SWAPSPACE2".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "disk.h"
#include "module.h"

static const char usage[] =
	"Usage: mkswap [-L LABEL] [-U UUID] DEVICE [SIZE_IN_KB]\n"
	"Set up DEVICE (a partition or a file) as a Linux swap area (version 1).\n"
	"  -L LABEL  give the area a label (at most 16 bytes)\n"
	"  -U UUID   use this UUID instead of a random one\n"
	"  SIZE_IN_KB  use only the first SIZE_IN_KB kibibytes of DEVICE\n";

enum {
	HEADER_OFFSET = 1024,	/* the boot block before the header is left alone... */
	MIN_PAGES = 10,		/* ...and an area smaller than this is of no use */
	LABEL_SIZE = 16,
};

/* The header page: version, last page, UUID and label after the boot block; the magic at its end. */
static void make_header(uint8_t *page, size_t page_size, uint32_t last_page,
			const uint8_t uuid[16], const char *label)
{
	uint8_t *h = page + HEADER_OFFSET;

	memset(page, 0, page_size);
	put_le32(h + 0, 1);		/* version */
	put_le32(h + 4, last_page);
	put_le32(h + 8, 0);		/* no bad pages */
	memcpy(h + 12, uuid, 16);
	if (label)
		memcpy(h + 28, label, strlen(label));
	memcpy(page + page_size - 10, "SWAPSPACE2", 10);
}

/* The size of the area in bytes: all of the device, or SIZE_IN_KB of it. */
static uint64_t area_size(int fd, const char *path, const char *size_arg)
{
	uint64_t bytes;
	long long kb;

	if (disk_size(fd, &bytes) < 0)
		die("%s: cannot get its size:", path);
	if (size_arg) {
		if (parse_long(size_arg, &kb) < 0 || kb <= 0)
			usage_error(usage, "invalid size '%s'", size_arg);
		if ((uint64_t)kb * 1024 > bytes)
			die("%s: SIZE_IN_KB %lld is more than the device holds (%llu KiB)",
			    path, kb, (unsigned long long)(bytes / 1024));
		bytes = (uint64_t)kb * 1024;
	}
	return bytes;
}

int mkswap_main(int argc, char **argv)
{
	struct options o;
	int c, fd;
	const char *label = NULL, *path;
	uint8_t uuid[16], *page;
	char uuid_text[37];
	size_t page_size = (size_t)sysconf(_SC_PAGESIZE);
	uint64_t pages;

	wait_for_drivers();
	disk_random_uuid(uuid);
	options_start(&o, argc, argv, "L:U:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'L')
			label = o.arg;
		else if (c == 'U' && disk_parse_uuid(o.arg, uuid) < 0)
			usage_error(usage, "invalid UUID '%s'", o.arg);
	}
	argv += o.index;
	argc -= o.index;
	if (argc < 1)
		usage_error(usage, "no device given");
	if (argc > 2)
		usage_error(usage, "too many operands");
	if (label && strlen(label) > LABEL_SIZE)
		usage_error(usage, "label '%s' is longer than %d bytes", label, LABEL_SIZE);
	path = argv[0];

	disk_check_unused(path);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		die("%s:", path);
	pages = area_size(fd, path, argv[1]) / page_size;
	if (pages < MIN_PAGES)
		die("%s: too small for a swap area: %llu pages of %zu bytes, at least %d needed",
		    path, (unsigned long long)pages, page_size, MIN_PAGES);
	if (pages > UINT32_MAX)
		pages = UINT32_MAX;	/* the header counts pages in 32 bits */

	page = xmalloc(page_size);
	make_header(page, page_size, (uint32_t)(pages - 1), uuid, label);
	if (disk_write(fd, page, page_size, 0) < 0 || fsync(fd) < 0)
		die("%s: write error:", path);
	close(fd);
	free(page);

	disk_format_uuid(uuid, uuid_text);
	printf("Setting up swapspace version 1, size = %llu KiB (%llu bytes)\n",
	       (unsigned long long)((pages - 1) * page_size / 1024),
	       (unsigned long long)((pages - 1) * page_size));
	printf("%s%s%sUUID=%s\n", label ? "LABEL=" : "no label, ", label ? label : "",
	       label ? ", " : "", uuid_text);
	return flush_stdout() < 0 ? 1 : 0;
}
