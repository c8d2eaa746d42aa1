/* mkfifo: make named pipes (POSIX mkfifo). */
#include <sys/stat.h>
#include "mini.h"
#include "modes.h"

static const char usage[] =
	"Usage: mkfifo [-m MODE] NAME...\n"
	"Make each NAME a fifo (named pipe).\n"
	"  -m MODE  its mode, as chmod takes it (default: 666 less the umask)\n";

int mkfifo_main(int argc, char **argv)
{
	struct options o;
	int c, status = 0;
	const char *mode_spec = NULL;
	mode_t mode = 0666;

	options_start(&o, argc, argv, "m:", usage);
	while ((c = options_next(&o)) != -1)
		mode_spec = o.arg;
	if (mode_spec && parse_mode(mode_spec, S_IFIFO | 0666, &mode) < 0)
		usage_error(usage, "invalid mode '%s'", mode_spec);
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "missing operand");
	for (; *argv; argv++) {
		/* With -m the mode is exact: chmod after, as mkfifo(3) applies the umask. */
		if (mkfifo(*argv, mode) < 0 || (mode_spec && chmod(*argv, mode) < 0)) {
			warn("%s:", *argv);
			status = 1;
		}
	}
	return status;
}
