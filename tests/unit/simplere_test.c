/*
 * simplere_test.c: awk's simple-regex matcher (shell/cmd/awk/simplere.c) against
 * the C library's regexec, which it stands in for: every pattern it takes must
 * find the same match (leftmost, then longest) from every starting offset. The
 * patterns and strings are made from a fixed seed, so a failure repeats.
 */
#include <regex.h>
#include <stdlib.h>
#include "../../shell/cmd/awk/simplere.c"
#include "unit.h"

/* The same sequence on every run and every libc. */
static unsigned next_random(void)
{
	static unsigned state = 12345;

	state = state * 1103515245u + 12345u;
	return (state >> 16) & 0x7fff;
}

static const char *pick(const char *const *list, int n)
{
	return list[next_random() % n];
}

/* Atoms with or without a repetition, in a row, some of them groups of alternatives. */
static void random_sequence(char *out, int depth)
{
	static const char *const atoms[] = {
		"a", "b", "c", ".", "[ab]", "[^a]", "[a-c]", "[[:digit:]]", "[[:alpha:]]", "\\.",
		"1", "x", "[]a]", "[^]b]", "[a-]", "[[:space:]x]", "-", "\\$", "\\^", "\\*",
	};
	static const char *const repeats[] = { "", "", "", "*", "+", "?" };
	int count = 1 + next_random() % 4;

	for (int i = 0; i < count; i++) {
		if (depth < 2 && next_random() % 6 == 0) {
			strcat(out, "(");
			random_sequence(out, depth + 1);
			while (next_random() % 2 == 0) {
				strcat(out, "|");
				random_sequence(out, depth + 1);
			}
			strcat(out, ")");
		} else {
			strcat(out, pick(atoms, sizeof atoms / sizeof atoms[0]));
		}
		strcat(out, pick(repeats, sizeof repeats / sizeof repeats[0]));
	}
}

static void random_pattern(char *out)
{
	*out = '\0';
	if (next_random() % 5 == 0)
		strcat(out, "^");
	random_sequence(out, 0);
	if (next_random() % 4 == 0) {
		strcat(out, "|");
		random_sequence(out, 0);
	}
	if (next_random() % 5 == 0)
		strcat(out, "$");
}

static void random_text(char *out)
{
	static const char chars[] = "abc1x. -]$^*\t";
	int len = next_random() % 14;

	for (int i = 0; i < len; i++)
		out[i] = chars[next_random() % (sizeof chars - 1)];
	out[len] = '\0';
}

/* Do both find the same first match in s from every offset? Says what differed. */
static int same_matches(const char *pattern, const struct simple_re *simple, regex_t *re, const char *s)
{
	size_t len = strlen(s);

	for (size_t from = 0; from <= len; from++) {
		regmatch_t want = { (regoff_t)from, (regoff_t)len }, got = { -1, -1 };
		int found = regexec(re, s, 1, &want, REG_STARTEND) == 0;
		int simple_found = simple_re_search(simple, s, from, len, &got);

		if (found != simple_found || (found && (got.rm_so != want.rm_so || got.rm_eo != want.rm_eo))) {
			printf("# /%s/ on '%s' from %zu: regexec %d [%d,%d), simple %d [%d,%d)\n", pattern, s, from,
			       found, (int)want.rm_so, (int)want.rm_eo, simple_found, (int)got.rm_so, (int)got.rm_eo);
			return 0;
		}
	}
	return 1;
}

static void test_against_regexec(void)
{
	int patterns = 0, differ = 0;

	for (int i = 0; i < 3000; i++) {
		char pattern[1024], text[32];
		struct simple_re *simple;
		regex_t re;

		random_pattern(pattern);
		if (regcomp(&re, pattern, REG_EXTENDED) != 0)
			continue;
		simple = simple_re_compile(pattern);
		if (simple) {
			patterns++;
			for (int j = 0; j < 20 && !differ; j++) {
				random_text(text);
				differ += !same_matches(pattern, simple, &re, text);
			}
		}
		free(simple);
		regfree(&re);
	}
	expect(patterns > 1500, "simple_re takes the random simple patterns");
	expect(differ == 0, "simple_re finds what regexec finds, from every offset");
}

static void test_not_simple(void)
{
	static const char *const others[] = {
		"a{2}", "(a)|^b", "a|b$", "a|", "(|a)", "()", "a**", "\\w", "\\<a", "[[.a.]]", "[[=a=]]", "a^", "a$b", "", "^", "$",
		"*a", "[a\\]]",
	};

	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		struct simple_re *simple = simple_re_compile(others[i]);
		char what[64];

		snprintf(what, sizeof what, "'%s' is left to regexec", others[i]);
		expect(simple == NULL, what);
		free(simple);
	}
}

int main(void)
{
	test_against_regexec();
	test_not_simple();
	return unit_failures != 0;
}
