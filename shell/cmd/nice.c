/* nice: run a command at another scheduling priority (POSIX nice; GNU prints the niceness without one). */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include "mini.h"
#include "runcmd.h"

static const char usage[] =
	"Usage: nice [-n N] [COMMAND [ARG]...]\n"
	"Run COMMAND with its niceness raised by N (10 by default; negative needs root).\n"
	"Without COMMAND, print the current niceness.\n"
	"  -n N  the adjustment, from -20 (favoured) to 19 (least favoured)\n";

int nice_main(int argc, char **argv)
{
	struct options o;
	long long adjustment = 10;
	int c, niceness;

	options_start(&o, argc, argv, "n:", usage);
	while ((c = options_next(&o)) != -1) {
		if (parse_long(o.arg, &adjustment) < 0)
			usage_error(usage, "invalid adjustment '%s'", o.arg);
	}
	argv += o.index;
	if (*argv == NULL) {
		errno = 0;
		niceness = nice(0);
		if (niceness == -1 && errno)
			die("nice:");
		printf("%d\n", niceness);
		return 0;
	}
	if (adjustment > 40)
		adjustment = 40;
	if (adjustment < -40)
		adjustment = -40;
	errno = 0;
	/* nice(2) may return -1 as a real niceness: only errno tells a failure. POSIX says go on anyway. */
	if (nice((int)adjustment) == -1 && errno)
		warn("cannot set niceness:");
	exec_command(argv);
}
