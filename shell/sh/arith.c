/*
 * arith.c: arithmetic expansion $((...)), POSIX XCU 2.6.4, and the let builtin.
 *
 * The C integer operators on intmax_t (64 bits, as dash, bash and ash
 * compute), with ash's and bash's ++ -- (before or after a name), ** (power)
 * and BASE#DIGITS numbers, by recursive descent with one
 * function per precedence level (the table in comments below, loosest first).
 * Names are variables; an unset or empty one is 0. The branch not taken by
 * && || ?: is parsed with `skip` set, so it assigns nothing and cannot fail.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

#define MAX_DEPTH 1000
#define VALUE_BITS ((int)sizeof(intmax_t) * 8)

struct arith {
	const char *p;		/* the next character */
	const char *expr;	/* the whole expression, for messages */
	int skip;		/* inside a branch that is not evaluated */
	int depth;
	const char *op_pos;	/* where the operator in op was looked for */
	const struct op *op;	/* the operator found at op_pos */
};

static intmax_t parse_assignment(struct arith *a);

static void __attribute__((noreturn)) arith_error(struct arith *a, const char *what)
{
	sh_error(2, "arithmetic expression: %s: \"%s\"", what, a->expr);
}

static void skip_blanks(struct arith *a)
{
	while (*a->p == ' ' || *a->p == '\t' || *a->p == '\n')
		a->p++;
}

/*
 * Every operator, longer ones first ("<<=" must be found before "<<" and "<"),
 * with its precedence as a binary operator (higher binds tighter; 0: not binary).
 */
static const struct op {
	const char *text;
	int precedence;
} operators[] = {
	{ "**=", 0 }, { "<<=", 0 }, { ">>=", 0 }, { "**", 11 }, { "<<", 8 }, { ">>", 8 }, { "<=", 7 }, { ">=", 7 },
	{ "==", 6 }, { "!=", 6 }, { "&&", 2 }, { "||", 1 }, { "*=", 0 }, { "/=", 0 },
	{ "%=", 0 }, { "+=", 0 }, { "-=", 0 }, { "&=", 0 }, { "^=", 0 }, { "|=", 0 },
	{ "*", 10 }, { "/", 10 }, { "%", 10 }, { "+", 9 }, { "-", 9 }, { "<", 7 }, { ">", 7 },
	{ "&", 5 }, { "^", 4 }, { "|", 3 }, { "!", 0 }, { "~", 0 }, { "?", 0 }, { ":", 0 },
	{ "(", 0 }, { ")", 0 }, { "=", 0 }, { "", 0 }
};
#define NO_OPERATOR (&operators[sizeof operators / sizeof operators[0] - 1])

/* The operator at the current position (the longest that fits), looked up once per position. */
static const struct op *current_operator(struct arith *a)
{
	if (a->p == a->op_pos)
		return a->op;	/* looked up already, blanks skipped */
	skip_blanks(a);
	if (a->op_pos != a->p) {
		unsigned char c = *a->p;
		a->op_pos = a->p;
		a->op = NO_OPERATOR;
		if (isalnum(c) || c == '_' || c == '\0')
			return a->op;	/* a number or a name: no need to look */
		for (const struct op *o = operators; o != NO_OPERATOR; o++) {
			if (a->p[0] == o->text[0] && (o->text[1] == '\0' || a->p[1] == o->text[1]) &&
			    (o->text[1] == '\0' || o->text[2] == '\0' || a->p[2] == o->text[2])) {
				a->op = o;
				break;
			}
		}
	}
	return a->op;
}

/* If the operator op comes next (not as part of a longer one), consume it. */
static int accept(struct arith *a, const char *op)
{
	const char *found = current_operator(a)->text;

	if (found[0] != op[0] || strcmp(found, op) != 0)
		return 0;
	a->p += strlen(op);
	return 1;
}

/*
 * A number as strtoll(s, end, 0) reads it, with a quick way for the plain
 * decimal numbers of everyday scripts (uClibc's strtoll is slow on those).
 */
static intmax_t to_number(const char *s, char **end)
{
	const char *p = s + (*s == '-');
	intmax_t value = 0;
	int digits = 0;

	if (*p < '1' || *p > '9')
		return strtoll(s, end, 0);	/* 0, octal, hexadecimal, signs, blanks */
	for (; *p >= '0' && *p <= '9' && digits < 18; p++, digits++)
		value = value * 10 + (*p - '0');
	if (*p >= '0' && *p <= '9')
		return strtoll(s, end, 0);	/* long enough to overflow: let strtoll clamp */
	*end = (char *)p;
	return *s == '-' ? -value : value;
}

