/*
 * blockdev: ask a block device's driver about its size and state, or change it
 * (the ioctls of <linux/fs.h>; BusyBox's and util-linux's option names).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/fs.h>
#include "mini.h"
#include "module.h"

static const char usage[] =
	"Usage: blockdev OPTION... DEVICE\n"
	"Query or change the block DEVICE; each OPTION in turn, one answer a line:\n"
	"  --getsize64   size in bytes          --getsz      size in 512-byte sectors\n"
	"  --getsize     size in sectors (old)  --getss      logical sector size\n"
	"  --getpbsz     physical sector size   --getbsz     block size\n"
	"  --setbsz N    set the block size     --getro      1 when read-only\n"
	"  --setro       make it read-only      --setrw      make it read-write\n"
	"  --flushbufs   write out and drop its buffers\n"
	"  --rereadpt    read its partition table again\n";

/* How each option's ioctl argument and answer are shaped. */
enum kind { GET_U64, GET_SECTORS, GET_ULONG, GET_INT, SET_INT, SET_FIXED, CALL };

static const struct action {
	const char *name;
	unsigned long request;
	enum kind kind;
	int value;		/* for SET_FIXED */
} actions[] = {
	{ "--getsize64", BLKGETSIZE64, GET_U64, 0 },
	{ "--getsz", BLKGETSIZE64, GET_SECTORS, 0 },
	{ "--getsize", BLKGETSIZE, GET_ULONG, 0 },
	{ "--getss", BLKSSZGET, GET_INT, 0 },
	{ "--getpbsz", BLKPBSZGET, GET_INT, 0 },
	{ "--getbsz", BLKBSZGET, GET_INT, 0 },
	{ "--setbsz", BLKBSZSET, SET_INT, 0 },
	{ "--getro", BLKROGET, GET_INT, 0 },
	{ "--setro", BLKROSET, SET_FIXED, 1 },
	{ "--setrw", BLKROSET, SET_FIXED, 0 },
	{ "--flushbufs", BLKFLSBUF, CALL, 0 },
	{ "--rereadpt", BLKRRPART, CALL, 0 },
};

static const struct action *find_action(const char *name)
{
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
		if (strcmp(actions[i].name, name) == 0)
			return &actions[i];
	return NULL;
}

/* Run one action on fd; arg is --setbsz's number. Returns 0 or -1 (errno set). */
static int run(int fd, const struct action *a, int arg)
{
	uint64_t size;
	unsigned long count;
	int value = a->kind == SET_FIXED ? a->value : arg;

	switch (a->kind) {
	case GET_U64:
	case GET_SECTORS:
		if (ioctl(fd, a->request, &size) < 0)
			return -1;
		printf("%llu\n", (unsigned long long)(a->kind == GET_U64 ? size : size / 512));
		return 0;
	case GET_ULONG:
		if (ioctl(fd, a->request, &count) < 0)
			return -1;
		printf("%lu\n", count);
		return 0;
	case GET_INT:
		if (ioctl(fd, a->request, &value) < 0)
			return -1;
		printf("%d\n", value);
		return 0;
	case SET_INT:
	case SET_FIXED:
		return ioctl(fd, a->request, &value);
	case CALL:
		if (a->request == BLKFLSBUF)
			fsync(fd);
		return ioctl(fd, a->request, 0);
	}
	return 0;
}

int blockdev_main(int argc, char **argv)
{
	const char *device;
	int fd, status = 0;

	wait_for_drivers();
	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		show_help(usage);
	if (argc < 3)
		usage_error(usage, argc < 2 ? "no option given" : "no device given");
	device = argv[argc - 1];
	/* Check every option before touching the device. */
	for (int i = 1; i < argc - 1; i++) {
		const struct action *a = find_action(argv[i]);
		long long n;
		if (a == NULL)
			usage_error(usage, "unknown option '%s'", argv[i]);
		if (a->kind == SET_INT && (++i >= argc - 1 || parse_long(argv[i], &n) < 0 || n <= 0 || n > 65536))
			usage_error(usage, "--setbsz needs a block size");
	}
	fd = open(device, O_RDONLY | O_NONBLOCK);
	if (fd < 0)
		die("%s:", device);
	for (int i = 1; i < argc - 1; i++) {
		const struct action *a = find_action(argv[i]);
		long long n = 0;
		if (a->kind == SET_INT)
			parse_long(argv[++i], &n);
		if (run(fd, a, (int)n) < 0) {
			warn("%s: %s:", device, a->name + 2);
			status = 1;
		}
	}
	close(fd);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
