/*
 * echo: write the arguments to standard output (POSIX echo, with the -n -e -E
 * options of Linux systems). Also the shell's builtin echo: it runs inside the
 * shell many times over, so it keeps no state between calls and never exits.
 *
 * echo takes no --help: POSIX says every operand, even "--help", is printed.
 */
#include <stdio.h>
#include <string.h>
#include "mini.h"
#include "escape.h"

/* Print s, interpreting backslash escapes. Returns 0 if \c said to stop all output. */
static int print_escaped(const char *s)
{
	while (*s) {
		int byte;
		if (*s != '\\') {
			putchar(*s++);
			continue;
		}
		s++;
		byte = decode_escape(&s, 1);
		if (byte == ESCAPE_STOP)
			return 0;
		putchar(byte);
	}
	return 1;
}

/* True if word is an option word for echo: "-" followed only by n, e and E. */
static int is_option_word(const char *word)
{
	if (word[0] != '-' || word[1] == '\0')
		return 0;
	return strspn(word + 1, "neE") == strlen(word + 1);
}

int echo_main(int argc, char **argv)
{
	int newline = 1, escapes = 0, i = 1;

	(void)argc;
	for (; argv[i] && is_option_word(argv[i]); i++) {
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'n')
				newline = 0;
			else
				escapes = *p == 'e';
		}
	}
	for (; argv[i]; i++) {
		if (escapes) {
			if (!print_escaped(argv[i])) {
				newline = 0;
				break;
			}
		} else {
			fputs(argv[i], stdout);
		}
		if (argv[i + 1])
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	if (flush_stdout() < 0)
		return 1;
	return 0;
}
