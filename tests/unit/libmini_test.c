/* libmini_test.c: unit tests of libmini's helpers and the 64-bit division routines. */
#include <stdint.h>
#include "mini.h"
#include "unit.h"

static void test_division(void)
{
	/* volatile: make gcc call __udivdi3 and friends instead of folding constants. */
	volatile uint64_t big = 0x123456789abcdef0ULL, d32 = 1000, d40 = 0x10000000001ULL;
	volatile int64_t neg = -1000000000007LL, seven = 7;

	expect(big / d32 == 1311768467463790ULL, "udivdi3 by a 32-bit divisor");
	expect(big % d32 == 320, "umoddi3 by a 32-bit divisor");
	expect(big / d40 == 1193046ULL, "udivdi3 by a 41-bit divisor");
	expect(big % d40 == 0x123456789abcdef0ULL - 1193046ULL * 0x10000000001ULL, "umoddi3 by a 41-bit divisor");
	expect(neg / seven == -142857142858LL, "divdi3 truncates toward zero");
	expect(neg % seven == -1, "moddi3 takes the sign of the dividend");
	expect(big / big == 1 && (big - 1) / big == 0, "udivdi3 at the edges");
}

static void test_strings(void)
{
	char buf[32];
	long long n;

	expect_str(base_name("/usr/bin/ls"), "ls", "base_name of a path");
	expect_str(base_name("dir/name//"), "name", "base_name with trailing slashes");
	expect_str(base_name("/"), "/", "base_name of /");
	expect(parse_long("-42", &n) == 0 && n == -42, "parse_long of -42");
	expect(parse_long("4x", &n) < 0 && parse_long("", &n) < 0, "parse_long refuses 4x and ''");
	expect(parse_size("4k", &n) == 0 && n == 4096, "parse_size 4k");
	expect(parse_size("2b", &n) == 0 && n == 1024, "parse_size 2b (512-byte blocks)");
	expect(parse_size("1x", &n) < 0, "parse_size refuses 1x");
	expect_str(human_size(buf, 1023), "1023", "human_size below 1K");
	expect_str(human_size(buf, 1536), "1.5K", "human_size 1.5K");
	expect_str(human_size(buf, 10240), "10K", "human_size 10K");
	expect_str(human_size(buf, 1048576), "1.0M", "human_size 1.0M");
}

static void test_options(void)
{
	char *argv[] = { "cmd", "-ab", "-k3", "-k", "4", "--", "-x", NULL };
	struct options o;
	char seen[16] = "";
	int c;

	options_start(&o, 7, argv, "abk:", "Usage: cmd\n");
	while ((c = options_next(&o)) != -1) {
		size_t len = strlen(seen);
		seen[len] = (char)c;
		seen[len + 1] = '\0';
		if (c == 'k')
			strcat(seen, o.arg);
	}
	expect_str(seen, "abk3k4", "options: groups, attached and separate arguments");
	expect(o.index == 6, "options: '--' ends the options");
}

int main(void)
{
	test_division();
	test_strings();
	test_options();
	return unit_failures != 0;
}
