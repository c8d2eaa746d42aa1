/*
 * logs.h: talking to syslogd, for logger, login and su (and syslogd itself, which
 * names the priorities in its lines: "auth.info").
 *
 * syslogd listens on /dev/log: a UNIX datagram socket when the kernel has them
 * (syslog(3) writes there too), else a FIFO, which needs nothing of the kernel. log_send
 * works with either. On the socket each message carries its sender's uid and pid,
 * vouched for by the kernel (SCM_CREDENTIALS): that is how syslogd tells root's records
 * from a user's. A FIFO cannot say who wrote, so syslogd makes it root's alone.
 */
#ifndef LOGS_H
#define LOGS_H

#include <stddef.h>

/* Send "tag: message" with priority pri (e.g. LOG_AUTH | LOG_INFO) to syslogd;
 * the message is a printf format. Lost, silently, when no syslogd runs. */
void log_send(int pri, const char *tag, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/*
 * text (len bytes) made safe to show on a terminal, into out (size bytes, NUL-ended):
 * a control character (C0, DEL) becomes ^X (ESC is ^[, DEL ^?); a byte that is not
 * part of valid UTF-8, and the C1 controls U+0080-U+009F, become \ooo; valid UTF-8
 * stays. Stops before an escape that would not fit; returns the length written.
 */
size_t log_escape(char *out, size_t size, const char *text, size_t len);

/* "facility.level" or "level" (facility user) as a priority number, or -1. */
int syslog_priority(const char *text);
/* Write priority pri as "facility.level" into buf. */
void syslog_priority_name(int pri, char *buf, size_t size);

#endif
