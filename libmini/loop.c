/*
 * loop.c: attaching files to loop devices (see loop.h).
 *
 * /dev/loop-control hands out the number of a free device (LOOP_CTL_GET_FREE, which
 * also makes it exist); LOOP_CONFIGURE then attaches the file, offset and flags in
 * one step. Another program may take the same free device between the two calls:
 * the attach then fails with EBUSY and we ask for another one.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/loop.h>
#include "mini.h"
#include "loop.h"

/* Open file for the loop device: read-write when it can be, else read-only. */
static int open_backing_file(const char *file, int *flags)
{
	int fd = -1;

	if (!(*flags & LOOP_READ_ONLY)) {
		fd = open(file, O_RDWR | O_CLOEXEC);
		if (fd < 0 && errno != EROFS && errno != EACCES && errno != EPERM)
			return -1;
	}
	if (fd < 0) {
		fd = open(file, O_RDONLY | O_CLOEXEC);
		if (fd >= 0)
			*flags |= LOOP_READ_ONLY;
	}
	return fd;
}

/* LOOP_CONFIGURE on the open device. Returns 0 or -1 (errno set). */
static int configure(int device_fd, const char *file, unsigned long long offset,
		     unsigned long long size, int *flags)
{
	struct loop_config config;
	char full_path[PATH_MAX];
	int file_fd = open_backing_file(file, flags), result, saved;

	if (file_fd < 0)
		return -1;
	memset(&config, 0, sizeof config);
	config.fd = file_fd;
	config.info.lo_offset = offset;
	config.info.lo_sizelimit = size;
	config.info.lo_flags = (*flags & LOOP_READ_ONLY ? LO_FLAGS_READ_ONLY : 0) |
		(*flags & LOOP_AUTOCLEAR ? LO_FLAGS_AUTOCLEAR : 0) |
		(*flags & LOOP_PARTSCAN ? LO_FLAGS_PARTSCAN : 0);
	/* The name losetup shows when sysfs cannot say (only 63 bytes of it). */
	if (realpath(file, full_path) == NULL)
		snprintf(full_path, sizeof full_path, "%s", file);
	strncpy((char *)config.info.lo_file_name, full_path, LO_NAME_SIZE - 1);
	result = ioctl(device_fd, LOOP_CONFIGURE, &config);
	saved = errno;
	close(file_fd);		/* the device holds its own reference now */
	errno = saved;
	return result;
}

static int open_device(const char *device, int flags)
{
	return open(device, (flags & LOOP_READ_ONLY ? O_RDONLY : O_RDWR) | O_CLOEXEC);
}

char *loop_attach(const char *file, unsigned long long offset, unsigned long long size,
		  int *flags, int *device_fd)
{
	int control = open("/dev/loop-control", O_RDWR | O_CLOEXEC);

	if (control < 0)
		return NULL;
	for (int attempt = 0; attempt < 32; attempt++) {
		int number = ioctl(control, LOOP_CTL_GET_FREE), fd;
		char name[32];
		if (number < 0)
			break;
		snprintf(name, sizeof name, "/dev/loop%d", number);
		fd = open_device(name, *flags);
		if (fd < 0)
			break;
		if (configure(fd, file, offset, size, flags) == 0) {
			/* Hand back a read-only descriptor: a kernel without BLK_DEV_WRITE_MOUNTED
			 * refuses to mount a device someone holds open for writing. */
			int reader = open(name, O_RDONLY | O_CLOEXEC);
			close(control);
			if (reader >= 0) {
				close(fd);
				fd = reader;
			}
			*device_fd = fd;
			return xstrdup(name);
		}
		close(fd);
		if (errno != EBUSY)
			break;		/* EBUSY: taken meanwhile by someone else; try another */
	}
	{
		int saved = errno;
		close(control);
		errno = saved;
	}
	return NULL;
}

int loop_attach_to(const char *device, const char *file, unsigned long long offset,
		   unsigned long long size, int *flags)
{
	int fd, result, saved;

	fd = open_device(device, *flags);
	if (fd < 0)
		return -1;
	result = configure(fd, file, offset, size, flags);
	saved = errno;
	close(fd);
	errno = saved;
	return result;
}

int loop_detach(const char *device)
{
	int fd = open(device, O_RDONLY | O_CLOEXEC), result, saved;

	if (fd < 0)
		return -1;
	result = ioctl(fd, LOOP_CLR_FD, 0);
	saved = errno;
	close(fd);
	errno = saved;
	return result;
}

/* The whole path from /sys/block/loopN/loop/backing_file (the ioctl has 63 bytes). */
static char *backing_file_from_sysfs(const char *device)
{
	char path[96], *text;
	size_t len;

	snprintf(path, sizeof path, "/sys/block/%s/loop/backing_file", base_name(device));
	text = read_file(path, &len);
	if (text == NULL)
		return NULL;
	if (len > 0 && text[len - 1] == '\n')
		text[len - 1] = '\0';
	return text;
}

char *loop_backing_file(const char *device, unsigned long long *offset)
{
	struct loop_info64 info;
	int fd = open(device, O_RDONLY | O_CLOEXEC), result, saved;
	char *name;

	if (fd < 0)
		return NULL;
	result = ioctl(fd, LOOP_GET_STATUS64, &info);
	saved = errno;
	close(fd);
	errno = saved;
	if (result < 0)
		return NULL;
	*offset = info.lo_offset;
	name = backing_file_from_sysfs(device);
	if (name == NULL)
		name = xstrndup((char *)info.lo_file_name, LO_NAME_SIZE);
	return name;
}

char *loop_first_free(void)
{
	int control = open("/dev/loop-control", O_RDWR | O_CLOEXEC), number, saved;
	char name[32];

	if (control < 0)
		return NULL;
	number = ioctl(control, LOOP_CTL_GET_FREE);
	saved = errno;
	close(control);
	errno = saved;
	if (number < 0)
		return NULL;
	snprintf(name, sizeof name, "/dev/loop%d", number);
	return xstrdup(name);
}
