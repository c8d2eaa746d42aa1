/* hostname: print or set the name of this machine (as GNU/BusyBox hostname). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: hostname [-s] [NAME | -F FILE]\n"
	"Print the host name, or set it to NAME (root only).\n"
	"  -s       only the part before the first dot\n"
	"  -F FILE  set the name from the first line of FILE that is not a # comment\n";

/* The first line of the file that is neither blank nor a comment, trimmed. */
static char *name_from_file(const char *path)
{
	char *text = read_file(path, NULL), *line;

	if (text == NULL)
		die("%s:", path);
	for (line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		line += strspn(line, " \t");
		line[strcspn(line, " \t#")] = '\0';
		if (*line)
			return line;
	}
	die("%s: no host name in the file", path);
}

int hostname_main(int argc, char **argv)
{
	struct options o;
	const char *new_name = NULL;
	char name[256];
	int c, short_name = 0;

	options_start(&o, argc, argv, "sF:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 's')
			short_name = 1;
		else
			new_name = name_from_file(o.arg);
	}
	if (o.index < argc) {
		if (new_name || o.index + 1 < argc)
			usage_error(usage, "too many operands");
		new_name = argv[o.index];
	}
	if (new_name) {
		if (sethostname(new_name, strlen(new_name)) < 0)
			die("%s:", new_name);
		return 0;
	}
	if (gethostname(name, sizeof name) < 0)
		die("gethostname:");
	name[sizeof name - 1] = '\0';
	if (short_name)
		name[strcspn(name, ".")] = '\0';
	puts(name);
	return flush_stdout() < 0;
}
