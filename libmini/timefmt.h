/*
 * timefmt.h: times that may not fit mini's 32-bit time_t (uClibc-ng 1.0.35 on i386).
 *
 * time_t ends on 2038-01-19 03:14:07 UTC. Until it is 64-bit, a time beyond it must
 * never be shown as a wrong date (1901, 1969): each conversion here says when it
 * cannot be done, and the command prints "date out of range" and fails.
 *
 * For ls -l, stat, find -printf, tar -tv: read a file's times with file_time() (the
 * kernel's statx, 64-bit: stat() truncates them) and show them with format_time().
 */
#ifndef TIMEFMT_H
#define TIMEFMT_H

#include <stddef.h>
#include <time.h>
#include <sys/stat.h>

/* The message of every command for a time it cannot show or set. */
#define TIME_RANGE_MESSAGE "date out of range"

/* True when seconds (since 1970) fits in time_t. */
int time_fits(long long seconds);

/* strftime of seconds in local time (utc = 0) or UTC; returns 0, or -1 when the time
 * does not fit time_t (buf then holds "?"). */
int format_time(char *buf, size_t size, const char *format, long long seconds, int utc);

/* mktime (or timegm when utc) that fails with -1 when the date is past time_t's end,
 * instead of returning a wrapped or -1 time. */
int make_time(struct tm *tm, int utc, time_t *result);

/* The modification ('m'), access ('a') or status change ('c') time of path, in full
 * (statx); follow = 0 looks at a symbolic link itself. Returns 0, or -1 (errno set). */
int file_time(const char *path, int follow, int which, long long *seconds);

/* The access ('a'), modification ('m') or status change ('c') time in st (32 bits of
 * seconds; the nanoseconds are whole). */
const struct timespec *stat_time(const struct stat *st, int which);

/* That time of path, whose status is st, in full seconds: file_time, which follows
 * a symbolic link unless st is one's own; what st says when path is gone meanwhile. */
long long file_seconds(const char *path, const struct stat *st, int which);

#endif
