/* chroot: run a command with another root directory (as GNU and BusyBox chroot). */
#include <stdlib.h>
#include <unistd.h>
#include "mini.h"
#include "runcmd.h"

static const char usage[] =
	"Usage: chroot NEWROOT [COMMAND [ARG]...]\n"
	"Run COMMAND (\"$SHELL -i\", or /bin/sh -i) with NEWROOT as its root directory.\n";

int chroot_main(int argc, char **argv)
{
	struct options o;
	static char *shell[] = { NULL, "-i", NULL };

	options_start(&o, argc, argv, "", usage);
	options_next(&o);
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "missing new root directory");
	if (chroot(argv[0]) < 0)
		die("cannot change root directory to %s:", argv[0]);
	if (chdir("/") < 0)
		die("/:");
	if (argv[1] == NULL) {
		shell[0] = getenv("SHELL");
		if (shell[0] == NULL || shell[0][0] == '\0')
			shell[0] = "/bin/sh";
		exec_command(shell);
	}
	exec_command(argv + 1);
}
