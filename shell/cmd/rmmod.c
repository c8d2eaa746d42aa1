/*
 * rmmod: take loaded modules out of the kernel (delete_module(2)). A module still in
 * use (a mounted disk on its controller, a module that needs it) stays, with a message.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "mini.h"
#include "module.h"

static const char usage[] =
	"Usage: rmmod [-f] NAME...\n"
	"Remove the kernel modules NAME (a module's file name is taken as its name).\n"
	"  -f  remove it even when it is in use (kernels built to allow it only)\n";

/* Remove one module; 0 or -1 after saying why not. */
static int remove_module(const char *word, int force)
{
	char name[64];
	/* O_NONBLOCK: fail at once when the module is in use instead of waiting for it
	 * to be free; O_TRUNC asks the kernel to remove it anyway. */
	int flags = O_NONBLOCK | (force ? O_TRUNC : 0);

	module_name(name, sizeof name, word);
	if (syscall(SYS_delete_module, name, flags) == 0)
		return 0;
	if (errno == ENOENT)
		warn("%s: not loaded", name);
	else if (errno == EWOULDBLOCK || errno == EBUSY)
		warn("%s: in use", name);
	else if (errno == ENOSYS)
		warn("%s: %s", name, module_error(errno));
	else
		warn("%s:", name);
	return -1;
}

int rmmod_main(int argc, char **argv)
{
	struct options o;
	int c, force = 0, status = 0;

	options_start(&o, argc, argv, "f", usage);
	while ((c = options_next(&o)) != -1)
		force = 1;
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "no module NAME given");
	for (; *argv; argv++)
		if (remove_module(*argv, force) < 0)
			status = 1;
	return status;
}
