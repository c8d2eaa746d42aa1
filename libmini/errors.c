/* errors.c: the one way mini reports an error, "cmd: what went wrong" on stderr. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"

const char *program_name = "mini";

void vwarn(const char *fmt, va_list ap)
{
	int saved_errno = errno;	/* fputs may change errno before we print it */
	size_t len = strlen(fmt);

	fflush(stdout);			/* keep stdout and stderr in the order they happened */
	fputs(program_name, stderr);
	fputs(": ", stderr);
	vfprintf(stderr, fmt, ap);
	if (len > 0 && fmt[len - 1] == ':') {
		fputc(' ', stderr);
		fputs(strerror(saved_errno), stderr);
	}
	fputc('\n', stderr);
}

void warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(1);
}
