/*
 * test, [: evaluate a condition (POSIX test, with the XSI -a -o ( ) operators).
 *
 * The shell runs this same function as its test and [ builtins, many times in one
 * process: so it keeps no global state and never calls exit(); it returns 0 for
 * true, 1 for false and 2 for an error (with a message on stderr).
 *
 * With up to four arguments POSIX fixes how they are read (so `test ! = x` compares
 * "!" with "x"); with more, a small recursive-descent parser reads them with the
 * usual precedence: ! binds tightest, then -a, then -o, and ( ) groups.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"

static const char usage[] =
	"Usage: test EXPRESSION\n"
	"       [ EXPRESSION ]\n"
	"Exit with status 0 when EXPRESSION is true, 1 when false, 2 on an error.\n"
	"  STRING, -n STRING, -z STRING     STRING is not empty / not empty / empty\n"
	"  S1 = S2, S1 != S2, S1 < S2, S1 > S2    string comparisons\n"
	"  N1 -eq -ne -lt -le -gt -ge N2    integer comparisons\n"
	"  -e -f -d -h -L -b -c -p -S FILE  exists / regular / directory / symlink / device / fifo / socket\n"
	"  -r -w -x -s FILE                 readable / writable / executable / not empty\n"
	"  -u -g -k -O -G FILE              setuid / setgid / sticky / owned by me / my group\n"
	"  -t FD                            FD is a terminal\n"
	"  F1 -nt F2, F1 -ot F2, F1 -ef F2  newer / older / same file\n"
	"  ! EXPR, EXPR -a EXPR, EXPR -o EXPR, ( EXPR )\n";

/* The parser's state: the arguments still to read. */
struct test {
	char **args;
	int pos, end;
	int depth;		/* of ( ) being read */
	int error;		/* set once a message has been printed: the status will be 2 */
};

/* Nested ( ) are read by recursion: this many levels, not a stack overflow. */
#define MAX_DEPTH 1000

static const char unary_letters[] = "bcdefghknprstuwxzGLOS";

static int is_unary(const char *op)
{
	return op[0] == '-' && op[1] && op[2] == '\0' && strchr(unary_letters, op[1]);
}

static const char *const binary_ops[] = {
	"=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
	"-nt", "-ot", "-ef", "-a", "-o", NULL
};

/* The index of op in binary_ops, or -1. -a and -o count only where POSIX says (3 args). */
static int binary_index(const char *op, int with_and_or)
{
	for (int i = 0; binary_ops[i]; i++) {
		if (strcmp(op, binary_ops[i]) == 0)
			return (i >= 14 && !with_and_or) ? -1 : i;
	}
	return -1;
}

/* An integer operand: blanks around it are allowed, nothing else. */
static long long number(struct test *t, const char *s)
{
	char *end;
	long long n;
	int has_digits;

	errno = 0;
	n = strtoll(s, &end, 10);	/* skips leading blanks and takes a sign itself */
	has_digits = end > s && isdigit((unsigned char)end[-1]);
	while (isspace((unsigned char)*end))
		end++;
	if (!has_digits || *end || errno) {
		if (!t->error)
			warn("%s: bad number", s);
		t->error = 1;
		return 0;
	}
	return n;
}

