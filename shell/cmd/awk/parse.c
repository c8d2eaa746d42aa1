/*
 * parse.c: awk's parser. A recursive-descent parser that turns the tokens of
 * lex.c into a tree of nodes: one function per level of operator precedence,
 * from the loosest (assignment) to the tightest (grouping, $, names).
 *
 *	expr     = ternary [assign-op expr]
 *	ternary  = or ['?' expr ':' expr]
 *	or, and, in, match (~ !~), comparison, concatenation, + -, * / %,
 *	unary (! - +), power (^, right to left), ++/--, $, primary
 *
 * Two places need care. In `print a > "file"` the '>' is a redirection, not a
 * comparison: while parsing print's list the parser sets no_gt (inside (),
 * [] and function calls it is cleared again). And `"cmd" | getline` binds looser than concatenation, while
 * `print "x" | "cmd"` is an output pipe: one token of lookahead tells them apart.
 */
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "awk.h"

struct rule *begin_rules, *main_rules, *end_rules;
static struct func *functions;
static struct func *current_func;	/* the function being parsed, for its parameters */
static int no_gt;			/* a '>' ends the expression (print's redirection) */
static int depth;			/* nesting, limited so that the C stack cannot overflow */

static struct node *parse_expr(void);
static struct node *parse_unary(void);
static struct node *parse_primary(void);
static struct node *parse_statement(void);

static struct node *new_node(enum node_type type, struct node *a, struct node *b)
{
	struct node *n = xzalloc(sizeof *n);

	n->type = type;
	n->a = a;
	n->b = b;
	n->line = lex.line;
	/* a + b + c ... nests to the left in a loop, not by recursion: count here
	 * too, or a long enough chain would overflow the stack of eval() */
	n->height = 1 + (a ? a->height : 0);
	if (b && b->height >= n->height)
		n->height = b->height + 1;
	if (n->height > 2000)
		awk_syntax_error("expression nested too deeply");
	return n;
}

static void expect(int t, const char *what)
{
	if (tok != t)
		awk_syntax_error(what);
	next_token();
}

static void skip_newlines(void)
{
	while (tok == T_NEWLINE)
		next_token();
}

static void skip_terminators(void)
{
	while (tok == T_NEWLINE || tok == ';')
		next_token();
}

/* ---- lookahead: remember the lexer, look at the next token, go back ---- */

struct lex_state {
	struct lexer lex;
	int tok, builtin;
	double num;
	char *text;
};

static void save_lexer(struct lex_state *s)
{
	s->lex = lex;
	s->tok = tok;
	s->builtin = tok_builtin;
	s->num = tok_num;
	s->text = tok_text ? xstrdup(tok_text) : NULL;
}

static void restore_lexer(struct lex_state *s)
{
	lex = s->lex;
	tok = s->tok;
	tok_builtin = s->builtin;
	tok_num = s->num;
	free(tok_text);
	tok_text = s->text;
}

static int peek_token(void)
{
	struct lex_state s;
	int t;

	save_lexer(&s);
	next_token();
	t = tok;
	restore_lexer(&s);
	return t;
}

/* ---- names ---- */

struct var *lookup_var(const char *name)
{
	for (struct var *v = globals; v; v = v->next)
		if (strcmp(v->name, name) == 0)
			return v;
	return new_global(name);
}

static struct func *find_func(const char *name)
{
	struct func *f;

	for (f = functions; f; f = f->next)
		if (strcmp(f->name, name) == 0)
			return f;
	f = xzalloc(sizeof *f);
	f->name = xstrdup(name);
	f->next = functions;
	functions = f;
	return f;
}

/* A name in an expression: a parameter of the current function, or a global. */
static struct node *name_node(const char *name)
{
	struct node *n;

	if (current_func)
		for (int i = 0; i < current_func->nparams; i++)
			if (strcmp(current_func->params[i], name) == 0) {
				n = new_node(N_LOCAL, NULL, NULL);
				n->index = i;
				return n;
			}
	for (struct func *f = functions; f; f = f->next)
		if (f->defined && strcmp(f->name, name) == 0)
			awk_syntax_error("function name used as a variable");
	n = new_node(N_VAR, NULL, NULL);
	n->var = lookup_var(name);
	return n;
}

