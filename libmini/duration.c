/* duration.c: parsing and sleeping for time spans (see duration.h). */
#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <time.h>
#include "duration.h"

/* Multiplier in seconds for each suffix letter; no suffix means seconds. */
static long long suffix_seconds(char suffix)
{
	switch (suffix) {
	case '\0': case 's': return 1;
	case 'm': return 60;
	case 'h': return 60 * 60;
	case 'd': return 24 * 60 * 60;
	}
	return -1;
}

int parse_duration(const char *s, long long *nanoseconds)
{
	long long whole = 0, fraction = 0, scale = NANOSECONDS_PER_SECOND, unit;
	int digits = 0;

	for (; isdigit((unsigned char)*s); s++, digits++) {
		if (whole < 10000000000LL)	/* past that it is refused below anyway */
			whole = whole * 10 + (*s - '0');
	}
	if (*s == '.') {
		/* Each fraction digit is worth a tenth of the one before; past 9 digits they vanish. */
		for (s++; isdigit((unsigned char)*s); s++, digits++) {
			scale /= 10;
			fraction += (*s - '0') * scale;
		}
	}
	unit = suffix_seconds(*s);
	if (digits == 0 || unit < 0 || (*s && s[1]))
		return -1;
	/* A time_t of 32 bits ends in 2038: refuse spans it cannot hold rather than overflow. */
	if (whole >= 2147483647LL / unit)
		return -1;
	*nanoseconds = (whole * NANOSECONDS_PER_SECOND + fraction) * unit;
	return 0;
}

void sleep_nanoseconds(long long nanoseconds)
{
	struct timespec left;

	left.tv_sec = nanoseconds / NANOSECONDS_PER_SECOND;
	left.tv_nsec = nanoseconds % NANOSECONDS_PER_SECOND;
	/* nanosleep stores what is left when a handled signal interrupts it: go on. */
	while (nanosleep(&left, &left) < 0 && errno == EINTR)
		;
}

long long monotonic_nanoseconds(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec * NANOSECONDS_PER_SECOND + now.tv_nsec;
}