/* The value of a digit of BASE#DIGITS: 0-9, a-z, A-Z (a-z again up to base 36), @, _. */
static int digit_value(char c, int base)
{
	if (isdigit((unsigned char)c))
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + (base <= 36 ? 10 : 36);
	if (c == '@')
		return 62;
	if (c == '_')
		return 63;
	return 99;
}

/* A number: decimal, 0x hexadecimal, 0 octal, or BASE#DIGITS with a base of 2 to 64. */
static intmax_t parse_number(struct arith *a)
{
	char *end;
	intmax_t value = to_number(a->p, &end);

	if (*end == '#' && value >= 2 && value <= 64 && end[1] != '\0') {
		int base = value;
		uintmax_t n = 0;
		for (end++; digit_value(*end, base) < base; end++)
			n = n * base + digit_value(*end, base);
		value = n;
	}
	if (isalnum((unsigned char)*end) || *end == '_' || *end == '#')
		arith_error(a, "bad number");
	a->p = end;
	return value;
}

/* A variable's value as a number ("" and unset are 0). */
static intmax_t variable_value(struct arith *a, const char *name)
{
	const char *v = var_get(name);
	char *end;
	intmax_t value;

	if (v == NULL || *v == '\0') {
		if (v == NULL && sh_opt.nounset && !a->skip)
			sh_error(2, "%s: parameter not set", name);
		return 0;
	}
	value = to_number(v, &end);
	while (isspace((unsigned char)*end))
		end++;
	if (*end != '\0' && !a->skip)
		sh_error(2, "arithmetic expression: bad number \"%s\" in %s", v, name);
	return value;
}

static void assign(struct arith *a, const char *name, intmax_t value)
{
	char buf[24];

	if (a->skip)
		return;
	if (var_set(name, format_number(buf, value), 0) < 0)
		sh_error(1, "%s: is read only", name);
}

/* x ** y by squaring; a negative exponent is an error (as in bash and ash). */
static intmax_t power(struct arith *a, intmax_t x, intmax_t y)
{
	uintmax_t result = 1, base = x;

	if (y < 0) {
		if (a->skip)
			return 0;
		arith_error(a, "exponent less than 0");
	}
	for (; y > 0; y >>= 1) {
		if (y & 1)
			result *= base;
		base *= base;
	}
	return result;
}

static intmax_t apply(struct arith *a, const char *op, intmax_t x, intmax_t y)
{
	if ((op[0] == '/' || op[0] == '%') && y == 0) {
		if (a->skip)
			return 0;
		arith_error(a, "division by zero");
	}
	if (op[0] == '*' && op[1] == '*')
		return power(a, x, y);
	switch (op[0]) {
	case '*': return (uintmax_t)x * y;	/* overflow wraps, as in the shells */
	/* INTMAX_MIN / -1 overflows in C (a trap on x86): define it as wrapping */
	case '/': return y == -1 ? (intmax_t)-(uintmax_t)x : x / y;
	case '%': return y == -1 ? 0 : x % y;
	case '+': return (uintmax_t)x + y;
	case '-': return (uintmax_t)x - y;
	case '<': return (uintmax_t)x << (y & (VALUE_BITS - 1));
	case '>': return x >> (y & (VALUE_BITS - 1));
	case '&': return x & y;
	case '^': return x ^ y;
	case '|': return x | y;
	}
	return 0;
}

/* primary: number | name | name op= expr | ( expr ) */
/* Is o an assignment operator: = or OP= (but not == <= >= !=)? */
static int is_assignment_operator(const struct op *o)
{
	size_t len = strlen(o->text);

	return len > 0 && o->text[len - 1] == '=' && o->precedence == 0;
}

static intmax_t parse_primary(struct arith *a)
{
	const struct op *o;
	size_t len;
	char *name;
	intmax_t value;

	skip_blanks(a);
	if (accept(a, "(")) {
		value = parse_assignment(a);
		if (!accept(a, ")"))
			arith_error(a, "missing ')'");
		return value;
	}
	if (isdigit((unsigned char)*a->p))
		return parse_number(a);
	len = name_length(a->p);
	if (len == 0)
		arith_error(a, *a->p ? "syntax error" : "missing operand");
	name = xstrndup(a->p, len);
	a->p += len;
	skip_blanks(a);
	if ((a->p[0] == '+' || a->p[0] == '-') && a->p[1] == a->p[0]) {	/* name++ name-- */
		value = variable_value(a, name);
		assign(a, name, (uintmax_t)value + (a->p[0] == '+' ? 1 : -1));
		a->p += 2;
		free(name);
		return value;
	}
	o = current_operator(a);
	if (is_assignment_operator(o)) {	/* name = expr, name += expr... */
		a->p += strlen(o->text);
		value = parse_assignment(a);
		if (o->text[1] != '\0')
			value = apply(a, o->text, variable_value(a, name), value);
		assign(a, name, value);
	} else {
		value = variable_value(a, name);
	}
	free(name);
	return value;
}

