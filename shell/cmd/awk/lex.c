/*
 * lex.c: awk's lexer. It cuts the program text into tokens, one at a time
 * (next_token), for the parser.
 *
 * The one subtle point of awk's lexing is '/': it divides after something that
 * has a value (a name, a number, ')' ...) and starts a regular expression
 * everywhere else. The lexer remembers the previous token to decide.
 */
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "escape.h"
#include "awk.h"

struct lexer lex;
int tok;
char *tok_text;
double tok_num;
int tok_builtin;
static const char *tok_start;	/* where the current token began, for error messages */

static const char *const keywords[] = {
	"BEGIN", "END", "function", "if", "else", "while", "for", "do", "break",
	"continue", "next", "nextfile", "exit", "return", "delete", "getline",
	"print", "printf", "in", NULL
};
static const char *const builtins[] = {
	"length", "substr", "index", "split", "sub", "gsub", "match", "sprintf",
	"tolower", "toupper", "int", "sqrt", "exp", "log", "sin", "cos",
	"atan2", "and", "or", "xor", "compl", "lshift", "rshift",
	"rand", "srand", "close", "fflush", "system", NULL
};

void lex_start(const char *text)
{
	lex.src = lex.p = text;
	lex.line = 1;
	lex.prev = T_NEWLINE;
}

void awk_syntax_error(const char *what)
{
	int n = strcspn(tok_start, "\n");

	if (n > 20)
		n = 20;
	if (*tok_start == '\n')	/* the line count is past the newline already */
		warn("line %d: %s at end of line", lex.line - 1, what);
	else if (*tok_start)
		warn("line %d: %s near '%.*s'", lex.line, what, n, tok_start);
	else
		warn("line %d: %s at end of program", lex.line, what);
	exit(2);
}

static int find_word(const char *const *table, const char *word, size_t len)
{
	for (int i = 0; table[i]; i++)
		if (strlen(table[i]) == len && memcmp(table[i], word, len) == 0)
			return i;
	return -1;
}

/* A growing buffer for the text of strings and regexes. */
static char *text_buf;
static size_t text_len, text_size;

static void text_add(char c)
{
	if (text_len + 1 >= text_size) {
		text_size = text_size ? 2 * text_size : 64;
		text_buf = xrealloc(text_buf, text_size);
	}
	text_buf[text_len++] = c;
	text_buf[text_len] = '\0';
}

/*
 * The body of "..." or /.../ up to the closing quote. In a string every escape is
 * decoded; in a regex only the ones regcomp does not know (\/ \n \t ...), the
 * others (\. \( \\ ...) stay for regcomp.
 */
static void read_quoted(char quote)
{
	int in_bracket = 0;

	text_len = 0;
	text_add('\0');	/* so that "" too has a buffer */
	text_len = 0;
	for (;;) {
		char c = *lex.p;

		if (c == '\0' || c == '\n')
			awk_syntax_error(quote == '"' ? "unterminated string" : "unterminated regex");
		lex.p++;
		if (c == quote && !in_bracket)
			return;
		if (quote == '/' && c == '[' && !in_bracket) {
			in_bracket = 1;
			text_add(c);
			if (*lex.p == '^')
				text_add(*lex.p++);
			if (*lex.p == ']')
				text_add(*lex.p++);
			continue;
		}
		if (c == ']')
			in_bracket = 0;
		if (c != '\\') {
			text_add(c);
			continue;
		}
		c = *lex.p;
		if (c == quote || (c == '\\' && quote == '"')) {
			text_add(c);
			lex.p++;
		} else if (c == '\n') {		/* a continued line */
			lex.p++;
			lex.line++;
		} else if (c == '\0') {
			continue;
		} else {
			const char *s = lex.p;
			int byte = decode_escape(&s, 0);

			if (byte == '\\' && s == lex.p) {	/* not an escape: keep both */
				text_add('\\');
				text_add(*lex.p++);
			} else if (quote == '/' && (byte == '\\' || strchr(".[]()*+?{}|^$", byte))) {
				text_add('\\');	/* \. stays \. for regcomp */
				text_add(*lex.p++);
			} else if (byte != ESCAPE_STOP) {
				text_add(byte);
				lex.p = s;
			} else {
				text_add('\\');
			}
		}
	}
}

/* A hex digit's value, or -1. */
static int hex_digit(char c)
{
	if (is_digit(c))
		return c - '0';
	if ((c | 32) >= 'a' && (c | 32) <= 'f')
		return (c | 32) - 'a' + 10;
	return -1;
}

