/*
 * pattern.c: shell patterns (POSIX "Pattern Matching Notation", fnmatch(3)).
 *
 * The matcher walks the pattern and the string together. A '*' first matches
 * nothing; when the rest fails, the last '*' met takes one more character and
 * the rest is tried again from there. Going back to an earlier '*' is never
 * needed: the last one can take whatever an earlier one could. So the work is
 * at most pattern length x string length, where a matcher that tries every
 * '*' at every length takes time exponential in their number.
 *
 * With FNM_PATHNAME a '*' cannot take a '/', and once a '/' of the string is
 * matched by a '/' of the pattern, no '*' before it may take more.
 */
#include <ctype.h>
#include <string.h>
#include "pattern.h"

/* Is s a '.' that only a '.' of the pattern may match (FNM_PERIOD)? */
static int hidden_period(const char *s, const char *string, int flags)
{
	return (flags & FNM_PERIOD) && *s == '.' &&
	       (s == string || ((flags & FNM_PATHNAME) && s[-1] == '/'));
}

static int same_char(unsigned char a, unsigned char b, int flags)
{
	if (flags & FNM_CASEFOLD)
		return tolower(a) == tolower(b);
	return a == b;
}

/* Is c of the class named name[0..len) ("alpha", "digit"...)? */
static int in_class(const char *name, size_t len, int c)
{
	static const struct { const char *name; int (*test)(int); } classes[] = {
		{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
		{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
		{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
		{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
	};

	for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
		if (strlen(classes[i].name) == len && memcmp(classes[i].name, name, len) == 0)
			return classes[i].test(c);
	return 0;	/* an unknown class matches nothing */
}

static int in_range(unsigned char c, unsigned char low, unsigned char high, int flags)
{
	if (flags & FNM_CASEFOLD)
		return (tolower(c) >= low && tolower(c) <= high) ||
		       (toupper(c) >= low && toupper(c) <= high);
	return c >= low && c <= high;
}

/* One character of a bracket expression, escaped or not: its value in *c; after it. */
static const char *bracket_char(const char *p, int flags, unsigned char *c)
{
	if (*p == '\\' && !(flags & FNM_NOESCAPE) && p[1] != '\0')
		p++;
	*c = *p;
	return p + 1;
}

/*
 * The bracket expression starting after the '[' at p: does it match c? Returns
 * the pattern after its ']', or NULL when there is no ']' (the '[' is then an
 * ordinary character). A '!' or '^' first negates; a ']' first is a member;
 * a '-' between two characters makes a range; an escaped '!', '^' or '-' is
 * the character itself.
 */
static const char *match_bracket(const char *p, unsigned char c, int flags, int *matched)
{
	const char *first;
	int negate = 0;

	*matched = 0;
	if (*p == '!' || *p == '^') {
		negate = 1;
		p++;
	}
	first = p;
	while (*p != ']' || p == first) {
		unsigned char low, high;

		if (*p == '\0')
			return NULL;
		if (p[0] == '[' && p[1] == ':') {
			const char *end = strstr(p + 2, ":]");

			/* (as in glibc, FNM_CASEFOLD leaves classes as they are) */
			if (end != NULL) {
				if (in_class(p + 2, end - (p + 2), c))
					*matched = 1;
				p = end + 2;
				continue;
			}
		}
		p = bracket_char(p, flags, &low);
		high = low;
		if (p[0] == '-' && p[1] != ']' && p[1] != '\0')
			p = bracket_char(p + 1, flags, &high);
		if (in_range(c, low, high, flags))
			*matched = 1;
	}
	*matched ^= negate;
	return p + 1;
}

/*
 * Does the pattern element at p (anything but '*') match the character at s,
 * which is not the end? *next gets the pattern after the element.
 */
static int match_one(const char *p, const char *s, const char *string, int flags,
		     const char **next)
{
	unsigned char c = *s;
	int slash_special = c == '/' && (flags & FNM_PATHNAME);
	int matched;

	*next = p + 1;
	if (*p == '?')
		return !slash_special && !hidden_period(s, string, flags);
	if (*p == '[') {
		const char *after = match_bracket(p + 1, c, flags, &matched);

		if (after != NULL) {
			*next = after;
			return matched && !slash_special && !hidden_period(s, string, flags);
		}
		return c == '[';	/* no ']': an ordinary '[' */
	}
	if (*p == '\\' && !(flags & FNM_NOESCAPE)) {
		if (p[1] == '\0')
			return 0;	/* a '\' that escapes nothing matches nothing (glibc) */
		*next = p + 2;
		p++;
	}
	return same_char(*p, c, flags);
}

int pattern_match(const char *pattern, const char *string, int flags)
{
	const char *p = pattern, *s = string, *next;
	/* The pattern after the last '*' met, and where in the string its match ends. */
	const char *star_p = NULL, *star_s = NULL;

	for (;;) {
		if (*p == '*') {
			while (*p == '*')
				p++;
			/* A '*' may not take a hidden '.': it takes nothing, for good. */
			if (hidden_period(s, string, flags)) {
				star_p = NULL;
			} else {
				star_p = p;
				star_s = s;
			}
			continue;
		}
		if (*p == '\0' && (*s == '\0' || ((flags & FNM_LEADING_DIR) && *s == '/')))
			return 0;
		if (*p != '\0' && *s != '\0' && match_one(p, s, string, flags, &next)) {
			if (*s == '/' && (flags & FNM_PATHNAME))
				star_p = NULL;	/* the stars before this '/' are done */
			p = next;
			s++;
			continue;
		}
		/* A mismatch: the last '*' takes one more character, if it may. */
		if (star_p == NULL || *star_s == '\0' || (*star_s == '/' && (flags & FNM_PATHNAME)))
			return FNM_NOMATCH;
		p = star_p;
		s = ++star_s;
	}
}