static int is_lvalue(struct node *n)
{
	return n->type == N_VAR || n->type == N_LOCAL || n->type == N_FIELD || n->type == N_INDEX;
}

/* Does evaluating n only compute a value: no assignment, call, getline or I/O? */
static int only_computes(struct node *n)
{
	switch (n->type) {
	case N_NUM: case N_STR: case N_REGEX: case N_VAR: case N_LOCAL:
		return 1;
	case N_FIELD: case N_NOT: case N_NEG: case N_PLUS:
		return only_computes(n->a);
	case N_INDEX:
		for (struct node *k = n->b; k; k = k->next)
			if (!only_computes(k))
				return 0;
		return 1;
	case N_COND:
		return only_computes(n->a) && only_computes(n->b) && only_computes(n->c);
	case N_OR: case N_AND: case N_MATCH: case N_NOMATCH: case N_LT: case N_LE:
	case N_NE: case N_EQ: case N_GT: case N_GE: case N_CONCAT: case N_ADD:
	case N_SUB: case N_MUL: case N_DIV: case N_MOD: case N_POW:
		return only_computes(n->a) && only_computes(n->b);
	case N_BUILTIN:
		if (n->op == B_SPLIT || n->op == B_SUB || n->op == B_GSUB || n->op == B_MATCH ||
		    n->op == B_SRAND || n->op == B_RAND || n->op >= B_CLOSE)
			return 0;
		for (struct node *a = n->a; a; a = a->next)
			if (!only_computes(a))
				return 0;
		return 1;
	default:
		return 0;
	}
}

static int same_variable(struct node *a, struct node *b)
{
	return a->type == b->type && ((a->type == N_VAR && a->var == b->var) ||
				      (a->type == N_LOCAL && a->index == b->index));
}

/*
 * Is the assignment n of the form s = s X Y...: a variable, the same variable
 * first in the concatenation, and X Y... only computing (so that evaluating
 * them after s cannot change s)? Then run.c may append to s in place.
 */
static int appends_to_itself(struct node *n)
{
	struct node *c = n->b;

	if (n->a->type != N_VAR && n->a->type != N_LOCAL)
		return 0;
	for (; c->type == N_CONCAT; c = c->a)
		if (!only_computes(c->b))
			return 0;
	return c != n->b && same_variable(c, n->a);
}

/* ---- expressions, from the tightest binding up ---- */

/*
 * expr, expr, ... up to (not including) the token `end`; -1 for print's list,
 * where '>' redirects. Inside (), [] and calls a '>' compares again.
 */
static struct node *parse_list(int end)
{
	struct node *first = NULL, **tail = &first;
	int saved_no_gt = no_gt;

	no_gt = end == -1;
	skip_newlines();
	while (tok != end) {
		*tail = parse_expr();
		tail = &(*tail)->next;
		if (tok != ',')
			break;
		next_token();
		skip_newlines();
	}
	no_gt = saved_no_gt;
	return first;
}

/* A name, then [subscripts] if any: an array element. */
static struct node *parse_name(void)
{
	struct node *n = name_node(tok_text);

	next_token();
	if (tok != '[')
		return n;
	next_token();
	n = new_node(N_INDEX, n, parse_list(']'));
	if (!n->b)
		awk_syntax_error("empty subscript");
	expect(']', "missing ]");
	return n;
}

/* The variable of `getline var`, if one follows. */
static struct node *parse_optional_lvalue(void)
{
	if (tok == T_NAME)
		return parse_name();
	if (tok == '$') {
		next_token();
		return new_node(N_FIELD, parse_primary(), NULL);
	}
	return NULL;
}

/* getline [var] [< file] */
static struct node *parse_simple_getline(void)
{
	struct node *n;

	next_token();
	n = new_node(N_GETLINE, NULL, parse_optional_lvalue());
	n->op = IO_NONE;
	if (tok == '<') {
		next_token();
		n->op = IO_FILE;
		n->a = parse_primary();
	}
	return n;
}

static struct node *parse_call(void)
{
	struct node *n = new_node(N_CALL, NULL, NULL);

