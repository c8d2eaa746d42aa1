/*
 * dateparse.h: the dates people type after date -d, date -s and touch -d.
 *
 * "@1700000000[.5]", "2024-03-01", "2024-03-01 12:30", ISO 8601's
 * "2024-03-01T12:30:00.5+01:00" (or Z, or +0100), "12:30", "now", "today",
 * "yesterday", "tomorrow", "UTC", and relative parts like "2 days ago", "+3 hours",
 * "next week", in any mix. A time past mini's 32-bit time_t is refused.
 */
#ifndef DATEPARSE_H
#define DATEPARSE_H

#include <time.h>

enum { DATE_BAD = -1, DATE_OUT_OF_RANGE = -2 };

/* The time s means, counted from now (for "yesterday", "12:30"...), with its
 * nanoseconds. Returns 0, DATE_BAD or DATE_OUT_OF_RANGE. */
int parse_date(const char *s, const struct timespec *now, struct timespec *result);

#endif
