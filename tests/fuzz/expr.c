/*
 * expr.c: fuzz target for expr (shell/cmd/expr.c): the input, cut at NUL bytes,
 * is expr's arguments (up to 15): `expr ( 1 + 2 ) : \(.\)` and the like.
 */
#include "fuzz.h"

int expr_main(int argc, char **argv);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in;
	char *argv[FUZZ_MAX_PIECES + 1];

	fuzz_split(&in, data, size, FUZZ_MAX_PIECES - 1);
	argv[0] = "expr";
	for (int i = 0; i < in.count; i++)
		argv[i + 1] = in.piece[i];
	argv[in.count + 1] = NULL;
	fuzz_main(expr_main, argv);
	fuzz_input_free(&in);
	return 0;
}
