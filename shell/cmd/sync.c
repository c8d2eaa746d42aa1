/*
 * sync: write everything still in memory out to the disks (sync(2)); with FILEs,
 * only theirs: fsync(2), fdatasync(2) with -d, or their whole file system with -f.
 */
#include <fcntl.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: sync [-d|-f] [FILE]...\n"
	"Write all buffered data to the disks, or only that of each FILE.\n"
	"  -d  only the data of each FILE (and what is needed to read it back)\n"
	"  -f  the whole file system each FILE is on\n";

int sync_main(int argc, char **argv)
{
	struct options o;
	int c, data_only = 0, file_system = 0, status = 0;

	options_start(&o, argc, argv, "df", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'd')
			data_only = 1;
		else
			file_system = 1;
	}
	argv += o.index;
	if (data_only && file_system)
		usage_error(usage, "-d and -f exclude each other");
	if (*argv == NULL) {
		if (data_only || file_system)
			usage_error(usage, "-%c needs a FILE", data_only ? 'd' : 'f');
		sync();
		return 0;
	}
	for (; *argv; argv++) {
		int fd = open(*argv, O_RDONLY | O_NONBLOCK), result;
		if (fd < 0) {
			warn("%s:", *argv);
			status = 1;
			continue;
		}
		result = file_system ? syncfs(fd) : data_only ? fdatasync(fd) : fsync(fd);
		if (result < 0) {
			warn("%s:", *argv);
			status = 1;
		}
		close(fd);
	}
	return status;
}
