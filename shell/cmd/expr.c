/*
 * expr: evaluate an expression given as arguments (POSIX expr, plus GNU's
 * match, substr, index, length). Each operator and operand is its own argument:
 *	expr 1 + 2 '*' 3	prints 7
 * Lowest to highest precedence: |  &  = > >= < <= !=  + -  * / %  :
 * Exit status: 0 the result is neither empty nor 0, 1 it is, 2 bad expression,
 * 3 another error (an invalid regular expression).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"

static const char usage[] =
	"Usage: expr EXPRESSION\n"
	"Print the value of EXPRESSION; each operator and operand is its own argument.\n"
	"  A | B   A if it is neither empty nor 0, else B\n"
	"  A & B   A if neither is empty or 0, else 0\n"
	"  A < B, <=, =, !=, >=, >   compare as numbers if both are, else as strings\n"
	"  A + B, -, *, /, %         integer arithmetic\n"
	"  S : RE, match S RE        anchored regex match: \\(group\\) or length matched\n"
	"  substr S POS LEN, index S CHARS, length S, + TOKEN (TOKEN as a string)\n";

/* A value: a string that may also be an integer. */
struct value {
	char *s;
	long long n;
	int is_number;
};

static char **args;
static int nargs, at;
static int depth;		/* of ( ) and functions being read */

/* Nested ( ) and functions are read by recursion: this many levels, not a stack overflow. */
#define MAX_DEPTH 1000

static void syntax_error(void)
{
	warn("syntax error");
	exit(2);
}

static struct value make_string(const char *s)
{
	struct value v;
	long long n;

	v.s = xstrdup(s);
	v.is_number = parse_long(s, &n) == 0;
	v.n = v.is_number ? n : 0;
	return v;
}

static struct value make_number(long long n)
{
	char buf[24];

	sprintf(buf, "%lld", n);
	return make_string(buf);
}

static int is_null(struct value v)
{
	return v.s[0] == '\0' || (v.is_number && v.n == 0);
}

static const char *peek(void)
{
	return at < nargs ? args[at] : NULL;
}

static int accept(const char *op)
{
	if (at < nargs && strcmp(args[at], op) == 0) {
		at++;
		return 1;
	}
	return 0;
}

static const char *next_operand(void)
{
	if (at >= nargs)
		syntax_error();
	return args[at++];
}

static struct value parse_or(void);

/* STRING : REGEX, anchored at the start. */
static struct value match(struct value s, struct value re_text)
{
	regex_t re;
	regmatch_t m[2];
	int err = regex_compile(&re, re_text.s, 0);

	if (err != 0) {
		char msg[128];
		regerror(err, &re, msg, sizeof msg);
		warn("%s", msg);
		exit(3);
	}
	if (regexec(&re, s.s, 2, m, 0) != 0 || m[0].rm_so != 0) {
		struct value none = re.re_nsub > 0 ? make_string("") : make_number(0);
		regfree(&re);
		return none;
	}
	if (re.re_nsub > 0) {
		char *group = m[1].rm_so >= 0 ? xstrndup(s.s + m[1].rm_so, m[1].rm_eo - m[1].rm_so) : xstrdup("");
		struct value v = make_string(group);
		free(group);
		regfree(&re);
		return v;
	}
	regfree(&re);
	return make_number(m[0].rm_eo);
}

static long long number_of(struct value v)
{
	if (!v.is_number) {
		warn("non-integer argument");
		exit(2);
	}
	return v.n;
}

/* a op b for + - * / %, never past 64 bits (the caller has checked b for 0). */
static long long arithmetic(int op, long long a, long long b)
{
	long long r = 0;
	int overflow = 0;

	switch (op) {
	case '+': overflow = __builtin_add_overflow(a, b, &r); break;
	case '-': overflow = __builtin_sub_overflow(a, b, &r); break;
	case '*': overflow = __builtin_mul_overflow(a, b, &r); break;
	default:
		/* The one quotient that does not fit: the most negative number / -1. */
		if (a == LLONG_MIN && b == -1)
			overflow = op == '/';
		else
			r = op == '/' ? a / b : a % b;
	}
	if (overflow) {
		warn("result too large");
		exit(2);
	}
	return r;
}

