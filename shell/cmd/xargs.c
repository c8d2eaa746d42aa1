/*
 * xargs: build and run command lines from standard input (POSIX xargs, plus
 * GNU's -0, -d, -P and -r).
 *
 * Exit status, as POSIX and GNU say: 0 all went well; 123 some command exited
 * 1-125; 124 a command exited 255 (xargs stops); 125 a command was killed by a
 * signal; 126 a command could not be run; 127 it was not found.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "mini.h"

static const char usage[] =
	"Usage: xargs [-0rtx] [-d DELIM] [-n MAX] [-L MAX] [-I REPL] [-s SIZE] [-P N] [-E EOF]\n"
	"             [COMMAND [ARG]...]\n"
	"Run COMMAND (default echo) with ARGs and the words read from standard input.\n"
	"  -0        words end with NUL; quotes and backslashes are not special\n"
	"  -d DELIM  words end with DELIM (\\n, \\t and \\0 allowed)\n"
	"  -n MAX    at most MAX words per command\n"
	"  -L MAX    at most MAX input lines per command\n"
	"  -I REPL   one command per line, REPL in the ARGs replaced by the line\n"
	"            (leading blanks removed, empty lines skipped)\n"
	"  -s SIZE   at most SIZE bytes per command line\n"
	"  -P N      run up to N commands at once\n"
	"  -r        do not run COMMAND when the input is empty\n"
	"  -t        print each command on standard error before running it\n"
	"  -x        stop if a command line would be longer than SIZE\n"
	"  -E EOF    a word (or with -I a line) EOF ends the input\n";

static int delimiter = -1;		/* -1: blanks, quotes and backslashes */
static long max_args, max_lines, max_size = 131072, max_procs = 1;
static const char *replace;
static const char *eof_word;		/* -E: the logical end of the input */
static int trace, exit_if_too_long;
static int status, running;

/* ---- reading words ---- */

static char *word;
static size_t word_len, word_cap;

static void word_clear(void)
{
	if (word == NULL) {
		word_cap = 256;
		word = xmalloc(word_cap);
	}
	word_len = 0;
	word[0] = '\0';
}

static void word_add(int c)
{
	if (word_len + 2 > word_cap) {
		word_cap = word_cap ? 2 * word_cap : 256;
		word = xrealloc(word, word_cap);
	}
	word[word_len++] = c;
	word[word_len] = '\0';
}

/*
 * Read the next word into `word`. Returns 0 at the end of input, else 1;
 * *end_of_line says the word ended a (non-continued) line, for -L and -I.
 */
static int read_word(int *end_of_line)
{
	int c, quote = 0, have = 0;

	word_clear();
	*end_of_line = 0;
	if (delimiter >= 0) {
		while ((c = getchar()) != EOF && c != delimiter) {
			word_add(c);
			have = 1;
		}
		*end_of_line = 1;
		return have || c != EOF;
	}
	if (replace) {			/* -I: the whole line, leading blanks removed */
		while ((c = getchar()) == ' ' || c == '\t')
			;
		for (; c != EOF && c != '\n'; c = getchar()) {
			word_add(c);
			have = 1;
		}
		*end_of_line = 1;
		return have || c != EOF;
	}
	while ((c = getchar()) != EOF) {
		if (quote) {
			if (c == quote)
				quote = 0;
			else if (c == '\n') {
				warn("unmatched %s quote", quote == '"' ? "double" : "single");
				exit(1);
			} else
				word_add(c);
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n') {
			if (have) {
				/* A line ending in a blank continues on the next line (for -L). */
				*end_of_line = c == '\n';
				return 1;
			}
			continue;
		}
		have = 1;
		if (c == '\'' || c == '"')
			quote = c;
		else if (c == '\\' && (c = getchar()) != EOF)
			word_add(c);
		else if (c != '\\')
			word_add(c);
	}
	if (quote) {
		warn("unmatched %s quote", quote == '"' ? "double" : "single");
		exit(1);
	}
	*end_of_line = 1;
	return have;
}

/*
 * The next word, as read_word, but the input ends at -E's word (not with -0 or -d,
 * as GNU), and -I skips empty lines.
 */
static int next_word(int *end_of_line)
{
	while (read_word(end_of_line)) {
		if (delimiter >= 0)
			return 1;
		if (eof_word && strcmp(word, eof_word) == 0)
			return 0;
		if (!replace || word_len > 0)
			return 1;
	}
	return 0;
}

/* ---- running commands ---- */

/* Wait for one child and fold its exit into status; returns 0 when xargs must stop. */
static int wait_one(void)
{
	int st;
	pid_t pid;

	while ((pid = wait(&st)) < 0 && errno == EINTR)
		;
	if (pid < 0)
		return 1;
	running--;
	if (WIFSIGNALED(st)) {
		warn("child killed by signal %d", WTERMSIG(st));
		status = 125;
		return 0;
	}
	switch (WEXITSTATUS(st)) {
	case 0:
		break;
	case 255:
		warn("command exited with status 255; aborting");
		status = 124;
		return 0;
	case 126:
	case 127:
		status = WEXITSTATUS(st);
		return 0;
	default:
		if (status == 0)
			status = 123;
	}
	return 1;
}

