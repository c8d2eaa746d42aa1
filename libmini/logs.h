/*
 * logs.h: talking to syslogd, for logger, login and su (and syslogd itself, which
 * names the priorities in its lines: "auth.info").
 *
 * syslogd listens on /dev/log: a UNIX datagram socket when the kernel has them
 * (syslog(3) writes there), else a FIFO, which needs nothing of the kernel. log_send
 * works with either.
 */
#ifndef LOGS_H
#define LOGS_H

#include <stddef.h>

/* Send "tag: message" with priority pri (e.g. LOG_AUTH | LOG_INFO) to syslogd;
 * the message is a printf format. Lost, silently, when no syslogd runs. */
void log_send(int pri, const char *tag, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* "facility.level" or "level" (facility user) as a priority number, or -1. */
int syslog_priority(const char *text);
/* Write priority pri as "facility.level" into buf. */
void syslog_priority_name(int pri, char *buf, size_t size);

#endif
