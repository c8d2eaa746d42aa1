/* nproc: print the number of processors (as GNU nproc). */
#include <sched.h>
#include <stdio.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: nproc [-a]\n"
	"Print how many processors this process may run on.\n"
	"  -a  all processors the system has, also those it may not use\n";

static long usable_processors(void)
{
	cpu_set_t set;
	long count = 0;

	if (sched_getaffinity(0, sizeof set, &set) < 0)
		return sysconf(_SC_NPROCESSORS_ONLN);
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
		count += CPU_ISSET(cpu, &set) != 0;
	return count;
}

int nproc_main(int argc, char **argv)
{
	struct options o;
	int all = 0;
	long count;

	options_start(&o, argc, argv, "a", usage);
	while (options_next(&o) != -1)
		all = 1;
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	count = all ? sysconf(_SC_NPROCESSORS_CONF) : usable_processors();
	printf("%ld\n", count > 0 ? count : 1);
	return 0;
}
