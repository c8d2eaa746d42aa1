/* options_test.c: unit tests of libmini/options.c (the option parser and its reordering). */
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "unit.h"

/*
 * Parse words (a space-separated command line, argv[0] first) with spec as the
 * command name; return what was seen: each option letter (with "=ARG" when it
 * takes one), then "|" and the operands as options_next left them.
 */
static const char *parse(const char *name, const char *spec, const char *line)
{
	static char result[256];
	char copy[256], *argv[32];
	struct options o;
	int argc = 0, c;

	program_name = name;
	strcpy(copy, line);
	for (char *w = strtok(copy, " "); w && argc < 31; w = strtok(NULL, " "))
		argv[argc++] = w;
	argv[argc] = NULL;
	result[0] = '\0';
	options_start(&o, argc, argv, spec, "Usage: test\n");
	while ((c = options_next(&o)) != -1) {
		size_t len = strlen(result);
		result[len] = (char)c;
		result[len + 1] = '\0';
		if (o.arg) {
			strcat(result, "=");
			strcat(result, o.arg);
		}
		strcat(result, " ");
	}
	strcat(result, "|");
	for (int i = o.index; i < argc; i++) {
		strcat(result, " ");
		strcat(result, argv[i]);
	}
	return result;
}

static void test_posix_forms(void)
{
	expect_str(parse("head", "n:c:qv", "head -n 3 f"), "n=3 | f", "an option, then an operand");
	expect_str(parse("head", "n:c:qv", "head -qn3 f g"), "q n=3 | f g", "a group with an argument");
	expect_str(parse("head", "n:c:qv", "head -- -n f"), "| -n f", "-- ends the options");
	expect_str(parse("head", "n:c:qv", "head - -q"), "q | -", "- is an operand (stdin)");
	expect_str(parse("head", "n:c:qv", "head"), "|", "no words at all");
	expect_str(parse("sed", "ni::", "sed -i.bak p f"), "i=.bak | p f", "an optional argument in the word");
	expect_str(parse("sed", "ni::", "sed -ni p f"), "n i | p f", "an optional argument left out");
}

static void test_options_after_operands(void)
{
	expect_str(parse("head", "n:c:qv", "head f -n1"), "n=1 | f", "head f -n1");
	expect_str(parse("head", "n:c:qv", "head f -n 1 g"), "n=1 | f g", "the option's argument is not an operand");
	expect_str(parse("sort", "o:r", "sort a b -o out c -r"), "o=out r | a b c", "operands keep their order");
	expect_str(parse("ls", "l", "ls x -- -l"), "| x -l", "-- after an operand: the rest are operands");
	expect_str(parse("ls", "lt", "ls x -l y -t z"), "l t | x y z", "options between operands");
	expect_str(parse("ls", "l", "ls x y -l -"), "l | x y -", "- after the options stays an operand");
}

static void test_posix_order_kept(void)
{
	expect_str(parse("xargs", "n:", "xargs echo -n x"), "| echo -n x", "xargs: the command's options are its own");
	expect_str(parse("env", "iu:", "env ls -l"), "| ls -l", "env ls -l");
	expect_str(parse("nice", "n:", "nice -n 5 ls -l"), "n=5 | ls -l", "nice -n 5 ls -l");
	expect_str(parse("awk", "F:v:f:", "awk {print} -v"), "| {print} -v", "awk: words after the program are ARGV");
	setenv("POSIXLY_CORRECT", "1", 1);
	expect_str(parse("head", "n:c:qv", "head f -n1"), "| f -n1", "POSIXLY_CORRECT: the first operand ends the options");
	unsetenv("POSIXLY_CORRECT");
}

int main(void)
{
	test_posix_forms();
	test_options_after_operands();
	test_posix_order_kept();
	return unit_failures != 0;
}
