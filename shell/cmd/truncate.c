/* truncate: set the size of files, making holes or cutting data off (like GNU truncate). */
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"

static const char usage[] =
	"Usage: truncate [-c] -s [+-]SIZE[KMG] FILE...\n"
	"Set the size of each FILE, making it if missing.\n"
	"  -s SIZE  the new size; +SIZE grows by SIZE, -SIZE shrinks by SIZE\n"
	"  -c       do not make missing files\n";

static int resize(const char *path, char sign, long long size, int no_create)
{
	int fd = open(path, O_WRONLY | O_NONBLOCK | (no_create ? 0 : O_CREAT), 0666);
	struct stat st;
	long long new_size = size;

	if (fd < 0) {
		if (no_create)
			return 0;
		warn("%s:", path);
		return 1;
	}
	if (sign && fstat(fd, &st) == 0)
		new_size = sign == '+' ? st.st_size + size : st.st_size - size;
	if (new_size < 0)
		new_size = 0;
	if (ftruncate(fd, new_size) < 0) {
		warn("%s:", path);
		close(fd);
		return 1;
	}
	close(fd);
	return 0;
}

int truncate_main(int argc, char **argv)
{
	struct options o;
	int c, no_create = 0, status = 0;
	const char *spec = NULL;
	long long size;
	char sign = 0;

	options_start(&o, argc, argv, "cs:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'c')
			no_create = 1;
		else
			spec = o.arg;
	}
	if (spec == NULL)
		usage_error(usage, "missing -s SIZE");
	if (*spec == '+' || *spec == '-')
		sign = *spec;
	if (parse_size(spec + (sign != 0), &size) < 0)
		usage_error(usage, "invalid size '%s'", spec);
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "missing file operand");
	for (; *argv; argv++)
		status |= resize(*argv, sign, size, no_create);
	return status;
}
