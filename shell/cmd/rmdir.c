/* rmdir: remove empty directories (POSIX rmdir). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: rmdir [-p] DIR...\n"
	"Remove each empty directory DIR.\n"
	"  -p  remove the parents named in DIR too: rmdir -p a/b/c removes a/b/c, a/b, a\n";

/* Remove path, then with parents each directory above it that path names. */
static int remove_dir(char *path, int parents)
{
	char *slash;

	if (rmdir(path) < 0) {
		warn("%s:", path);
		return 1;
	}
	while (parents && (slash = strrchr(path, '/')) != NULL) {
		while (slash > path && slash[-1] == '/')	/* "a//b" */
			slash--;
		if (slash == path)
			break;			/* never rmdir "/" */
		*slash = '\0';
		if (rmdir(path) < 0) {
			warn("%s:", path);
			return 1;
		}
	}
	return 0;
}

int rmdir_main(int argc, char **argv)
{
	struct options o;
	int c, parents = 0, status = 0;

	options_start(&o, argc, argv, "p", usage);
	while ((c = options_next(&o)) != -1)
		parents = 1;
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "missing operand");
	for (; *argv; argv++) {
		char *path = xstrdup(*argv);
		size_t len = strlen(path);
		while (len > 1 && path[len - 1] == '/')		/* "dir/" */
			path[--len] = '\0';
		status |= remove_dir(path, parents);
		free(path);
	}
	return status;
}
