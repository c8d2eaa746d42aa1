/* pattern_test.c: unit tests of libmini's shell pattern matcher (pattern.c): every
 * case agrees with glibc's fnmatch, and none takes exponential time. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "pattern.h"
#include "unit.h"

static char many_a[201];

static const struct {
	const char *pattern, *string;
	int flags, match;
} cases[] = {
	{ "", "", 0, 1 },
	{ "", "a", 0, 0 },
	{ "a", "a", 0, 1 },
	{ "a", "b", 0, 0 },
	{ "abc", "abc", 0, 1 },
	{ "abc", "ab", 0, 0 },
	{ "*", "", 0, 1 },
	{ "*", "anything", 0, 1 },
	{ "a*", "a", 0, 1 },
	{ "a*", "abc", 0, 1 },
	{ "*c", "abc", 0, 1 },
	{ "*c", "abd", 0, 0 },
	{ "a*c", "ac", 0, 1 },
	{ "a*c", "abbbc", 0, 1 },
	{ "a*c", "abbbd", 0, 0 },
	{ "*a*b*c*", "xaybzc", 0, 1 },
	{ "*a*b*c*", "xaycz", 0, 0 },
	{ "a**b", "axxb", 0, 1 },
	{ "?", "a", 0, 1 },
	{ "?", "", 0, 0 },
	{ "??", "a", 0, 0 },
	{ "a?c", "abc", 0, 1 },
	{ "a?c", "ac", 0, 0 },
	{ "[abc]", "b", 0, 1 },
	{ "[abc]", "d", 0, 0 },
	{ "[a-c]", "b", 0, 1 },
	{ "[a-c]", "d", 0, 0 },
	{ "[!a-c]", "d", 0, 1 },
	{ "[!a-c]", "b", 0, 0 },
	{ "[^a-c]", "d", 0, 1 },
	{ "[^a-c]", "a", 0, 0 },
	{ "[]]", "]", 0, 1 },
	{ "[]a]", "a", 0, 1 },
	{ "[!]]", "]", 0, 0 },
	{ "[!]]", "x", 0, 1 },
	{ "[a-]", "-", 0, 1 },
	{ "[-a]", "-", 0, 1 },
	{ "[a\\-z]", "-", 0, 1 },
	{ "[a\\-z]", "m", 0, 0 },
	{ "[\\!a]", "!", 0, 1 },
	{ "[\\!a]", "b", 0, 0 },
	{ "[\\^a]", "^", 0, 1 },
	{ "[\\^a]", "b", 0, 0 },
	{ "[!\\!]", "!", 0, 0 },
	{ "[!\\!]", "x", 0, 1 },
	{ "[\\]]", "]", 0, 1 },
	{ "[\\a-\\c]", "b", 0, 1 },
	{ "[[:alpha:]]", "q", 0, 1 },
	{ "[[:alpha:]]", "1", 0, 0 },
	{ "[[:digit:]x]", "5", 0, 1 },
	{ "[[:digit:]x]", "x", 0, 1 },
	{ "[![:digit:]]", "5", 0, 0 },
	{ "[[:upper:]]", "A", 0, 1 },
	{ "[[:upper:]]", "a", 0, 0 },
	{ "[[:space:]]", " ", 0, 1 },
	{ "[[:xdigit:]]", "f", 0, 1 },
	{ "[[:punct:]]", "!", 0, 1 },
	{ "[[:alnum:][:punct:]]", "%", 0, 1 },
	{ "[", "[", 0, 1 },
	{ "[a", "[a", 0, 1 },
	{ "a[", "a[", 0, 1 },
	{ "[!", "[!", 0, 1 },
	{ "\\*", "*", 0, 1 },
	{ "\\*", "a", 0, 0 },
	{ "\\?", "?", 0, 1 },
	{ "\\[a]", "[a]", 0, 1 },
	{ "a\\", "a\\", 0, 0 },
	{ "\\a", "a", 0, 1 },
	{ "\\*", "\\*", FNM_NOESCAPE, 1 },
	{ "\\*", "*", FNM_NOESCAPE, 0 },
	{ "[\\]", "\\", FNM_NOESCAPE, 1 },
	{ "*", "a/b", 0, 1 },
	{ "*", "a/b", FNM_PATHNAME, 0 },
	{ "a/*", "a/b", FNM_PATHNAME, 1 },
	{ "*/b", "a/b", FNM_PATHNAME, 1 },
	{ "a?b", "a/b", FNM_PATHNAME, 0 },
	{ "a?b", "a/b", 0, 1 },
	{ "a[/]b", "a/b", FNM_PATHNAME, 0 },
	{ "a[/]b", "a/b", 0, 1 },
	{ "*/*", "a/b/c", FNM_PATHNAME, 0 },
	{ "*/*/*", "a/b/c", FNM_PATHNAME, 1 },
	{ "a*/c", "ab/c", FNM_PATHNAME, 1 },
	{ "*", ".a", FNM_PERIOD, 0 },
	{ "*", ".a", 0, 1 },
	{ "?a", ".a", FNM_PERIOD, 0 },
	{ "[.]a", ".a", FNM_PERIOD, 0 },
	{ ".*", ".a", FNM_PERIOD, 1 },
	{ "a*", "a.b", FNM_PERIOD, 1 },
	{ "*", "a/.b", FNM_PATHNAME | FNM_PERIOD, 0 },
	{ "*/*", "a/.b", FNM_PATHNAME | FNM_PERIOD, 0 },
	{ "*/.*", "a/.b", FNM_PATHNAME | FNM_PERIOD, 1 },
	{ "*", "a/.b", FNM_PERIOD, 1 },
	{ "a/*", "a/.b", FNM_PERIOD, 1 },
	{ "ABC", "abc", FNM_CASEFOLD, 1 },
	{ "a*C", "AbC", FNM_CASEFOLD, 1 },
	{ "[a-c]", "B", FNM_CASEFOLD, 1 },
	{ "[A-C]", "b", FNM_CASEFOLD, 1 },
	{ "[[:upper:]]", "a", FNM_CASEFOLD, 0 },
	{ "[!a]", "A", FNM_CASEFOLD, 0 },
	{ "a", "a/b", FNM_LEADING_DIR, 1 },
	{ "a", "ab/c", FNM_LEADING_DIR, 0 },
	{ "a*", "abc/d/e", FNM_PATHNAME | FNM_LEADING_DIR, 1 },
	{ "a/b", "a/b/c", FNM_LEADING_DIR, 1 },
	{ "a?", "a/", FNM_PATHNAME | FNM_LEADING_DIR, 0 },
	{ "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", many_a, 0, 0 },
	{ "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a", many_a, 0, 1 },
	{ "*.c", "main.c", 0, 1 },
	{ "*.c", "main.h", 0, 0 },
	{ "*.[ch]", "main.h", 0, 1 },
	{ "x*y*z", "xyz", 0, 1 },
	{ "x*y*z", "xzy", 0, 0 },
};