	n->fn = find_func(tok_text);
	next_token();
	expect('(', "missing (");
	n->a = parse_list(')');
	expect(')', "missing )");
	return n;
}

static struct node *parse_builtin(void)
{
	struct node *n = new_node(N_BUILTIN, NULL, NULL);

	n->op = tok_builtin;
	next_token();
	if (tok != '(') {
		if (n->op != B_LENGTH)
			awk_syntax_error("missing ( after built-in function");
		return n;
	}
	next_token();
	n->a = parse_list(')');
	expect(')', "missing )");
	if (n->op == B_SPLIT && (!n->a || !n->a->next || (n->a->next->type != N_VAR && n->a->next->type != N_LOCAL)))
		awk_syntax_error("split needs an array");
	if ((n->op == B_SUB || n->op == B_GSUB) && (!n->a || !n->a->next ||
			(n->a->next->next && !is_lvalue(n->a->next->next))))
		awk_syntax_error("sub and gsub need a regex, a replacement and a variable");
	return n;
}

/* ( expr ), or (a, b) in array, or (a, b) as the list of print. */
static struct node *parse_group(void)
{
	struct node *n;

	next_token();
	n = parse_list(')');
	expect(')', "missing )");
	if (!n)
		awk_syntax_error("empty ()");
	if (!n->next)
		return n;
	if (tok == T_IN) {
		next_token();
		if (tok != T_NAME)
			awk_syntax_error("expected an array after in");
		return new_node(N_IN, n, parse_name());
	}
	return new_node(N_GROUP, n, NULL);
}

static struct node *parse_primary_inner(void)
{
	struct node *n;

	switch (tok) {
	case T_NUMBER:
		n = new_node(N_NUM, NULL, NULL);
		n->num = tok_num;
		next_token();
		return n;
	case T_STRING:
		n = new_node(N_STR, NULL, NULL);
		n->str = xstrdup(tok_text);
		next_token();
		return n;
	case T_ERE:
		n = new_node(N_REGEX, NULL, NULL);
		n->str = xstrdup(tok_text);
		n->re = compile_regex(tok_text);
		if (!n->re)
			awk_syntax_error("bad regex");
		next_token();
		return n;
	case '$':
		next_token();
		return new_node(N_FIELD, parse_primary(), NULL);
	case T_INCR:
	case T_DECR:
		n = new_node(tok == T_INCR ? N_PREINC : N_PREDEC, NULL, NULL);
		next_token();
		n->a = parse_primary();
		if (!is_lvalue(n->a))
			awk_syntax_error("++ or -- needs a variable");
		return n;
	case '-': case '+': case '!':
		return parse_unary();
	case '(':
		return parse_group();
	case T_NAME:
		return parse_name();
	case T_FUNC_NAME:
		return parse_call();
	case T_BUILTIN:
		return parse_builtin();
	case T_GETLINE:
		return parse_simple_getline();
	}
	awk_syntax_error("syntax error");
}

/* $$$$x or ++++x recurse here: count the depth like parse_expr does */
static struct node *parse_primary(void)
{
	struct node *n;

	if (++depth > 200)
		awk_syntax_error("expression nested too deeply");
	n = parse_primary_inner();
	depth--;
	return n;
}

static struct node *parse_postfix(void)
{
	struct node *n = parse_primary();

	if ((tok == T_INCR || tok == T_DECR) && is_lvalue(n)) {
		n = new_node(tok == T_INCR ? N_POSTINC : N_POSTDEC, n, NULL);
		next_token();
	}
	return n;
}

/* a ^ b ^ c is a ^ (b ^ c), and the exponent may have a sign: 2 ^ -1. */
static struct node *parse_power(void)
{
	struct node *n = parse_postfix();

	if (tok == '^') {
		if (++depth > 200)
			awk_syntax_error("expression nested too deeply");
		next_token();
		n = new_node(N_POW, n, tok == '-' || tok == '+' || tok == '!' ? parse_unary() : parse_power());
		depth--;
	}
	return n;
}

static struct node *parse_unary(void)
{
	enum node_type type;

