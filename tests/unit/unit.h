/* unit.h: the smallest test helper. Each check prints "ok - what" or "not ok - what". */
#ifndef UNIT_H
#define UNIT_H
#include <stdio.h>
#include <string.h>

static int unit_failures;

static void expect(int ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "not ok", what);
	if (!ok)
		unit_failures++;
}

static void expect_str(const char *got, const char *want, const char *what)
{
	int ok = strcmp(got, want) == 0;
	expect(ok, what);
	if (!ok)
		printf("#   got '%s', wanted '%s'\n", got, want);
}
#endif
