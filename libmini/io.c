/* io.c: reading and writing file descriptors without losing bytes to short I/O or EINTR. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"

int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= n;
	}
	return 0;
}

ssize_t read_full(int fd, void *buf, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(fd, (char *)buf + got, len - got);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0)
			break;
		got += n;
	}
	return got;
}

int copy_fd(int in, int out)
{
	char buf[16384];

	for (;;) {
		ssize_t n = read(in, buf, sizeof buf);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return COPY_READ_ERROR;
		}
		if (n == 0)
			return 0;
		if (write_all(out, buf, n) < 0)
			return COPY_WRITE_ERROR;
	}
}

/* each_file's work for copy_files_to_stdout: the bytes as they are, straight through. */
static int copy_to_stdout(int fd, const char *name, void *unused)
{
	(void)name;
	(void)unused;
	return copy_fd(fd, STDOUT_FILENO);
}

int copy_files_to_stdout(char **paths)
{
	return each_file(paths, copy_to_stdout, NULL);
}

int open_input(const char *path)
{
	if (strcmp(path, "-") == 0)
		return STDIN_FILENO;
	return open(path, O_RDONLY);
}

/*
 * A regular file's buffer is its size from the start, so that a megabyte file
 * (vi's, say) is one read and no copies of reallocs; a file that grows meanwhile,
 * a pipe or /proc's files (size 0) grow it by doubling from 4 KB.
 */
char *read_fd(int fd, size_t *len)
{
	struct stat st;
	size_t size = 0, cap = 4096;
	char *buf;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size + 2 > cap)
		cap = (size_t)st.st_size + 2;
	buf = xmalloc(cap);

	for (;;) {
		ssize_t n;
		if (cap - size < 2)
			buf = xrealloc(buf, cap *= 2);
		n = read(fd, buf + size, cap - size - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int saved = errno;
			free(buf);
			errno = saved;
			return NULL;
		}
		if (n == 0)
			break;
		size += n;
	}
	buf[size] = '\0';
	if (len)
		*len = size;
	return buf;
}

char *read_file(const char *path, size_t *len)
{
	int fd = open_input(path), saved;
	char *buf;

	if (fd < 0)
		return NULL;
	buf = read_fd(fd, len);
	saved = errno;
	if (fd != STDIN_FILENO)
		close(fd);
	errno = saved;
	return buf;
}

int flush_stdout(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	warn("write error:");
	clearerr(stdout);
	return -1;
}
