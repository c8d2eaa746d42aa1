/* disk.c: sizes, whole reads and writes, geometry, "is it in use", UUIDs (disk.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <linux/fs.h>
#include <linux/hdreg.h>
#include "mini.h"
#include "disk.h"

int disk_size(int fd, uint64_t *bytes)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -1;
	if (S_ISBLK(st.st_mode))
		return ioctl(fd, BLKGETSIZE64, bytes) < 0 ? -1 : 0;
	*bytes = (uint64_t)st.st_size;
	return 0;
}

int disk_open_to_format(const char *path, uint64_t want_bytes, uint64_t *bytes)
{
	int fd = open(path, O_RDWR | O_CLOEXEC | (want_bytes ? O_CREAT : 0), 0644);
	struct stat st;

	if (fd < 0)
		die("%s:", path);
	if (disk_size(fd, bytes) < 0 || fstat(fd, &st) < 0)
		die("%s: cannot get its size:", path);
	if (!S_ISBLK(st.st_mode) && !S_ISREG(st.st_mode))
		die("%s: not a block device or a regular file", path);
	if (want_bytes > *bytes) {
		if (S_ISBLK(st.st_mode))
			die("%s: BLOCKS is more than the device holds (%llu bytes)", path,
			    (unsigned long long)*bytes);
		if (ftruncate(fd, (off_t)want_bytes) < 0)
			die("%s: cannot grow to %llu bytes:", path, (unsigned long long)want_bytes);
	}
	if (want_bytes)
		*bytes = want_bytes;
	return fd;
}

int disk_read(int fd, void *buf, size_t len, uint64_t offset)
{
	char *p = buf;

	while (len > 0) {
		ssize_t n = pread(fd, p, len, (off_t)offset);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0) {
			errno = EIO;	/* the disk ends before the data asked for */
			return -1;
		}
		p += n;
		len -= (size_t)n;
		offset += (uint64_t)n;
	}
	return 0;
}

int disk_write(int fd, const void *buf, size_t len, uint64_t offset)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t n = pwrite(fd, p, len, (off_t)offset);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = ENOSPC;
			return -1;
		}
		p += n;
		len -= (size_t)n;
		offset += (uint64_t)n;
	}
	return 0;
}

int disk_zero(int fd, uint64_t offset, uint64_t len)
{
	enum { CHUNK = 32768 };
	char *zeros = xzalloc(CHUNK);
	int result = 0;

	while (len > 0 && result == 0) {
		size_t n = len < CHUNK ? (size_t)len : CHUNK;
		result = disk_write(fd, zeros, n, offset);
		offset += n;
		len -= n;
	}
	free(zeros);
	return result;
}

void disk_geometry(int fd, struct disk_geometry *g)
{
	struct hd_geometry geo;

	g->heads = 255;
	g->sectors_per_track = 63;
	g->start = 0;
	if (ioctl(fd, HDIO_GETGEO, &geo) == 0) {
		if (geo.heads > 0 && geo.sectors > 0) {
			g->heads = geo.heads;
			g->sectors_per_track = geo.sectors;
		}
		g->start = geo.start;
	}
}

int disk_reread_partitions(int fd)
{
	sync();
	return ioctl(fd, BLKRRPART, NULL);
}

/* ---- is a disk in use? ---- */

/* The sysfs folder of a block device ("/sys/devices/.../block/sda/sda1"), malloc'd, or NULL. */
static char *sysfs_path(dev_t dev)
{
	char link[64], *real;

	snprintf(link, sizeof link, "/sys/dev/block/%u:%u", major(dev), minor(dev));
	real = realpath(link, NULL);
	return real;
}

/* True when one sysfs path lies inside the other: a partition and its disk. */
static int nested(const char *inner, const char *outer)
{
	size_t n = strlen(outer);

	return strncmp(inner, outer, n) == 0 && inner[n] == '/';
}

/* True when device a and device b are the same, or one is a partition of the other. */
static int same_disk(dev_t a, dev_t b)
{
	char *pa, *pb;
	int related;

	if (a == b)
		return 1;
	pa = sysfs_path(a);
	pb = sysfs_path(b);
	related = pa && pb && (nested(pa, pb) || nested(pb, pa));
	free(pa);
	free(pb);
	return related;
}

