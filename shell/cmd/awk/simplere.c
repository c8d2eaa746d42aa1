/*
 * simplere.c: a fast matcher for the regular expressions most awk programs use:
 * characters, '.', bracket expressions, groups, alternatives, * + ?, and ^ and $
 * around the whole, up to 32 characters and brackets in all. gsub(/[0-9]+/, ...)
 * calls a matcher once a match, and uClibc's regexec sets up about 200 bytes of
 * state at every call, which cost more than the match itself. Anything else
 * ({m,n}, \w and the other backslash classes, [[.x.]]) is left to regexec:
 * simple_re_compile says NULL.
 *
 * The matching is a Glushkov automaton on bit masks: each character or bracket
 * of the pattern is a position, and bit i of a state set says "position i matched
 * the last character". The parser works out which positions can match a match's
 * first character (first), which can match the character after position i's
 * (follow[i]), and after which a match may end (last). From a start offset the
 * set is stepped a character at a time; the longest prefix that leaves a set
 * holding a last position is the match (POSIX: the longest of the leftmost).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "awk.h"

enum { MOST_POSITIONS = 32 };	/* one bit each in a uint32_t */

struct simple_re {
	uint32_t accepts[256];	/* accepts[c]: the positions that match byte c */
	uint32_t first;		/* the positions that can match a match's first character */
	/* starts[c]: a match can begin with byte c. Most bytes of a line cannot begin
	 * one, and the search steps over them with one lookup each. */
	uint8_t starts[256];
	uint32_t follow[MOST_POSITIONS];	/* those that can match the character after position i's */
	uint32_t last;		/* the positions a match may end with */
	/* after[k][b]: the follow sets of the positions in byte k of a set, b, together:
	 * a step from one set to the next is four lookups */
	uint32_t after[4][256];
	int nullable;		/* the empty string matches */
	int at_start, at_end;	/* ^ and $ */
};

/* What the parser knows of a part of the pattern. */
struct part {
	uint32_t first, last;
	int nullable;
};

struct parser {
	const char *p;
	struct simple_re *r;
	int positions;
	int depth;		/* of parentheses */
	int failed;		/* not simple: regexec's */
};

/* [:name:] at p (after the "[:"): the class's bytes into set; the text after ":]", or NULL. */
static const char *add_class(const char *p, uint8_t set[256])
{
	static const struct { const char *name; int (*is)(int); } classes[] = {
		{ "alpha", isalpha }, { "digit", isdigit }, { "alnum", isalnum }, { "upper", isupper },
		{ "lower", islower }, { "space", isspace }, { "blank", isblank }, { "punct", ispunct },
		{ "print", isprint }, { "graph", isgraph }, { "cntrl", iscntrl }, { "xdigit", isxdigit },
	};
	const char *end = strstr(p, ":]");

	if (!end)
		return NULL;
	for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
		if (strlen(classes[i].name) == (size_t)(end - p) && !strncmp(p, classes[i].name, end - p)) {
			for (int c = 1; c < 256; c++)
				if (classes[i].is(c))
					set[c] = 1;
			return end + 2;
		}
	return NULL;
}

/* The bracket expression at p (after its '['): into set; the text after its ']', or NULL. */
static const char *parse_bracket(const char *p, uint8_t set[256])
{
	int negate = *p == '^';

	if (negate)
		p++;
	for (int first = 1; *p && (*p != ']' || first); first = 0) {
		unsigned char c = *p;

		if (c == '\\' || (c == '[' && (p[1] == '.' || p[1] == '=')))
			return NULL;	/* left to regcomp: how it reads them is its business */
		if (c == '[' && p[1] == ':') {
			if ((p = add_class(p + 2, set)) == NULL)
				return NULL;
			continue;
		}
		if (p[1] == '-' && p[2] && p[2] != ']') {
			unsigned char to = p[2];
			if (to < c || to == '[' || to == '\\')
				return NULL;
			for (int b = c; b <= to; b++)
				set[b] = 1;
			p += 3;
			continue;
		}
		set[c] = 1;
		p++;
	}
	if (*p != ']')
		return NULL;
	if (negate)
		for (int c = 0; c < 256; c++)
			set[c] = !set[c];
	set[0] = 0;
	return p + 1;
}

/* A new position matching the bytes of set: a part of its own. */
static struct part new_position(struct parser *ps, const uint8_t set[256])
{
	int i = ps->positions++;

	for (int c = 0; c < 256; c++)
		if (set[c])
			ps->r->accepts[c] |= 1u << i;
	return (struct part){ 1u << i, 1u << i, 0 };
}

/* After a position in from's last set, those in to's first set can match. */
static void link_parts(struct parser *ps, uint32_t from, uint32_t to)
{
	for (int i = 0; i < ps->positions; i++)
		if (from & (1u << i))
			ps->r->follow[i] |= to;
}

static struct part parse_alternatives(struct parser *ps);

/* One character, '.', bracket expression or (group) at ps->p. */
static struct part parse_atom(struct parser *ps)
{
	uint8_t set[256] = { 0 };
	const char *p = ps->p;
	struct part none = { 0, 0, 0 };

