/*
 * fsck_ext2.c: fuzz target for fsck.ext2 (shell/cmd/fsck_ext2.c): each input is an
 * ext2 image, padded with zeros to a multiple of 64 KB (the seeds are 64-block images
 * whose zeros at the end are left out), checked with `fsck.ext2 -n`. A crafted image
 * must give a report, in bounded time and memory: its block numbers, counts and
 * directory entries are all the attacker's.
 */
#include "fuzz.h"

int fsck_ext2_main(int argc, char **argv);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_write_padded_file("disk", data, size, 65536);
	fuzz_main(fsck_ext2_main, (char *[]){ "fsck.ext2", "-n", "disk", NULL });
	return 0;
}
