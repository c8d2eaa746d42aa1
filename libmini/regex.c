/*
 * regex.c: regcomp with a guard against patterns that make uClibc's compiler blow up.
 *
 * uClibc-ng's regex (the same code base as glibc's) copies a subexpression's tree once
 * for every repetition operator stacked after it: `a+` becomes `a a*`, and `a++++…`
 * doubles at each `+`. Twenty of them take 128 MB and a second, twenty-four crash the
 * process (found by fuzzing grep). POSIX leaves stacked repetitions undefined, so a
 * pattern with more than a few in a row is refused before it reaches regcomp, with
 * the error regcomp itself gives a misplaced one ("Invalid preceding regular
 * expression"). Every command compiles through here: grep, sed, awk, expr, find, nl,
 * less, more, vi and the shell's [[ =~ ]].
 */
#include <regex.h>
#include <string.h>
#include "mini.h"

/* More repetition operators than this in a row are refused: `a**` and `a+?` still pass. */
enum { MOST_STACKED_REPETITIONS = 3 };

/* Past a bracket expression that starts at p ('['): [abc], []a], [^]a], [[:alpha:]]. */
static const char *skip_bracket(const char *p)
{
	p++;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	for (; *p && *p != ']'; p++) {
		char kind = p[1];	/* [:class:], [.symbol.], [=equivalent=] end with kind] */
		if (*p == '[' && (kind == ':' || kind == '.' || kind == '=')) {
			p += 2;
			while (*p && !(p[0] == kind && p[1] == ']'))
				p++;
			if (*p == '\0')
				return p;
			p++;	/* on the ']' of kind] */
		}
	}
	return *p ? p + 1 : p;
}

/* The length of the repetition operator at p (0 if none): * + ? {m,n} or, in a BRE, \{m,n\} \+ \?. */
static size_t repetition_length(const char *p, int extended)
{
	const char *close;

	if (*p == '*')
		return 1;
	if (extended) {
		if (*p == '+' || *p == '?')
			return 1;
		if (*p == '{' && (close = strchr(p, '}')) != NULL)
			return close - p + 1;
		return 0;
	}
	if (p[0] == '\\' && (p[1] == '+' || p[1] == '?'))
		return 2;
	if (p[0] == '\\' && p[1] == '{' && (close = strstr(p, "\\}")) != NULL)
		return close - p + 2;
	return 0;
}

static int has_stacked_repetitions(const char *pattern, int extended)
{
	int in_a_row = 0;

	for (const char *p = pattern; *p;) {
		size_t length = repetition_length(p, extended);
		if (length > 0) {
			if (++in_a_row > MOST_STACKED_REPETITIONS)
				return 1;
			p += length;
			continue;
		}
		in_a_row = 0;
		if (*p == '[')
			p = skip_bracket(p);
		else if (*p == '\\' && p[1])
			p += 2;
		else
			p++;
	}
	return 0;
}

int regex_compile(regex_t *re, const char *pattern, int flags)
{
	if (has_stacked_repetitions(pattern, flags & REG_EXTENDED))
		return REG_BADRPT;
	return regcomp(re, pattern, flags);
}
