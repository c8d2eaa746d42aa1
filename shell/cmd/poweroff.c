/*
 * poweroff, reboot, halt: end the system.
 *
 * Normally they ask init (PID 1) to do it, by signal, so that init can stop every
 * process and unmount the file systems first:
 *	halt → SIGUSR1, poweroff → SIGUSR2, reboot → SIGTERM.
 * With -f they skip init: sync the disks and call reboot(2) at once.
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/reboot.h>
#include "mini.h"

static const char usage[] =
	"Usage: poweroff|reboot|halt [-f]\n"
	"Switch the machine off, restart it, or stop it.\n"
	"  -f  do it now, without asking init to stop processes and unmount first\n";

int poweroff_main(int argc, char **argv)
{
	struct options o;
	int c, force = 0, signal_for_init, how;

	options_start(&o, argc, argv, "f", usage);
	while ((c = options_next(&o)) != -1)
		force = 1;
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);

	if (strcmp(program_name, "reboot") == 0) {
		signal_for_init = SIGTERM;
		how = RB_AUTOBOOT;
	} else if (strcmp(program_name, "halt") == 0) {
		signal_for_init = SIGUSR1;
		how = RB_HALT_SYSTEM;
	} else {
		signal_for_init = SIGUSR2;
		how = RB_POWER_OFF;
	}
	if (!force) {
		if (kill(1, signal_for_init) < 0)
			die("cannot signal init:");
		return 0;
	}
	sync();
	reboot(how);
	die("reboot:");	/* only reached when the call failed, e.g. not root */
}
