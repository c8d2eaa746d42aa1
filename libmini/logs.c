/*
 * logs.c: sending messages to syslogd, and the facility and level names of
 * syslog(3) (from <syslog.h>'s own tables).
 */
#define SYSLOG_NAMES
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include "mini.h"
#include "logs.h"

void log_send(int pri, const char *tag, const char *fmt, ...)
{
	char text[900], line[1024];
	va_list ap;
	int len, fd;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);

	/* open() succeeds on syslogd's FIFO; on its socket it fails (ENXIO). */
	fd = open("/dev/log", O_WRONLY | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		openlog(tag, 0, 0);
		syslog(pri, "%s", text);
		closelog();
		return;
	}
	/* One write of at most PIPE_BUF bytes: never mixed with another program's. */
	len = snprintf(line, sizeof line, "<%d>%s: %s\n", pri, tag, text);
	if (len >= (int)sizeof line) {
		len = sizeof line - 1;
		line[len - 1] = '\n';
	}
	write_all(fd, line, len);
	close(fd);
}

static int code_of(const CODE *table, const char *name, size_t len)
{
	for (; table->c_name; table++)
		if (strlen(table->c_name) == len && strncmp(table->c_name, name, len) == 0)
			return table->c_val;
	return -1;
}

static const char *name_of(const CODE *table, int value)
{
	for (; table->c_name; table++)
		if (table->c_val == value)
			return table->c_name;
	return "?";
}

int syslog_priority(const char *text)
{
	const char *dot = strchr(text, '.');
	int facility = LOG_USER, level;

	if (dot) {
		facility = code_of(facilitynames, text, dot - text);
		text = dot + 1;
	}
	level = code_of(prioritynames, text, strlen(text));
	return facility < 0 || level < 0 ? -1 : facility | level;
}

void syslog_priority_name(int pri, char *buf, size_t size)
{
	snprintf(buf, size, "%s.%s", name_of(facilitynames, LOG_FAC(pri) << 3),
		 name_of(prioritynames, LOG_PRI(pri)));
}