/* True when the loop device dev is backed by the file *file. */
static int loop_backed_by(dev_t dev, const struct stat *file)
{
	char path[96], backing[PATH_MAX];
	struct stat st;
	FILE *f;
	int found = 0;

	snprintf(path, sizeof path, "/sys/dev/block/%u:%u/loop/backing_file", major(dev), minor(dev));
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fgets(backing, sizeof backing, f)) {
		backing[strcspn(backing, "\n")] = '\0';
		found = stat(backing, &st) == 0 && st.st_dev == file->st_dev && st.st_ino == file->st_ino;
	}
	fclose(f);
	return found;
}

/* True when the device or file named `used` (from /proc/mounts or /proc/swaps) is `ours`. */
static int uses(const char *used, const struct stat *ours)
{
	struct stat st;

	if (used[0] != '/' || stat(used, &st) < 0)
		return 0;
	if (S_ISBLK(ours->st_mode))
		return S_ISBLK(st.st_mode) && same_disk(st.st_rdev, ours->st_rdev);
	if (S_ISBLK(st.st_mode))
		return loop_backed_by(st.st_rdev, ours);
	return st.st_dev == ours->st_dev && st.st_ino == ours->st_ino;
}

void disk_check_unused(const char *path)
{
	struct stat ours;
	struct mntent *m;
	FILE *f;
	char line[512];

	if (stat(path, &ours) < 0)
		return;	/* the caller's open says what is wrong */
	f = setmntent("/proc/mounts", "r");
	while (f && (m = getmntent(f)) != NULL)
		if (uses(m->mnt_fsname, &ours))
			die("%s is in use: %s is mounted on %s", path, m->mnt_fsname, m->mnt_dir);
	if (f)
		endmntent(f);
	f = fopen("/proc/swaps", "r");
	while (f && fgets(line, sizeof line, f)) {
		line[strcspn(line, " \t\n")] = '\0';	/* the first field: the swap's path */
		if (uses(line, &ours))
			die("%s is in use: %s is an active swap area", path, line);
	}
	if (f)
		fclose(f);
}

/* ---- random numbers and UUIDs ---- */

static void random_bytes(void *buf, size_t len)
{
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	uint8_t *p = buf;

	if (fd >= 0 && read_full(fd, buf, len) == (ssize_t)len) {
		close(fd);
		return;
	}
	/* No /dev/urandom: the clock and the process id are better than nothing. */
	if (fd >= 0)
		close(fd);
	srand((unsigned)time(NULL) ^ (unsigned)getpid() << 16);
	for (size_t i = 0; i < len; i++)
		p[i] = (uint8_t)rand();
}

uint32_t disk_random32(void)
{
	uint32_t v;

	random_bytes(&v, sizeof v);
	return v;
}

void disk_random_uuid(uint8_t uuid[16])
{
	random_bytes(uuid, 16);
	uuid[6] = (uuid[6] & 0x0f) | 0x40;	/* version 4: random (RFC 4122 4.4) */
	uuid[8] = (uuid[8] & 0x3f) | 0x80;	/* the RFC 4122 variant */
}

void disk_format_uuid(const uint8_t uuid[16], char *text)
{
	for (int i = 0; i < 16; i++) {
		text += sprintf(text, "%02x", uuid[i]);
		if (i == 3 || i == 5 || i == 7 || i == 9)
			*text++ = '-';
	}
	*text = '\0';
}

static int hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int disk_parse_uuid(const char *text, uint8_t uuid[16])
{
	for (int i = 0; i < 16; i++) {
		int hi, lo;
		if (i == 4 || i == 6 || i == 8 || i == 10) {
			if (*text++ != '-')
				return -1;
		}
		hi = hex_value(text[0]);
		lo = hi < 0 ? -1 : hex_value(text[1]);
		if (lo < 0)
			return -1;
		uuid[i] = (uint8_t)(hi << 4 | lo);
		text += 2;
	}
	return *text == '\0' ? 0 : -1;
}
