/*
 * awk.c: fuzz target for awk (shell/cmd/awk/): the input is a program, a NUL, and
 * the data it reads (a file), run as `awk PROGRAM data`: the lexer, the parser and
 * the interpreter. An awk program may loop forever on purpose, so each run has a
 * budget of function calls (fuzz_set_budget) and a memory budget (fuzz.c): what
 * goes over is stopped, not reported. A crash, or a loop the budget cannot see
 * (one that calls no function of awk), is a finding.
 */
#include "fuzz.h"

int awk_main(int argc, char **argv);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in;

	fuzz_split(&in, data, size, 2);
	fuzz_write_file("data", in.count > 1 ? in.piece[1] : "", in.count > 1 ? in.len[1] : 0);
	fuzz_set_budget(FUZZ_CALL_BUDGET);
	fuzz_main(awk_main, (char *[]){ "awk", in.piece[0], "data", NULL });
	fuzz_input_free(&in);
	return 0;
}