/* A decimal number, or 0x1F as in gawk and BusyBox awk. */
static void read_number(void)
{
	char *end;

	if (lex.p[0] == '0' && (lex.p[1] | 32) == 'x' && hex_digit(lex.p[2]) >= 0) {
		tok_num = 0;
		for (lex.p += 2; hex_digit(*lex.p) >= 0; lex.p++)
			tok_num = tok_num * 16 + hex_digit(*lex.p);
		tok = T_NUMBER;
		return;
	}
	tok_num = strtod(lex.p, &end);
	/* strtod also knows "inf" and "0x": here only decimals */
	if (end == lex.p || (lex.p[0] == '0' && (lex.p[1] | 32) == 'x')) {
		tok_num = 0;
		end = (char *)lex.p + 1;
	}
	lex.p = end;
	tok = T_NUMBER;
}

static void read_word(void)
{
	const char *start = lex.p;
	size_t len;
	int k;

	while (is_name_char(*lex.p))
		lex.p++;
	len = lex.p - start;
	free(tok_text);
	tok_text = xstrndup(start, len);
	if ((k = find_word(keywords, start, len)) >= 0) {
		tok = T_BEGIN + k;
	} else if ((k = find_word(builtins, start, len)) >= 0) {
		tok = T_BUILTIN;
		tok_builtin = k;
	} else {
		tok = *lex.p == '(' ? T_FUNC_NAME : T_NAME;
	}
}

/* May a '/' here start a regex (rather than divide)? */
static int regex_allowed(void)
{
	switch (lex.prev) {
	case T_NAME: case T_NUMBER: case T_STRING: case T_ERE: case T_BUILTIN:
	case ')': case ']': case '$': case T_INCR: case T_DECR:
		return 0;
	}
	return 1;
}

/* Two-character operators: the text and the token. */
static const struct { char text[3]; int token; } pairs[] = {
	{ "+=", T_ADD_ASSIGN }, { "-=", T_SUB_ASSIGN }, { "*=", T_MUL_ASSIGN },
	{ "/=", T_DIV_ASSIGN }, { "%=", T_MOD_ASSIGN }, { "^=", T_POW_ASSIGN },
	{ "||", T_OR }, { "&&", T_AND }, { "!~", T_NOMATCH }, { "==", T_EQ },
	{ "<=", T_LE }, { ">=", T_GE }, { "!=", T_NE }, { "++", T_INCR },
	{ "--", T_DECR }, { ">>", T_APPEND }, { "**", '^' },
};

static void read_operator(void)
{
	if (lex.p[0] == '*' && lex.p[1] == '*' && lex.p[2] == '=') {
		lex.p += 3;
		tok = T_POW_ASSIGN;
		return;
	}
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (lex.p[0] == pairs[i].text[0] && lex.p[1] == pairs[i].text[1]) {
			if (pairs[i].token == T_DIV_ASSIGN && regex_allowed())
				break;
			lex.p += 2;
			tok = pairs[i].token;
			return;
		}
	tok = (unsigned char)*lex.p++;
	if (!strchr("{}()[];,+-*/%^!><|?:~$=", tok))
		awk_syntax_error("unexpected character");
}

void next_token(void)
{
	for (;;) {
		while (*lex.p == ' ' || *lex.p == '\t' || *lex.p == '\r')
			lex.p++;
		if (lex.p[0] == '\\' && lex.p[1] == '\n') {
			lex.p += 2;
			lex.line++;
		} else if (lex.p[0] == '\\' && lex.p[1] == '\r' && lex.p[2] == '\n') {
			lex.p += 3;
			lex.line++;
		} else if (*lex.p == '#') {
			lex.p += strcspn(lex.p, "\n");
		} else {
			break;
		}
	}
	tok_start = lex.p;
	if (*lex.p == '\0') {
		tok = T_EOF;
	} else if (*lex.p == '\n') {
		lex.p++;
		lex.line++;
		tok = T_NEWLINE;
	} else if (is_digit(*lex.p) || (*lex.p == '.' && is_digit(lex.p[1]))) {
		read_number();
	} else if (is_name_start(*lex.p)) {
		read_word();
	} else if (*lex.p == '"') {
		lex.p++;
		read_quoted('"');
		free(tok_text);
		tok_text = xstrdup(text_buf);
		tok = T_STRING;
	} else if (*lex.p == '/' && regex_allowed()) {
		lex.p++;
		read_quoted('/');
		free(tok_text);
		tok_text = xstrdup(text_buf);
		tok = T_ERE;
	} else {
		read_operator();
	}
	lex.prev = tok;
}
