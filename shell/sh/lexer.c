/*
 * lexer.c: turns characters into tokens (POSIX XCU 2.3, "Token Recognition").
 *
 * A word is kept exactly as typed, quotes and all ("a b"'c'$x stays that
 * text): the lexer only has to find where it ends. To do that it follows
 * quotes, backslashes, ${...}, $(...), $((...)) and `...` so that a blank or an
 * operator inside them does not end the word. expand.c interprets the text later.
 * Line continuations (backslash-newline) are removed here, outside single quotes.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"
#include "escape.h"

static void scan_dollar(struct strbuf *b);
static void scan_backquote(struct strbuf *b);

/*
 * Quotes and ${...} inside each other are scanned (and later expanded) by
 * recursion: deeper nesting than this is refused, so neither can exhaust the
 * stack or take quadratic time on hostile input.
 */
#define MAX_NESTING 1000
static int nesting;

static void enter_nested(void)
{
	if (++nesting > MAX_NESTING)
		syntax_error("quotes or expansions nested too deeply");
}

/* The next character, with backslash-newline pairs removed. */
static int next_char(void)
{
	for (;;) {
		int c = input_getc();
		if (c != '\\')
			return c;
		c = input_getc();
		if (c != '\n') {
			input_ungetc(c);
			return '\\';
		}
	}
}

static int need_char(const char *what)
{
	int c = input_getc();

	if (c == EOF)
		syntax_error("unterminated %s", what);
	return c;
}

static void scan_single_quote(struct strbuf *b)
{
	int c;

	sb_addc(b, '\'');
	while ((c = need_char("quoted string")) != '\'')
		sb_addc(b, c);
	sb_addc(b, '\'');
}

/*
 * A backslash and the character after it, both kept (continuations dropped).
 * A backslash at the very end of the text (of sh -c, eval, a file) stands
 * for itself: it is kept escaped.
 */
static void scan_backslash(struct strbuf *b)
{
	int c = input_getc();

	if (c == '\n')
		return;
	sb_addc(b, '\\');
	sb_addc(b, c == EOF ? '\\' : c);
}

static void scan_double_quote(struct strbuf *b)
{
	int c;

	enter_nested();
	sb_addc(b, '"');
	while ((c = need_char("quoted string")) != '"') {
		if (c == '\\')
			scan_backslash(b);
		else if (c == '$')
			scan_dollar(b);
		else if (c == '`')
			scan_backquote(b);
		else
			sb_addc(b, c);
	}
	sb_addc(b, '"');
	nesting--;
}

static void scan_backquote(struct strbuf *b)
{
	int c;

	sb_addc(b, '`');
	while ((c = need_char("backquote")) != '`') {
		sb_addc(b, c);
		if (c == '\\')
			sb_addc(b, need_char("backquote"));
	}
	sb_addc(b, '`');
}

/* One decoded character of $'...' into b, as single-quoted text ('\'' for a quote). */
static void add_single_quoted(struct strbuf *b, int c)
{
	if (c == '\'')
		sb_adds(b, "'\\''");
	else
		sb_addc(b, c);
}

/*
 * $'...' (POSIX 2024, from ksh and bash): the backslash escapes of C, \e, \cX
 * (Control-X), \xHH and \NNN decoded here, and the result kept as a
 * single-quoted string, so that the rest of the shell sees ordinary quotes.
 * A \0 ends the string (a C string cannot hold it). Returns 1: the word is quoted.
 */
static int scan_dollar_single_quote(struct strbuf *b)
{
	struct strbuf raw = { 0 };
	const char *p;
	int c, ended = 0;

	while ((c = need_char("$'...'")) != '\'') {
		sb_addc(&raw, c);
		if (c == '\\')
			sb_addc(&raw, need_char("$'...'"));
	}
	sb_addc(&raw, '\0');
	sb_addc(b, '\'');
	for (p = raw.s; *p && !ended; ) {
		if (*p != '\\') {
			add_single_quoted(b, *p++);
			continue;
		}
		p++;
		if (*p == '\'' || *p == '"' || *p == '?') {
			c = *p++;
		} else if (*p == 'c' && p[1]) {
			c = p[1] == '?' ? 127 : (p[1] & 0x1f);
			p += 2;
		} else {
			c = decode_escape(&p, 0);
		}
		if (c == 0 || c == ESCAPE_STOP)
			ended = 1;
		else
			add_single_quoted(b, c);
	}
	sb_addc(b, '\'');
	free(raw.s);
	return 1;	/* (the word is quoted) */
}