	if (++depth > 200)
		awk_syntax_error("expression nested too deeply");
	switch (tok) {
	case '!': type = N_NOT; break;
	case '-': type = N_NEG; break;
	case '+': type = N_PLUS; break;
	default:
		depth--;
		return parse_power();
	}
	next_token();
	struct node *n = new_node(type, parse_unary(), NULL);
	depth--;
	return n;
}

static struct node *parse_multiply(void)
{
	struct node *n = parse_unary();

	while (tok == '*' || tok == '/' || tok == '%') {
		enum node_type type = tok == '*' ? N_MUL : tok == '/' ? N_DIV : N_MOD;

		next_token();
		n = new_node(type, n, parse_unary());
	}
	return n;
}

static struct node *parse_additive(void)
{
	struct node *n = parse_multiply();

	while (tok == '+' || tok == '-') {
		enum node_type type = tok == '+' ? N_ADD : N_SUB;

		next_token();
		n = new_node(type, n, parse_multiply());
	}
	return n;
}

/* Can this token start the right side of a concatenation? */
static int starts_operand(void)
{
	switch (tok) {
	case T_NUMBER: case T_STRING: case T_ERE: case T_NAME: case T_FUNC_NAME:
	case T_BUILTIN: case '$': case '!': case '(': case '-': case '+':
	case T_INCR: case T_DECR:
		return 1;
	}
	return 0;
}

static struct node *parse_concat(void)
{
	struct node *n = parse_additive();

	while (starts_operand())
		n = new_node(N_CONCAT, n, parse_additive());
	return n;
}

/* concatenation, then any number of `| getline [var]` */
static struct node *parse_pipe_getline(void)
{
	struct node *n = parse_concat();

	while (tok == '|' && peek_token() == T_GETLINE) {
		next_token();
		next_token();
		n = new_node(N_GETLINE, n, parse_optional_lvalue());
		n->op = IO_PIPE;
	}
	return n;
}

static struct node *parse_comparison(void)
{
	struct node *n = parse_pipe_getline();
	enum node_type type;

	switch (tok) {
	case '<': type = N_LT; break;
	case T_LE: type = N_LE; break;
	case T_NE: type = N_NE; break;
	case T_EQ: type = N_EQ; break;
	case T_GE: type = N_GE; break;
	case '>':
		if (no_gt)
			return n;
		type = N_GT;
		break;
	default:
		return n;
	}
	next_token();
	return new_node(type, n, parse_pipe_getline());
}

static struct node *parse_match(void)
{
	struct node *n = parse_comparison();

	while (tok == '~' || tok == T_NOMATCH) {
		enum node_type type = tok == '~' ? N_MATCH : N_NOMATCH;

		next_token();
		n = new_node(type, n, parse_comparison());
	}
	return n;
}

static struct node *parse_in(void)
{
	struct node *n = parse_match();

	while (tok == T_IN) {
		next_token();
		if (tok != T_NAME)
			awk_syntax_error("expected an array after in");
		n = new_node(N_IN, n, parse_name());
	}
	return n;
}

static struct node *parse_and(void)
{
	struct node *n = parse_in();

	while (tok == T_AND) {
		next_token();
		skip_newlines();
		n = new_node(N_AND, n, parse_in());
	}
	return n;
}

static struct node *parse_or(void)
{
	struct node *n = parse_and();

	while (tok == T_OR) {
		next_token();
		skip_newlines();
		n = new_node(N_OR, n, parse_and());
	}
	return n;
}

static struct node *parse_ternary(void)
{
	struct node *n = parse_or();

	if (tok == '?') {
		next_token();
		skip_newlines();
		n = new_node(N_COND, n, parse_expr());
		skip_newlines();
		expect(':', "missing : in ?:");
		skip_newlines();
		n->c = parse_expr();
	}
	return n;
}

static struct node *parse_expr(void)
{
	static const int ops[] = { T_ADD_ASSIGN, T_SUB_ASSIGN, T_MUL_ASSIGN, T_DIV_ASSIGN,
		T_MOD_ASSIGN, T_POW_ASSIGN };
	static const enum node_type arith[] = { N_ADD, N_SUB, N_MUL, N_DIV, N_MOD, N_POW };
	struct node *n;

