/*
 * sed.c: fuzz target for sed (shell/cmd/sed.c): the input is options, a NUL, the
 * script, a NUL, and the text it edits. The options are letters among n, E, s, z
 * (others are dropped); the text is a file, edited in place too (-i) every other
 * time. Scripts can loop forever (:a;ba), so each run has a budget of function
 * calls, as awk's, and one of output bytes.
 */
#include <string.h>
#include "fuzz.h"

int sed_main(int argc, char **argv);

/*
 * Forty times the most output seen from a run that ended by itself (23 KB in 90,000
 * runs; l of the whole text is 4 bytes a byte at most). A loop whose pattern space
 * grows and is listed each time round (G;G;l;D) stops here, after 60 ms, instead of
 * at the second of CPU time that made such loops the target's slowest inputs by far
 * (75 runs/s).
 */
enum { SED_OUTPUT_BUDGET = 1 << 20 };

/* "-" and the letters of s found in allowed ("-" alone when none is) */
static void keep_options(char *out, const char *s, size_t len, const char *allowed)
{
	size_t n = 0;

	out[n++] = '-';
	for (size_t i = 0; i < len && n < 15; i++)
		if (s[i] && strchr(allowed, s[i]))
			out[n++] = s[i];
	out[n] = '\0';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in;
	char options[16];

	fuzz_split(&in, data, size, 3);
	if (in.count < 3) {
		fuzz_input_free(&in);
		return 0;
	}
	keep_options(options, in.piece[0], in.len[0], "nEsi");
	if (strcmp(options, "-") == 0)
		strcpy(options, "-s");	/* a harmless option: argv keeps its shape */
	fuzz_write_file("text", in.piece[2], in.len[2]);
	fuzz_set_budget(FUZZ_CALL_BUDGET);
	fuzz_set_output_budget(SED_OUTPUT_BUDGET);
	fuzz_main(sed_main, (char *[]){ "sed", options, "-e", in.piece[1], "text", NULL });
	fuzz_input_free(&in);
	return 0;
}
