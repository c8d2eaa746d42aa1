/*
 * echo: write the arguments to standard output (POSIX echo, with the -n -e -E
 * options of Linux systems). Also the shell's builtin echo.
 */
#include <stdio.h>
#include <string.h>
#include "mini.h"

/* echo takes no --help: POSIX says every operand, even "--help", is printed. */

/* The value of an octal escape \0nnn; *s points after the 0, and moves past the digits. */
static int octal_escape(const char **s)
{
	int value = 0, digits = 0;

	while (digits < 3 && **s >= '0' && **s <= '7') {
		value = value * 8 + (**s - '0');
		(*s)++;
		digits++;
	}
	return value;
}

/* Print s, interpreting backslash escapes. Returns 0 if \c said to stop all output. */
static int print_escaped(const char *s)
{
	static const char from[] = "abefnrtv\\", to[] = "\a\b\033\f\n\r\t\v\\";

	while (*s) {
		const char *e;
		if (*s != '\\' || s[1] == '\0') {
			putchar(*s++);
			continue;
		}
		s++;
		if (*s == 'c')
			return 0;
		if (*s == '0') {
			s++;
			putchar(octal_escape(&s));
		} else if ((e = strchr(from, *s)) != NULL) {
			putchar(to[e - from]);
			s++;
		} else {
			putchar('\\');	/* an unknown escape is printed as it is */
		}
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
			if (!print_escaped(argv[i]))
				return fflush(stdout) != 0;
		} else {
			fputs(argv[i], stdout);
		}
		if (argv[i + 1])
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	if (fflush(stdout) != 0) {
		warn("write error:");
		return 1;
	}
	return 0;
}