	if (++depth > 200)
		awk_syntax_error("expression nested too deeply");
	n = parse_ternary();
	if (tok == '=') {
		if (!is_lvalue(n))
			awk_syntax_error("assignment to a non-variable");
		next_token();
		skip_newlines();
		n = new_node(N_ASSIGN, n, parse_expr());
		n->op = appends_to_itself(n);
	}
	for (int i = 0; i < 6; i++)
		if (tok == ops[i]) {
			if (!is_lvalue(n))
				awk_syntax_error("assignment to a non-variable");
			next_token();
			skip_newlines();
			n = new_node(N_OPASSIGN, n, parse_expr());
			n->op = arith[i];
			break;
		}
	depth--;
	return n;
}

/* ---- statements ---- */

/* A simple statement ends with ';', a newline, or before '}'. */
static void end_simple_statement(void)
{
	if (tok == ';' || tok == T_NEWLINE)
		next_token();
	else if (tok != '}' && tok != T_EOF && tok != T_ELSE)
		awk_syntax_error("syntax error");
}

static int at_statement_end(void)
{
	return tok == ';' || tok == T_NEWLINE || tok == '}' || tok == T_EOF;
}

/* print or printf: the list, then > file, >> file or | command. */
static struct node *parse_print(enum node_type type)
{
	struct node *n = new_node(type, NULL, NULL);

	next_token();
	if (!at_statement_end() && tok != '>' && tok != T_APPEND && tok != '|')
		n->a = parse_list(-1);
	no_gt = 1;	/* for the target too: print "x" > "f" is not a comparison */
	if (n->a && n->a->type == N_GROUP && !n->a->next)
		n->a = n->a->a;
	n->op = tok == '>' ? IO_FILE : tok == T_APPEND ? IO_APPEND : tok == '|' ? IO_PIPE : IO_NONE;
	if (n->op != IO_NONE) {
		next_token();
		n->b = parse_concat();
	}
	no_gt = 0;
	if (type == N_PRINTF && !n->a)
		awk_syntax_error("printf needs a format");
	return n;
}

static struct node *parse_block(void)
{
	struct node *first = NULL, **tail = &first;

	expect('{', "missing {");
	for (;;) {
		skip_terminators();
		if (tok == '}')
			break;
		if (tok == T_EOF)
			awk_syntax_error("missing }");
		*tail = parse_statement();
		tail = &(*tail)->next;
	}
	next_token();
	return new_node(N_BLOCK, first, NULL);
}

/* The body of if, while, for: newlines may come first; a lone ';' is empty. */
static struct node *parse_body(void)
{
	skip_newlines();
	if (tok == ';') {
		next_token();
		return new_node(N_BLOCK, NULL, NULL);
	}
	return parse_statement();
}

static struct node *parse_condition(void)
{
	struct node *n;

	expect('(', "missing (");
	n = parse_expr();
	expect(')', "missing )");
	return n;
}

static struct node *parse_if(void)
{
	struct node *n;
	struct lex_state s;

	next_token();
	n = new_node(N_IF, parse_condition(), NULL);
	n->b = parse_body();
	/* look past newlines and a ';' for an else; put them back if none */
	save_lexer(&s);
	skip_terminators();
	if (tok == T_ELSE) {
		free(s.text);
		next_token();
		n->c = parse_body();
	} else {
		restore_lexer(&s);
	}
	return n;
}

/* for (init; cond; step) body, or for (key in array) body */
static struct node *parse_for(void)
{
	struct node *n;
	struct lex_state s;

	next_token();
	expect('(', "missing (");
	save_lexer(&s);
	if (tok == T_NAME && peek_token() == T_IN) {
		struct node *key = name_node(tok_text);

		next_token();
		next_token();
		if (tok == T_NAME && peek_token() == ')') {
			free(s.text);
			n = new_node(N_FORIN, key, name_node(tok_text));
			next_token();
			next_token();
			n->c = parse_body();
			return n;
		}
		free(key);
		restore_lexer(&s);
	} else {
		free(s.text);
	}
	n = new_node(N_FOR, NULL, NULL);
	if (tok != ';')
		n->a = parse_expr();
	expect(';', "missing ; in for");
	skip_newlines();
	if (tok != ';')
		n->b = parse_expr();
	expect(';', "missing ; in for");
	skip_newlines();
	if (tok != ')')
		n->c = parse_expr();
	expect(')', "missing )");
	n->d = parse_body();
	return n;
}

