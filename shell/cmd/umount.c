/* umount: detach file systems (as util-linux umount: -a -l -f -r -t). */
#include <errno.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include "mini.h"

static const char usage[] =
	"Usage: umount [-flr] DIRECTORY|DEVICE...\n"
	"       umount -a [-flr] [-t TYPE]\n"
	"Detach the file systems mounted at each DIRECTORY (or from each DEVICE).\n"
	"  -a       all mounted file systems, the last mounted first\n"
	"  -t TYPE  with -a: only those of TYPE\n"
	"  -f       force (a network file system that no longer answers)\n"
	"  -l       lazy: detach now, clean up when no longer busy\n"
	"  -r       when the file system is busy, make it read-only instead\n";

#define MAX_MOUNTS 128

/* Detach dir; on failure with -r, remount it read-only. Returns 0 or 1. */
static int unmount(const char *dir, int flags, int remount_ro)
{
	if (umount2(dir, flags) == 0)
		return 0;
	if (remount_ro && errno == EBUSY && mount("none", dir, NULL, MS_REMOUNT | MS_RDONLY, NULL) == 0) {
		warn("%s: busy, remounted read-only", dir);
		return 0;
	}
	warn("%s:", dir);
	return 1;
}

/* Where the device name is mounted (the last time it was), or NULL. */
static char *mount_point_of(const char *device)
{
	FILE *f = setmntent("/proc/mounts", "r");
	struct mntent *m;
	char *dir = NULL;

	if (f == NULL)
		return NULL;
	while ((m = getmntent(f)) != NULL) {
		if (strcmp(m->mnt_fsname, device) == 0) {
			free(dir);
			dir = xstrdup(m->mnt_dir);
		}
	}
	endmntent(f);
	return dir;
}

static int unmount_all(const char *only_type, int flags, int remount_ro)
{
	FILE *f = setmntent("/proc/mounts", "r");
	struct mntent *m;
	char *dirs[MAX_MOUNTS];
	int count = 0, status = 0;

	if (f == NULL)
		die("/proc/mounts:");
	while ((m = getmntent(f)) != NULL && count < MAX_MOUNTS) {
		if (only_type == NULL || strcmp(m->mnt_type, only_type) == 0)
			dirs[count++] = xstrdup(m->mnt_dir);
	}
	endmntent(f);
	/* Backwards: a file system mounted inside another must go first. "/" cannot go. */
	while (count-- > 0) {
		if (strcmp(dirs[count], "/") != 0)
			status |= unmount(dirs[count], flags, remount_ro);
		else if (remount_ro)
			mount("none", "/", NULL, MS_REMOUNT | MS_RDONLY, NULL);
	}
	return status;
}

int umount_main(int argc, char **argv)
{
	struct options o;
	int c, flags = 0, all = 0, remount_ro = 0, status = 0;
	const char *only_type = NULL;

	options_start(&o, argc, argv, "aflrt:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'a': all = 1; break;
		case 'f': flags |= MNT_FORCE; break;
		case 'l': flags |= MNT_DETACH; break;
		case 'r': remount_ro = 1; break;
		case 't': only_type = o.arg; break;
		}
	}
	argv += o.index;
	if (all)
		return unmount_all(only_type, flags, remount_ro);
	if (*argv == NULL)
		usage_error(usage, "what should be unmounted?");
	for (; *argv; argv++) {
		/* A device name is no mount point: umount2 says EINVAL; look the device up. */
		char *dir = mount_point_of(*argv);
		status |= unmount(dir ? dir : *argv, flags, remount_ro);
		free(dir);
	}
	return status;
}
