/*
 * touch: change file times, making files that do not exist (POSIX touch, with GNU's -d forms,
 * the same as date -d: libmini/dateparse.c). Times keep their fractions of a second
 * (utimensat takes nanoseconds). A date past the end of mini's 32-bit time_t
 * (2038-01-19) is refused: "date out of range".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "timefmt.h"
#include "dateparse.h"

static const char usage[] =
	"Usage: touch [-acm] [-d DATE | -r FILE | -t STAMP] FILE...\n"
	"Set the access and modification times of each FILE to now, making it if missing.\n"
	"  -a  change only the access time   -m  change only the modification time\n"
	"  -c  do not make missing files\n"
	"  -d DATE   use DATE: 2024-01-31, 2024-01-31 13:45[:56.5], 2024-01-31T13:45Z,\n"
	"            @SECONDS[.FRACTION], yesterday, \"2 hours ago\" (as date -d)\n"
	"  -r FILE   use the times of FILE\n"
	"  -t STAMP  use [[CC]YY]MMDDhhmm[.ss[.FRACTION]]\n";

/* Two digits of a -t stamp as a number. */
static int two_digits(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* The fraction after -t's seconds: ".5" or ",25" as nanoseconds; -1 when it is not one. */
static long stamp_fraction(const char *s)
{
	long nsec = 0, scale = 100000000;

	if (*s == '\0')
		return 0;
	if ((*s != '.' && *s != ',') || s[1] == '\0' || strspn(s + 1, "0123456789") != strlen(s + 1))
		return -1;
	for (s++; *s; s++, scale /= 10)
		nsec += (*s - '0') * scale;
	return nsec;
}

/* POSIX touch -t: [[CC]YY]MMDDhhmm[.ss], in local time; mini also takes a fraction after ss. */
static int parse_stamp(const char *s, struct timespec *t)
{
	const char *dot = strchr(s, '.');
	size_t len = dot ? (size_t)(dot - s) : strlen(s);
	time_t now = time(NULL);
	struct tm tm = *localtime(&now);	/* the year, when the stamp has none */

	if (strspn(s, "0123456789") != len
	    || (dot && (strspn(dot + 1, "0123456789") != 2 || (t->tv_nsec = stamp_fraction(dot + 3)) < 0)))
		return DATE_BAD;
	if (!dot)
		t->tv_nsec = 0;
	if (len == 12) {
		tm.tm_year = two_digits(s) * 100 + two_digits(s + 2) - 1900;
	} else if (len == 10) {
		int yy = two_digits(s);
		tm.tm_year = yy < 69 ? 100 + yy : yy;	/* 69..99 are 1969..1999 */
	} else if (len != 8) {
		return DATE_BAD;
	}
	s += len - 8;
	tm.tm_mon = two_digits(s) - 1;
	tm.tm_mday = two_digits(s + 2);
	tm.tm_hour = two_digits(s + 4);
	tm.tm_min = two_digits(s + 6);
	tm.tm_sec = dot ? two_digits(dot + 1) : 0;
	tm.tm_isdst = -1;
	return make_time(&tm, 0, &t->tv_sec) < 0 ? DATE_OUT_OF_RANGE : 0;
}

static int touch_file(const char *path, const struct timespec times[2], int no_create)
{
	int fd;

	if (utimensat(AT_FDCWD, path, times, 0) == 0)
		return 0;
	if (errno != ENOENT) {
		warn("%s:", path);
		return 1;
	}
	if (no_create)
		return 0;
	fd = open(path, O_WRONLY | O_CREAT | O_NOCTTY, 0666);
	if (fd < 0 || futimens(fd, times) < 0) {
		warn("%s:", path);
		if (fd >= 0)
			close(fd);
		return 1;
	}
	close(fd);
	return 0;
}

int touch_main(int argc, char **argv)
{
	struct options o;
	int c, only_access = 0, only_modify = 0, no_create = 0, status = 0, result;
	struct timespec times[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	struct stat ref;
	struct timespec now, t;

	options_start(&o, argc, argv, "acd:fmr:t:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'a': only_access = 1; break;
		case 'm': only_modify = 1; break;
		case 'c': no_create = 1; break;
		case 'd':
		case 't':
			clock_gettime(CLOCK_REALTIME, &now);
			result = c == 'd' ? parse_date(o.arg, &now, &t) : parse_stamp(o.arg, &t);
			if (result == DATE_OUT_OF_RANGE)
				die("'%s': " TIME_RANGE_MESSAGE, o.arg);
			if (result < 0)
				usage_error(usage, "invalid date '%s'", o.arg);
			times[0] = times[1] = t;
			break;
		case 'r':
			if (stat(o.arg, &ref) < 0)
				die("%s:", o.arg);
			times[0] = ref.st_atim;
			times[1] = ref.st_mtim;
			break;
		}
	}
	/* -a alone leaves the modification time, -m alone the access time. */
	if (only_access && !only_modify)
		times[1].tv_nsec = UTIME_OMIT;
	if (only_modify && !only_access)
		times[0].tv_nsec = UTIME_OMIT;
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "missing file operand");
	for (; *argv; argv++)
		status |= touch_file(*argv, times, no_create);
	return status;
}
