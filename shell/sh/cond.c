/*
 * cond.c: [[ ... ]], the conditional command of ash, bash and ksh (not POSIX).
 *
 *	[[ EXPR ]]   EXPR: EXPR || EXPR, EXPR && EXPR, ! EXPR, ( EXPR ),
 *	             WORD == PATTERN, WORD != PATTERN, WORD =~ ERE,
 *	             WORD < WORD, WORD > WORD (string order),
 *	             test's unary and binary operators (-f FILE, A -nt B, N -lt M...),
 *	             WORD alone (true when not empty)
 *
 * Unlike test and [, the words are expanded without field splitting or
 * pathname expansion, and && || ( ) < > are operators the parser kept. The
 * right side of == and != is a pattern (its quoted parts match themselves).
 * The file and number tests are mini's own test, called with one operator.
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"
#include "commands.h"
#include "pattern.h"

struct cond {
	struct word *w;		/* the next word */
	int error;
	int skip;		/* reading the side && or || does not need: expand nothing */
};

static int cond_or(struct cond *c);

/* Is the next word the operator op, written unquoted? */
static int next_is(struct cond *c, const char *op)
{
	return c->w && strcmp(c->w->text, op) == 0;
}

static const char *take_word(struct cond *c)
{
	const char *text;

	if (c->w == NULL) {
		sh_warn("[[: missing operand");
		c->error = 1;
		return "";
	}
	text = c->w->text;
	c->w = c->w->next;
	return text;
}

/* mini's test with one operator: test OP A, or test A OP B. */
static int run_test(const char *a, const char *op, const char *b)
{
	const struct command *test = find_command("test");
	char *argv[] = { "test", (char *)a, (char *)op, (char *)b, NULL };

	if (b == NULL) {
		argv[1] = (char *)op;
		argv[2] = (char *)a;
	}
	return test ? test->main(b ? 4 : 3, argv) : 2;
}

static int is_unary(const char *w)
{
	return w[0] == '-' && w[1] && !w[2] && strchr("abcdefghknoprstuwxzGLNOS", w[1]);
}

static int is_binary(const char *w)
{
	static const char *const ops[] = { "==", "=", "!=", "=~", "<", ">", "-eq", "-ne", "-lt",
					   "-le", "-gt", "-ge", "-nt", "-ot", "-ef", NULL };
	for (int i = 0; ops[i]; i++)
		if (strcmp(w, ops[i]) == 0)
			return 1;
	return 0;
}

/* WORD =~ ERE: regcomp's extended expressions; a bad one is an error (status 2). */
static int regex_match(struct cond *c, const char *subject, const char *ere)
{
	regex_t re;
	int result, code = regex_compile(&re, ere, REG_EXTENDED | REG_NOSUB);

	if (code != 0) {
		sh_warn("[[: %s: bad regular expression", ere);
		c->error = 1;
		return 0;
	}
	result = regexec(&re, subject, 0, NULL, 0) == 0;
	regfree(&re);
	return result;
}

static int binary(struct cond *c, const char *left, const char *op, const char *right_text)
{
	char *a = expand_word(left), *b;
	int result;

	if (strcmp(op, "==") == 0 || strcmp(op, "=") == 0 || strcmp(op, "!=") == 0) {
		b = expand_pattern(right_text);
		result = (pattern_match(b, a, 0) == 0) == (op[0] != '!');
	} else {
		b = expand_word(right_text);
		if (strcmp(op, "=~") == 0)
			result = regex_match(c, a, b);
		else if (strcmp(op, "<") == 0 || strcmp(op, ">") == 0)
			result = op[0] == '<' ? strcmp(a, b) < 0 : strcmp(a, b) > 0;
		else if ((result = run_test(a, op, b)) == 2)
			c->error = 1;
		else
			result = result == 0;
	}
	free(a);
	free(b);
	return result;
}

/* primary: ( EXPR ) | -op WORD | WORD op WORD | WORD */
static int cond_primary(struct cond *c)
{
	const char *first;
	int result;

	if (next_is(c, "(")) {
		take_word(c);
		result = cond_or(c);
		if (!next_is(c, ")")) {
			sh_warn("[[: missing ')'");
			c->error = 1;
		}
		take_word(c);
		return result;
	}
	first = take_word(c);
	if (c->w && is_binary(c->w->text)) {
		const char *op = take_word(c);
		const char *right = take_word(c);
		return c->skip ? 0 : binary(c, first, op, right);
	}
	if (is_unary(first) && c->w && !next_is(c, "&&") && !next_is(c, "||") && !next_is(c, ")")) {
		if (c->skip)
			return take_word(c) != NULL;
		char *operand = expand_word(take_word(c));
		result = run_test(operand, first, NULL);
		free(operand);
		if (result == 2)
			c->error = 1;
		return result == 0;
	}
	if (c->skip)
		return 0;
	char *value = expand_word(first);
	result = *value != '\0';
	free(value);
	return result;
}

static int cond_not(struct cond *c)
{
	int negate = 0;

	while (next_is(c, "!")) {	/* counted, not recursed: a row of ! costs no stack */
		take_word(c);
		negate = !negate;
	}
	return cond_primary(c) != negate;
}

/* Read the operand that && or || does not need, expanding nothing. */
static void skip_operand(struct cond *c, int (*operand)(struct cond *))
{
	c->skip++;
	operand(c);
	c->skip--;
}

static int cond_and(struct cond *c)
{
	int result = cond_not(c);

	while (next_is(c, "&&")) {
		take_word(c);
		if (result)
			result = cond_not(c);
		else
			skip_operand(c, cond_not);
	}
	return result;
}

static int cond_or(struct cond *c)
{
	int result;

	check_stack();	/* ( ) nests by recursion */
	result = cond_and(c);
	while (next_is(c, "||")) {
		take_word(c);
		if (result)
			skip_operand(c, cond_and);
		else
			result = cond_and(c);
	}
	return result;
}

int run_cond(struct node *n)
{
	struct cond c = { .w = n->u.cond.words };
	int result = cond_or(&c);

	if (c.w && !c.error) {
		sh_warn("[[: %s: unexpected word", c.w->text);
		c.error = 1;
	}
	return c.error ? 2 : !result;
}
