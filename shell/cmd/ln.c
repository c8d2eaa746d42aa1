/* ln: make hard or symbolic links (POSIX ln, with GNU's -n -r -t -T -v). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "longopts.h"
#include "resolve.h"
#include "targets.h"

static const char usage[] =
	"Usage: ln [-fnrsv] [-T] TARGET [LINK]\n"
	"   or: ln [-fnrsv] TARGET... DIR\n"
	"   or: ln [-fnrsv] -t DIR TARGET...\n"
	"Make LINK (or DIR/name, or ./name) a link to TARGET.\n"
	"  -s  a symbolic link (the default is a hard link)\n"
	"  -r  with -s: the link holds TARGET's path relative to the link's directory\n"
	"  -f  replace an existing LINK\n"
	"  -n  a LINK that is a symlink to a directory is replaced, not entered\n"
	"  -t DIR  make the links in DIR      -T  LINK is the name, even a directory's\n"
	"  -v  tell about each link made\n";

static int symbolic, relative, force, verbose;

/* The directory a new name goes into: "a/b" -> "a", "b" -> ".", "/b" -> "/". malloc'd. */
static char *directory_of(const char *name)
{
	char *dir = xstrdup(name), *slash = strrchr(dir, '/');

	if (slash == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	return dir;
}

/* -r: target (named from here) as seen from the link's directory. malloc'd. */
static char *relative_target(const char *target, const char *link_name)
{
	char *dir = directory_of(link_name);
	char *to = resolve_path(target, NOTHING, 1), *from = resolve_path(dir, NOTHING, 1);
	char *text = to && from ? relative_path(to, from) : NULL;

	if (text == NULL)
		warn("%s:", to ? dir : target);
	free(to);
	free(from);
	free(dir);
	return text;
}

static int make_link_to(const char *target, const char *link_name)
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

static int make_link(const char *target, const char *link_name, void *unused)
{
	char *text;
	int status;

	(void)unused;	/* the shape of a target_action, for for_each_target */
	if (!relative)
		return make_link_to(target, link_name);
	text = relative_target(target, link_name);
	if (text == NULL)
		return 1;
	status = make_link_to(text, link_name);
	free(text);
	return status;
}

int ln_main(int argc, char **argv)
{
	static const struct long_option long_table[] = {
		{ "symbolic", 's', 0 }, { "relative", 'r', 0 }, { "force", 'f', 0 },
		{ "no-dereference", 'n', 0 }, { "target-directory", 't', 1 },
		{ "no-target-directory", 'T', 0 }, { "verbose", 'v', 0 }, { NULL, 0, 0 },
	};
	struct options o;
	const char *target_dir = NULL;
	int c, no_dereference = 0, no_target_dir = 0, dest_is_dir;
	struct stat st;

	symbolic = relative = force = verbose = 0;
	long_options(argc, argv, long_table);
	options_start(&o, argc, argv, "fnrsvt:T", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'f': force = 1; break;
		case 'n': no_dereference = 1; break;
		case 'r': relative = 1; break;
		case 's': symbolic = 1; break;
		case 'v': verbose = 1; break;
		case 't': target_dir = o.arg; break;
		case 'T': no_target_dir = 1; break;
		}
	}
	argv += o.index;
	argc -= o.index;
	if (relative && !symbolic)
		usage_error(usage, "-r makes only symbolic links (-s)");
	if (argc == 0)
		usage_error(usage, "missing file operand");
	if (target_dir)
		return for_each_source_in(target_dir, argc, argv, make_link, NULL);
	if (argc == 1)
		return make_link(argv[0], base_name(argv[0]), NULL);
	if (no_target_dir && argc > 2)
		usage_error(usage, "extra operand '%s'", argv[2]);
	/* Is the last operand a directory to put links into? With -n, not a symlink to one. */
	if (no_target_dir)
		dest_is_dir = 0;
	else if (no_dereference)
		dest_is_dir = lstat(argv[argc - 1], &st) == 0 && S_ISDIR(st.st_mode);
	else
		dest_is_dir = is_directory(argv[argc - 1]);
	return for_each_target(argc, argv, dest_is_dir, make_link, NULL);
}
