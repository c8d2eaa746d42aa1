/*
 * loop.h: loop devices, which make a file look like a disk (mount -o loop, losetup).
 */
#ifndef LOOP_H
#define LOOP_H

enum {
	LOOP_READ_ONLY = 1,	/* the device refuses writes (also when the file cannot be written) */
	LOOP_AUTOCLEAR = 2,	/* detach by itself when the last user (a mount) lets go */
	LOOP_PARTSCAN = 4,	/* let the kernel read the partition table in the file */
};

/*
 * Attach file to a free loop device (from /dev/loop-control), its data starting at
 * offset (size bytes of it; 0: up to the end). A file that cannot be opened for
 * writing is attached read-only and *flags says so. Returns the device's name
 * (malloc'd) with *device_fd open on it, or NULL with errno set. Keep device_fd open
 * until the device is in use: an autoclear device detaches when it is closed unused.
 */
char *loop_attach(const char *file, unsigned long long offset, unsigned long long size,
		  int *flags, int *device_fd);
/* Attach file to the given device. Returns 0 or -1 (errno set). */
int loop_attach_to(const char *device, const char *file, unsigned long long offset,
		   unsigned long long size, int *flags);
/* Detach the file from device. Returns 0 or -1 (errno set). */
int loop_detach(const char *device);
/* The file behind an attached device (malloc'd) and its offset; NULL when the
 * device is free (errno ENXIO) or on another error. */
char *loop_backing_file(const char *device, unsigned long long *offset);
/* The name of the first free loop device (malloc'd), or NULL (errno set). */
char *loop_first_free(void);

#endif
