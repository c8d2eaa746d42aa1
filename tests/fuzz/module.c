/*
 * module.c: fuzz target for modprobe's reading of a kernel module file (module_depends in
 * libmini/module.c): the ELF header, the section headers, the section names and the
 * .modinfo strings, every offset and size taken from the file. Whatever the bytes say,
 * the answer is a list of names or NULL, never a read outside the buffer.
 */
#include <string.h>
#include "fuzz.h"
#include "module.h"

struct image {
	const char *bytes;
	size_t size;
};

static int read_depends(void *arg)
{
	const struct image *image = arg;

	/* What libmini allocates goes through the harness, which frees it after the run. */
	fuzz_free(module_depends(image->bytes, image->size));
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* libFuzzer's buffer is exactly size bytes: AddressSanitizer sees a read past it. */
	struct image image = { (const char *)data, size };

	fuzz_run(read_depends, &image);
	return 0;
}
