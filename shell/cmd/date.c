/*
 * date: print or set the date and time (POSIX date with +FORMAT and -u; GNU's -d,
 * -s, -r, -R and -I for the everyday cases).
 *
 * -d understands what people type: "@1700000000", "2024-03-01", "2024-03-01 12:30",
 * "2024-03-01T12:30:00", "12:30", "now", "today", "yesterday", "tomorrow", and
 * relative parts like "2 days ago", "+3 hours", "next week", in any mix.
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

static const char usage[] =
	"Usage: date [-u] [-d STRING | -r FILE] [-R | -I[date|hours|minutes|seconds] | +FORMAT]\n"
	"       date [-u] -s STRING\n"
	"       date [-u] MMDDhhmm[[CC]YY][.ss]   (POSIX: set the clock)\n"
	"Print the date and time, or set it (root only).\n"
	"  -u         in UTC instead of the local time zone\n"
	"  -d STRING  show that time instead of now: @SECONDS, YYYY-MM-DD [HH:MM[:SS]],\n"
	"             HH:MM, now, yesterday, tomorrow, \"N days ago\", \"+N hours\" ...\n"
	"  -s STRING  set the system clock to that time\n"
	"  -r FILE    show the time FILE was last modified\n"
	"  -R         RFC 5322 (mail) form: Wed, 25 Nov 2026 19:23:39 +0000\n"
	"  -I[SPEC]   ISO 8601 form: 2026-11-25, or to the hours, minutes or seconds\n"
	"  +FORMAT    strftime(3) fields: %Y-%m-%d %H:%M:%S, %s (seconds), %a %b %Z ...\n";

/* What a relative part of a -d string changes, in seconds or in calendar fields. */
struct change {
	long long seconds;
	int days, months;
};

/* The multiplier of a unit word ("days", "hour", "min"), and which field it adds to. */
static int unit_of(const char *word, long long *seconds, int *days, int *months)
{
	static const struct { const char *name; int seconds, days, months; } units[] = {
		{ "sec", 1, 0, 0 }, { "second", 1, 0, 0 }, { "min", 60, 0, 0 }, { "minute", 60, 0, 0 },
		{ "hour", 3600, 0, 0 }, { "day", 0, 1, 0 }, { "week", 0, 7, 0 },
		{ "fortnight", 0, 14, 0 }, { "month", 0, 0, 1 }, { "year", 0, 0, 12 },
	};
	size_t len = strlen(word);

	if (len > 1 && word[len - 1] == 's')	/* "days" is "day" */
		len--;
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (strlen(units[i].name) == len && strncmp(word, units[i].name, len) == 0) {
			*seconds = units[i].seconds;
			*days = units[i].days;
			*months = units[i].months;
			return 0;
		}
	}
	return -1;
}

/* Add amount of the unit named by word to the change. */
static int add_relative(struct change *c, long long amount, const char *word)
{
	long long seconds;
	int days, months;

	if (unit_of(word, &seconds, &days, &months) < 0)
		return -1;
	c->seconds += amount * seconds;
	c->days += amount * days;
	c->months += amount * months;
	return 0;
}

/* "12:30" or "12:30:45", the whole of s. */
static int parse_clock(const char *s, struct tm *tm)
{
	int hour, minute, second = 0, used = 0;

	if (sscanf(s, "%2d:%2d%n:%2d%n", &hour, &minute, &used, &second, &used) < 2 || s[used] != '\0')
		return -1;
	if (hour > 23 || minute > 59 || second > 60)
		return -1;
	tm->tm_hour = hour;
	tm->tm_min = minute;
	tm->tm_sec = second;
	return 0;
}

/* "2024-03-01", maybe followed by "T12:30[:45]". The time of day becomes midnight. */
static int parse_calendar_date(const char *s, struct tm *tm)
{
	int year, month, day, used = 0;

	if (sscanf(s, "%4d-%2d-%2d%n", &year, &month, &day, &used) != 3 || month < 1 || month > 12 ||
	    day < 1 || day > 31)
		return -1;
	tm->tm_year = year - 1900;
	tm->tm_mon = month - 1;
	tm->tm_mday = day;
	tm->tm_hour = tm->tm_min = tm->tm_sec = 0;
	if (s[used] == 'T')
		return parse_clock(s + used + 1, tm);
	return s[used] == '\0' ? 0 : -1;
}

