/* mktemp: make a new file or directory with a unique name, and print the name (like GNU mktemp). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: mktemp [-d] [-p DIR] [TEMPLATE]\n"
	"Make a file (or directory) with a new name and print the name.\n"
	"TEMPLATE ends in at least six X, replaced by random letters (default tmp.XXXXXXXXXX).\n"
	"  -d      make a directory\n"
	"  -p DIR  make it in DIR (default: $TMPDIR, or /tmp, when TEMPLATE is not given)\n";

/* mkstemp fills in the last six X; the X before those get random letters here. */
static void fill_extra_xs(char *path)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	char *end = path + strlen(path) - 6;

	srand(time(NULL) ^ getpid());
	for (char *p = end; p > path && p[-1] == 'X'; p--)
		p[-1] = letters[rand() % (sizeof letters - 1)];
}

int mktemp_main(int argc, char **argv)
{
	struct options o;
	int c, directory = 0, fd;
	const char *dir = NULL, *template = "tmp.XXXXXXXXXX";
	char *path;

	options_start(&o, argc, argv, "dp:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'd')
			directory = 1;
		else
			dir = o.arg;
	}
	argv += o.index;
	if (argv[0] && argv[1])
		usage_error(usage, "too many templates");
	/* A template of their own goes in the working directory unless -p says where. */
	if (argv[0])
		template = argv[0];
	else if (dir == NULL)
		dir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	if (strlen(template) < 6 || strcmp(template + strlen(template) - 6, "XXXXXX") != 0)
		usage_error(usage, "too few X's in template '%s'", template);
	path = dir ? path_join(dir, template) : xstrdup(template);
	fill_extra_xs(path);
	if (directory) {
		if (mkdtemp(path) == NULL)
			die("%s:", path);
	} else {
		fd = mkstemp(path);
		if (fd < 0)
			die("%s:", path);
		close(fd);
	}
	puts(path);
	free(path);
	return 0;
}
