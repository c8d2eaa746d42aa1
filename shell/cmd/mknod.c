/* mknod: make device files and fifos (like GNU and BusyBox mknod). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "mini.h"
#include "modes.h"

static const char usage[] =
	"Usage: mknod [-m MODE] NAME TYPE [MAJOR MINOR]\n"
	"Make NAME a special file of TYPE:\n"
	"  b  block device   c, u  character device   p  fifo (no MAJOR MINOR)\n"
	"  -m MODE  its mode, as chmod takes it (default: 666 less the umask)\n";

static unsigned device_number(const char *s)
{
	long long n;

	if (parse_long(s, &n) < 0 || n < 0 || n > 0xfffff)
		usage_error(usage, "invalid device number '%s'", s);
	return n;
}

int mknod_main(int argc, char **argv)
{
	struct options o;
	int c;
	const char *mode_spec = NULL;
	mode_t mode = 0666, type;
	dev_t dev = 0;

	options_start(&o, argc, argv, "m:", usage);
	while ((c = options_next(&o)) != -1)
		mode_spec = o.arg;
	argv += o.index;
	argc -= o.index;
	if (argc < 2 || strlen(argv[1]) != 1 || !strchr("bcup", argv[1][0]))
		usage_error(usage, argc < 2 ? "missing operand" : "invalid type '%s'", argv[1]);
	type = argv[1][0] == 'b' ? S_IFBLK : argv[1][0] == 'p' ? S_IFIFO : S_IFCHR;
	if (type == S_IFIFO && argc != 2)
		usage_error(usage, "a fifo has no device numbers");
	if (type != S_IFIFO) {
		if (argc != 4)
			usage_error(usage, "missing or extra device numbers");
		dev = makedev(device_number(argv[2]), device_number(argv[3]));
	}
	if (mode_spec && parse_mode(mode_spec, type | 0666, &mode) < 0)
		usage_error(usage, "invalid mode '%s'", mode_spec);
	if (mknod(argv[0], type | mode, dev) < 0 || (mode_spec && chmod(argv[0], mode) < 0))
		die("%s:", argv[0]);
	return 0;
}