/* The tests on a file's type and mode bits. */
static int file_test(char op, const char *path)
{
	struct stat st;

	if (op == 'h' || op == 'L')
		return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
	if (op == 'r' || op == 'w' || op == 'x')
		return access(path, op == 'r' ? R_OK : op == 'w' ? W_OK : X_OK) == 0;
	if (stat(path, &st) < 0)
		return 0;
	switch (op) {
	case 'e': return 1;
	case 'f': return S_ISREG(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'b': return S_ISBLK(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'p': return S_ISFIFO(st.st_mode);
	case 'S': return S_ISSOCK(st.st_mode);
	case 's': return st.st_size > 0;
	case 'u': return (st.st_mode & S_ISUID) != 0;
	case 'g': return (st.st_mode & S_ISGID) != 0;
	case 'k': return (st.st_mode & S_ISVTX) != 0;
	case 'O': return st.st_uid == geteuid();
	case 'G': return st.st_gid == getegid();
	}
	return 0;
}

static int unary(struct test *t, const char *op, const char *operand)
{
	switch (op[1]) {
	case 'n': return operand[0] != '\0';
	case 'z': return operand[0] == '\0';
	case 't': return isatty((int)number(t, operand));
	}
	return file_test(op[1], operand);
}

/* -1, 0 or 1 as file a is older than, as old as, or newer than b (a missing file is oldest). */
static int compare_age(const char *a, const char *b)
{
	struct stat sa, sb;
	int has_a = stat(a, &sa) == 0, has_b = stat(b, &sb) == 0;

	if (!has_a || !has_b)
		return has_a - has_b;
	if (sa.st_mtim.tv_sec != sb.st_mtim.tv_sec)
		return sa.st_mtim.tv_sec < sb.st_mtim.tv_sec ? -1 : 1;
	if (sa.st_mtim.tv_nsec != sb.st_mtim.tv_nsec)
		return sa.st_mtim.tv_nsec < sb.st_mtim.tv_nsec ? -1 : 1;
	return 0;
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int binary(struct test *t, const char *left, int op, const char *right)
{
	long long l, r;

	switch (op) {
	case 0: case 1: return strcmp(left, right) == 0;
	case 2: return strcmp(left, right) != 0;
	case 3: return strcmp(left, right) < 0;
	case 4: return strcmp(left, right) > 0;
	case 11: return compare_age(left, right) > 0;
	case 12: return compare_age(left, right) < 0;
	case 13: return same_file(left, right);
	case 14: return left[0] && right[0];	/* "s1 -a s2" with three arguments */
	case 15: return left[0] || right[0];
	}
	l = number(t, left);
	r = number(t, right);
	switch (op) {
	case 5: return l == r;
	case 6: return l != r;
	case 7: return l < r;
	case 8: return l <= r;
	case 9: return l > r;
	}
	return l >= r;
}

/* ---- more than four arguments: the recursive-descent parser ---- */

static int or_expression(struct test *t);

static int syntax_error(struct test *t, const char *what, const char *where)
{
	if (!t->error)
		warn(where ? "%s '%s'" : "%s", what, where);
	t->error = 1;
	return 0;
}

/* The argument at pos, or NULL past the end. */
static const char *peek(struct test *t, int ahead)
{
	return t->pos + ahead < t->end ? t->args[t->pos + ahead] : NULL;
}

static int primary(struct test *t)
{
	const char *word = peek(t, 0), *next = peek(t, 1);
	int op;

	if (word == NULL)
		return syntax_error(t, "argument expected", NULL);
	/* A binary operator after this word makes it an operand, even if it looks like "(". */
	if (next && peek(t, 2) && (op = binary_index(next, 0)) >= 0) {
		t->pos += 3;
		return binary(t, word, op, t->args[t->pos - 1]);
	}
	if (strcmp(word, "(") == 0) {
		int result;
		if (++t->depth > MAX_DEPTH)
			return syntax_error(t, "too deeply nested", NULL);
		t->pos++;
		result = or_expression(t);
		t->depth--;
		if (peek(t, 0) == NULL || strcmp(peek(t, 0), ")") != 0)
			return syntax_error(t, "missing ')'", NULL);
		t->pos++;
		return result;
	}
	if (is_unary(word) && next) {
		t->pos += 2;
		return unary(t, word, next);
	}
	t->pos++;
	return word[0] != '\0';
}

/* A "!" that negates (not the left operand of a binary operator: ! = x)? */
static int at_negation(struct test *t)
{
	const char *word = peek(t, 0);

	return word && strcmp(word, "!") == 0 && !(peek(t, 1) && peek(t, 2) && binary_index(peek(t, 1), 0) >= 0);
}

/* "! ! ! x": the "!"s are counted, not recursed into: there may be thousands. */
static int not_expression(struct test *t)
{
	int negations = 0, result;

	for (; at_negation(t); t->pos++)
		negations++;
	result = primary(t) != 0;
	return negations % 2 ? !result : result;
}

static int and_expression(struct test *t)
{
	int result = not_expression(t);

	while (peek(t, 0) && strcmp(peek(t, 0), "-a") == 0) {
		t->pos++;
		result = not_expression(t) && result;	/* parse the right side even when false */
	}
	return result;
}

static int or_expression(struct test *t)
{
	int result = and_expression(t);

	while (peek(t, 0) && strcmp(peek(t, 0), "-o") == 0) {
		t->pos++;
		result = and_expression(t) || result;
	}
	return result;
}

/* ---- up to four arguments: POSIX's table ---- */

static int evaluate(struct test *t, char **a, int n)
{
	int op;

	switch (n) {
	case 0:
		return 0;
	case 1:
		return a[0][0] != '\0';
	case 2:
		if (strcmp(a[0], "!") == 0)
			return !evaluate(t, a + 1, 1);
		if (is_unary(a[0]))
			return unary(t, a[0], a[1]);
		break;
	case 3:
		if ((op = binary_index(a[1], 1)) >= 0)
			return binary(t, a[0], op, a[2]);
		if (strcmp(a[0], "!") == 0)
			return !evaluate(t, a + 1, 2);
		if (strcmp(a[0], "(") == 0 && strcmp(a[2], ")") == 0)
			return evaluate(t, a + 1, 1);
		break;
	case 4:
		if (strcmp(a[0], "!") == 0)
			return !evaluate(t, a + 1, 3);
		if (strcmp(a[0], "(") == 0 && strcmp(a[3], ")") == 0)
			return evaluate(t, a + 1, 2);
		break;
	}
	t->args = a;
	t->pos = 0;
	t->end = n;
	op = or_expression(t);
	if (t->pos < t->end)
		syntax_error(t, "unexpected argument", t->args[t->pos]);
	return op;
}

int test_main(int argc, char **argv)
{
	struct test t = { NULL, 0, 0, 0, 0 };
	int result;

	if (strcmp(base_name(argv[0]), "[") == 0) {
		if (argc == 2 && strcmp(argv[1], "--help") == 0) {
			fputs(usage, stdout);
			return 0;
		}
		if (strcmp(argv[argc - 1], "]") != 0) {
			warn("missing ']'");
			return 2;
		}
		argc--;
	}
	result = evaluate(&t, argv + 1, argc - 1);
	return t.error ? 2 : !result;
}
