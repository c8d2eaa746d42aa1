/*
 * sh.c: fuzz target for the shell running a script (shell/sh/): `sh -c INPUT`,
 * the whole shell in this process. Only builtins run: fork and exec fail here
 * (sandbox.h), so a pipeline, a subshell, $(...) or an external command gets the
 * shell's "fork" or "not found" error instead; of mini's commands, only those the
 * shell runs in its own process are there (echo printf test [ kill pwd true
 * false), and kill reaches no process. A script may loop forever on purpose, so
 * each run has a budget of function calls, as awk's.
 */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "commands.h"

int sh_main(int argc, char **argv);
int echo_main(int argc, char **argv);
int kill_main(int argc, char **argv);
int printf_main(int argc, char **argv);
int pwd_main(int argc, char **argv);
int test_main(int argc, char **argv);
int true_main(int argc, char **argv);

/*
 * The shell's calls cost more than awk's or sed's (a variable, a word, a redirection
 * each take many): at FUZZ_CALL_BUDGET, the scripts that loop forever took half the
 * fuzzer's time, 20 to 120 ms each. A script that ends runs in less than 100,000
 * calls but for one in 200 (counting loops, mostly), which is then stopped a little
 * earlier. Output is bounded too, as sed's: `while :; do echo $x; x=$x$x; done`.
 */
enum { SH_CALL_BUDGET = 100000, SH_OUTPUT_BUDGET = 1 << 20 };

/* In place of shell/commands.c's table of all commands: the in-process ones. */
const struct command commands[] = {
	{ "[", test_main }, { "echo", echo_main }, { "false", true_main },
	{ "kill", kill_main }, { "printf", printf_main }, { "pwd", pwd_main },
	{ "test", test_main }, { "true", true_main }, { NULL, NULL }
};

const struct command *find_command(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *script = malloc(size + 1);

	memcpy(script, data, size);
	script[size] = '\0';
	fuzz_set_budget(SH_CALL_BUDGET);
	fuzz_set_output_budget(SH_OUTPUT_BUDGET);
	fuzz_main(sh_main, (char *[]){ "sh", "-c", script, NULL });
	free(script);
	return 0;
}
