/* ln: make hard or symbolic links (POSIX ln, with GNU's -n -v). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "targets.h"

static const char usage[] =
	"Usage: ln [-fnsv] TARGET [LINK]\n"
	"   or: ln [-fnsv] TARGET... DIR\n"
	"Make LINK (or DIR/name, or ./name) a link to TARGET.\n"
	"  -s  a symbolic link (the default is a hard link)\n"
	"  -f  replace an existing LINK\n"
	"  -n  a LINK that is a symlink to a directory is replaced, not entered\n"
	"  -v  tell about each link made\n";

static int symbolic, force, verbose;

static int make_link(const char *target, const char *link_name, void *unused)
{
	(void)unused;	/* the shape of a target_action, for for_each_target */
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
	int c, no_dereference = 0, dest_is_dir;
	struct stat st;

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
		return make_link(argv[0], base_name(argv[0]), NULL);
	/* Is the last operand a directory to put links into? With -n, not a symlink to one. */
	if (no_dereference)
		dest_is_dir = lstat(argv[argc - 1], &st) == 0 && S_ISDIR(st.st_mode);
	else
		dest_is_dir = is_directory(argv[argc - 1]);
	return for_each_target(argc, argv, dest_is_dir, make_link, NULL);
}
