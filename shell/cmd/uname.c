/* uname: print system information (POSIX uname, plus -o as on Linux systems). */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include "mini.h"

static const char usage[] =
	"Usage: uname [-asnrvmo]\n"
	"Print system information (the kernel name when no option is given).\n"
	"  -a  all of the below, in this order\n"
	"  -s  kernel name       -n  network node name (host name)\n"
	"  -r  kernel release    -v  kernel version\n"
	"  -m  machine           -o  operating system\n";

int uname_main(int argc, char **argv)
{
	struct utsname u;
	struct options o;
	int c, want = 0, printed = 0;
	/* The fields in output order; the bit of each is its position in "snrvmo". */
	const char *fields[6];
	static const char letters[] = "snrvmo";

	options_start(&o, argc, argv, "asnrvmo", usage);
	while ((c = options_next(&o)) != -1)
		want |= c == 'a' ? 0x3f : 1 << (strchr(letters, c) - letters);
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	if (want == 0)
		want = 1;
	if (uname(&u) < 0)
		die("uname:");
	fields[0] = u.sysname;
	fields[1] = u.nodename;
	fields[2] = u.release;
	fields[3] = u.version;
	fields[4] = u.machine;
	fields[5] = "Linux";
	for (int i = 0; i < 6; i++) {
		if (want & (1 << i))
			printf(printed++ ? " %s" : "%s", fields[i]);
	}
	putchar('\n');
	return flush_stdout() < 0;
}
