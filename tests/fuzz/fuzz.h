/*
 * fuzz.h: what a fuzz target (tests/fuzz/TARGET.c) uses to run mini's commands
 * under libFuzzer, many times in one process (fuzz.c; sandbox.h says how).
 *
 * A target's LLVMFuzzerTestOneInput turns the input into operands (files in the
 * run's empty working directory, strings), then calls fuzz_main once or more.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>

/*
 * Run a command's main with a NULL-terminated argv, as a new process would: an
 * exit() inside comes back here. Standard input is /dev/null and standard output
 * is thrown away. Returns the exit status (FUZZ_BUDGET when the run was stopped
 * for taking too long, see fuzz_set_budget). Afterwards every global variable of
 * mini's code has its first value again, its memory is freed and its files closed.
 */
int fuzz_main(int (*main)(int, char **), char **argv);
enum { FUZZ_BUDGET = 1000 };

/* The same for any function of the fuzzed code: function(arg) is the run. */
int fuzz_run(int (*function)(void *), void *arg);

/*
 * For languages that can loop forever on purpose (awk, sed, sh): stop a run after
 * this many function calls in code built with -finstrument-functions (the
 * Makefile's FUZZ_BUDGETED), or after a second of CPU time. 0, the default, means no limit: then a loop that
 * never ends is a finding (libFuzzer's -timeout reports it).
 */
void fuzz_set_budget(unsigned long calls);
/*
 * The same for output: stop a run after it wrote this many bytes through stdio's
 * fwrite, fputs, puts, putc, fputc or putchar (sandbox.h), to any stream. A loop whose
 * text grows each time round (sed's G;G;l;D) makes few calls of its own while its
 * output grows as the square of them. 0, the default, means no limit.
 */
void fuzz_set_output_budget(size_t bytes);

/* The budget awk, sed and sh use: far more than any input of -max_len needs unless
 * it loops (their seed corpora run in a few thousand calls). */
enum { FUZZ_CALL_BUDGET = 250000 };

/* Free what the fuzzed code allocated and handed to the harness (free() would leave
 * it in the harness's table of blocks, to be freed twice). */
void fuzz_free(void *p);

/* Write data into a new file called name in the run's working directory (which
 * every run empties at its end: write a command's files before each fuzz_main). */
void fuzz_write_file(const char *name, const void *data, size_t size);
/* The same, then the file made longer with zeros (a hole) up to the next multiple of
 * unit: the long runs of zeros of a disk image need not be in the input. */
void fuzz_write_padded_file(const char *name, const void *data, size_t size, size_t unit);
/* Make a directory there. */
void fuzz_make_directory(const char *name);

/*
 * The input cut at its first NUL bytes into at most FUZZ_MAX_PIECES pieces (fewer
 * when it has fewer NULs): piece[i] is NUL-terminated, len[i] its length; the
 * last piece is the rest of the input, NULs and all. fuzz_input_free frees them.
 */
enum { FUZZ_MAX_PIECES = 16 };
struct fuzz_input {
	int count;
	char *piece[FUZZ_MAX_PIECES];
	size_t len[FUZZ_MAX_PIECES];
	char *copy;
};
void fuzz_split(struct fuzz_input *in, const uint8_t *data, size_t size, int max);
void fuzz_input_free(struct fuzz_input *in);

#endif
