/*
 * tar.c: fuzz target for tar reading an archive (shell/cmd/tar.c): each input is
 * the archive, listed (-tv), extracted into an empty directory (-x), and written
 * to standard output (-xO). Member names that climb out (../x, /x, through a
 * symbolic link) must be refused: the fuzzer runs in a sandbox, so a missed one
 * does no harm here, but shows up in the extracted tree only. No -z: that forks.
 */
#include "fuzz.h"

int tar_main(int argc, char **argv);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_write_file("in.tar", data, size);
	fuzz_main(tar_main, (char *[]){ "tar", "-tvf", "in.tar", NULL });
	fuzz_write_file("in.tar", data, size);
	fuzz_make_directory("out");
	fuzz_main(tar_main, (char *[]){ "tar", "-xf", "../in.tar", "-C", "out", NULL });
	fuzz_write_file("in.tar", data, size);
	fuzz_main(tar_main, (char *[]){ "tar", "-xOf", "in.tar", NULL });
	return 0;
}
