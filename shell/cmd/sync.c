/* sync: write everything still in memory out to the disks (sync(2); FILEs with fsync(2)). */
#include <fcntl.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: sync [FILE]...\n"
	"Write all buffered data to the disks, or only that of each FILE.\n";

int sync_main(int argc, char **argv)
{
	struct options o;
	int status = 0;

	options_start(&o, argc, argv, "", usage);
	options_next(&o);
	argv += o.index;
	if (*argv == NULL) {
		sync();
		return 0;
	}
	for (; *argv; argv++) {
		int fd = open(*argv, O_RDONLY | O_NONBLOCK);
		if (fd < 0 || fsync(fd) < 0) {
			warn("%s:", *argv);
			status = 1;
		}
		if (fd >= 0)
			close(fd);
	}
	return status;
}
