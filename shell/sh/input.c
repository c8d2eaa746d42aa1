/*
 * input.c: the characters the lexer reads, from a stack of sources.
 *
 * The bottom source is the script, the -c string or the terminal. eval, `.`,
 * command substitution and alias expansion push a source on top; when a pushed
 * alias text runs out it is popped and reading goes on below it.
 *
 * POSIX (XCU 2.1, and "sh" STDIN) wants a shell reading commands from standard
 * input to leave the rest of the input for the commands it runs (think
 * `sh <<EOF` with a `read` inside): so standard input is read a byte at a time
 * unless it is the terminal, where the line editor reads whole lines anyway.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "sh.h"

struct source {
	struct source *prev;
	char *buf;		/* malloc'd text; for an fd, what was read so far */
	size_t pos, len;
	int fd;			/* -1 for a string */
	int interactive;
	char *alias;		/* the alias this text came from, or NULL */
	int saved_lineno;
};

static struct source *top;
static int depth;
/* An alias whose text ends in a blank was used up: the next word may be an alias too. */
static int alias_blank_ended;
static int want_ps1 = 1;
/* Characters pushed back by the lexer: it looks at most two ahead. */
static int pushed[4];
static int pushed_count;
int input_lineno = 1;

static struct source *push(int fd)
{
	struct source *s = xzalloc(sizeof *s);

	s->fd = fd;
	s->prev = top;
	s->saved_lineno = input_lineno;
	top = s;
	depth++;
	return s;
}

void input_push_fd(int fd, int interactive)
{
	struct source *s = push(fd);

	s->interactive = interactive;
	input_lineno = 1;
}

void input_push_string(const char *text, const char *alias)
{
	struct source *s = push(-1);

	struct strbuf b = { 0 };

	sb_adds(&b, text);
	if (alias) {
		s->alias = xstrdup(alias);
		/* a character the lexer pushed back comes after the alias text */
		while (pushed_count > 0)
			sb_addc(&b, pushed[--pushed_count]);
	} else {
		input_lineno = command_line > 0 ? command_line : 1;
	}
	s->len = b.len;
	s->buf = sb_take(&b);
}

void input_pop(void)
{
	struct source *s = top;

	if (s == NULL)
		return;
	top = s->prev;
	depth--;
	if (s->alias == NULL) {
		input_lineno = s->saved_lineno;
		pushed_count = 0;
	} else if (s->len > 0 && (s->buf[s->len - 1] == ' ' || s->buf[s->len - 1] == '\t')) {
		alias_blank_ended = 1;
	}
	free(s->buf);
	free(s->alias);
	free(s);
}

int input_depth(void)
{
	return depth;
}

void input_pop_to(int level)
{
	while (depth > level)
		input_pop();
	pushed_count = 0;
}

int input_alias_blank_ended(void)
{
	int ended = alias_blank_ended;

	alias_blank_ended = 0;
	return ended;
}

int input_alias_active(const char *name)
{
	for (struct source *s = top; s && s->alias; s = s->prev)
		if (strcmp(s->alias, name) == 0)
			return 1;
	return 0;
}

int input_at_end(void)
{
	if (pushed_count > 0 || top == NULL || top->fd >= 0 || top->alias)
		return 0;
	return top->buf[top->pos + strspn(top->buf + top->pos, " \t\n")] == '\0';
}

void input_want_ps1(void)
{
	want_ps1 = 1;
}

/* ---- reading no further than a delimiter ----
 * The shell must leave what follows a line on a shared standard input for
 * the commands it runs, and so must `read`. One byte per read() is correct but
 * costs a system call per byte. From a regular file, read a block and lseek
 * back to just after the delimiter. From a pipe, look first: tee() copies
 * what is waiting in the pipe into a pipe of our own without consuming it,
 * and then exactly the bytes up to the delimiter are read. Anything else (a
 * terminal, a socket) is read a byte at a time.
 */
static int peek_pipe[2] = { -1, -1 };

/* Copy what waits in the pipe fd into buf without consuming it; -1 if fd is no pipe. */
static ssize_t peek_at_pipe(int fd, char *buf, size_t size)
{
	ssize_t n;

	if (peek_pipe[0] < 0 && pipe2(peek_pipe, O_CLOEXEC) < 0)
		return -1;
	n = tee(fd, peek_pipe[1], size, 0);
	if (n <= 0)
		return n < 0 && errno != EINTR ? -1 : n;
	return read(peek_pipe[0], buf, n);	/* all of it: our pipe held nothing before */
}

