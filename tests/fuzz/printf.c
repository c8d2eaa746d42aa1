/*
 * printf.c: fuzz target for printf (shell/cmd/printf.c, libmini/escape.c): the
 * input, cut at NUL bytes, is the format and its arguments (up to 15 in all).
 */
#include "fuzz.h"

int printf_main(int argc, char **argv);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in;
	char *argv[FUZZ_MAX_PIECES + 2];
	int n = 0;

	fuzz_split(&in, data, size, FUZZ_MAX_PIECES - 1);
	argv[n++] = "printf";
	if (in.piece[0][0] == '-')	/* a format, never an option */
		argv[n++] = "--";
	for (int i = 0; i < in.count; i++)
		argv[n++] = in.piece[i];
	argv[n] = NULL;
	fuzz_main(printf_main, argv);
	fuzz_input_free(&in);
	return 0;
}