static struct node *parse_simple_statement(void)
{
	struct node *n;
	int t = tok;

	switch (t) {
	case T_PRINT:
		return parse_print(N_PRINT);
	case T_PRINTF:
		return parse_print(N_PRINTF);
	case T_BREAK: case T_CONTINUE: case T_NEXT: case T_NEXTFILE:
		next_token();
		return new_node(t == T_BREAK ? N_BREAK : t == T_CONTINUE ? N_CONTINUE :
				t == T_NEXT ? N_NEXT : N_NEXTFILE, NULL, NULL);
	case T_EXIT: case T_RETURN:
		next_token();
		if ((t == T_RETURN && !current_func))
			awk_syntax_error("return outside a function");
		n = new_node(t == T_EXIT ? N_EXIT : N_RETURN, NULL, NULL);
		if (!at_statement_end())
			n->a = parse_expr();
		return n;
	case T_DELETE:
		next_token();
		if (tok != T_NAME)
			awk_syntax_error("delete needs an array");
		n = parse_name();
		return new_node(N_DELETE, n, NULL);
	}
	return new_node(N_EXPR, parse_expr(), NULL);
}

static struct node *parse_statement(void)
{
	struct node *n;

	if (++depth > 200)
		awk_syntax_error("statements nested too deeply");
	switch (tok) {
	case '{':
		n = parse_block();
		break;
	case T_IF:
		n = parse_if();
		break;
	case T_WHILE:
		next_token();
		n = new_node(N_WHILE, parse_condition(), NULL);
		n->b = parse_body();
		break;
	case T_DO:
		next_token();
		n = new_node(N_DO, NULL, parse_body());
		skip_terminators();
		expect(T_WHILE, "missing while after do");
		n->a = parse_condition();
		end_simple_statement();
		break;
	case T_FOR:
		n = parse_for();
		break;
	default:
		n = parse_simple_statement();
		end_simple_statement();
	}
	depth--;
	return n;
}

/* ---- the program: rules and functions ---- */

static void parse_function(void)
{
	struct func *f;

	next_token();
	if (tok != T_NAME && tok != T_FUNC_NAME)
		awk_syntax_error("expected a function name");
	f = find_func(tok_text);
	if (f->defined)
		awk_syntax_error("function defined twice");
	f->defined = 1;
	next_token();
	expect('(', "missing (");
	skip_newlines();
	while (tok == T_NAME) {
		f->params = xrealloc(f->params, (f->nparams + 1) * sizeof *f->params);
		f->params[f->nparams++] = xstrdup(tok_text);
		next_token();
		if (tok != ',')
			break;
		next_token();
		skip_newlines();
	}
	expect(')', "missing ) after the parameters");
	skip_newlines();
	current_func = f;
	f->body = parse_block();
	current_func = NULL;
}

static void add_rule(struct rule **list, struct rule *r)
{
	while (*list)
		list = &(*list)->next;
	*list = r;
}

static void parse_item(void)
{
	struct rule *r = xzalloc(sizeof *r);

	if (tok == T_FUNCTION) {
		free(r);
		parse_function();
		return;
	}
	if (tok == T_BEGIN || tok == T_END) {
		int begin = tok == T_BEGIN;

		next_token();
		skip_newlines();
		r->action = parse_block();
		add_rule(begin ? &begin_rules : &end_rules, r);
		return;
	}
	if (tok != '{') {
		r->pattern = parse_expr();
		if (tok == ',') {
			next_token();
			skip_newlines();
			r->pattern2 = parse_expr();
		}
	}
	add_rule(&main_rules, r);
	if (tok == '{')
		r->action = parse_block();
	else if (tok != T_EOF && tok != T_NEWLINE && tok != ';')
		awk_syntax_error("syntax error");
}

void parse_program(const char *text)
{
	lex_start(text);
	next_token();
	skip_terminators();
	while (tok != T_EOF) {
		parse_item();
		skip_terminators();
	}
	for (struct func *f = functions; f; f = f->next)
		if (!f->defined) {
			warn("calling undefined function %s", f->name);
			exit(2);
		}
}
