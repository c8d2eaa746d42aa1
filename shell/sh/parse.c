/*
 * parse.c: tokens -> syntax tree, by recursive descent over the grammar of
 * POSIX XCU 2.10 ("Shell Grammar"). Each grammar rule is one function here:
 *
 *	complete_command : list (NEWLINE | EOF)
 *	list        : and_or ((';' | '&') and_or)*
 *	and_or      : pipeline (('&&' | '||') linebreak pipeline)*
 *	pipeline    : ['!'] command ('|' linebreak command)*
 *	command     : simple_command | compound_command redirect* | funcname '(' ')' command
 *	compound    : '{' list '}' | '(' list ')' | if | while | until | for | case
 *
 * Reserved words (if, then, do...) are only words that happen to stand where a
 * command starts; the parser asks "is the next token the word X?" right there.
 * Here-documents are read as soon as the newline after their operator is read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

/* Deeper nesting than this is refused, so the parser's recursion cannot overflow the stack. */
#define MAX_NESTING 1000

struct parser {
	struct arena *arena;
	struct token_value tok;
	int have_tok;
	int depth;
	int in_patterns;	/* reading case patterns: no alias substitution there */
	struct pending_heredoc *heredocs;	/* waiting for the next newline */
	struct pending_heredoc **heredocs_end;
};

struct pending_heredoc {
	struct pending_heredoc *next;
	struct redir *redir;
};

static struct node *parse_list(struct parser *p, int top);
static struct node *parse_command_unit(struct parser *p);

/* ---- tokens ---- */

static void read_heredocs(struct parser *p)
{
	for (struct pending_heredoc *h = p->heredocs; h; h = h->next) {
		struct redir *r = h->redir;
		char *delim = remove_quotes(r->target->text);
		char *body = lex_heredoc(delim, r->strip_tabs, !r->heredoc_quoted);
		r->heredoc = arena_strdup(p->arena, body, strlen(body));
		free(body);
		free(delim);
	}
	p->heredocs = NULL;
	p->heredocs_end = &p->heredocs;
}

/* The next token without consuming it. At a command's start, aliases are expanded. */
static struct token_value *peek_token(struct parser *p, int command_start)
{
	if (!p->have_tok) {
		lex_next(&p->tok, command_start && !p->in_patterns);
		p->have_tok = 1;
		if (p->tok.type == T_NEWLINE && p->heredocs)
			read_heredocs(p);
		if (p->tok.type == T_EOF && p->heredocs)
			read_heredocs(p);	/* (each ends at once, with a warning) */
	}
	return &p->tok;
}

static enum token peek(struct parser *p)
{
	return peek_token(p, 0)->type;
}

/* Consume the current token; a word's text is moved into the arena. */
static char *take(struct parser *p)
{
	char *text = NULL;

	peek(p);
	if (p->tok.text) {
		text = arena_strdup(p->arena, p->tok.text, strlen(p->tok.text));
		free(p->tok.text);
		p->tok.text = NULL;
	}
	p->have_tok = 0;
	return text;
}

static const char *token_name(struct token_value *t)
{
	static const char *const names[] = {
		"end of file", "newline", "word", ";", ";;", "&", "&&", "|", "||",
		"(", ")", "<", ">", ">>", ">|", "<>", "<&", ">&", "<<", "<<-", "&>", "&>>"
	};
	return t->type == T_WORD ? t->text : names[t->type];
}

static void __attribute__((noreturn)) unexpected(struct parser *p)
{
	syntax_error("unexpected '%s'", token_name(&p->tok));
}

/* Is the next token, at a command's start, the reserved word w? */
static int is_word(struct parser *p, const char *w)
{
	struct token_value *t = peek_token(p, 1);

	return t->type == T_WORD && !t->quoted && strcmp(t->text, w) == 0;
}

static void expect_word(struct parser *p, const char *w)
{
	if (!is_word(p, w))
		syntax_error("expected '%s' before '%s'", w, token_name(&p->tok));
	take(p);
}

static void expect(struct parser *p, enum token type, const char *what)
{
	if (peek(p) != type)
		syntax_error("expected '%s' before '%s'", what, token_name(&p->tok));
	take(p);
}

/* linebreak: any number of newlines. */
static void skip_newlines(struct parser *p)
{
	while (peek_token(p, 1)->type == T_NEWLINE)
		take(p);
}

static struct node *new_node(struct parser *p, enum node_kind kind)
{
	struct node *n = arena_alloc(p->arena, sizeof *n);

	n->kind = kind;
	n->line = input_lineno;
	return n;
}