/* A forked child gets a peek pipe of its own (two readers must not share one). */
void input_after_fork(void)
{
	if (peek_pipe[0] >= 0) {
		close(peek_pipe[0]);
		close(peek_pipe[1]);
		peek_pipe[0] = peek_pipe[1] = -1;
	}
}

/* How many of the n bytes at buf to take: through the first delimiter, or all. */
static size_t upto_delimiter(const char *buf, size_t n, int delim)
{
	const char *end = memchr(buf, delim, n);

	return end ? (size_t)(end - buf) + 1 : n;
}

ssize_t read_until(int fd, char *buf, size_t size, int delim)
{
	struct stat st = { 0 };
	ssize_t n;

	if (size > 1 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		n = read(fd, buf, size);
		if (n > 0) {
			size_t take = upto_delimiter(buf, n, delim);
			if ((ssize_t)take < n)
				lseek(fd, (off_t)take - n, SEEK_CUR);	/* give back the rest */
			return take;
		}
		return n;
	}
	if (size > 1 && S_ISFIFO(st.st_mode)) {
		n = peek_at_pipe(fd, buf, size);
		if (n > 0)
			return read(fd, buf, upto_delimiter(buf, n, delim));
		if (n == 0 || errno == EINTR)
			return n;	/* end of input, or a signal */
	}
	return read(fd, buf, 1);
}

/* Read one line, never past its newline (standard input must not be read ahead). */
static int read_line_bytes(struct source *s)
{
	struct strbuf line = { 0 };
	char block[512];
	ssize_t n;

	while ((n = read_until(s->fd, block, sizeof block, '\n')) > 0 || (n < 0 && errno == EINTR)) {
		if (n < 0) {
			run_pending_traps();
			continue;
		}
		sb_addn(&line, block, n);
		if (block[n - 1] == '\n')
			break;
	}
	free(s->buf);
	s->len = line.len;
	s->buf = sb_take(&line);
	s->pos = 0;
	return s->len > 0;
}

static int read_block(struct source *s)
{
	ssize_t n;

	if (s->buf == NULL)
		s->buf = xmalloc(4096);
	do
		n = read(s->fd, s->buf, 4096);
	while (n < 0 && errno == EINTR);
	s->pos = 0;
	s->len = n > 0 ? n : 0;
	return n > 0;
}

static const char *prompt_variable(void)
{
	const char *ps = var_get(want_ps1 ? "PS1" : "PS2");

	want_ps1 = 0;
	return ps ? ps : "";
}

/* Get the next line from the user: line editor on a terminal, else plain reads. */
static int read_prompted(struct source *s)
{
	char *prompt = expand_prompt(prompt_variable());
	char *line;

	if (isatty(s->fd)) {
		line = read_interactive_line(prompt);
		free(prompt);
		if (line == NULL)
			return 0;
		free(s->buf);
		s->buf = line;
		s->len = strlen(line);
		s->pos = 0;
		return 1;
	}
	fputs(prompt, stderr);
	fflush(stderr);
	free(prompt);
	return read_line_bytes(s);
}

static int refill(struct source *s)
{
	if (s->interactive)
		return read_prompted(s);
	if (s->fd == STDIN_FILENO)
		return read_line_bytes(s);
	return read_block(s);
}

/* set -v: write input lines to stderr as they are read. */
static void echo_input(int c)
{
	static struct strbuf line;

	sb_addc(&line, c);
	if (c == '\n') {
		write_all(STDERR_FILENO, line.s, line.len);
		line.len = 0;
	}
}

int input_getc(void)
{
	int c;

	if (pushed_count > 0) {
		c = pushed[--pushed_count];
		if (c == '\n')
			input_lineno++;
		return c;
	}
	while (top) {
		struct source *s = top;
		if (s->pos < s->len) {
			c = (unsigned char)s->buf[s->pos++];
			if (c == '\n')
				input_lineno++;
			if (sh_opt.verbose && s->fd >= 0)
				echo_input(c);
			return c;
		}
		if (s->alias) {		/* the alias text is used up */
			input_pop();
			continue;
		}
		if (s->fd < 0 || !refill(s))
			return EOF;
	}
	return EOF;
}

void input_ungetc(int c)
{
	if (c == EOF)
		return;
	if (c == '\n')
		input_lineno--;
	pushed[pushed_count++] = c;
}

void input_skip_line(void)
{
	pushed_count = 0;
	if (top && top->interactive)
		top->pos = top->len;
}
