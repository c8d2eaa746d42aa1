/*
 * fstype.c: fuzz target for the superblock probe of blkid, lsblk, mount and swapon
 * (libmini/fstype.c): each input is the start of a disk image (ext2/3/4, FAT, ISO9660
 * with Joliet, swap, an MBR), padded with zeros to a multiple of 64 KB, the most the
 * probes read. Whatever the bytes say, the answer is a type or "unknown", never a
 * read outside a buffer.
 */
#include <string.h>
#include "fuzz.h"
#include "fstype.h"

static int probe(void *path)
{
	struct fstype fs;

	return fstype_probe_path(path, &fs) < 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_write_padded_file("disk", data, size, 65536);
	fuzz_run(probe, "disk");
	return 0;
}
