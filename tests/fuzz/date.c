/*
 * date.c: fuzz target for date's parsing and formatting (shell/cmd/date.c): the
 * input is a date string, a NUL, and a format: `date -u -d STRING +FORMAT`; then
 * the string as the operand that sets the clock (`date -u MMDDhhmm[[CC]YY][.ss]`;
 * setting it is refused in the harness, the parsing is what is fuzzed).
 */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"

int date_main(int argc, char **argv);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in;
	char *format;

	fuzz_split(&in, data, size, 2);
	format = malloc(in.len[in.count - 1] + 2);
	format[0] = '+';
	strcpy(format + 1, in.count > 1 ? in.piece[1] : "");
	fuzz_main(date_main, (char *[]){ "date", "-u", "-d", in.piece[0], format, NULL });
	if (in.piece[0][0] != '-')
		fuzz_main(date_main, (char *[]){ "date", "-u", in.piece[0], NULL });
	free(format);
	fuzz_input_free(&in);
	return 0;
}