	if (ps->positions == MOST_POSITIONS || ps->depth == MOST_POSITIONS) {
		ps->failed = 1;
		return none;
	}
	if (*p == '(') {
		struct part group;
		ps->p++;
		ps->depth++;
		group = parse_alternatives(ps);
		ps->depth--;
		if (*ps->p != ')' || group.first == 0)	/* () and (|a) are regcomp's */
			ps->failed = 1;
		else
			ps->p++;
		return group;
	}
	if (*p == '.') {
		memset(set + 1, 1, 255);
		p++;
	} else if (*p == '[') {
		p = parse_bracket(p + 1, set);
	} else if (*p == '\\') {
		if (p[1] && strchr(".[]()*+?{}|^$\\/", p[1])) {
			set[(unsigned char)p[1]] = 1;
			p += 2;
		} else {
			p = NULL;	/* \w \< \1 ...: regcomp's own */
		}
	} else if (*p == '\0' || strchr("()*+?{}|^$]", *p)) {
		p = NULL;
	} else {
		set[(unsigned char)*p++] = 1;
	}
	if (p == NULL) {
		ps->failed = 1;
		return none;
	}
	ps->p = p;
	return new_position(ps, set);
}

/* An atom and the *, + or ? after it. */
static struct part parse_repeated(struct parser *ps)
{
	struct part a = parse_atom(ps);
	char op = *ps->p;

	if (ps->failed || !(op == '*' || op == '+' || op == '?'))
		return a;
	ps->p++;
	if (*ps->p && strchr("*+?{", *ps->p)) {
		ps->failed = 1;		/* stacked or counted repetitions */
		return a;
	}
	if (op != '?')
		link_parts(ps, a.last, a.first);	/* again after itself */
	if (op != '+')
		a.nullable = 1;
	return a;
}

/* Atoms one after the other, up to a '|', a ')' or the end (a '$' that ends the pattern). */
static struct part parse_sequence(struct parser *ps)
{
	struct part seq = { 0, 0, 1 };

	while (!ps->failed && *ps->p && *ps->p != '|' && *ps->p != ')' &&
	       !(ps->p[0] == '$' && ps->p[1] == '\0' && ps->depth == 0)) {
		struct part next = parse_repeated(ps);

		link_parts(ps, seq.last, next.first);
		seq.first |= seq.nullable ? next.first : 0;
		seq.last = next.last | (next.nullable ? seq.last : 0);
		seq.nullable &= next.nullable;
	}
	if (seq.first == 0)
		ps->failed = 1;		/* an empty alternative: regcomp's */
	return seq;
}

static struct part parse_alternatives(struct parser *ps)
{
	struct part all = parse_sequence(ps);

	while (!ps->failed && *ps->p == '|') {
		struct part other;
		ps->p++;
		other = parse_sequence(ps);
		all.first |= other.first;
		all.last |= other.last;
		all.nullable |= other.nullable;
	}
	return all;
}

struct simple_re *simple_re_compile(const char *pattern)
{
	struct simple_re *r = xzalloc(sizeof *r);
	struct parser ps = { pattern, r, 0, 0, 0 };
	struct part whole;

	if (*ps.p == '^') {
		r->at_start = 1;
		ps.p++;
	}
	whole = parse_alternatives(&ps);
	if (*ps.p == '$' && ps.p[1] == '\0') {
		r->at_end = 1;
		ps.p++;
	}
	/* ^a|b anchors a alone: only a pattern of one alternative has its anchors outside */
	if ((r->at_start || r->at_end) && strchr(pattern, '|'))
		ps.failed = 1;
	if (ps.failed || *ps.p != '\0') {
		free(r);
		return NULL;
	}
	r->first = whole.first;
	r->last = whole.last;
	r->nullable = whole.nullable;
	for (int c = 0; c < 256; c++)
		r->starts[c] = (r->accepts[c] & r->first) != 0;
	for (int k = 0; k < 4; k++)
		for (int b = 1; b < 256; b++)
			for (int bit = 0; bit < 8; bit++)
				if (b & (1 << bit))
					r->after[k][b] |= r->follow[8 * k + bit];
	return r;
}

/* The atoms that can match the character after those in set matched theirs. */
static uint32_t step(const struct simple_re *r, uint32_t set)
{
	uint32_t next = r->after[0][set & 255];

	if (set > 255)		/* only patterns of more than 8 positions get here */
		next |= r->after[1][(set >> 8) & 255] | r->after[2][(set >> 16) & 255] |
			r->after[3][set >> 24];
	return next;
}

/* The end of the longest match that starts at s[from], or -1. */
static long longest_at(const struct simple_re *r, const char *s, size_t from, size_t len)
{
	long end = r->nullable && (!r->at_end || from == len) ? (long)from : -1;
	uint32_t set = r->first;

	for (size_t i = from; i < len; i++) {
		set &= r->accepts[(unsigned char)s[i]];
		if (!set)
			break;
		if (set & r->last && (!r->at_end || i + 1 == len))
			end = i + 1;
		set = step(r, set);
	}
	return end;
}

/* The longest match that starts at s[start] into *m; 0 if none starts there. */
static int match_at(const struct simple_re *r, const char *s, size_t start, size_t len, regmatch_t *m)
{
	long end = longest_at(r, s, start, len);

	if (end < 0)
		return 0;
	m->rm_so = start;
	m->rm_eo = end;
	return 1;
}

int simple_re_search(const struct simple_re *r, const char *s, size_t from, size_t len, regmatch_t *m)
{
	const unsigned char *text = (const unsigned char *)s;

	if (r->at_start)	/* ^ is the string's start only (no REG_NEWLINE) */
		return from == 0 && match_at(r, s, 0, len, m);
	for (size_t start = from; start <= len; start++) {
		if (!r->nullable) {	/* a match needs a first byte: skip to one */
			while (start < len && !r->starts[text[start]])
				start++;
			if (start == len)
				return 0;
		}
		if (match_at(r, s, start, len, m))
			return 1;
	}
	return 0;
}