/* One word of a -d string, added to tm or c; may take the next words (a unit, "ago"). Returns words used or -1. */
static int parse_word(char **words, struct tm *tm, struct change *c, int *utc)
{
	const char *w = words[0];
	long long amount;
	int used;

	if (strcmp(w, "now") == 0 || strcmp(w, "today") == 0)
		return 1;
	if (strcmp(w, "yesterday") == 0 || strcmp(w, "tomorrow") == 0) {
		c->days += w[0] == 'y' ? -1 : 1;
		return 1;
	}
	if (strcmp(w, "UTC") == 0 || strcmp(w, "GMT") == 0 || strcmp(w, "Z") == 0) {
		*utc = 1;
		return 1;
	}
	if (parse_calendar_date(w, tm) == 0 || parse_clock(w, tm) == 0)
		return 1;
	if (strcmp(w, "next") == 0 || strcmp(w, "last") == 0)
		amount = w[0] == 'n' ? 1 : -1;
	else if (parse_long(w, &amount) < 0)
		return add_relative(c, 1, w) == 0 ? 1 : -1;	/* "hour" alone means 1 hour */
	if (words[1] == NULL)
		return -1;
	used = 2;
	if (words[2] && strcmp(words[2], "ago") == 0) {
		amount = -amount;
		used = 3;
	}
	return add_relative(c, amount, words[1]) == 0 ? used : -1;
}

/* What parse_date and parse_posix_time return besides 0. */
enum { BAD_DATE = -1, OUT_OF_RANGE = -2 };

/* The time a -d or -s string means, counted from now. Returns 0, BAD_DATE or OUT_OF_RANGE. */
static int parse_date(const char *s, time_t now, time_t *result)
{
	struct tm tm = *localtime(&now);
	struct change total = { 0, 0, 0 };
	char *copy, *words[64];
	int count = 0, utc = 0, used;
	long long seconds;
	time_t base;

	if (s[0] == '@') {		/* seconds since the epoch */
		if (parse_long(s + 1, &seconds) < 0)
			return BAD_DATE;
		if (!time_fits(seconds))
			return OUT_OF_RANGE;
		*result = (time_t)seconds;
		return 0;
	}
	copy = xstrdup(s);
	for (char *w = strtok(copy, " \t"); w && count < 63; w = strtok(NULL, " \t"))
		words[count++] = w;
	words[count] = NULL;
	for (int i = 0; i < count; i += used) {
		used = parse_word(words + i, &tm, &total, &utc);
		if (used < 0) {
			free(copy);
			return -1;
		}
	}
	free(copy);
	tm.tm_mday += total.days;
	tm.tm_mon += total.months;
	tm.tm_isdst = -1;	/* let mktime work out summer time for the new date */
	if (make_time(&tm, utc, &base) < 0 || !time_fits((long long)base + total.seconds))
		return OUT_OF_RANGE;
	*result = base + total.seconds;
	return 0;
}

/* Two digits of s as a number. */
static int two_digits(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/*
 * POSIX's way to set the clock: an operand MMDDhhmm[[CC]YY][.ss] in local time.
 * A two-digit year 69-99 is 19YY, 00-68 is 20YY. Returns 0, BAD_DATE or OUT_OF_RANGE.
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
	return make_time(&tm, 0, result) < 0 ? OUT_OF_RANGE : 0;
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
	usage_error(usage, "invalid argument '%s' for -I", spec);
}

static void print_date(time_t t, const char *format, int iso)
{
	char buf[1024];
	struct tm *tm = localtime(&t);

	if (tm == NULL)		/* a year beyond int (a 64-bit time_t; found by fuzzing) */
		die("date out of range");
	if (strftime(buf, sizeof buf, format, tm) == 0)
		buf[0] = '\0';
	if (iso && strcmp(format, "%Y-%m-%d") != 0)
		append_offset(buf, sizeof buf, tm);
	puts(buf);
}

/*
 * Take -I, -Idate, -Iseconds ... out of argv (the option parser has no optional
 * arguments) and return its format, or NULL when there is none.
 */
static const char *take_iso_option(int *argc, char **argv)
{
	const char *format = NULL;

	for (int i = 1; i < *argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "-d") == 0 || strcmp(argv[i], "-s") == 0 || strcmp(argv[i], "-r") == 0)
			i++;	/* that option's argument */
		if (i >= *argc || argv[i][0] != '-' || argv[i][1] != 'I')
			continue;
		format = iso_format(argv[i][2] ? argv[i] + 2 : NULL);
		memmove(argv + i, argv + i + 1, (*argc - i) * sizeof *argv);	/* with the NULL */
		--*argc;
		i--;
	}
	return format;
}

int date_main(int argc, char **argv)
{
	struct options o;
	const char *format = take_iso_option(&argc, argv);
	const char *when = NULL, *set = NULL, *file = NULL;
	int c, iso = format != NULL, set_from_operand = 0, result;
	time_t t = time(NULL);
	struct timespec new_time;

	options_start(&o, argc, argv, "ud:s:r:R", usage);
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
		}
	}
	argv += o.index;
	if (*argv && argv[0][0] != '+' && !argv[1] && !set && !when && !format) {
		result = parse_posix_time(argv[0], t, &t);
		if (result == OUT_OF_RANGE)
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
		result = parse_date(when ? when : set, t, &t);
		if (result == OUT_OF_RANGE)
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
		t = (time_t)mtime;
	}
	if (set || set_from_operand) {
		new_time.tv_sec = t;
		new_time.tv_nsec = 0;
		if (clock_settime(CLOCK_REALTIME, &new_time) < 0)
			die("cannot set the date:");
	}
	print_date(t, format, iso);
	return flush_stdout() < 0;
}
