/*
 * grep.c: fuzz target for grep and the regular expressions (shell/cmd/grep.c):
 * the input is options, a NUL, the pattern(s) (one a line), a NUL, and the text
 * searched. The options are letters among E F G i v w x c l o n h H s a I z q
 * b (others are dropped), so basic, extended and fixed patterns are all tried.
 * (The regular expression engine here is glibc's; mini's is uClibc-ng's, which
 * comes from the same code.)
 */
#include <string.h>
#include "fuzz.h"

int grep_main(int argc, char **argv);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char allowed[] = "EFGivwxclonhHsaIzqb";
	struct fuzz_input in;
	char options[16] = "-";
	size_t n = 1;

	fuzz_split(&in, data, size, 3);
	if (in.count < 3) {
		fuzz_input_free(&in);
		return 0;
	}
	for (size_t i = 0; i < in.len[0] && n < sizeof options - 1; i++)
		if (in.piece[0][i] && strchr(allowed, in.piece[0][i]))
			options[n++] = in.piece[0][i];
	if (n == 1)
		options[n++] = 's';
	options[n] = '\0';
	fuzz_write_file("text", in.piece[2], in.len[2]);
	fuzz_main(grep_main, (char *[]){ "grep", options, "-e", in.piece[1], "text", NULL });
	fuzz_input_free(&in);
	return 0;
}
