/* basename: the last part of a path, optionally without a suffix (POSIX basename, GNU's -a -s). */
#include <stdio.h>
#include <string.h>
#include "mini.h"

static const char usage[] =
	"Usage: basename PATH [SUFFIX]\n"
	"   or: basename -a [-s SUFFIX] PATH...\n"
	"Print PATH without its directories (and without SUFFIX at its end).\n"
	"  -a         every operand is a PATH\n"
	"  -s SUFFIX  remove SUFFIX (implies -a)\n"
	"Example: basename /usr/lib/libc.a .a  prints  libc\n";

static void print_base_name(const char *path, const char *suffix)
{
	const char *name = base_name(path);
	size_t len = strlen(name), suffix_len;

	/* POSIX: the suffix goes only if something of the name is left. */
	if (suffix && (suffix_len = strlen(suffix)) < len && strcmp(name + len - suffix_len, suffix) == 0)
		len -= suffix_len;
	printf("%.*s\n", (int)len, name);
}

int basename_main(int argc, char **argv)
{
	struct options o;
	const char *suffix = NULL;
	int c, all = 0;

	options_start(&o, argc, argv, "as:", usage);
	while ((c = options_next(&o)) != -1) {
		all = 1;
		if (c == 's')
			suffix = o.arg;
	}
	argv += o.index;
	argc -= o.index;
	if (argc < 1)
		usage_error(usage, "missing operand");
	if (all) {
		for (int i = 0; i < argc; i++)
			print_base_name(argv[i], suffix);
	} else if (argc > 2) {
		usage_error(usage, "extra operand '%s'", argv[2]);
	} else {
		print_base_name(argv[0], argc == 2 ? argv[1] : NULL);
	}
	return flush_stdout() < 0;
}
