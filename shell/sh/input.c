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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
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
		input_lineno = 1;
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

/* Read one line a byte at a time (standard input must not be read ahead). */
static int read_line_bytes(struct source *s)
{
	struct strbuf line = { 0 };
	char c;
	ssize_t n;

	while ((n = read(s->fd, &c, 1)) == 1 || (n < 0 && errno == EINTR)) {
		if (n < 0) {
			run_pending_traps();
			continue;
		}
		sb_addc(&line, c);
		if (c == '\n')
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
