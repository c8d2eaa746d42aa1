/*
 * dateparse.c: the -d strings of date and touch (see dateparse.h).
 *
 * The string is cut into words; each word sets calendar fields (a date, a time of
 * day), says how to read them (UTC, an offset), or adds a relative part ("2 days
 * ago"). Then mktime or timegm turns the fields into seconds, and the relative
 * seconds are added last, so "+2 hours" crosses midnight and summer time right.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "dateparse.h"
#include "timefmt.h"

/* What a relative part of a -d string changes, in seconds or in calendar fields. */
struct change {
	long long seconds;
	int days, months;
};

/* What the words say besides the calendar fields. */
struct reading {
	long nsec;		/* the fraction of the second */
	int utc;		/* the fields are UTC ("UTC", "Z", an offset)... */
	long offset;		/* ...this many seconds east of it ("+01:00": 3600) */
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
	/* Far beyond any date a time_t holds, and small enough that the sums below cannot
	 * overflow (a crafted "20202025202020252 hours" did): larger is no date at all. */
	const long long most = 100000000, most_sum = 1000000000;
	long long seconds, new_days, new_months;
	int days, months;

	if (unit_of(word, &seconds, &days, &months) < 0 || amount > most || amount < -most)
		return -1;
	new_days = c->days + amount * days;
	new_months = c->months + amount * months;
	if (new_days > most_sum || new_days < -most_sum || new_months > most_sum || new_months < -most_sum ||
	    c->seconds > most_sum * 86400 || c->seconds < -most_sum * 86400)
		return -1;
	c->seconds += amount * seconds;
	c->days = new_days;
	c->months = new_months;
	return 0;
}

/* ".5" or ",5" (ISO 8601 allows both): the fraction of a second, as nanoseconds. */
static const char *parse_fraction(const char *s, long *nsec)
{
	long scale = 100000000;

	*nsec = 0;
	if ((*s != '.' && *s != ',') || !isdigit((unsigned char)s[1]))
		return s;
	for (s++; isdigit((unsigned char)*s); s++, scale /= 10)
		*nsec += (*s - '0') * scale;	/* digits past the ninth add 0 */
	return s;
}

/* Two decimal digits at s, or -1. */
static int two_digits(const char *s)
{
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* A zone after a time: "Z", "+01:00", "+0100", "-05"; an empty one is fine too. */
static int parse_zone(const char *s, struct reading *r)
{
	int hours, minutes = 0;
	const char *rest;

	if (*s == '\0')
		return 0;
	if (strcmp(s, "Z") == 0) {
		r->utc = 1;
		r->offset = 0;
		return 0;
	}
	if ((*s != '+' && *s != '-') || (hours = two_digits(s + 1)) < 0)
		return -1;
	rest = s + 3;
	if (*rest == ':')
		rest++;
	if (*rest != '\0') {
		if ((minutes = two_digits(rest)) < 0)
			return -1;
		rest += 2;
	}
	if (*rest != '\0' || hours > 23 || minutes > 59)
		return -1;
	r->utc = 1;
	r->offset = (hours * 3600L + minutes * 60L) * (*s == '-' ? -1 : 1);
	return 0;
}

/* "12:30", "12:30:45", "12:30:45.5", each maybe with a zone: the whole of s. */
static int parse_clock(const char *s, struct tm *tm, struct reading *r)
{
	int hour, minute, second = 0, used = 0;

	if (sscanf(s, "%2d:%2d%n:%2d%n", &hour, &minute, &used, &second, &used) < 2)
		return -1;
	if (hour > 23 || minute > 59 || second > 60)
		return -1;
	s = parse_fraction(s + used, &r->nsec);
	if (parse_zone(s, r) < 0)
		return -1;
	tm->tm_hour = hour;
	tm->tm_min = minute;
	tm->tm_sec = second;
	return 0;
}

/* "2024-03-01", maybe followed by "T12:30[:45[.5]][zone]". The time of day becomes midnight. */
static int parse_calendar_date(const char *s, struct tm *tm, struct reading *r)
{
	int year, month, day, used = 0;

	if (sscanf(s, "%4d-%2d-%2d%n", &year, &month, &day, &used) != 3 || month < 1 || month > 12 ||
	    day < 1 || day > 31)
		return -1;
	if (s[used] != '\0' && s[used] != 'T')
		return -1;
	if (s[used] == 'T' && parse_clock(s + used + 1, tm, r) < 0)
		return -1;
	tm->tm_year = year - 1900;
	tm->tm_mon = month - 1;
	tm->tm_mday = day;
	if (s[used] == '\0') {
		tm->tm_hour = tm->tm_min = tm->tm_sec = 0;
		r->nsec = 0;
	}
	return 0;
}

/* One word of a -d string, added to tm or c; may take the next words (a unit, "ago"). Returns words used or -1. */
static int parse_word(char **words, struct tm *tm, struct change *c, struct reading *r)
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
		r->utc = 1;
		return 1;
	}
	if (parse_calendar_date(w, tm, r) == 0 || parse_clock(w, tm, r) == 0)
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

/* "@SECONDS[.FRACTION]": a time since the epoch. */
static int parse_epoch(const char *s, struct timespec *result)
{
	const char *dot = strpbrk(s, ".,");
	char *whole = xstrndup(s, dot ? (size_t)(dot - s) : strlen(s));
	long long seconds;
	int bad = parse_long(whole, &seconds) < 0;

	free(whole);
	if (bad || (dot && *parse_fraction(dot, &result->tv_nsec) != '\0'))
		return DATE_BAD;
	if (!dot)
		result->tv_nsec = 0;
	if (!time_fits(seconds))
		return DATE_OUT_OF_RANGE;
	result->tv_sec = (time_t)seconds;
	return 0;
}

int parse_date(const char *s, const struct timespec *now, struct timespec *result)
{
	struct tm tm = *localtime(&now->tv_sec);
	struct change total = { 0, 0, 0 };
	struct reading r = { now->tv_nsec, 0, 0 };
	char *copy, *words[64];
	int count = 0, used;
	time_t base;

	if (s[0] == '@')
		return parse_epoch(s + 1, result);
	copy = xstrdup(s);
	for (char *w = strtok(copy, " \t"); w && count < 63; w = strtok(NULL, " \t"))
		words[count++] = w;
	words[count] = NULL;
	for (int i = 0; i < count; i += used) {
		used = parse_word(words + i, &tm, &total, &r);
		if (used < 0) {
			free(copy);
			return DATE_BAD;
		}
	}
	free(copy);
	tm.tm_mday += total.days;
	tm.tm_mon += total.months;
	tm.tm_sec -= r.offset;	/* to UTC, in the fields: the time may fit only then */
	tm.tm_isdst = -1;	/* let mktime work out summer time for the new date */
	if (make_time(&tm, r.utc, &base) < 0 || !time_fits((long long)base + total.seconds))
		return DATE_OUT_OF_RANGE;
	result->tv_sec = base + total.seconds;
	result->tv_nsec = r.nsec;
	return 0;
}