static struct word *new_word(struct parser *p, char *text)
{
	struct word *w = arena_alloc(p->arena, sizeof *w);

	w->text = text;
	return w;
}

/* ---- redirections ---- */

static int is_redirection(enum token t)
{
	return (t >= T_LESS && t <= T_DLESSDASH) || t == T_ANDGREAT || t == T_ANDDGREAT;
}

/* &>file and &>>file: >file (or >>file) and then 2>&1. */
static struct redir *parse_and_great(struct parser *p, enum token op)
{
	struct redir *out = arena_alloc(p->arena, sizeof *out), *err = arena_alloc(p->arena, sizeof *err);

	take(p);
	if (peek(p) != T_WORD)
		syntax_error("missing file name after '%s'", op == T_ANDGREAT ? "&>" : "&>>");
	out->kind = op == T_ANDGREAT ? R_OUT : R_APPEND;
	out->fd = 1;
	out->ready_fd = -1;
	out->target = new_word(p, take(p));
	err->kind = R_DUPOUT;
	err->fd = 2;
	err->ready_fd = -1;
	err->target = new_word(p, arena_strdup(p->arena, "1", 1));
	out->next = err;
	return out;
}

static struct redir *parse_redirection(struct parser *p)
{
	static const enum redir_kind kinds[] = {
		R_IN, R_OUT, R_APPEND, R_CLOBBER, R_RDWR, R_DUPIN, R_DUPOUT, R_HEREDOC, R_HEREDOC
	};
	struct redir *r;
	enum token op = peek(p);
	int io_number = p->tok.io_number;

	if (op == T_ANDGREAT || op == T_ANDDGREAT)
		return parse_and_great(p, op);
	r = arena_alloc(p->arena, sizeof *r);
	take(p);
	r->ready_fd = -1;
	r->kind = kinds[op - T_LESS];
	r->fd = io_number >= 0 ? io_number : (op == T_LESS || op == T_LESSAND || op == T_LESSGREAT ||
						   r->kind == R_HEREDOC) ? 0 : 1;
	if (peek(p) != T_WORD)
		syntax_error("missing file name after '%s'", token_name(&(struct token_value){ .type = op }));
	r->heredoc_quoted = p->tok.quoted;
	r->target = new_word(p, take(p));
	if (r->kind == R_HEREDOC) {
		struct pending_heredoc *h = arena_alloc(p->arena, sizeof *h);
		r->strip_tabs = op == T_DLESSDASH;
		h->redir = r;
		*p->heredocs_end = h;
		p->heredocs_end = &h->next;
	}
	return r;
}

static struct redir *parse_redirections(struct parser *p)
{
	struct redir *list = NULL, **tail = &list;

	while (is_redirection(peek(p))) {
		*tail = parse_redirection(p);
		while (*tail)
			tail = &(*tail)->next;
	}
	return list;
}

/* ---- simple commands and function definitions ---- */

static int is_assignment(const char *word)
{
	size_t n = name_length(word);

	return n > 0 && word[n] == '=';
}

static struct node *parse_function(struct parser *p, char *name)
{
	struct node *n = new_node(p, N_FUNCDEF);

	take(p);	/* ( */
	expect(p, T_RPAREN, ")");
	skip_newlines(p);
	if (!is_name(name, strlen(name)))
		syntax_error("bad function name '%s'", name);
	n->u.func.name = name;
	n->u.func.arena = p->arena;
	n->u.func.body = parse_command_unit(p);
	if (n->u.func.body == NULL || n->u.func.body->kind == N_SIMPLE)
		syntax_error("function body must be a compound command");
	return n;
}

static struct node *parse_simple(struct parser *p)
{
	struct node *n = new_node(p, N_SIMPLE);
	struct word **assigns = &n->u.simple.assigns, **args = &n->u.simple.args;
	struct redir **redirs = &n->redirs;

	for (;;) {
		enum token t = peek_token(p, n->u.simple.args == NULL)->type;
		if (is_redirection(t)) {
			struct redir *list = parse_redirections(p);
			*redirs = list;
			while (*redirs)
				redirs = &(*redirs)->next;
		} else if (t != T_WORD) {
			break;
		} else if (n->u.simple.args == NULL && is_assignment(p->tok.text)) {
			*assigns = new_word(p, take(p));
			assigns = &(*assigns)->next;
		} else {
			int first = n->u.simple.args == NULL && n->u.simple.assigns == NULL && !n->redirs;
			*args = new_word(p, take(p));
			if (first && peek(p) == T_LPAREN)
				return parse_function(p, (*args)->text);
			args = &(*args)->next;
		}
	}
	if (!n->u.simple.args && !n->u.simple.assigns && !n->redirs)
		unexpected(p);
	return n;
}

