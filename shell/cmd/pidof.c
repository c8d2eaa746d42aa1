/* pidof: print the process ids of programs by name (as sysvinit's and BusyBox's pidof). */
#include <stdio.h>
#include <unistd.h>
#include "mini.h"
#include "proc.h"

static const char usage[] =
	"Usage: pidof [-s] NAME...\n"
	"Print the process ids of the processes called NAME on one line.\n"
	"Exit status 1 when none was found.\n"
	"  -s  only one id (per NAME)\n";

int pidof_main(int argc, char **argv)
{
	struct options o;
	struct proc_info p;
	int c, single = 0, found = 0;

	options_start(&o, argc, argv, "s", usage);
	while ((c = options_next(&o)) != -1)
		single = 1;
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "no process name given");
	for (; *argv; argv++) {
		DIR *all = proc_open();
		int pid;
		while ((pid = proc_next(all)) > 0) {
			if (pid == getpid() || proc_read(pid, &p) < 0 || !proc_is_named(&p, *argv))
				continue;
			printf(found++ ? " %d" : "%d", pid);
			if (single)
				break;
		}
		closedir(all);
	}
	if (found)
		putchar('\n');
	return found == 0;
}
