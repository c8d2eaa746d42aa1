/* which: find commands in $PATH, as the shell would run them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"

static const char usage[] =
	"Usage: which [-a] COMMAND...\n"
	"Print the path of the program each COMMAND runs, from the folders in $PATH.\n"
	"  -a  print every match, not only the first\n";

static int is_executable_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* Print where name is found; returns the number of matches. */
static int search(const char *name, const char *path_var, int all)
{
	const char *dir = path_var;
	int found = 0;

	if (strchr(name, '/')) {
		if (!is_executable_file(name))
			return 0;
		puts(name);
		return 1;
	}
	while (dir) {
		const char *colon = strchr(dir, ':');
		size_t len = colon ? (size_t)(colon - dir) : strlen(dir);
		char *folder = len ? xstrndup(dir, len) : xstrdup(".");	/* empty means . */
		char *path = path_join(folder, name);
		if (is_executable_file(path)) {
			puts(path);
			found++;
		}
		free(path);
		free(folder);
		if (found && !all)
			break;
		dir = colon ? colon + 1 : NULL;
	}
	return found;
}

int which_main(int argc, char **argv)
{
	struct options o;
	int c, all = 0, status = 0;
	const char *path_var = getenv("PATH");

	options_start(&o, argc, argv, "a", usage);
	while ((c = options_next(&o)) != -1)
		all = 1;
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "missing operand");
	if (path_var == NULL)
		path_var = "/sbin:/usr/sbin:/bin:/usr/bin";
	for (; *argv; argv++)
		if (search(*argv, path_var, all) == 0)
			status = 1;
	return status;
}
