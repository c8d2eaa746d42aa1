/*
 * utmpfile.h: who is logged in (/run/utmp) and who was (/var/log/wtmp).
 *
 * Both files are arrays of struct utmp (<utmp.h>, 384 bytes, the same layout as
 * glibc's). utmp holds one record per terminal, rewritten in place: getty marks the
 * line LOGIN_PROCESS, login USER_PROCESS, init DEAD_PROCESS when the session ends.
 * wtmp only grows: every login, logout, boot and shutdown is appended, and `last`
 * reads it backwards. init creates both at boot; a file that is missing means
 * "keep no such records", as on every Unix, so nothing here creates them.
 *
 * Writers: init, getty, login, telnetd. Readers: who, w, last. (Not "utmp.h":
 * with -Ilibmini that name would hide libc's <utmp.h>.)
 */
#ifndef UTMPFILE_H
#define UTMPFILE_H

#include <sys/types.h>
#include <utmp.h>

#define UTMP_PATH "/run/utmp"		/* /var/run is a link to /run */
#define WTMP_PATH "/var/log/wtmp"

/* At boot (init): create both files empty, mode 0664, and record the boot. */
void utmp_boot(void);
/* At shutdown or reboot (init): append a "shutdown" record to wtmp. */
void utmp_shutdown(void);
/*
 * Process pid now holds terminal line ("ttyS0", "/dev/ttyS0" or "pts/1"):
 * type LOGIN_PROCESS (getty, user "LOGIN") or USER_PROCESS (login, with user and
 * the remote host or NULL). A USER_PROCESS goes to wtmp too.
 */
void utmp_mark(int type, pid_t pid, const char *line, const char *user, const char *host);
/* Process pid on line has ended: its record becomes DEAD_PROCESS, a logout goes to wtmp. */
void utmp_mark_dead(pid_t pid, const char *line);

/* Read the next whole record of fd into u: 1, or 0 at the end (a partial record is the end). */
int utmp_read(int fd, struct utmp *u);
/* A fixed-size field (ut_user, ut_line, ut_host) as a C string, in buf of size n + 1. */
char *utmp_text(char *buf, const char *field, size_t n);

#endif
