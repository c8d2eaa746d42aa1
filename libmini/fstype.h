/*
 * fstype.h: which file system is on a disk, a partition or an image, from its
 * superblock (blkid, lsblk, mount, swapon, hotplug).
 *
 * Known: ext2/ext3/ext4 (named from their feature bits as blkid does), FAT12/16/32
 * ("vfat"), ISO9660 with Joliet, Linux swap, and an MBR partition table ("dos", a whole
 * disk). Every field read from the device is checked first: a crafted image is a normal
 * input and comes out as "unknown", never a crash.
 */
#ifndef FSTYPE_H
#define FSTYPE_H

struct fstype {
	char type[12];		/* "ext2", "vfat", "iso9660", "swap", "dos"...; "" when unknown */
	char version[8];	/* "FAT12", "FAT16", "FAT32" for vfat; "" otherwise */
	char label[100];	/* UTF-8; "" for none */
	char uuid[40];		/* as blkid prints it; "" for none */
};

/* Look at the file system on the open device or image. Returns 1 when it is known,
 * 0 when not (fs->type is ""), -1 on a read error (errno set). */
int fstype_probe(int fd, struct fstype *fs);
/* The same for a path; -1 also when it cannot be opened. */
int fstype_probe_path(const char *path, struct fstype *fs);

/* The block devices of /proc/partitions, as "/dev/NAME", NULL-terminated and malloc'd
 * (free each and the array). Empty ones (no medium) and floppy drives, which take
 * seconds to answer when empty, are left out. */
char **fstype_all_devices(void);

/* The first device whose tag ("LABEL" or "UUID") is value, malloc'd, or NULL. */
char *fstype_find_device(const char *tag, const char *value);

/* "LABEL=x" or "UUID=x": the device (malloc'd), or NULL with a message said
 * ("cmd: no device with LABEL=x"). Any other spec: a malloc'd copy of itself. */
char *fstype_resolve_spec(const char *spec);

#endif
