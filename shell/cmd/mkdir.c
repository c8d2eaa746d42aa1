/* mkdir: make directories (POSIX mkdir, with GNU's -v). */
#include <stdio.h>
#include <sys/stat.h>
#include "mini.h"
#include "modes.h"
#include "tree.h"

static const char usage[] =
	"Usage: mkdir [-pv] [-m MODE] DIR...\n"
	"Make each directory DIR.\n"
	"  -p       make missing parents too; no error if DIR exists\n"
	"  -m MODE  the new directory's mode (as chmod takes it)\n"
	"  -v       tell about each directory made\n";

int mkdir_main(int argc, char **argv)
{
	struct options o;
	int c, parents = 0, verbose = 0, status = 0;
	const char *mode_spec = NULL;
	mode_t mode = 0777;

	options_start(&o, argc, argv, "m:pv", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'm')
			mode_spec = o.arg;
		else if (c == 'p')
			parents = 1;
		else if (c == 'v')
			verbose = 1;
	}
	if (mode_spec && parse_mode(mode_spec, S_IFDIR | 0777, &mode) < 0)
		usage_error(usage, "invalid mode '%s'", mode_spec);
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "missing operand");
	for (; *argv; argv++) {
		int result = parents ? make_path(*argv, mode, verbose) : mkdir(*argv, mode);
		if (result == 0 && verbose && !parents)
			printf("mkdir: created directory '%s'\n", *argv);
		/* -m is the mode itself, not filtered by the umask as mkdir(2) does; it is
		 * for directories made now, not for one that was there (-p). */
		if (result == 0 && mode_spec)
			result = chmod(*argv, mode);
		if (result < 0) {
			warn("%s:", *argv);
			status = 1;
		}
	}
	return status;
}
