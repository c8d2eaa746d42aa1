/* ln: make hard or symbolic links (POSIX ln, with GNU's -n -v). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"

static const char usage[] =
	"Usage: ln [-fnsv] TARGET [LINK]\n"
	"   or: ln [-fnsv] TARGET... DIR\n"
	"Make LINK (or DIR/name, or ./name) a link to TARGET.\n"
	"  -s  a symbolic link (the default is a hard link)\n"
	"  -f  replace an existing LINK\n"
	"  -n  a LINK that is a symlink to a directory is replaced, not entered\n"
	"  -v  tell about each link made\n";

static int symbolic, force, verbose;

static int make_link(const char *target, const char *link_name)
{
	int result = symbolic ? symlink(target, link_name) : link(target, link_name);

	/* -f: make room, then try once more. */
	if (result < 0 && errno == EEXIST && force) {
		struct stat st;
		if (lstat(link_name, &st) == 0 && S_ISDIR(st.st_mode)) {
			errno = EISDIR;
		} else if (unlink(link_name) == 0) {
			result = symbolic ? symlink(target, link_name) : link(target, link_name);
		}
	}
	if (result < 0) {
		warn("%s:", errno == ENOENT && !symbolic ? target : link_name);
		return 1;
	}
	if (verbose)
		printf("'%s' -> '%s'\n", link_name, target);
	return 0;
}

int ln_main(int argc, char **argv)
{
	struct options o;
	int c, no_dereference = 0, status = 0;
	struct stat st;
	const char *dest;

	symbolic = force = verbose = 0;
	options_start(&o, argc, argv, "fnsv", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'f': force = 1; break;
		case 'n': no_dereference = 1; break;
		case 's': symbolic = 1; break;
		case 'v': verbose = 1; break;
		}
	}
	argv += o.index;
	argc -= o.index;
	if (argc == 0)
		usage_error(usage, "missing file operand");
	if (argc == 1)
		return make_link(argv[0], base_name(argv[0]));
	dest = argv[argc - 1];
	/* Is the last operand a directory to put links into? With -n, not a symlink to one. */
	if ((no_dereference ? lstat(dest, &st) : stat(dest, &st)) < 0 || !S_ISDIR(st.st_mode)) {
		if (argc > 2)
			die("target '%s' is not a directory", dest);
		return make_link(argv[0], dest);
	}
	for (int i = 0; i < argc - 1; i++) {
		char *link_name = path_join(dest, base_name(argv[i]));
		status |= make_link(argv[i], link_name);
		free(link_name);
	}
	return status;
}
