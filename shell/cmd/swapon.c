/*
 * swapon, swapoff: start and stop using a partition or a file as swap space
 * (BusyBox's: -a from /etc/fstab, -p PRIORITY, -s from /proc/swaps; LABEL= and UUID=).
 */
#include <errno.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include "mini.h"
#include "fstype.h"
#include "module.h"

static const char swapon_usage[] =
	"Usage: swapon [-p PRIORITY] DEVICE...\n"
	"       swapon -a   swapon -s\n"
	"Start using each DEVICE (a partition or a file made by mkswap; LABEL=x or UUID=x)\n"
	"as swap space.\n"
	"  -a           every swap line of /etc/fstab (not noauto, not on already)\n"
	"  -p PRIORITY  0 to 32767: higher is used first\n"
	"  -s           show the swap areas in use (/proc/swaps)\n";

static const char swapoff_usage[] =
	"Usage: swapoff DEVICE...   swapoff -a\n"
	"Stop using each DEVICE as swap space (its pages come back into memory first).\n"
	"  -a  every swap area in use (/proc/swaps)\n";

/* Is path (or the same device or file) in /proc/swaps? */
static int in_use(const char *path)
{
	FILE *f = fopen("/proc/swaps", "r");
	char line[512], name[400];
	struct stat want, have;
	int found = 0;

	if (f == NULL || stat(path, &want) < 0) {
		if (f)
			fclose(f);
		return 0;
	}
	while (!found && fgets(line, sizeof line, f)) {
		if (sscanf(line, "%399s", name) == 1 && stat(name, &have) == 0)
			found = S_ISBLK(want.st_mode) ? want.st_rdev == have.st_rdev
				: want.st_dev == have.st_dev && want.st_ino == have.st_ino;
	}
	fclose(f);
	return found;
}

static int swap_on(const char *spec, int flags)
{
	char *device = fstype_resolve_spec(spec);
	struct fstype fs;
	int status = 0;

	if (device == NULL)
		return 1;
	/* The kernel says only "Invalid argument" for a device mkswap never saw. */
	if (fstype_probe_path(device, &fs) < 0) {
		warn("%s:", device);
		status = 1;
	} else if (strcmp(fs.type, "swap") != 0) {
		warn("%s: not a swap area (make one with mkswap)", device);
		status = 1;
	} else if (swapon(device, flags) < 0) {
		warn(errno == EBUSY ? "%s: in use already" : "%s:", device);
		status = 1;
	}
	free(device);
	return status;
}

static int swap_off(const char *spec)
{
	char *device = fstype_resolve_spec(spec);
	int status = 0;

	if (device == NULL)
		return 1;
	if (swapoff(device) < 0) {
		warn(errno == EINVAL ? "%s: not in use as swap" : "%s:", device);
		status = 1;
	}
	free(device);
	return status;
}

/* swapon -a: the swap lines of /etc/fstab. */
static int swap_on_all(int flags)
{
	FILE *f = setmntent("/etc/fstab", "r");
	struct mntent *m;
	int status = 0;

	if (f == NULL)
		die("/etc/fstab:");
	while ((m = getmntent(f)) != NULL) {
		char *device;
		if (strcmp(m->mnt_type, "swap") != 0 || hasmntopt(m, "noauto"))
			continue;
		device = fstype_resolve_spec(m->mnt_fsname);
		if (device == NULL) {
			status = 1;
			continue;
		}
		if (!in_use(device))
			status |= swap_on(device, flags);
		free(device);
	}
	endmntent(f);
	return status;
}

/* swapoff -a: everything in /proc/swaps. */
static int swap_off_all(void)
{
	FILE *f = fopen("/proc/swaps", "r");
	char line[512], name[400];
	int status = 0;

	if (f == NULL)
		die("/proc/swaps:");
	if (fgets(line, sizeof line, f) == NULL) {	/* the heading */
		fclose(f);
		return 0;
	}
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "%399s", name) == 1)
			status |= swap_off(name);
	fclose(f);
	return status;
}

static int show_swaps(void)
{
	char *text = read_file("/proc/swaps", NULL);

	if (text == NULL)
		die("/proc/swaps:");
	fputs(text, stdout);
	free(text);
	return flush_stdout() < 0;
}

int swapon_main(int argc, char **argv)
{
	int off = strcmp(program_name, "swapoff") == 0;
	struct options o;
	int c, all = 0, show = 0, flags = 0, status = 0;
	long long priority;

	wait_for_drivers();
	options_start(&o, argc, argv, off ? "a" : "ap:s", off ? swapoff_usage : swapon_usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'a': all = 1; break;
		case 's': show = 1; break;
		case 'p':
			if (parse_long(o.arg, &priority) < 0 || priority < 0 || priority > SWAP_FLAG_PRIO_MASK)
				usage_error(swapon_usage, "bad priority '%s'", o.arg);
			flags = SWAP_FLAG_PREFER | (int)priority;
			break;
		}
	}
	argv += o.index;
	if (show)
		return show_swaps();
	if (all)
		return off ? swap_off_all() : swap_on_all(flags);
	if (*argv == NULL) {
		if (off)
			usage_error(swapoff_usage, "which device?");
		return show_swaps();		/* BusyBox's swapon alone lists, as -s */
	}
	for (; *argv; argv++)
		status |= off ? swap_off(*argv) : swap_on(*argv, flags);
	return status;
}
