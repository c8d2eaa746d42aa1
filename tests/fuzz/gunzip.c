/*
 * gunzip.c: fuzz target for gunzip (shell/cmd/gunzip.c, libmini/inflate.c): each
 * input is a .gz file, decompressed to standard output (-c), tested (-t), listed
 * (-lv), and decompressed under the name its header holds (-N: only the last part
 * of that name may be used, never a path, never the input itself).
 */
#include "fuzz.h"

int gunzip_main(int argc, char **argv);

static void run(char **argv, const uint8_t *data, size_t size)
{
	fuzz_write_file("in.gz", data, size);
	fuzz_main(gunzip_main, argv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	run((char *[]){ "gunzip", "-c", "in.gz", NULL }, data, size);
	run((char *[]){ "gunzip", "-t", "in.gz", NULL }, data, size);
	run((char *[]){ "gunzip", "-lv", "in.gz", NULL }, data, size);
	run((char *[]){ "gunzip", "-N", "in.gz", NULL }, data, size);
	return 0;
}