/* ---- compound commands ---- */

/* A compound_list ends at one of these words (or ')' / ';;' / EOF). */
static int at_list_end(struct parser *p)
{
	static const char *const ends[] = { "then", "else", "elif", "fi", "do", "done", "esac", "}", NULL };
	struct token_value *t = peek_token(p, 1);

	if (t->type == T_RPAREN || t->type == T_DSEMI || t->type == T_EOF)
		return 1;
	for (int i = 0; ends[i]; i++)
		if (is_word(p, ends[i]))
			return 1;
	return 0;
}

/* compound_list: newlines, then a list that must not be empty. */
static struct node *parse_compound_list(struct parser *p)
{
	struct node *n;

	skip_newlines(p);
	n = parse_list(p, 0);
	if (n == NULL)
		unexpected(p);
	return n;
}

/* if ... elif ... else ... fi: an elif is an if node in the else part, made in a loop. */
static struct node *parse_if(struct parser *p)
{
	struct node *first = NULL, **slot = &first;

	do {
		struct node *n = new_node(p, N_IF);
		take(p);	/* if or elif */
		n->u.if_.cond = parse_compound_list(p);
		expect_word(p, "then");
		n->u.if_.then_part = parse_compound_list(p);
		*slot = n;
		slot = &n->u.if_.else_part;
	} while (is_word(p, "elif"));
	if (is_word(p, "else")) {
		take(p);
		*slot = parse_compound_list(p);
	}
	expect_word(p, "fi");
	return first;
}

static struct node *parse_do_group(struct parser *p)
{
	struct node *body;

	expect_word(p, "do");
	body = parse_compound_list(p);
	expect_word(p, "done");
	return body;
}

static struct node *parse_while(struct parser *p, enum node_kind kind)
{
	struct node *n = new_node(p, kind);

	take(p);
	n->u.loop.cond = parse_compound_list(p);
	n->u.loop.body = parse_do_group(p);
	return n;
}

static struct node *parse_for(struct parser *p)
{
	struct node *n = new_node(p, N_FOR);
	struct word **tail = &n->u.for_.words;

	take(p);
	if (peek(p) != T_WORD || !is_name(p->tok.text, strlen(p->tok.text)))
		syntax_error("bad for loop variable");
	n->u.for_.name = take(p);
	skip_newlines(p);
	if (is_word(p, "in")) {
		take(p);
		n->u.for_.has_in = 1;
		while (peek(p) == T_WORD) {
			*tail = new_word(p, take(p));
			tail = &(*tail)->next;
		}
		if (peek(p) != T_SEMI && peek(p) != T_NEWLINE)
			unexpected(p);
		take(p);
	} else if (peek(p) == T_SEMI) {
		take(p);
	}
	skip_newlines(p);
	n->u.for_.body = parse_do_group(p);
	return n;
}

/* One "pattern | pattern) list ;;" of a case. */
static struct case_item *parse_case_item(struct parser *p)
{
	struct case_item *item = arena_alloc(p->arena, sizeof *item);
	struct word **tail = &item->patterns;

	if (peek(p) == T_LPAREN)
		take(p);
	for (;;) {
		if (peek(p) != T_WORD)
			unexpected(p);
		*tail = new_word(p, take(p));
		tail = &(*tail)->next;
		if (peek(p) != T_PIPE)
			break;
		take(p);
	}
	expect(p, T_RPAREN, ")");
	p->in_patterns = 0;
	skip_newlines(p);
	if (!is_word(p, "esac") && peek(p) != T_DSEMI)
		item->body = parse_list(p, 0);
	p->in_patterns = 1;
	if (peek(p) == T_DSEMI)
		take(p);
	else if (!is_word(p, "esac"))
		unexpected(p);
	skip_newlines(p);
	return item;
}

static struct node *parse_case(struct parser *p)
{
	struct node *n = new_node(p, N_CASE);
	struct case_item **tail = &n->u.case_.items;

	take(p);
	if (peek(p) != T_WORD)
		unexpected(p);
	n->u.case_.subject = new_word(p, take(p));
	skip_newlines(p);
	expect_word(p, "in");
	p->in_patterns = 1;
	skip_newlines(p);
	while (!is_word(p, "esac")) {
		if (peek(p) == T_EOF)
			unexpected(p);
		*tail = parse_case_item(p);
		tail = &(*tail)->next;
	}
	p->in_patterns = 0;
	take(p);
	return n;
}

