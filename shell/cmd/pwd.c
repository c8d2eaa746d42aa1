/*
 * pwd: print the working directory (POSIX pwd). The shell's builtin pwd runs this too.
 *
 * -L (the default) prints $PWD when it truly names the working directory, so
 * the path the user came by through symlinks is kept; -P prints the physical
 * path, without symlinks, from getcwd(3).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"

static const char usage[] =
	"Usage: pwd [-LP]\n"
	"Print the working directory.\n"
	"  -L  as reached, through symlinks ($PWD; the default)\n"
	"  -P  the physical path, without symlinks\n";

/* Is $PWD an absolute path, without . or .. parts, of this very directory? */
static int logical_path_valid(const char *pwd)
{
	struct stat here, there;

	if (pwd == NULL || pwd[0] != '/' || strstr(pwd, "/./") || strstr(pwd, "/../"))
		return 0;
	size_t len = strlen(pwd);
	if ((len >= 2 && strcmp(pwd + len - 2, "/.") == 0) || (len >= 3 && strcmp(pwd + len - 3, "/..") == 0))
		return 0;
	return stat(pwd, &there) == 0 && stat(".", &here) == 0 &&
	       here.st_dev == there.st_dev && here.st_ino == there.st_ino;
}

int pwd_main(int argc, char **argv)
{
	struct options o;
	int c, physical = 0;
	const char *pwd = getenv("PWD");
	char *cwd;

	options_start(&o, argc, argv, "LP", usage);
	while ((c = options_next(&o)) != -1)
		physical = c == 'P';
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	if (!physical && logical_path_valid(pwd)) {
		puts(pwd);
	} else {
		cwd = getcwd(NULL, 0);
		if (cwd == NULL) {
			warn("getcwd:");
			return 1;
		}
		puts(cwd);
		free(cwd);
	}
	if (flush_stdout() < 0)
		return 1;
	return 0;
}
