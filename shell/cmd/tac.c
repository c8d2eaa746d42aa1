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

/* each_file's work: fd read whole, printed last line first. */
static int tac_file(int fd, const char *name, void *data)
{
	const char *const *sep = data;
	size_t len;
	char *text = read_fd(fd, &len);

	(void)name;
	if (text == NULL)
		return COPY_READ_ERROR;
	tac_buffer(text, len, *sep);
	free(text);
	return 0;
}

int tac_main(int argc, char **argv)
{
	struct options o;
	int c, status;
	const char *sep = "\n";

	options_start(&o, argc, argv, "s:", usage);
	while ((c = options_next(&o)) != -1)
		sep = o.arg;
	if (*sep == '\0')
		usage_error(usage, "the separator cannot be empty");
	stdout_big_buffer();
	status = each_file(argv + o.index, tac_file, &sep);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
