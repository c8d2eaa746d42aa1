/*
 * losetup: set up and show loop devices, which make a file look like a disk
 * (BusyBox's losetup: list, -f, --show, -d, -o, -r, -P).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "loop.h"

static const char usage[] =
	"Usage: losetup [-rP] [-o OFFSET] {-f|LOOPDEV} FILE\n"
	"       losetup [-a | LOOPDEV]   losetup -f   losetup -d LOOPDEV...\n"
	"Attach FILE to a loop device (the first free one with -f), so that it can be used\n"
	"as a disk; without FILE, show what is attached (every device with -a or none given).\n"
	"  -f         the first free device: print its name, or attach FILE to it\n"
	"  --show     with -f and FILE, print the device's name\n"
	"  -d         detach each LOOPDEV\n"
	"  -o OFFSET  FILE's data starts OFFSET bytes in\n"
	"  -r         read-only\n"
	"  -P         read the partition table inside (LOOPDEVp1, p2...)\n";

/* "/dev/loop0: 0 /path/file", BusyBox's format. Returns 0, or -1 when not attached. */
static int show_device(const char *device, int quiet_when_free)
{
	unsigned long long offset = 0;
	char *file = loop_backing_file(device, &offset);

	if (file == NULL) {
		if (!quiet_when_free)
			warn("%s:", device);
		return -1;
	}
	printf("%s: %llu %s\n", device, offset, file);
	free(file);
	return 0;
}

/* Every attached loop device, in number order (from /sys/block). */
static int show_all(void)
{
	DIR *d = opendir("/sys/block");
	struct dirent *e;
	int numbers[256], count = 0;

	if (d == NULL)
		die("/sys/block:");
	while ((e = readdir(d)) != NULL && count < 256) {
		char *end;
		long n;
		if (!starts_with(e->d_name, "loop"))
			continue;
		n = strtol(e->d_name + 4, &end, 10);
		if (*end == '\0' && end != e->d_name + 4)
			numbers[count++] = n;
	}
	closedir(d);
	/* A few devices: an insertion sort is plenty. */
	for (int i = 1; i < count; i++)
		for (int j = i; j > 0 && numbers[j - 1] > numbers[j]; j--) {
			int t = numbers[j];
			numbers[j] = numbers[j - 1];
			numbers[j - 1] = t;
		}
	for (int i = 0; i < count; i++) {
		char device[32];
		snprintf(device, sizeof device, "/dev/loop%d", numbers[i]);
		show_device(device, 1);
	}
	return flush_stdout() < 0;
}

static int detach_all(char **devices)
{
	int status = 0;

	for (; *devices; devices++) {
		if (loop_detach(*devices) < 0) {
			warn("%s:", *devices);
			status = 1;
		}
	}
	return status;
}

int losetup_main(int argc, char **argv)
{
	struct options o;
	int c, find_free = 0, all = 0, detach = 0, print_name = 0, flags = 0;
	long long offset = 0;

	/* --show is the one long option: make it a letter for the parser. */
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--show") == 0)
			argv[i] = "-s";
	options_start(&o, argc, argv, "adfo:rPs", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'a': all = 1; break;
		case 'd': detach = 1; break;
		case 'f': find_free = 1; break;
		case 'o':
			if (parse_long(o.arg, &offset) < 0 || offset < 0)
				usage_error(usage, "bad offset '%s'", o.arg);
			break;
		case 'r': flags |= LOOP_READ_ONLY; break;
		case 'P': flags |= LOOP_PARTSCAN; break;
		case 's': print_name = 1; break;
		}
	}
	argv += o.index;
	argc -= o.index;
	if (detach) {
		if (argc == 0)
			usage_error(usage, "-d needs a LOOPDEV");
		return detach_all(argv);
	}
	if (all || (argc == 0 && !find_free))
		return show_all();
	if (find_free && argc == 0) {
		char *device = loop_first_free();
		if (device == NULL)
			die("no free loop device:");
		printf("%s\n", device);
		free(device);
		return flush_stdout() < 0;
	}
	if (!find_free && argc == 1)
		return show_device(argv[0], 0) < 0;
	if (argc != (find_free ? 1 : 2))
		usage_error(usage, "wrong number of operands");
	if (find_free) {
		int fd;
		char *device = loop_attach(argv[0], offset, 0, &flags, &fd);
		if (device == NULL)
			die("%s: cannot set up a loop device:", argv[0]);
		close(fd);
		if (print_name)
			printf("%s\n", device);
		free(device);
		return flush_stdout() < 0;
	}
	if (loop_attach_to(argv[0], argv[1], offset, 0, &flags) < 0)
		die("%s: cannot attach %s:", argv[0], argv[1]);
	return 0;
}
