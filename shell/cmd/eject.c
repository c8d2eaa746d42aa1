/*
 * eject: open a CD-ROM drive's tray (CDROMEJECT) or close it (-t); a USB stick or
 * another removable SCSI disk is told to stop and let go of its medium with the SCSI
 * commands PREVENT ALLOW MEDIUM REMOVAL and START STOP UNIT (SG_IO). What is mounted
 * from the device is unmounted first, so nothing written is lost.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <linux/cdrom.h>
#include <linux/fs.h>
#include <scsi/sg.h>
#include "mini.h"
#include "module.h"

static const char usage[] =
	"Usage: eject [-s] [-t|-T] [DEVICE]\n"
	"Eject the medium of DEVICE (default /dev/cdrom): open the CD-ROM tray, or stop a\n"
	"USB stick so that it can be pulled out. File systems on it are unmounted first.\n"
	"  -t  close the tray\n"
	"  -T  open the tray if closed, close it if open\n"
	"  -s  eject with SCSI commands even from a CD-ROM drive\n";

/* Is name the device or one of its partitions (/dev/sdb1, /dev/loop0p1)? */
static int is_on_device(const char *name, const char *device)
{
	size_t len = strlen(device);

	if (strncmp(name, device, len) != 0)
		return 0;
	name += len;
	if (*name == 'p')
		name++;
	return strspn(name, "0123456789") == strlen(name);
}

/*
 * Is what /proc/mounts names as fsname on device? The table keeps the name mount was
 * given: /dev/cdrom or /dev/disk/by-label/X (links), or a node of another name; so the
 * link is followed, and a node is also compared by its device number.
 */
static int is_mounted_from(const char *fsname, const char *device, dev_t number)
{
	char full[PATH_MAX];
	struct stat st;

	/* proc, tmpfs, none...: no device, and no name to look up in the current directory. */
	if (fsname[0] != '/' || realpath(fsname, full) == NULL)
		return 0;
	if (is_on_device(full, device))
		return 1;
	return stat(full, &st) == 0 && S_ISBLK(st.st_mode) && st.st_rdev == number;
}

/*
 * Unmount everything mounted from device or its partitions (/dev/sdb, /dev/sdb1...).
 * A file system that is busy (a shell's current directory in it, an open file) stays
 * mounted, and the medium is then not ejected: 1.
 */
static int unmount_device(const char *device, dev_t number)
{
	FILE *f = setmntent("/proc/mounts", "r");
	struct mntent *m;
	char *dirs[32];
	int count = 0, status = 0;

	if (f == NULL)
		return 0;
	while ((m = getmntent(f)) != NULL && count < 32)
		if (is_mounted_from(m->mnt_fsname, device, number))
			dirs[count++] = xstrdup(m->mnt_dir);
	endmntent(f);
	while (count-- > 0) {
		if (umount(dirs[count]) < 0) {
			warn("cannot unmount %s:", dirs[count]);
			status = 1;
		}
		free(dirs[count]);
	}
	return status;
}

/* One SCSI command without data; 0 or -1. */
static int scsi_command(int fd, unsigned char *cdb, int len)
{
	struct sg_io_hdr io;
	unsigned char sense[32];

	memset(&io, 0, sizeof io);
	io.interface_id = 'S';
	io.dxfer_direction = SG_DXFER_NONE;
	io.cmd_len = len;
	io.cmdp = cdb;
	io.mx_sb_len = sizeof sense;
	io.sbp = sense;
	io.timeout = 10000;	/* milliseconds */
	if (ioctl(fd, SG_IO, &io) < 0)
		return -1;
	if (io.status != 0 || io.host_status != 0 || io.driver_status != 0) {
		errno = EIO;
		return -1;
	}
	return 0;
}

/* ALLOW MEDIUM REMOVAL, then START STOP UNIT with LoEj set and Start clear: eject. */
static int scsi_eject(int fd)
{
	unsigned char allow[6] = { 0x1E, 0, 0, 0, 0, 0 };
	unsigned char stop[6] = { 0x1B, 0, 0, 0, 0x02, 0 };

	scsi_command(fd, allow, sizeof allow);		/* some drives refuse it yet eject */
	return scsi_command(fd, stop, sizeof stop);
}

/* -T: CDROM_DRIVE_STATUS says whether the tray is open. */
static int toggle_tray(int fd)
{
	int status = ioctl(fd, CDROM_DRIVE_STATUS, CDSL_CURRENT);

	if (status == CDS_TRAY_OPEN)
		return ioctl(fd, CDROMCLOSETRAY, 0);
	return ioctl(fd, CDROMEJECT, 0);
}

int eject_main(int argc, char **argv)
{
	struct options o;
	int c, close_tray = 0, toggle = 0, scsi = 0, fd, result;
	char device[PATH_MAX];
	const char *name = "/dev/cdrom";
	struct stat st;

	wait_for_drivers();
	options_start(&o, argc, argv, "stT", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 's': scsi = 1; break;
		case 't': close_tray = 1; break;
		case 'T': toggle = 1; break;
		}
	}
	argv += o.index;
	if (argv[0] && argv[1])
		usage_error(usage, "extra operand '%s'", argv[1]);
	if (argv[0])
		name = argv[0];
	/* /dev/cdrom is a link: /proc/mounts names the device itself. */
	if (realpath(name, device) == NULL)
		die("%s:", name);
	if (stat(device, &st) < 0)
		die("%s:", name);
	if (!S_ISBLK(st.st_mode))
		die("%s: not a block device", name);
	if (!close_tray && unmount_device(device, st.st_rdev) != 0)
		die("%s: still mounted: not ejected", name);
	fd = open(device, O_RDONLY | O_NONBLOCK);
	if (fd < 0)
		die("%s:", name);
	if (close_tray) {
		result = ioctl(fd, CDROMCLOSETRAY, 0);
	} else if (toggle) {
		result = toggle_tray(fd);
	} else {
		sync();
		ioctl(fd, BLKFLSBUF, 0);
		result = scsi ? -1 : ioctl(fd, CDROMEJECT, 0);
		if (result < 0 && (scsi || errno == ENOTTY || errno == EINVAL))
			result = scsi_eject(fd);	/* not a CD-ROM drive: a USB stick, say */
	}
	if (result < 0) {
		int saved = errno;
		close(fd);
		errno = saved;
		/* Some drivers refuse while another program has the drive open. */
		if (errno == EBUSY)
			die("%s: in use by another program: not ejected:", name);
		if (!close_tray && !toggle)
			die("%s: cannot eject (the data is written: it is safe to pull out):", name);
		die("%s:", name);
	}
	close(fd);
	return 0;
}
