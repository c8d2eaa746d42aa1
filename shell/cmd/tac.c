/*
 * tac: print files with their lines in reverse order (GNU tac, with -s).
 * Each file is read whole; a line is kept with the separator that ends it,
 * so a last line without one is glued to the line printed after it, as GNU does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: tac [-s SEP] [FILE]...\n"
	"Print each FILE (standard input for none or -) last line first.\n"
	"  -s SEP  lines end with the string SEP instead of a newline\n";

/* The last occurrence of sep in data[0..len), or NULL. */
static const char *find_last(const char *data, size_t len, const char *sep, size_t seplen)
{
	if (seplen == 1)
		return memrchr(data, sep[0], len);
	while (len >= seplen) {
		if (memcmp(data + len - seplen, sep, seplen) == 0)
			return data + len - seplen;
		len--;
	}
	return NULL;
}

static void tac_buffer(const char *data, size_t len, const char *sep)
{
	size_t seplen = strlen(sep), end = len;

	/* A separator at the very end belongs to the last line. */
	if (len >= seplen && memcmp(data + len - seplen, sep, seplen) == 0)
		len -= seplen;
	while (len > 0) {
		const char *s = find_last(data, len, sep, seplen);
		size_t start = s ? (size_t)(s - data) + seplen : 0;
		fwrite(data + start, 1, end - start, stdout);
		end = start;
		len = s ? (size_t)(s - data) : 0;
	}
	fwrite(data, 1, end, stdout);
}

int tac_main(int argc, char **argv)
{
	struct options o;
	int c, status = 0;
	const char *sep = "\n";
	static char *stdin_only[] = { "-", NULL };

	options_start(&o, argc, argv, "s:", usage);
	while ((c = options_next(&o)) != -1)
		sep = o.arg;
	if (*sep == '\0')
		usage_error(usage, "the separator cannot be empty");
	argv += o.index;
	if (*argv == NULL)
		argv = stdin_only;
	stdout_big_buffer();
	for (; *argv; argv++) {
		size_t len;
		char *data = read_file(*argv, &len);
		if (data == NULL) {
			warn("%s:", *argv);
			status = 1;
			continue;
		}
		tac_buffer(data, len, sep);
		free(data);
	}
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
