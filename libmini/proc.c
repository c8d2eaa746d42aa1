/* proc.c: the process table, read from /proc (see proc.h and proc(5)). */
#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "mini.h"
#include "proc.h"

DIR *proc_open(void)
{
	DIR *dir = opendir("/proc");

	if (dir == NULL)
		die("/proc:");
	return dir;
}

int proc_next(DIR *dir)
{
	struct dirent *entry;

	while ((entry = readdir(dir)) != NULL) {
		if (isdigit((unsigned char)entry->d_name[0]))
			return atoi(entry->d_name);
	}
	return -1;
}

/* Read a small /proc file into buf (NUL-terminated). Returns the length or -1. */
static ssize_t read_proc_file(int pid, const char *name, char *buf, size_t size)
{
	char path[64];
	ssize_t len;
	int fd;

	snprintf(path, sizeof path, "/proc/%d/%s", pid, name);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	len = read_full(fd, buf, size - 1);
	close(fd);
	if (len < 0)
		return -1;
	buf[len] = '\0';
	return len;
}

int proc_read(int pid, struct proc_info *p)
{
	char buf[1024], path[32], *open_paren, *close_paren;
	struct stat st;
	size_t len;

	if (read_proc_file(pid, "stat", buf, sizeof buf) < 0)
		return -1;
	/* "pid (comm) state ...": comm may hold spaces and ')' itself, so find the last ')'. */
	open_paren = strchr(buf, '(');
	close_paren = strrchr(buf, ')');
	if (open_paren == NULL || close_paren == NULL || close_paren < open_paren)
		return -1;
	memset(p, 0, sizeof *p);
	p->pid = pid;
	len = close_paren - open_paren - 1;
	if (len >= sizeof p->comm)
		len = sizeof p->comm - 1;
	memcpy(p->comm, open_paren + 1, len);
	/* Fields 3 on, in proc(5)'s order; %*s skips the ones mini does not show. */
	if (sscanf(close_paren + 2,
		   "%c %d %d %d %d %d %*u %*u %*u %*u %*u %lu %lu %*d %*d %ld %ld %ld %*d %llu %llu %ld",
		   &p->state, &p->ppid, &p->pgrp, &p->session, &p->tty, &p->tty_pgrp, &p->utime, &p->stime,
		   &p->priority, &p->nice, &p->threads, &p->start_time, &p->vsize, &p->rss) != 14)
		return -1;
	snprintf(path, sizeof path, "/proc/%d", pid);
	if (stat(path, &st) == 0)
		p->uid = st.st_uid;
	return 0;
}

size_t proc_cmdline(int pid, char *buf, size_t size)
{
	ssize_t len = read_proc_file(pid, "cmdline", buf, size);

	if (len <= 0) {
		buf[0] = '\0';
		return 0;
	}
	/* The arguments are separated (and ended) by NULs: make them spaces. */
	while (len > 0 && buf[len - 1] == '\0')
		len--;
	buf[len] = '\0';
	for (ssize_t i = 0; i < len; i++) {
		if (buf[i] == '\0' || buf[i] == '\n')
			buf[i] = ' ';
	}
	return len;
}

int proc_is_named(const struct proc_info *p, const char *name)
{
	char argv0[256];

	if (strcmp(p->comm, name) == 0)
		return 1;
	/*
	 * The kernel keeps only 15 bytes of the name in comm; only then is argv[0] asked.
	 * (Not always: a child that init forked but has not exec'd yet still has init's
	 * argv[0], and must not count as "init".)
	 */
	if (strlen(p->comm) < 15 || strncmp(p->comm, name, 15) != 0)
		return 0;
	/* /proc/PID/cmdline starts with argv[0], ended by a NUL. */
	if (read_proc_file(p->pid, "cmdline", argv0, sizeof argv0) <= 0)
		return 0;
	return strcmp(base_name(argv0), name) == 0;
}

char *proc_tty_name(int tty, char *buf, size_t size)
{
	unsigned major_number = major((unsigned)tty), minor_number = minor((unsigned)tty);

	/* The device numbers of devices.txt in the kernel's documentation. */
	if (major_number == 4 && minor_number < 64)
		snprintf(buf, size, "tty%u", minor_number);
	else if (major_number == 4)
		snprintf(buf, size, "ttyS%u", minor_number - 64);
	else if (major_number >= 136 && major_number <= 143)
		snprintf(buf, size, "pts/%u", (major_number - 136) * 256 + minor_number);
	else if (major_number == 5 && minor_number == 1)
		snprintf(buf, size, "console");
	else if (tty == 0)
		snprintf(buf, size, "?");
	else
		snprintf(buf, size, "%u,%u", major_number, minor_number);
	return buf;
}
