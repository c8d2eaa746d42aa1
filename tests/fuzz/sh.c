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
	fuzz_set_budget(FUZZ_CALL_BUDGET);
	fuzz_main(sh_main, (char *[]){ "sh", "-c", script, NULL });
	free(script);
	return 0;
}
