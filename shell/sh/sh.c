/*
 * sh: the first, smallest shell. It reads a line, splits it into words at blanks,
 * and runs the command (cd and exit are built in). The full POSIX shell replaces it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "mini.h"

static int run(char **words)
{
	pid_t pid;
	int status;

	if (strcmp(words[0], "exit") == 0)
		exit(words[1] ? atoi(words[1]) : 0);
	if (strcmp(words[0], "cd") == 0) {
		if (chdir(words[1] ? words[1] : "/") < 0) {
			warn("cd: %s:", words[1]);
			return 1;
		}
		return 0;
	}
	pid = fork();
	if (pid == 0) {
		execvp(words[0], words);
		warn("%s: not found", words[0]);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int sh_main(int argc, char **argv)
{
	char line[1024], *words[64];
	int interactive = isatty(0);

	(void)argc;
	(void)argv;
	for (;;) {
		int n = 0;
		if (interactive) {
			fputs(getuid() ? "$ " : "# ", stderr);
		}
		if (fgets(line, sizeof line, stdin) == NULL)
			return 0;
		for (char *w = strtok(line, " \t\n"); w && n < 63; w = strtok(NULL, " \t\n"))
			words[n++] = w;
		words[n] = NULL;
		if (n > 0)
			run(words);
	}
}
