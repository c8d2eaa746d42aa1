/*
 * proc.h: reading the process table from /proc (proc(5)),
 * shared by ps, top, pidof and killall.
 *
 *	DIR *all = proc_open();
 *	int pid;
 *	while ((pid = proc_next(all)) > 0)
 *		if (proc_read(pid, &p) == 0) use(&p);
 *	closedir(all);
 */
#ifndef PROC_H
#define PROC_H

#include <dirent.h>
#include <sys/types.h>

/* The fields of /proc/PID/stat that mini's tools show, plus the owner. */
struct proc_info {
	int pid, ppid, pgrp, session;
	int tty;			/* device number of the controlling terminal, 0 for none */
	int tty_pgrp;			/* the terminal's foreground process group */
	char state;			/* R running, S sleeping, D disk, Z zombie, T stopped ... */
	char comm[32];			/* the kernel's short name (15 characters at most) */
	unsigned long utime, stime;	/* CPU time in clock ticks, user and system */
	long priority, nice;
	long threads;
	unsigned long long start_time;	/* clock ticks after boot */
	unsigned long long vsize;	/* virtual size in bytes (64-bit hosts have more than 4 GiB) */
	long rss;			/* resident pages */
	uid_t uid;
};

/* Start reading /proc; dies when /proc is not mounted. */
DIR *proc_open(void);
/* The next process id, or -1 at the end. */
int proc_next(DIR *dir);
/* Fill p for process pid. Returns 0, or -1 when the process is gone. */
int proc_read(int pid, struct proc_info *p);
/*
 * The command line of pid with its arguments joined by spaces, into buf.
 * Returns the length; 0 for kernel threads and zombies, which have none.
 */
size_t proc_cmdline(int pid, char *buf, size_t size);
/*
 * Whether process p is called name: its short name, or the base name of its
 * argv[0] (the short name is cut to 15 characters; scripts show the interpreter).
 */
int proc_is_named(const struct proc_info *p, const char *name);
/* The name of a terminal device number, like "tty1", "ttyS0" or "pts/0", into buf. */
char *proc_tty_name(int tty, char *buf, size_t size);

#endif