/* ++name or --name here? (else ++ is two signs: 1++2 is 1 + +2) */
static int is_increment(struct arith *a)
{
	const char *p = a->p + 2;

	if ((a->p[0] != '+' && a->p[0] != '-') || a->p[1] != a->p[0])
		return 0;
	while (isspace((unsigned char)*p))
		p++;
	return name_length(p) > 0;
}

static intmax_t pre_increment(struct arith *a)
{
	int step = a->p[0] == '+' ? 1 : -1;
	size_t len;
	char *name;
	intmax_t value;

	a->p += 2;
	skip_blanks(a);
	len = name_length(a->p);
	name = xstrndup(a->p, len);
	a->p += len;
	value = (uintmax_t)variable_value(a, name) + step;
	assign(a, name, value);
	free(name);
	return value;
}

/* unary: + - ! ~ ++name --name */
static intmax_t parse_unary(struct arith *a)
{
	intmax_t value;

	if (++a->depth > MAX_DEPTH)
		arith_error(a, "nested too deeply");
	skip_blanks(a);
	if (isalnum((unsigned char)*a->p) || *a->p == '_')
		value = parse_primary(a);	/* the usual case: no sign before the operand */
	else if (is_increment(a))
		value = pre_increment(a);
	else if (accept(a, "-"))
		value = -(uintmax_t)parse_unary(a);
	else if (accept(a, "+"))
		value = parse_unary(a);
	else if (accept(a, "!"))
		value = !parse_unary(a);
	else if (accept(a, "~"))
		value = ~parse_unary(a);
	else
		value = parse_primary(a);
	a->depth--;
	return value;
}

static intmax_t compare(const char *op, intmax_t x, intmax_t y)
{
	switch (op[0]) {
	case '<': return op[1] == '=' ? x <= y : x < y;
	case '>': return op[1] == '=' ? x >= y : x > y;
	case '=': return x == y;
	default: return x != y;		/* != */
	}
}

/*
 * The binary operators, by precedence climbing: parse operands and operators
 * whose precedence is at least min. && and || parse their right side with
 * `skip` set when the left side already decides the result.
 */
static intmax_t parse_binary(struct arith *a, int min)
{
	intmax_t x = parse_unary(a), y;

	for (;;) {
		const struct op *o = current_operator(a);
		int saved = a->skip;
		if (o->precedence < min || o->precedence == 0)
			return x;
		a->p += strlen(o->text);
		if (o->precedence <= 2)		/* && or || */
			a->skip |= o->precedence == 2 ? !x : x != 0;
		/* ** groups to the right: 2**3**2 is 2**(3**2) */
		y = parse_binary(a, o->precedence + (o->precedence != 11));
		a->skip = saved;
		if (o->precedence == 2)
			x = x && y;
		else if (o->precedence == 1)
			x = x || y;
		else if (o->precedence == 6 || o->precedence == 7)
			x = compare(o->text, x, y);
		else
			x = apply(a, o->text, x, y);
	}
}

/* condition ? expr : conditional */
static intmax_t parse_conditional(struct arith *a)
{
	intmax_t cond = parse_binary(a, 1), yes, no;
	int saved = a->skip;

	if (!accept(a, "?"))
		return cond;
	a->skip = saved || !cond;
	yes = parse_assignment(a);
	if (!accept(a, ":"))
		arith_error(a, "missing ':'");
	a->skip = saved || cond;
	no = parse_conditional(a);
	a->skip = saved;
	return cond ? yes : no;
}

/* Assignments are found in parse_primary (the name comes first); this is the top level. */
static intmax_t parse_assignment(struct arith *a)
{
	intmax_t value;

	if (++a->depth > MAX_DEPTH)
		arith_error(a, "nested too deeply");
	value = parse_conditional(a);
	a->depth--;
	return value;
}

intmax_t arith_eval(const char *expr)
{
	struct arith a = { .p = expr, .expr = expr };
	intmax_t value;

	skip_blanks(&a);
	if (*a.p == '\0')
		return 0;
	value = parse_assignment(&a);
	skip_blanks(&a);
	if (*a.p != '\0')
		arith_error(&a, "syntax error");
	return value;
}

/* let EXPR...: evaluate each; the status is 0 when the last value is not 0 (ash, bash). */
int let_builtin(int argc, char **argv)
{
	intmax_t value = 0;

	if (argc < 2) {
		sh_warn("let: expression expected");
		return 2;
	}
	for (int i = 1; i < argc; i++)
		value = arith_eval(argv[i]);
	return value == 0;
}