/* Count the words case and esac, to know whether a ')' ends a case pattern. */
static void count_case_word(const char *word, size_t len, int *cases)
{
	if (len == 4 && strncmp(word, "case", 4) == 0)
		(*cases)++;
	else if (len == 4 && strncmp(word, "esac", 4) == 0 && *cases > 0)
		(*cases)--;
}

/*
 * The inside of $( ... ), up to the matching ')'. Parentheses are counted;
 * quoted ones do not count, and neither does the ')' after a case pattern
 * (inside case ... esac, a ')' that would close the $( closes a pattern).
 */
static void scan_parens(struct strbuf *b, int depth)
{
	int c, cases = 0;
	size_t word_start = b->len;

	while (depth > 0) {
		c = need_char("$(");
		if (strchr(" \t\n;&|()", c)) {
			count_case_word(b->s + word_start, b->len - word_start, &cases);
			word_start = b->len + 1;
		}
		if (c == ')' && depth == 1 && cases > 0) {
			sb_addc(b, c);
			continue;
		}
		if (c == '\'') {
			scan_single_quote(b);
		} else if (c == '"') {
			scan_double_quote(b);
		} else if (c == '`') {
			scan_backquote(b);
		} else if (c == '\\') {
			sb_addc(b, c);
			sb_addc(b, need_char("$("));
		} else {
			depth += c == '(';
			depth -= c == ')';
			sb_addc(b, c);
		}
	}
}

/* ${...}: up to the matching brace, following quotes and nested expansions. */
static void scan_braces(struct strbuf *b)
{
	int c;

	sb_addc(b, '{');
	while ((c = need_char("${")) != '}') {
		if (c == '\'')
			scan_single_quote(b);
		else if (c == '"')
			scan_double_quote(b);
		else if (c == '\\')
			scan_backslash(b);
		else if (c == '$')
			scan_dollar(b);
		else if (c == '`')
			scan_backquote(b);
		else
			sb_addc(b, c);
	}
	sb_addc(b, '}');
}

/* After a '$': a parameter, ${...}, $(...) or $((...)). */
static void scan_dollar(struct strbuf *b)
{
	int c = next_char();

	sb_addc(b, '$');
	if (c == '{') {
		enter_nested();
		scan_braces(b);
		nesting--;
	} else if (c == '(') {
		sb_addc(b, '(');
		scan_parens(b, 1);
	} else {
		input_ungetc(c);
	}
}

static int is_operator_start(int c)
{
	return c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')';
}

/* After a '$': is a single quote next ($'...')? Consumes it if so. */
static int followed_by_quote(void)
{
	int c = next_char();

	if (c == '\'')
		return 1;
	input_ungetc(c);
	return 0;
}

/* Read a word that starts with c; sets t->quoted if any quoting was seen. */
static void scan_word(struct token_value *t, int c)
{
	struct strbuf b = { 0 };

	for (; c != EOF; c = next_char()) {
		if (c == ' ' || c == '\t' || c == '\n' || is_operator_start(c))
			break;
		if (c == '\'' || c == '"' || c == '\\')
			t->quoted = 1;
		if (c == '\'')
			scan_single_quote(&b);
		else if (c == '"')
			scan_double_quote(&b);
		else if (c == '\\')
			scan_backslash(&b);
		else if (c == '$' && followed_by_quote())
			t->quoted = scan_dollar_single_quote(&b);
		else if (c == '$')
			scan_dollar(&b);
		else if (c == '`')
			scan_backquote(&b);
		else
			sb_addc(&b, c);
	}
	input_ungetc(c);
	t->text = sb_take(&b);
}

/* c2 follows c1 in the input: consume it and return 1; else leave it. */
static int followed_by(int c2)
{
	int c = next_char();

	if (c == c2)
		return 1;
	input_ungetc(c);
	return 0;
}

static enum token scan_operator(int c)
{
	switch (c) {
	case ';':
		return followed_by(';') ? T_DSEMI : T_SEMI;
	case '&':
		if (followed_by('>'))
			return followed_by('>') ? T_ANDDGREAT : T_ANDGREAT;
		return followed_by('&') ? T_AND : T_AMP;
	case '|':
		return followed_by('|') ? T_OR : T_PIPE;
	case '(':
		return T_LPAREN;
	case ')':
		return T_RPAREN;
	case '>':
		if (followed_by('>'))
			return T_DGREAT;
		if (followed_by('&'))
			return T_GREATAND;
		return followed_by('|') ? T_CLOBBER : T_GREAT;
	default:	/* '<' */
		if (followed_by('<'))
			return followed_by('-') ? T_DLESSDASH : T_DLESS;
		if (followed_by('&'))
			return T_LESSAND;
		return followed_by('>') ? T_LESSGREAT : T_LESS;
	}
}

