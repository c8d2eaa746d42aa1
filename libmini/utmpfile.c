/*
 * utmpfile.c: writing and reading utmp and wtmp records (utmpfile.h says who does what).
 *
 * Written here rather than with libc's pututline(): the whole job is "find the
 * terminal's record and rewrite it", and doing it by hand keeps the file locked for
 * exactly that, and lets the readers skip a torn or crafted record safely.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "mini.h"
#include "utmpfile.h"

/* Copy s into a fixed field: cut to its size, NUL-padded, not always NUL-ended (as utmp has it). */
static void set_field(char *field, size_t size, const char *s)
{
	strncpy(field, s ? s : "", size);
}

/* "/dev/ttyS0" -> "ttyS0": utmp names lines without /dev/. */
static const char *short_line(const char *line)
{
	return starts_with(line, "/dev/") ? line + 5 : line;
}

/* A record stamped now, for process pid on line. */
static void fill(struct utmp *u, int type, pid_t pid, const char *line, const char *user)
{
	struct timeval now;
	size_t len;

	memset(u, 0, sizeof *u);
	u->ut_type = type;
	u->ut_pid = pid;
	set_field(u->ut_line, sizeof u->ut_line, line);
	/*
	 * ut_id ties the records of one terminal together (sysvinit puts the inittab id
	 * there); like login(1), the line's last four characters: "yS0", "s/1".
	 */
	len = strlen(line);
	set_field(u->ut_id, sizeof u->ut_id, len > sizeof u->ut_id ? line + len - sizeof u->ut_id : line);
	set_field(u->ut_user, sizeof u->ut_user, user);
	gettimeofday(&now, NULL);
	u->ut_tv.tv_sec = now.tv_sec;	/* 32 bits in the file on every machine */
	u->ut_tv.tv_usec = now.tv_usec;
}

/* Append u to wtmp, if there is one. One write: appends never interleave. */
static void append_wtmp(const struct utmp *u)
{
	int fd = open(WTMP_PATH, O_WRONLY | O_APPEND | O_CLOEXEC);

	if (fd < 0)
		return;
	if (write(fd, u, sizeof *u) != (ssize_t)sizeof *u) {
		/* a full disk: take a torn record back, so the file stays whole records */
		struct stat st;
		if (fstat(fd, &st) == 0 && st.st_size % sizeof *u != 0)
			ftruncate(fd, st.st_size - st.st_size % sizeof *u);
	}
	close(fd);
}

/* Is r the record of line's terminal (a process record with the same line)? */
static int same_terminal(const struct utmp *r, const char *line)
{
	return r->ut_type >= INIT_PROCESS && r->ut_type <= DEAD_PROCESS
		&& strncmp(r->ut_line, line, sizeof r->ut_line) == 0;
}

/*
 * Put u in utmp: over the record of its terminal, else over a free one, else at the
 * end. With match_pid, only over the terminal's record of that very process (init
 * must not mark a newer session dead). Returns 1 when written.
 */
static int put_utmp(const struct utmp *u, int match_pid)
{
	struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	struct utmp r;
	off_t at = 0, found = -1, free_slot = -1;
	int fd = open(UTMP_PATH, O_RDWR | O_CLOEXEC), written = 0;

	if (fd < 0)
		return 0;
	fcntl(fd, F_SETLKW, &lock);	/* writers take turns; the readers need no lock */
	while (found < 0 && utmp_read(fd, &r)) {
		if (same_terminal(&r, u->ut_line))
			found = at;
		else if (free_slot < 0 && (r.ut_type == EMPTY || r.ut_type == DEAD_PROCESS))
			free_slot = at;
		at += sizeof r;
	}
	if (match_pid && (found < 0 || r.ut_pid != u->ut_pid)) {
		close(fd);
		return 0;
	}
	/* at is the end of the whole records: a torn one after them is written over */
	if (found < 0)
		found = free_slot >= 0 ? free_slot : at;
	written = pwrite(fd, u, sizeof *u, found) == (ssize_t)sizeof *u;
	close(fd);	/* closing drops the lock */
	return written;
}

void utmp_mark(int type, pid_t pid, const char *line, const char *user, const char *host)
{
	struct utmp u;

	fill(&u, type, pid, short_line(line), user);
	set_field(u.ut_host, sizeof u.ut_host, host);
	u.ut_session = getsid(0);
	/*
	 * No utmp, no wtmp: a system without /run/utmp keeps no records (and mini's
	 * login tried on another system leaves that system's wtmp alone).
	 */
	if (put_utmp(&u, 0) && type == USER_PROCESS)
		append_wtmp(&u);
}

void utmp_mark_dead(pid_t pid, const char *line)
{
	struct utmp u;

	/* A logout is the terminal's record with no user: how wtmp has always said it. */
	fill(&u, DEAD_PROCESS, pid, short_line(line), NULL);
	if (put_utmp(&u, 1))
		append_wtmp(&u);
}

/* Create path empty with mode 0664 (whatever the umask), owned by root. */
static void create_empty(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0664);

	if (fd < 0) {
		warn("%s:", path);
		return;
	}
	fchmod(fd, 0664);
	close(fd);
}

/*
 * The boot: a record of type BOOT_TIME, user "reboot", line "~" (the names last
 * shows), with the kernel's release as host, as Linux systems write it.
 */
void utmp_boot(void)
{
	struct utsname un;
	struct utmp u;

	mkdir("/var/log", 0755);
	create_empty(UTMP_PATH);
	create_empty(WTMP_PATH);
	fill(&u, BOOT_TIME, 0, "~", "reboot");
	set_field(u.ut_id, sizeof u.ut_id, "~~");
	if (uname(&un) == 0)
		set_field(u.ut_host, sizeof u.ut_host, un.release);
	put_utmp(&u, 0);
	append_wtmp(&u);
}

/* A shutdown: RUN_LVL, user "shutdown", line "~", as sysvinit writes it. */
void utmp_shutdown(void)
{
	struct utsname un;
	struct utmp u;

	fill(&u, RUN_LVL, 0, "~", "shutdown");
	set_field(u.ut_id, sizeof u.ut_id, "~~");
	if (uname(&un) == 0)
		set_field(u.ut_host, sizeof u.ut_host, un.release);
	append_wtmp(&u);
}

int utmp_read(int fd, struct utmp *u)
{
	return read_full(fd, u, sizeof *u) == (ssize_t)sizeof *u;
}

char *utmp_text(char *buf, const char *field, size_t n)
{
	memcpy(buf, field, n);
	buf[n] = '\0';
	return buf;
}
