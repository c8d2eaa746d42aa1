/* dirname: a path without its last part (POSIX dirname). */
#include <stdio.h>
#include <string.h>
#include "mini.h"

static const char usage[] =
	"Usage: dirname PATH...\n"
	"Print each PATH without its last part: dirname /usr/lib/libc.a prints /usr/lib.\n";

/* POSIX's steps: drop trailing slashes, the last part, then the slashes before it. */
static void print_dirname(const char *path)
{
	size_t len = strlen(path);

	while (len > 1 && path[len - 1] == '/')
		len--;
	while (len > 0 && path[len - 1] != '/')
		len--;
	if (len == 0) {
		puts(path[0] == '/' ? "/" : ".");
		return;
	}
	while (len > 1 && path[len - 1] == '/')
		len--;
	printf("%.*s\n", (int)len, path);
}

int dirname_main(int argc, char **argv)
{
	struct options o;

	options_start(&o, argc, argv, "", usage);
	options_next(&o);
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "missing operand");
	for (; *argv; argv++)
		print_dirname(*argv);
	return 0;
}
