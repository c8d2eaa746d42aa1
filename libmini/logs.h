/*
 * syslog_names.h: the names of syslog(3) facilities and levels ("auth.info"), both
 * ways, for syslogd (which writes them) and logger (which reads them in -p).
 */
#ifndef SYSLOG_NAMES_H
#define SYSLOG_NAMES_H

#include <stddef.h>

/* "facility.level" or "level" (facility user) as a priority number, or -1. */
int syslog_priority(const char *text);
/* Write priority pri as "facility.level" into buf. */
void syslog_priority_name(int pri, char *buf, size_t size);

#endif