static int all_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	while (isdigit((unsigned char)*s))
		s++;
	return *s == '\0';
}

/* <(list) or >(list), ash's and bash's process substitution: a word of its own. */
static void scan_process_substitution(struct token_value *t, int c)
{
	struct strbuf b = { 0 };

	sb_addc(&b, c);
	sb_addc(&b, '(');
	scan_parens(&b, 1);
	t->type = T_WORD;
	t->text = sb_take(&b);
}

/* If the word is an alias not being expanded already, read its text instead. */
static int expand_alias(struct token_value *t)
{
	const char *value;

	if (t->quoted || (value = alias_get(t->text)) == NULL || input_alias_active(t->text))
		return 0;
	input_push_string(value, t->text);
	free(t->text);
	t->text = NULL;
	return 1;
}

void lex_next(struct token_value *t, int check_alias)
{
	int c, after_blank_alias;

again:
	nesting = 0;	/* (after a syntax error it may not have come back down) */
	t->text = NULL;
	t->io_number = -1;
	t->quoted = 0;
	do
		c = next_char();
	while (c == ' ' || c == '\t');
	after_blank_alias = input_alias_blank_ended();
	if (c == '#') {
		while (c != '\n' && c != EOF)
			c = input_getc();
	}
	if (c == EOF) {
		t->type = T_EOF;
		return;
	}
	if (c == '\n') {
		t->type = T_NEWLINE;
		return;
	}
	if ((c == '<' || c == '>') && followed_by('(')) {
		scan_process_substitution(t, c);
		return;
	}
	if (is_operator_start(c)) {
		t->type = scan_operator(c);
		return;
	}
	t->type = T_WORD;
	scan_word(t, c);
	c = next_char();
	input_ungetc(c);
	if ((c == '<' || c == '>') && !t->quoted && all_digits(t->text)) {
		t->io_number = atoi(t->text);
		free(t->text);
		t->text = NULL;
		t->type = scan_operator(next_char());
		return;
	}
	if ((check_alias || after_blank_alias) && expand_alias(t)) {
		check_alias = 1;	/* the alias text's first word may be an alias too */
		goto again;
	}
}

/* One line of a here-document into line (without its newline); returns the character that ended it. */
static int heredoc_line(struct strbuf *line, int strip_tabs)
{
	int c = input_getc();

	while (strip_tabs && c == '\t')
		c = input_getc();
	while (c != '\n' && c != EOF) {
		sb_addc(line, c);
		c = input_getc();
	}
	sb_addc(line, '\0');
	line->len--;
	return c;
}

/* Does the line end in a backslash that is not itself escaped? */
static int ends_in_backslash(const struct strbuf *line)
{
	size_t n = 0;

	while (n < line->len && line->s[line->len - 1 - n] == '\\')
		n++;
	return n % 2 == 1;
}

/*
 * Read a here-document's lines up to the delimiter line; strip_tabs removes
 * leading tabs (<<-). In an unquoted one (expand set) a line ending in a
 * backslash goes on on the next line before the delimiter is looked for. A
 * here-document that the end of the input cuts off is kept, with a warning.
 */
char *lex_heredoc(const char *delimiter, int strip_tabs, int expand)
{
	struct strbuf body = { 0 }, line = { 0 };
	int c;

	for (;;) {
		line.len = 0;
		c = heredoc_line(&line, strip_tabs);
		while (expand && c == '\n' && ends_in_backslash(&line)) {
			line.len--;	/* the line continues: drop backslash-newline */
			c = heredoc_line(&line, 0);
		}
		if (strcmp(line.s, delimiter) == 0)
			break;
		if (c == EOF) {
			if (line.len > 0) {
				sb_addn(&body, line.s, line.len);
				sb_addc(&body, '\n');
			}
			sh_warn("here-document delimited by end of file (wanted '%s')", delimiter);
			break;
		}
		sb_addn(&body, line.s, line.len);
		sb_addc(&body, '\n');
	}
	free(line.s);
	return sb_take(&body);
}