static struct node *parse_group(struct parser *p, enum node_kind kind)
{
	struct node *n = new_node(p, kind);

	take(p);
	n->u.group.body = parse_compound_list(p);
	if (kind == N_GROUP)
		expect_word(p, "}");
	else
		expect(p, T_RPAREN, ")");
	return n;
}

/*
 * [[ ... ]]: the words and the operators up to ]], kept for cond.c. Inside, no
 * word is split or globbed, and < > && || ( ) are the test's operators.
 */
static struct node *parse_cond(struct parser *p)
{
	static const char *const texts[] = { [T_AND] = "&&", [T_OR] = "||", [T_LPAREN] = "(",
					     [T_RPAREN] = ")", [T_LESS] = "<", [T_GREAT] = ">" };
	struct node *n = new_node(p, N_COND);
	struct word **tail = &n->u.cond.words;

	take(p);	/* [[ */
	for (;;) {
		struct token_value *t = peek_token(p, 0);
		char *text;
		if (t->type == T_NEWLINE) {
			take(p);
			continue;
		}
		if (t->type == T_WORD && !t->quoted && strcmp(t->text, "]]") == 0)
			break;
		if (t->type != T_WORD && (t->type >= sizeof texts / sizeof texts[0] || texts[t->type] == NULL))
			unexpected(p);
		if (t->io_number >= 0) {	/* [[ 1 < 2 ]]: the 1 was read as a descriptor number */
			char digits[24];
			*tail = new_word(p, arena_strdup(p->arena, digits, strlen(format_number(digits, t->io_number))));
			tail = &(*tail)->next;
		}
		text = t->type == T_WORD ? take(p) : arena_strdup(p->arena, texts[t->type], strlen(texts[t->type]));
		if (t->type != T_WORD)
			take(p);
		*tail = new_word(p, text);
		tail = &(*tail)->next;
	}
	take(p);	/* ]] */
	if (n->u.cond.words == NULL)
		syntax_error("empty [[ ]]");
	return n;
}

static struct node *parse_compound(struct parser *p)
{
	if (peek_token(p, 1)->type == T_LPAREN)
		return parse_group(p, N_SUBSHELL);
	if (is_word(p, "{"))
		return parse_group(p, N_GROUP);
	if (is_word(p, "if"))
		return parse_if(p);
	if (is_word(p, "while"))
		return parse_while(p, N_WHILE);
	if (is_word(p, "until"))
		return parse_while(p, N_UNTIL);
	if (is_word(p, "for"))
		return parse_for(p);
	if (is_word(p, "case"))
		return parse_case(p);
	if (is_word(p, "[["))
		return parse_cond(p);
	return NULL;
}

/* function NAME [()] compound-command: ash's and ksh's way to define a function. */
static struct node *parse_function_keyword(struct parser *p)
{
	struct node *n = new_node(p, N_FUNCDEF);

	take(p);	/* function */
	if (peek(p) != T_WORD || !is_name(p->tok.text, strlen(p->tok.text)))
		syntax_error("bad function name '%s'", token_name(&p->tok));
	n->u.func.name = take(p);
	if (peek(p) == T_LPAREN) {
		take(p);
		expect(p, T_RPAREN, ")");
	}
	skip_newlines(p);
	n->u.func.arena = p->arena;
	n->u.func.body = parse_command_unit(p);
	if (n->u.func.body == NULL || n->u.func.body->kind == N_SIMPLE)
		syntax_error("function body must be a compound command");
	return n;
}

static struct node *parse_command_unit(struct parser *p)
{
	struct node *n;

	if (++p->depth > MAX_NESTING)
		syntax_error("commands nested too deeply");
	check_stack();	/* elif chains nest without raising depth */
	n = is_word(p, "function") ? parse_function_keyword(p) : parse_compound(p);
	if (n) {
		n->redirs = parse_redirections(p);
	} else {
		static const char *const misplaced[] = { "then", "else", "elif", "fi", "do", "done", "esac", "}", "in", NULL };
		for (int i = 0; misplaced[i]; i++)
			if (is_word(p, misplaced[i]))
				unexpected(p);
		n = parse_simple(p);
	}
	p->depth--;
	return n;
}

/* ---- pipelines and lists ---- */

static struct node *parse_pipeline(struct parser *p)
{
	struct node *n = new_node(p, N_PIPELINE), **tail = &n->u.pipeline.cmds;