static void test_cases(void)
{
	char what[200];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int got = pattern_match(cases[i].pattern, cases[i].string, cases[i].flags) == 0;

		snprintf(what, sizeof what, "pattern '%s' %s '%.20s' (flags %d)", cases[i].pattern,
			 cases[i].match ? "matches" : "does not match", cases[i].string, cases[i].flags);
		expect(got == cases[i].match, what);
	}
}

/* 40 stars against a 100000-byte string that almost matches: uClibc's fnmatch
 * would try the stars' lengths in every combination; this must end at once. */
static void test_no_explosion(void)
{
	char pattern[100], *string = malloc(100001);
	clock_t start = clock();

	for (int i = 0; i < 40; i++)
		memcpy(pattern + 2 * i, "*a", 2);
	strcpy(pattern + 80, "*b");
	memset(string, 'a', 100000);
	string[100000] = '\0';
	expect(pattern_match(pattern, string, 0) == FNM_NOMATCH, "40 stars: no match, found");
	expect(pattern_match(pattern, string, FNM_PATHNAME | FNM_PERIOD) == FNM_NOMATCH,
	       "40 stars with FNM_PATHNAME: no match, found");
	string[99999] = 'b';
	expect(pattern_match(pattern, string, 0) == 0, "40 stars: the match found");
	/* A guard against a hang, not a benchmark: the work is linear, well under a second. */
	expect(clock() - start < 20 * CLOCKS_PER_SEC, "40 stars: in polynomial time");
	free(string);
}

int main(void)
{
	memset(many_a, 'a', 200);
	test_cases();
	test_no_explosion();
	return unit_failures != 0;
}
