/* mktemp: make a new file or directory with a unique name, and print the name (like GNU mktemp). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: mktemp [-dqtu] [-p DIR] [TEMPLATE]\n"
	"Make a file (or directory) with a new name and print the name.\n"
	"TEMPLATE ends in at least six X, replaced by random letters (default tmp.XXXXXXXXXX).\n"
	"  -d      make a directory\n"
	"  -p DIR  make it in DIR (default: $TMPDIR, or /tmp, when TEMPLATE is not given)\n"
	"  -t      TEMPLATE too goes in $TMPDIR or /tmp (or DIR)\n"
	"  -q      no message when it fails\n"
	"  -u      only print a name (unsafe: another program may take it first)\n";

/*
 * mkstemp fills in the last six X; the X before those get random letters here
 * (keep 6). -u makes nothing, so all of them are filled here (keep 0).
 */
static void fill_xs(char *path, size_t keep)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	char *end = path + strlen(path) - keep;

	srand(time(NULL) ^ getpid());
	for (char *p = end; p > path && p[-1] == 'X'; p--)
		p[-1] = letters[rand() % (sizeof letters - 1)];
}

/* Make the file or directory; -1 on failure. */
static int make(char *path, int directory)
{
	int fd;

	if (directory)
		return mkdtemp(path) ? 0 : -1;
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

int mktemp_main(int argc, char **argv)
{
	struct options o;
	int c, directory = 0, quiet = 0, in_tmpdir = 0, dry_run = 0;
	const char *dir = NULL, *template = "tmp.XXXXXXXXXX";
	char *path;

	options_start(&o, argc, argv, "dp:qtu", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'd': directory = 1; break;
		case 'p': dir = o.arg; break;
		case 'q': quiet = 1; break;
		case 't': in_tmpdir = 1; break;
		case 'u': dry_run = 1; break;
		}
	}
	argv += o.index;
	if (argv[0] && argv[1])
		usage_error(usage, "too many templates");
	/* A template of their own goes in the working directory unless -p or -t says where. */
	if (argv[0])
		template = argv[0];
	if (dir == NULL && (argv[0] == NULL || in_tmpdir))
		dir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	if (strlen(template) < 6 || strcmp(template + strlen(template) - 6, "XXXXXX") != 0)
		usage_error(usage, "too few X's in template '%s'", template);
	path = dir ? path_join(dir, template) : xstrdup(template);
	/* -u only prints a name, as GNU's: the directory need not even exist. */
	fill_xs(path, dry_run ? 0 : 6);
	if (!dry_run && make(path, directory) < 0) {
		if (!quiet)
			warn("%s:", path);
		free(path);
		return 1;
	}
	puts(path);
	free(path);
	return 0;
}
