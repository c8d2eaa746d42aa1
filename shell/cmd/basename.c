/* basename: the last part of a path, optionally without a suffix (POSIX basename). */
#include <stdio.h>
#include <string.h>
#include "mini.h"

static const char usage[] =
	"Usage: basename PATH [SUFFIX]\n"
	"Print PATH without its directories (and without SUFFIX at its end).\n"
	"Example: basename /usr/lib/libc.a .a  prints  libc\n";

int basename_main(int argc, char **argv)
{
	struct options o;
	const char *name;
	size_t len, suffix_len;

	options_start(&o, argc, argv, "", usage);
	options_next(&o);
	argv += o.index;
	argc -= o.index;
	if (argc < 1 || argc > 2)
		usage_error(usage, argc ? "extra operand '%s'" : "missing operand", argv[argc - 1]);
	name = base_name(argv[0]);
	len = strlen(name);
	/* POSIX: the suffix goes only if something of the name is left. */
	if (argc == 2 && (suffix_len = strlen(argv[1])) < len && strcmp(name + len - suffix_len, argv[1]) == 0)
		len -= suffix_len;
	printf("%.*s\n", (int)len, name);
	return 0;
}