static void run(char **argv)
{
	pid_t pid;

	if (trace) {
		for (int i = 0; argv[i]; i++)
			fprintf(stderr, "%s%s", i ? " " : "", argv[i]);
		fputc('\n', stderr);
	}
	while (running >= max_procs)
		if (!wait_one())
			goto stop;
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork:");
	if (pid == 0) {
		execvp(argv[0], argv);
		warn("%s:", argv[0]);
		_exit(errno == ENOENT ? 127 : 126);
	}
	running++;
	if (max_procs == 1 && !wait_one())
		goto stop;
	return;
stop:
	while (running > 0)
		wait_one();
	exit(status);
}

/* ---- building command lines ---- */

static char **cmd;
static int ncmd, cmd_cap, nfixed;
static long cmd_size;

static void push_arg(char *s)
{
	if (ncmd + 2 > cmd_cap) {
		cmd_cap = cmd_cap ? 2 * cmd_cap : 64;
		cmd = xrealloc(cmd, cmd_cap * sizeof *cmd);
	}
	cmd[ncmd++] = s;
	cmd[ncmd] = NULL;
	cmd_size += strlen(s) + 1;
}

static void flush_command(void)
{
	if (ncmd > nfixed)
		run(cmd);
	for (int i = nfixed; i < ncmd; i++)
		free(cmd[i]);
	cmd_size = 0;
	for (int i = 0; i < nfixed; i++)
		cmd_size += strlen(cmd[i]) + 1;
	ncmd = nfixed;
}

/* -I: the initial arguments with every REPL replaced by the line. */
static void run_replaced(char **initial, int n, const char *line)
{
	char **argv = xmalloc((n + 1) * sizeof *argv);
	size_t rlen = strlen(replace);

	for (int i = 0; i < n; i++) {
		const char *p = initial[i], *hit;
		size_t len = 0;
		char *out = xmalloc(1);
		*out = '\0';
		while ((hit = strstr(p, replace)) != NULL && rlen > 0) {
			out = xrealloc(out, len + (hit - p) + strlen(line) + 1);
			memcpy(out + len, p, hit - p);
			strcpy(out + len + (hit - p), line);
			len += (hit - p) + strlen(line);
			p = hit + rlen;
		}
		out = xrealloc(out, len + strlen(p) + 1);
		strcpy(out + len, p);
		argv[i] = out;
	}
	argv[n] = NULL;
	run(argv);
	for (int i = 0; i < n; i++)
		free(argv[i]);
	free(argv);
}

static long number(const char *arg)
{
	long long n;

	if (parse_long(arg, &n) < 0 || n < 1)
		usage_error(usage, "invalid number '%s'", arg);
	return n;
}

static int delimiter_of(const char *s)
{
	if (s[0] == '\\' && s[1] && !s[2])
		return s[1] == 'n' ? '\n' : s[1] == 't' ? '\t' : s[1] == '0' ? '\0' : s[1];
	if (strlen(s) != 1)
		usage_error(usage, "invalid delimiter '%s'", s);
	return (unsigned char)s[0];
}

int xargs_main(int argc, char **argv)
{
	struct options o;
	int c, no_run_if_empty = 0, ran = 0, end_of_line, lines = 0;
	long fixed_size;
	static char *echo_only[] = { "echo", NULL };

	options_start(&o, argc, argv, "0rtxd:n:L:I:s:P:E:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case '0': delimiter = '\0'; break;
		case 'd': delimiter = delimiter_of(o.arg); break;
		case 'r': no_run_if_empty = 1; break;
		case 't': trace = 1; break;
		case 'x': exit_if_too_long = 1; break;
		case 'n': max_args = number(o.arg); break;
		case 'L': max_lines = number(o.arg); break;
		case 'I': replace = o.arg; max_lines = 1; exit_if_too_long = 1; break;
		case 's': max_size = number(o.arg); break;
		case 'P': max_procs = number(o.arg); break;
		case 'E': eof_word = *o.arg ? o.arg : NULL; break;
		}
	}
	argv += o.index;
	argc -= o.index;
	if (argc == 0) {
		argv = echo_only;
		argc = 1;
	}
	if (replace) {
		while (next_word(&end_of_line)) {
			run_replaced(argv, argc, word);
			ran = 1;
		}
	} else {
		for (int i = 0; i < argc; i++)
			push_arg(xstrdup(argv[i]));
		nfixed = ncmd;
		fixed_size = cmd_size;
		if (cmd_size > max_size)
			die("argument list too long");
		while (next_word(&end_of_line)) {
			long len = word_len + 1;
			/* A word that fits in no command line: stop before running anything more. */
			if (fixed_size + len > max_size)
				die("argument line too long");
			if (cmd_size + len > max_size) {
				if (exit_if_too_long && ncmd == nfixed)
					die("argument line too long");
				if (exit_if_too_long && max_args)
					die("argument line too long");
				flush_command();
				ran = 1;
				lines = 0;
			}
			push_arg(xstrdup(word));
			lines += end_of_line;
			if ((max_args && ncmd - nfixed >= max_args) || (max_lines && lines >= max_lines)) {
				flush_command();
				ran = 1;
				lines = 0;
			}
		}
		if (ncmd > nfixed || (!ran && !no_run_if_empty)) {
			if (ncmd == nfixed)
				run(cmd);	/* empty input: run the command once, as POSIX says */
			else
				flush_command();
		}
	}
	while (running > 0)
		wait_one();
	return status;
}
