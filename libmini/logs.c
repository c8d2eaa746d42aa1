/* syslog_names.c: facility and level names of syslog(3), from <syslog.h>'s tables. */
#define SYSLOG_NAMES
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include "syslog_names.h"

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
