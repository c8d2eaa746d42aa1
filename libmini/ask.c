/*
 * ask.c: asking the user before doing something (POSIX "affirmative response").
 *
 * The answer is read a byte at a time straight from descriptor 0, so nothing
 * after the answer line is swallowed into a stdio buffer (find -ok runs commands
 * that may read the same standard input).
 */
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>
#include "mini.h"
#include "ask.h"

int ask_yes(const char *fmt, ...)
{
	va_list ap;
	char c, first = 0;
	int got_any = 0;

	fflush(stdout);
	fprintf(stderr, "%s: ", program_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fflush(stderr);
	while (read(STDIN_FILENO, &c, 1) == 1 && c != '\n') {
		if (!got_any)
			first = c;
		got_any = 1;
	}
	return first == 'y' || first == 'Y';
}
