/*
 * disk.h: what the commands that work on disks share (fdisk, mkfs.*, mkswap,
 * fsck.ext2; mount, blkid, lsblk and swapon may use it too).
 *
 * A "disk" here is a block device or a plain image file: both are read and
 * written at 64-bit byte offsets. On-disk formats are little-endian, so the
 * field helpers below read and write them byte by byte, whatever the CPU.
 */
#ifndef DISK_H
#define DISK_H

#include <stddef.h>
#include <stdint.h>

/* The size in bytes of an open disk (BLKGETSIZE64 on a device, fstat on a file).
 * Returns 0, or -1 with errno set. */
int disk_size(int fd, uint64_t *bytes);

/* Open path read-write to make a file system on it (mkfs.ext2, mkfs.vfat): a block
 * device, or an image file, which is created or grown to want_bytes when that is not
 * 0. *bytes is then the size to use: want_bytes, or else the whole disk. Dies with
 * the reason when it cannot be (a device smaller than want_bytes, say). */
int disk_open_to_format(const char *path, uint64_t want_bytes, uint64_t *bytes);

/* Read or write exactly len bytes at offset. A short read (the end of the disk)
 * is an error: -1 with errno EIO. Returns 0 or -1 (errno set). */
int disk_read(int fd, void *buf, size_t len, uint64_t offset);
int disk_write(int fd, const void *buf, size_t len, uint64_t offset);
/* Write len zero bytes at offset, in large chunks. Returns 0 or -1. */
int disk_zero(int fd, uint64_t offset, uint64_t len);

/* The geometry fdisk and mkfs.vfat put in their tables: HDIO_GETGEO's heads and
 * sectors per track (255 and 63 when the disk has none, as an image file), and the
 * first sector of the partition on its disk (0 for a whole disk or a file). */
struct disk_geometry {
	unsigned heads, sectors_per_track;
	uint64_t start;
};
void disk_geometry(int fd, struct disk_geometry *g);

/*
 * Refuse to write on a disk that is in use: die with "cmd: PATH is mounted on DIR"
 * (or "... is an active swap area") when path is a block device that is mounted
 * (/proc/mounts) or used as swap (/proc/swaps), or one of its partitions is, or it
 * is a partition of a disk that is. A plain file is checked against /proc/swaps only.
 */
void disk_check_unused(const char *path);

/* Ask the kernel to read the partition table of a whole-disk device again
 * (BLKRRPART). Returns 0, or -1 with errno set (EBUSY: a partition is in use;
 * ENOTTY/EINVAL: not a disk, e.g. a plain file). */
int disk_reread_partitions(int fd);

/* A random (version 4) UUID from /dev/urandom, and its text form
 * "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (text needs 37 bytes). */
void disk_random_uuid(uint8_t uuid[16]);
void disk_format_uuid(const uint8_t uuid[16], char *text);
/* Parse that text form. Returns 0, or -1 when it is not a UUID. */
int disk_parse_uuid(const char *text, uint8_t uuid[16]);
/* 32 random bits (volume serials, disk identifiers). */
uint32_t disk_random32(void);

/* Little-endian fields at byte p. */
static inline uint16_t get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}
static inline uint32_t get_le32(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline void put_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}
static inline void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

#endif
