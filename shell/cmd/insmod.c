/*
 * insmod: load one kernel module file, with its parameters. It loads nothing else:
 * modprobe finds a module by name and loads what it needs first.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "module.h"

static const char usage[] =
	"Usage: insmod FILE [NAME=VALUE]...\n"
	"Load the kernel module in FILE, giving it the parameters NAME=VALUE.\n";

int insmod_main(int argc, char **argv)
{
	struct options o;
	int fd;

	options_start(&o, argc, argv, "", usage);
	while (options_next(&o) != -1)
		;
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "no module FILE given");
	fd = open(argv[0], O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die("%s:", argv[0]);
	if (load_module(fd, module_parameters(argv + 1)) < 0)
		die("%s: %s", argv[0], module_error(errno));
	close(fd);
	return 0;
}
