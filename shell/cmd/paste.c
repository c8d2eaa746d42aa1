/*
 * paste: merge lines of files side by side (POSIX paste).
 * The delimiter list is used round-robin; "\n", "\t", "\\" and "\0" (empty) are escapes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: paste [-s] [-d LIST] FILE...\n"
	"Join the lines of the FILEs (- is standard input) with tabs between them.\n"
	"  -d LIST  use the characters of LIST in turn instead of tabs (\\0: none)\n"
	"  -s       paste each file's lines into one line, one file after another\n";

/* The delimiters after escapes are undone; '\0' stands for "no delimiter". */
static char delims[256];
static int ndelims;

static void parse_delims(const char *list)
{
	ndelims = 0;
	for (const char *p = list; *p && ndelims < (int)sizeof delims; p++) {
		char c = *p;
		if (c == '\\' && p[1]) {
			p++;
			c = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p == '0' ? '\0' : *p;
		}
		delims[ndelims++] = c;
	}
	if (ndelims == 0)
		delims[ndelims++] = '\0';	/* -d '': nothing between the lines */
}

static void put_delim(int i)
{
	char c = delims[i % ndelims];

	if (c)
		putchar(c);
}

/* -s: one output line per file. */
static int paste_serial(int fd)
{
	struct lines in;
	char *line;
	size_t len;
	int i = 0;

	lines_start(&in, fd, '\n');
	while ((line = lines_next(&in, &len)) != NULL) {
		if (i > 0)
			put_delim(i - 1);
		fwrite(line, 1, len, stdout);
		i++;
	}
	putchar('\n');
	lines_end(&in);
	return 0;
}

/* Append to a growable buffer: one output line is built before it is known to be needed. */
static void add(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n > *cap) {
		*cap = 2 * (*len + n);
		*buf = xrealloc(*buf, *cap);
	}
	memcpy(*buf + *len, s, n);
	*len += n;
}

/*
 * One output line per round, a line of each file; the round in which every
 * file has ended prints nothing. "-" named twice shares standard input.
 */
static void paste_parallel(struct lines **in, int n)
{
	char *out = NULL;
	size_t len, cap = 0;

	for (;;) {
		int got_any = 0;
		len = 0;
		for (int i = 0; i < n; i++) {
			size_t line_len;
			char *line = lines_next(in[i], &line_len);
			char d = delims[i % ndelims];
			if (line) {
				add(&out, &len, &cap, line, line_len);
				got_any = 1;
			}
			if (i + 1 < n && d)
				add(&out, &len, &cap, &d, 1);
		}
		if (!got_any)
			break;
		fwrite(out, 1, len, stdout);
		putchar('\n');
	}
	free(out);
}

int paste_main(int argc, char **argv)
{
	struct options o;
	int c, serial = 0, status = 0, n;
	struct lines **in, shared_stdin;
	int stdin_started = 0;
	static char *stdin_only[] = { "-", NULL };

	parse_delims("\t");
	options_start(&o, argc, argv, "d:s", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'd')
			parse_delims(o.arg);
		else
			serial = 1;
	}
	argv += o.index;
	if (*argv == NULL)
		argv = stdin_only;
	for (n = 0; argv[n]; n++)
		;
	in = xzalloc(n * sizeof *in);
	for (int i = 0; i < n; i++) {
		int fd = open_input(argv[i]);
		if (fd < 0)
			die("%s:", argv[i]);
		if (serial) {
			paste_serial(fd);
			if (fd != STDIN_FILENO)
				close(fd);
		} else if (fd == STDIN_FILENO) {
			if (!stdin_started)
				lines_start(&shared_stdin, fd, '\n');
			stdin_started = 1;
			in[i] = &shared_stdin;
		} else {
			in[i] = xmalloc(sizeof **in);
			lines_start(in[i], fd, '\n');
		}
	}
	if (!serial)
		paste_parallel(in, n);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
