/*
 * date: print or set the date and time (POSIX date with +FORMAT and -u; GNU's -d,
 * -s, -r, -R and -I for the everyday cases).
 *
 * -d understands what people type (libmini/dateparse.c): "@1700000000", "2024-03-01",
 * "2024-03-01 12:30", ISO 8601's "2024-03-01T12:30:00.5+01:00", "12:30", "now",
 * "yesterday", and relative parts like "2 days ago", "+3 hours", "next week", in any
 * mix. +%N (GNU) prints the nanoseconds, which strftime does not know.
 *
 * mini's time_t is 32-bit (uClibc-ng): a date after 2038-01-19 03:14:07 UTC (or before
 * 1901-12-13) is refused with "date out of range", never shown as a wrong one.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include "mini.h"
#include "timefmt.h"
#include "dateparse.h"

static const char usage[] =
	"Usage: date [-u] [-d STRING | -r FILE] [-R | -I[date|hours|minutes|seconds|ns] | +FORMAT]\n"
	"       date [-u] -s STRING\n"
	"       date [-u] MMDDhhmm[[CC]YY][.ss]   (POSIX: set the clock)\n"
	"Print the date and time, or set it (root only).\n"
	"  -u         in UTC instead of the local time zone\n"
	"  -d STRING  show that time instead of now: @SECONDS, YYYY-MM-DD [HH:MM[:SS]],\n"
	"             2024-01-02T03:04:05.5+01:00, HH:MM, now, yesterday, tomorrow,\n"
	"             \"N days ago\", \"+N hours\" ...\n"
	"  -s STRING  set the system clock to that time\n"
	"  -r FILE    show the time FILE was last modified\n"
	"  -R         RFC 5322 (mail) form: Wed, 25 Nov 2026 19:23:39 +0000\n"
	"  -I[SPEC]   ISO 8601 form: 2026-11-25, or to the hours, minutes, seconds or ns\n"
	"  +FORMAT    strftime(3) fields: %Y-%m-%d %H:%M:%S, %s (seconds), %a %b %Z ...,\n"
	"             and %N: nanoseconds (%3N: milliseconds)\n";

/* Two digits of s as a number. */
static int two_digits(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/*
 * POSIX's way to set the clock: an operand MMDDhhmm[[CC]YY][.ss] in local time.
 * A two-digit year 69-99 is 19YY, 00-68 is 20YY. Returns 0, DATE_BAD or DATE_OUT_OF_RANGE.
 */
static int parse_posix_time(const char *s, time_t now, time_t *result)
{
	struct tm tm = *localtime(&now);
	size_t digits = strspn(s, "0123456789");
	const char *seconds = s + digits;

	if ((digits != 8 && digits != 10 && digits != 12) ||
	    (*seconds && (seconds[0] != '.' || strspn(seconds + 1, "0123456789") != 2 || seconds[3])))
		return -1;
	tm.tm_mon = two_digits(s) - 1;
	tm.tm_mday = two_digits(s + 2);
	tm.tm_hour = two_digits(s + 4);
	tm.tm_min = two_digits(s + 6);
	tm.tm_sec = *seconds ? two_digits(seconds + 1) : 0;
	if (digits == 12)
		tm.tm_year = two_digits(s + 8) * 100 + two_digits(s + 10) - 1900;
	else if (digits == 10)
		tm.tm_year = two_digits(s + 8) + (two_digits(s + 8) < 69 ? 100 : 0);
	if (tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59)
		return -1;
	tm.tm_isdst = -1;
	return make_time(&tm, 0, result) < 0 ? DATE_OUT_OF_RANGE : 0;
}

/* Append "+01:00" (the zone's offset from UTC, with a colon, as ISO 8601 has it). */
static void append_offset(char *buf, size_t size, const struct tm *tm)
{
	long offset = tm->tm_gmtoff;
	char sign = offset < 0 ? '-' : '+';

	if (offset < 0)
		offset = -offset;
	snprintf(buf + strlen(buf), size - strlen(buf), "%c%02ld:%02ld", sign, offset / 3600, offset / 60 % 60);
}

/* The -I format for its argument; exits with a usage error for an unknown one. */
static const char *iso_format(const char *spec)
{
	if (spec == NULL || strcmp(spec, "date") == 0)
		return "%Y-%m-%d";
	if (strcmp(spec, "hours") == 0)
		return "%Y-%m-%dT%H";
	if (strcmp(spec, "minutes") == 0)
		return "%Y-%m-%dT%H:%M";
	if (strcmp(spec, "seconds") == 0)
		return "%Y-%m-%dT%H:%M:%S";
	if (strcmp(spec, "ns") == 0)
		return "%Y-%m-%dT%H:%M:%S,%N";
	usage_error(usage, "invalid argument '%s' for -I", spec);
}

/*
 * GNU's %N, which strftime does not know: the nanoseconds, 9 digits, or the first
 * N of them for %3N. Returns format with them written in (malloc'd); %% stays.
 */
static char *put_nanoseconds(const char *format, long nsec)
{
	struct strbuf out = { 0 };
	char digits[16];

	snprintf(digits, sizeof digits, "%09ld", nsec);
	for (const char *p = format; *p; p++) {
		if (p[0] == '%' && p[1] == '%') {
			sb_addn(&out, p++, 2);
		} else if (p[0] == '%' && p[1] == 'N') {
			sb_addn(&out, digits, 9);
			p++;
		} else if (p[0] == '%' && p[1] >= '1' && p[1] <= '9' && p[2] == 'N') {
			sb_addn(&out, digits, p[1] - '0');
			p += 2;
		} else {
			sb_addc(&out, *p);
		}
	}
	return sb_take(&out);
}

static void print_date(const struct timespec *t, const char *format, int iso)
{
	char buf[1024], *full_format = put_nanoseconds(format, t->tv_nsec);
	struct tm *tm = localtime(&t->tv_sec);

	if (tm == NULL)		/* a year beyond int (a 64-bit time_t; found by fuzzing) */
		die("date out of range");
	if (strftime(buf, sizeof buf, full_format, tm) == 0)
		buf[0] = '\0';
	if (iso && strcmp(format, "%Y-%m-%d") != 0)
		append_offset(buf, sizeof buf, tm);
	free(full_format);
	puts(buf);
}

int date_main(int argc, char **argv)
{
	struct options o;
	const char *format = NULL;
	const char *when = NULL, *set = NULL, *file = NULL;
	int c, iso = 0, set_from_operand = 0, result;
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	options_start(&o, argc, argv, "ud:s:r:RI::", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'u':
			setenv("TZ", "UTC0", 1);
			tzset();
			break;
		case 'd': when = o.arg; break;
		case 's': set = o.arg; break;
		case 'r': file = o.arg; break;
		case 'R': format = "%a, %d %b %Y %H:%M:%S %z"; break;
		case 'I':
			format = iso_format(o.arg);
			iso = 1;
			break;
		}
	}
	argv += o.index;
	if (*argv && argv[0][0] != '+' && !argv[1] && !set && !when && !format) {
		result = parse_posix_time(argv[0], t.tv_sec, &t.tv_sec);
		t.tv_nsec = 0;
		if (result == DATE_OUT_OF_RANGE)
			die("'%s': " TIME_RANGE_MESSAGE, argv[0]);
		if (result < 0)
			die("invalid date '%s'", argv[0]);
		set_from_operand = 1;
		argv++;
	}
	if (*argv) {
		if (argv[0][0] != '+' || argv[1] || format)
			usage_error(usage, "extra operand '%s'", argv[argv[0][0] == '+' && !format]);
		format = argv[0] + 1;
	}
	if (format == NULL)
		format = "%a %b %e %H:%M:%S %Z %Y";
	if (when || set) {
		result = parse_date(when ? when : set, &t, &t);
		if (result == DATE_OUT_OF_RANGE)
			die("'%s': " TIME_RANGE_MESSAGE, when ? when : set);
		if (result < 0)
			die("invalid date '%s'", when ? when : set);
	}
	if (file) {
		long long mtime;
		if (file_time(file, 1, 'm', &mtime) < 0)
			die("%s:", file);
		if (!time_fits(mtime))
			die("%s: " TIME_RANGE_MESSAGE, file);
		t.tv_sec = (time_t)mtime;
		t.tv_nsec = 0;
	}
	if ((set || set_from_operand) && clock_settime(CLOCK_REALTIME, &t) < 0)
		die("cannot set the date:");
	print_date(&t, format, iso);
	return flush_stdout() < 0;
}
