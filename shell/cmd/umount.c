/*
 * umount: detach file systems (as util-linux umount: -a -l -f -r -t -d).
 * A file mounted through a loop device frees the device by itself (mount sets it
 * to autoclear); -d detaches one that losetup set up.
 */
#include <errno.h>
#include <limits.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include "mini.h"
#include "loop.h"

static const char usage[] =
	"Usage: umount [-dflr] DIRECTORY|DEVICE...\n"
	"       umount -a [-dflr] [-t TYPE]\n"
	"Detach the file systems mounted at each DIRECTORY (or from each DEVICE).\n"
	"  -a       all mounted file systems, the last mounted first, but for the root and\n"
	"           those init mounts itself (/proc, /sys, /dev, /dev/pts, /tmp, /run)\n"
	"  -d       free the loop device the file system was on\n"
	"  -t TYPE  with -a: only those of TYPE\n"
	"  -f       force (a network file system that no longer answers)\n"
	"  -l       lazy: detach now, clean up when no longer busy\n"
	"  -r       when the file system is busy, make it read-only instead\n";

#define MAX_MOUNTS 128

/* What to do: umount2's flags and the options around it. */
struct request {
	int flags;		/* MNT_FORCE, MNT_DETACH */
	int remount_ro;		/* -r */
	int free_loop;		/* -d */
};

/* Detach dir (mounted from device); on failure with -r, remount it read-only.
 * Returns 0 or 1. */
static int unmount(const char *dir, const char *device, const struct request *r)
{
	if (umount2(dir, r->flags) == 0) {
		/* With autoclear the device is free already: then this fails quietly. */
		if (r->free_loop && device && starts_with(device, "/dev/loop"))
			loop_detach(device);
		return 0;
	}
	if (r->remount_ro && errno == EBUSY && mount("none", dir, NULL, MS_REMOUNT | MS_RDONLY, NULL) == 0) {
		warn("%s: busy, remounted read-only", dir);
		return 0;
	}
	warn("%s:", dir);
	return 1;
}

/* The mount the name is (a directory) or comes from (a device), the last one of
 * /proc/mounts; its directory and device are malloc'd. Returns whether found. */
static int find_mount(const char *name, char **dir, char **device)
{
	FILE *f = setmntent("/proc/mounts", "r");
	struct mntent *m;
	int found = 0;

	if (f == NULL)
		return 0;
	while ((m = getmntent(f)) != NULL) {
		if (strcmp(m->mnt_fsname, name) == 0 || strcmp(m->mnt_dir, name) == 0) {
			if (found) {
				free(*dir);
				free(*device);
			}
			*dir = xstrdup(m->mnt_dir);
			*device = xstrdup(m->mnt_fsname);
			found = 1;
		}
	}
	endmntent(f);
	return found;
}

/* The mounts init makes at boot and the system cannot do without. */
static int is_system_mount(const char *dir)
{
	static const char *const dirs[] = { "/", "/proc", "/sys", "/dev", "/dev/pts", "/tmp", "/run" };

	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
		if (strcmp(dir, dirs[i]) == 0)
			return 1;
	return 0;
}

static int unmount_all(const char *only_type, const struct request *r)
{
	FILE *f = setmntent("/proc/mounts", "r");
	struct mntent *m;
	char *dirs[MAX_MOUNTS], *devices[MAX_MOUNTS];
	int count = 0, status = 0;

	if (f == NULL)
		die("/proc/mounts:");
	while ((m = getmntent(f)) != NULL && count < MAX_MOUNTS) {
		if ((only_type == NULL || strcmp(m->mnt_type, only_type) == 0) && !is_system_mount(m->mnt_dir)) {
			dirs[count] = xstrdup(m->mnt_dir);
			devices[count++] = xstrdup(m->mnt_fsname);
		}
	}
	endmntent(f);
	/* Backwards: a file system mounted inside another must go first. */
	while (count-- > 0)
		status |= unmount(dirs[count], devices[count], r);
	return status;
}

int umount_main(int argc, char **argv)
{
	struct options o;
	struct request r = { 0, 0, 0 };
	int c, all = 0, status = 0;
	const char *only_type = NULL;

	options_start(&o, argc, argv, "adflrt:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'a': all = 1; break;
		case 'd': r.free_loop = 1; break;
		case 'f': r.flags |= MNT_FORCE; break;
		case 'l': r.flags |= MNT_DETACH; break;
		case 'r': r.remount_ro = 1; break;
		case 't': only_type = o.arg; break;
		}
	}
	argv += o.index;
	if (all)
		return unmount_all(only_type, &r);
	if (*argv == NULL)
		usage_error(usage, "what should be unmounted?");
	for (; *argv; argv++) {
		/* A device name is no mount point: umount2 says EINVAL; look the device up. */
		char *dir = NULL, *device = NULL, full[PATH_MAX];
		/* /proc/mounts has whole paths: "umount d" means $PWD/d, /dev/cdrom means sr0. */
		if (find_mount(*argv, &dir, &device) ||
		    (realpath(*argv, full) && find_mount(full, &dir, &device)))
			status |= unmount(dir, device, &r);
		else
			status |= unmount(*argv, NULL, &r);
		free(dir);
		free(device);
	}
	return status;
}
