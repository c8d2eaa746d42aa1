/*
 * nl: number lines (POSIX nl, body section only: the \:\:\: page delimiters
 * of logical pages are not interpreted).
 */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: nl [-b STYLE] [-n FORMAT] [-w WIDTH] [-s SEP] [-v START] [-i INCR] [-l N] [FILE]...\n"
	"Copy each FILE (standard input for none or -) with line numbers in front.\n"
	"  -b a|t|n|pRE  number all lines, non-empty lines (default), none, or matching RE\n"
	"  -n ln|rn|rz   left-justified, right-justified (default), right with zeros\n"
	"  -w WIDTH      width of the numbers (default 6)\n"
	"  -s SEP        text after the number (default a tab)\n"
	"  -v START      first number (default 1)\n"
	"  -i INCR       step between numbers (default 1)\n"
	"  -l N          with -b a, N empty lines in a row count as one (default 1)\n";

/* How to number, and where the numbering is: shared by every file. */
struct numbering {
	char style;		/* -b: a, t, n or p */
	regex_t re;		/* -b pRE */
	const char *format;	/* -n: ln, rn, rz */
	const char *sep;
	int width;
	long number, step;
	long join_blank;	/* -l */
	long blank_run;		/* empty lines in a row so far */
};

/* Does this line get a number? */
static int is_numbered(struct numbering *n, const char *line, size_t len)
{
	if (n->style == 'a' && len == 0)	/* -l N: only every Nth empty line in a row */
		return ++n->blank_run % n->join_blank == 0;
	n->blank_run = 0;
	return n->style == 'a' || (n->style == 't' && len > 0)
		|| (n->style == 'p' && regexec(&n->re, line, 0, NULL, 0) == 0);
}

/* each_file's work: every line of fd, with its number or the blank space. */
static int number_file(int fd, const char *name, void *data)
{
	struct numbering *n = data;
	struct lines in;
	char *line;
	size_t len;

	(void)name;
	lines_start(&in, fd, '\n');
	while ((line = lines_next(&in, &len)) != NULL) {
		int numbered = is_numbered(n, line, len);
		if (!numbered)
			printf("%*s", (int)(n->width + strlen(n->sep)), "");
		else if (n->format[0] == 'l')
			printf("%-*ld%s", n->width, n->number, n->sep);
		else
			printf(n->format[1] == 'z' ? "%0*ld%s" : "%*ld%s", n->width, n->number, n->sep);
		if (numbered)
			n->number += n->step;
		fwrite(line, 1, len, stdout);
		putchar('\n');
	}
	lines_end(&in);
	if (in.error) {
		errno = in.error;
		return COPY_READ_ERROR;
	}
	return ferror(stdout) ? COPY_WRITE_ERROR : 0;
}

static long number_arg(const char *arg)
{
	long long n;

	if (parse_long(arg, &n) < 0)
		usage_error(usage, "invalid number '%s'", arg);
	return n;
}

int nl_main(int argc, char **argv)
{
	struct options o;
	struct numbering n = { .style = 't', .format = "rn", .sep = "\t", .width = 6,
			       .number = 1, .step = 1, .join_blank = 1 };
	int c, status;

	options_start(&o, argc, argv, "b:n:w:s:v:i:l:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'b':
			n.style = o.arg[0];
			if (n.style == 'p' && regex_compile(&n.re, o.arg + 1, REG_NOSUB) != 0)
				usage_error(usage, "invalid regular expression '%s'", o.arg + 1);
			if (!strchr("atnp", n.style) || (n.style != 'p' && o.arg[1]))
				usage_error(usage, "invalid body numbering style '%s'", o.arg);
			break;
		case 'n':
			if (strcmp(o.arg, "ln") && strcmp(o.arg, "rn") && strcmp(o.arg, "rz"))
				usage_error(usage, "invalid line numbering format '%s'", o.arg);
			n.format = o.arg;
			break;
		case 'w':
			n.width = number_arg(o.arg);
			if (n.width < 1)
				usage_error(usage, "invalid line number field width '%s'", o.arg);
			break;
		case 's': n.sep = o.arg; break;
		case 'v': n.number = number_arg(o.arg); break;
		case 'i': n.step = number_arg(o.arg); break;
		case 'l':
			n.join_blank = number_arg(o.arg);
			if (n.join_blank < 1)
				usage_error(usage, "invalid line number of blank lines '%s'", o.arg);
			break;
		}
	}
	stdout_big_buffer();
	status = each_file(argv + o.index, number_file, &n);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