	if (is_word(p, "!")) {
		take(p);
		n->u.pipeline.bang = 1;
	}
	for (;;) {
		*tail = parse_command_unit(p);
		tail = &(*tail)->next;
		if (peek(p) != T_PIPE)
			break;
		take(p);
		skip_newlines(p);
	}
	/* A lone command without '!' needs no pipeline node around it. */
	if (!n->u.pipeline.bang && n->u.pipeline.cmds->next == NULL)
		return n->u.pipeline.cmds;
	return n;
}

static struct node *parse_and_or(struct parser *p)
{
	struct node *left = parse_pipeline(p);

	while (peek(p) == T_AND || peek(p) == T_OR) {
		struct node *n = new_node(p, peek(p) == T_AND ? N_AND : N_OR);
		take(p);
		skip_newlines(p);
		n->u.binary.left = left;
		n->u.binary.right = parse_pipeline(p);
		left = n;
	}
	return left;
}

/*
 * A list of and_or commands separated by ';', '&' or (inside compound
 * commands) newlines. At the top, a newline ends the list instead.
 */
static struct node *parse_list(struct parser *p, int top)
{
	struct node *list = new_node(p, N_LIST), **tail = &list->u.list.items;

	for (;;) {
		struct node *item;
		if (top ? peek_token(p, 1)->type == T_NEWLINE || peek(p) == T_EOF : at_list_end(p))
			break;
		item = parse_and_or(p);
		if (peek(p) == T_AMP) {
			struct node *bg = new_node(p, N_BACKGROUND);
			bg->u.group.body = item;
			item = bg;
		}
		*tail = item;
		tail = &item->next;
		if (peek(p) == T_AMP || peek(p) == T_SEMI) {
			take(p);
		} else if (peek(p) == T_NEWLINE && !top) {
			skip_newlines(p);
		} else {
			break;
		}
		if (!top)
			skip_newlines(p);
	}
	if (list->u.list.items == NULL)
		return NULL;
	if (list->u.list.items->next == NULL)
		return list->u.list.items;
	return list;
}

struct node *parse_command(struct arena *a, int *at_eof)
{
	struct parser p = { .arena = a };
	struct node *n;

	p.heredocs_end = &p.heredocs;
	*at_eof = 0;
	if (peek_token(&p, 1)->type == T_EOF) {
		*at_eof = 1;
		return NULL;
	}
	n = parse_list(&p, 1);
	if (peek(&p) == T_NEWLINE)
		take(&p);
	else if (peek(&p) != T_EOF)
		unexpected(&p);
	if (n == NULL && p.have_tok)
		unexpected(&p);
	return n;
}

/* ---- the text of a command, for jobs ---- */

static void words_text(struct word *w, struct strbuf *out)
{
	for (; w; w = w->next) {
		if (out->len && out->s[out->len - 1] != ' ')
			sb_addc(out, ' ');
		sb_adds(out, w->text);
	}
}

/* a && b || c: the tree leans left as deep as the list is long; walked without recursion. */
static void and_or_text(struct node *n, struct strbuf *out)
{
	struct node **spine, *leaf, *m;
	int count = 0, i;

	for (leaf = n; leaf->kind == N_AND || leaf->kind == N_OR; leaf = leaf->u.binary.left)
		count++;
	spine = xmalloc(count * sizeof *spine);	/* the innermost operator first */
	for (m = n, i = count; m != leaf; m = m->u.binary.left)
		spine[--i] = m;
	node_text(leaf, out);
	for (i = 0; i < count; i++) {
		sb_adds(out, spine[i]->kind == N_AND ? " && " : " || ");
		node_text(spine[i]->u.binary.right, out);
	}
	free(spine);
}

void node_text(struct node *n, struct strbuf *out)
{
	static const char *const keywords[] = {
		[N_SUBSHELL] = "( ... )", [N_GROUP] = "{ ... }", [N_IF] = "if ...",
		[N_WHILE] = "while ...", [N_UNTIL] = "until ...", [N_FOR] = "for ...",
		[N_CASE] = "case ...", [N_FUNCDEF] = "function", [N_LIST] = "...", [N_COND] = "[[ ... ]]"
	};

	switch (n->kind) {
	case N_SIMPLE:
		words_text(n->u.simple.assigns, out);
		words_text(n->u.simple.args, out);
		break;
	case N_PIPELINE:
		if (n->u.pipeline.bang)
			sb_adds(out, "! ");
		for (struct node *c = n->u.pipeline.cmds; c; c = c->next) {
			node_text(c, out);
			if (c->next)
				sb_adds(out, " | ");
		}
		break;
	case N_AND:
	case N_OR:
		and_or_text(n, out);
		break;
	case N_BACKGROUND:
		node_text(n->u.group.body, out);
		break;
	default:
		sb_adds(out, keywords[n->kind]);
	}
}
