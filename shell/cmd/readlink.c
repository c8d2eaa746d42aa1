/*
 * readlink, realpath: where a symlink points; the absolute path without links.
 *
 * realpath is readlink -f: one file, the main looks at the name it was called by.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"

static const char readlink_usage[] =
	"Usage: readlink [-f] FILE...\n"
	"Print the target of each symlink FILE.\n"
	"  -f  print the absolute path of FILE with every symlink resolved\n";
static const char realpath_usage[] =
	"Usage: realpath FILE...\n"
	"Print the absolute path of each FILE with every symlink, . and .. resolved.\n";

/* The resolved path; the last part of it need not exist yet (like GNU's -f). */
static char *canonical(const char *path)
{
	char *resolved = realpath(path, NULL), *dir, *slash, *parent;
	const char *name;

	if (resolved || errno != ENOENT)
		return resolved;
	/* "dir/newname": resolve dir, then add the name. */
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash == dir)
		dir[1] = '\0';
	else if (slash)
		*slash = '\0';
	name = slash ? slash + 1 : path;
	parent = realpath(slash ? dir : ".", NULL);
	if (parent && *name && strcmp(name, ".") != 0 && strcmp(name, "..") != 0)
		resolved = path_join(parent, name);
	free(parent);
	free(dir);
	if (resolved == NULL)
		errno = ENOENT;
	return resolved;
}

int readlink_main(int argc, char **argv)
{
	int is_realpath = strcmp(program_name, "realpath") == 0;
	struct options o;
	int c, follow = is_realpath, status = 0;
	char target[PATH_MAX];

	options_start(&o, argc, argv, is_realpath ? "" : "f", is_realpath ? realpath_usage : readlink_usage);
	while ((c = options_next(&o)) != -1)
		follow = 1;
	argv += o.index;
	if (*argv == NULL)
		usage_error(is_realpath ? realpath_usage : readlink_usage, "missing operand");
	for (; *argv; argv++) {
		if (follow) {
			char *path = canonical(*argv);
			if (path == NULL) {
				warn("%s:", *argv);
				status = 1;
				continue;
			}
			puts(path);
			free(path);
		} else {
			/* Not a symlink: no output, only the status, as GNU and BusyBox do. */
			ssize_t len = readlink(*argv, target, sizeof target - 1);
			if (len < 0) {
				status = 1;
				continue;
			}
			printf("%.*s\n", (int)len, target);
		}
	}
	return status;
}
