/*
 * timefmt.c: converting times with the 32-bit time_t, saying so when they do not fit
 * (see timefmt.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/stat.h>
#include "timefmt.h"

int time_fits(long long seconds)
{
	return (long long)(time_t)seconds == seconds;
}

int format_time(char *buf, size_t size, const char *format, long long seconds, int utc)
{
	time_t t = (time_t)seconds;
	struct tm *tm;

	if (!time_fits(seconds) || (tm = utc ? gmtime(&t) : localtime(&t)) == NULL) {
		strncpy(buf, "?", size);
		return -1;
	}
	if (strftime(buf, size, format, tm) == 0 && size > 0)
		buf[0] = '\0';
	return 0;
}

int make_time(struct tm *tm, int utc, time_t *result)
{
	time_t t = utc ? timegm(tm) : mktime(tm);
	struct tm *back = utc ? gmtime(&t) : localtime(&t);

	/*
	 * mktime normalizes tm (2040-01-01 stays 2040-01-01) and returns -1 or a wrapped
	 * time when that date does not fit. A time that does fit converts back to the
	 * same date (-1 too: it is also 1969-12-31 23:59:59 UTC, a real time).
	 */
	if (back == NULL || back->tm_year != tm->tm_year || back->tm_mon != tm->tm_mon
	    || back->tm_mday != tm->tm_mday || back->tm_hour != tm->tm_hour || back->tm_min != tm->tm_min)
		return -1;
	*result = t;
	return 0;
}

int file_time(const char *path, int follow, int which, long long *seconds)
{
	struct statx sx;
	struct statx_timestamp *ts = which == 'a' ? &sx.stx_atime : which == 'c' ? &sx.stx_ctime : &sx.stx_mtime;

	memset(&sx, 0, sizeof sx);
	if (syscall(__NR_statx, AT_FDCWD, path, follow ? 0 : AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &sx) < 0)
		return -1;
	*seconds = ts->tv_sec;
	return 0;
}

const struct timespec *stat_time(const struct stat *st, int which)
{
	return which == 'a' ? &st->st_atim : which == 'c' ? &st->st_ctim : &st->st_mtim;
}

long long file_seconds(const char *path, const struct stat *st, int which)
{
	long long seconds;

	if (file_time(path, !S_ISLNK(st->st_mode), which, &seconds) < 0)
		seconds = stat_time(st, which)->tv_sec;
	return seconds;
}
