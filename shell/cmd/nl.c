/*
 * nl: number lines (POSIX nl, body section only: the \:\:\: page delimiters
 * of logical pages are not interpreted).
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: nl [-b STYLE] [-n FORMAT] [-w WIDTH] [-s SEP] [-v START] [-i INCR] [FILE]\n"
	"Copy FILE (standard input for none or -) with line numbers in front.\n"
	"  -b a|t|n|pRE  number all lines, non-empty lines (default), none, or matching RE\n"
	"  -n ln|rn|rz   left-justified, right-justified (default), right with zeros\n"
	"  -w WIDTH      width of the numbers (default 6)\n"
	"  -s SEP        text after the number (default a tab)\n"
	"  -v START      first number (default 1)\n"
	"  -i INCR       step between numbers (default 1)\n";

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
	struct lines in;
	int c, fd = STDIN_FILENO, width = 6;
	char style = 't';
	const char *format = "rn", *sep = "\t";
	long number = 1, step = 1;
	regex_t re;
	char *line;
	size_t len;

	options_start(&o, argc, argv, "b:n:w:s:v:i:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'b':
			style = o.arg[0];
			if (style == 'p' && regcomp(&re, o.arg + 1, REG_NOSUB) != 0)
				usage_error(usage, "invalid regular expression '%s'", o.arg + 1);
			if (!strchr("atnp", style) || (style != 'p' && o.arg[1]))
				usage_error(usage, "invalid body numbering style '%s'", o.arg);
			break;
		case 'n':
			if (strcmp(o.arg, "ln") && strcmp(o.arg, "rn") && strcmp(o.arg, "rz"))
				usage_error(usage, "invalid line numbering format '%s'", o.arg);
			format = o.arg;
			break;
		case 'w':
			width = number_arg(o.arg);
			if (width < 1)
				usage_error(usage, "invalid line number field width '%s'", o.arg);
			break;
		case 's': sep = o.arg; break;
		case 'v': number = number_arg(o.arg); break;
		case 'i': step = number_arg(o.arg); break;
		}
	}
	argv += o.index;
	if (argv[0] && argv[1])
		usage_error(usage, "extra operand '%s'", argv[1]);
	if (argv[0] && (fd = open_input(argv[0])) < 0)
		die("%s:", argv[0]);
	stdout_big_buffer();
	lines_start(&in, fd, '\n');
	while ((line = lines_next(&in, &len)) != NULL) {
		int numbered = style == 'a' || (style == 't' && len > 0)
			|| (style == 'p' && regexec(&re, line, 0, NULL, 0) == 0);
		if (!numbered)
			printf("%*s", (int)(width + strlen(sep)), "");
		else if (format[0] == 'l')
			printf("%-*ld%s", width, number, sep);
		else
			printf(format[1] == 'z' ? "%0*ld%s" : "%*ld%s", width, number, sep);
		if (numbered)
			number += step;
		fwrite(line, 1, len, stdout);
		putchar('\n');
	}
	if (in.error)
		die("read error:");
	if (flush_stdout() < 0)
		die("write error:");
	return 0;
}