static struct value parse_primary_inner(void);

/* A primary: ( EXPR ), a keyword function, "+ TOKEN", or a plain operand. */
static struct value parse_primary(void)
{
	struct value v;

	if (++depth > MAX_DEPTH) {
		warn("too deeply nested");
		exit(2);
	}
	v = parse_primary_inner();
	depth--;
	return v;
}

static struct value parse_primary_inner(void)
{
	const char *t = peek();

	if (t == NULL)
		syntax_error();
	if (accept("(")) {
		struct value v = parse_or();
		if (!accept(")"))
			syntax_error();
		return v;
	}
	if (accept("+"))
		return make_string(next_operand());
	if (accept("length"))
		return make_number(strlen(parse_primary().s));
	if (accept("match")) {
		struct value s = parse_primary();
		return match(s, parse_primary());
	}
	if (accept("index")) {
		struct value s = parse_primary(), chars = parse_primary();
		size_t pos = strcspn(s.s, chars.s);
		return make_number(s.s[pos] ? (long long)pos + 1 : 0);
	}
	if (accept("substr")) {
		struct value s = parse_primary();
		long long pos = number_of(parse_primary()), len = number_of(parse_primary());
		long long size = strlen(s.s);
		if (pos < 1 || pos > size || len < 1)
			return make_string("");
		if (len > size - pos + 1)
			len = size - pos + 1;
		s.s[pos - 1 + len] = '\0';
		return make_string(s.s + pos - 1);
	}
	if (strcmp(t, ")") == 0)
		syntax_error();
	return make_string(next_operand());
}

static struct value parse_match(void)
{
	struct value v = parse_primary();

	while (accept(":"))
		v = match(v, parse_primary());
	return v;
}

static struct value parse_product(void)
{
	struct value v = parse_match();

	for (;;) {
		int op = accept("*") ? '*' : accept("/") ? '/' : accept("%") ? '%' : 0;
		long long a, b;
		if (!op)
			return v;
		a = number_of(v);
		b = number_of(parse_match());
		if (op != '*' && b == 0) {
			warn("division by zero");
			exit(2);
		}
		v = make_number(arithmetic(op, a, b));
	}
}

static struct value parse_sum(void)
{
	struct value v = parse_product();

	for (;;) {
		int op = accept("+") ? '+' : accept("-") ? '-' : 0;
		long long a, b;
		if (!op)
			return v;
		a = number_of(v);
		b = number_of(parse_product());
		v = make_number(arithmetic(op, a, b));
	}
}

static struct value parse_comparison(void)
{
	static const char *ops[] = { "<=", ">=", "!=", "<", ">", "=", "==" };
	struct value v = parse_sum();

	for (;;) {
		struct value w;
		int op = -1, order;
		for (int i = 0; i < 7 && op < 0; i++)
			if (accept(ops[i]))
				op = i;
		if (op < 0)
			return v;
		w = parse_sum();
		if (v.is_number && w.is_number)
			order = (v.n > w.n) - (v.n < w.n);
		else
			order = strcmp(v.s, w.s);
		switch (op) {
		case 0: order = order <= 0; break;
		case 1: order = order >= 0; break;
		case 2: order = order != 0; break;
		case 3: order = order < 0; break;
		case 4: order = order > 0; break;
		default: order = order == 0; break;
		}
		v = make_number(order);
	}
}

static struct value parse_and(void)
{
	struct value v = parse_comparison();

	while (accept("&")) {
		struct value w = parse_comparison();
		if (is_null(v) || is_null(w))
			v = make_number(0);
	}
	return v;
}

static struct value parse_or(void)
{
	struct value v = parse_and();

	while (accept("|")) {
		struct value w = parse_and();
		if (is_null(v))
			v = is_null(w) ? make_number(0) : w;
	}
	return v;
}

int expr_main(int argc, char **argv)
{
	struct value v;

	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		show_help(usage);
	args = argv + 1;
	nargs = argc - 1;
	if (nargs > 0 && strcmp(args[0], "--") == 0) {
		args++;
		nargs--;
	}
	if (nargs == 0) {
		warn("missing operand");
		return 2;
	}
	v = parse_or();
	if (at != nargs)
		syntax_error();
	puts(v.s);
	return is_null(v);
}
