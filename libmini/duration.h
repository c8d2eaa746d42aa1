/*
 * duration.h: time spans typed by people ("1.5", "30s", "2m", "1h", "1d"),
 * shared by sleep, timeout, watch and top.
 *
 * Durations are kept as whole nanoseconds in a long long: exact for the
 * decimal fractions people type, and no floating point on a 486SX.
 */
#ifndef DURATION_H
#define DURATION_H

#define NANOSECONDS_PER_SECOND 1000000000LL

/*
 * Parse a decimal number of seconds with an optional fraction and an optional
 * suffix s (seconds), m (minutes), h (hours) or d (days).
 * Returns 0, or -1 when s is not such a duration.
 */
int parse_duration(const char *s, long long *nanoseconds);

/* Sleep for the whole span, resuming after signals that do not end the process. */
void sleep_nanoseconds(long long nanoseconds);

/* Nanoseconds of the monotonic clock: for measuring elapsed time. */
long long monotonic_nanoseconds(void);

#endif
