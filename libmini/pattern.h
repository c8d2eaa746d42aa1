/*
 * pattern.h: shell patterns (globs) matched against a string, as fnmatch(3) does:
 * * ? [...] with ranges, negation by ! or ^ and [:classes:], backslash escapes
 * (POSIX "Pattern Matching Notation").
 *
 * Written for mini because uClibc's fnmatch takes time exponential in the number
 * of '*' (a pattern like *a*a*a*a*b against a long name hangs it): this one takes
 * at most time pattern length x string length.
 */
#ifndef PATTERN_H
#define PATTERN_H

#include <fnmatch.h>	/* only for its FNM_* flags and FNM_NOMATCH */

/*
 * 0 when string matches pattern, else FNM_NOMATCH. flags: FNM_PATHNAME ('/' is
 * only matched by a '/' of the pattern), FNM_PERIOD (a leading '.' only by a '.'),
 * FNM_NOESCAPE ('\' is an ordinary character), FNM_CASEFOLD, FNM_LEADING_DIR (a
 * match of the string up to a '/' is a match).
 */
int pattern_match(const char *pattern, const char *string, int flags);

#endif
