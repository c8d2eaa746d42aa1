/*
 * tr: translate, squeeze or delete bytes (POSIX tr). No locale: a character
 * is a byte, and the classes ([:alpha:] ...) are those of the C locale.
 * Sets are expanded into plain byte strings first; then one 256-entry table
 * does the work, so the loop over the input is a table lookup per byte.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: tr [-cCds] SET1 [SET2]\n"
	"Copy standard input to standard output, changing bytes of SET1 to SET2.\n"
	"  -c, -C  use the complement of SET1\n"
	"  -d      delete the bytes of SET1\n"
	"  -s      squeeze runs of a repeated byte of the last SET into one\n"
	"SETs: a-z ranges, \\n \\t \\\\ \\NNN escapes, [:alpha:] [:digit:] [:space:]\n"
	"[:upper:] [:lower:] [:alnum:] [:punct:] [:print:] [:graph:] [:cntrl:]\n"
	"[:xdigit:] [:blank:] classes, [x*N] (x N times) and [x*] (x to fill SET2).\n";

/* An expanded set: the bytes in order; fill_at is where a [x*] goes (-1: none). */
struct set {
	unsigned char bytes[4096];
	int len;
	int fill_at;
	unsigned char fill;
};

static void add_byte(struct set *s, int c)
{
	if (s->len == (int)sizeof s->bytes)
		die("set too long");
	s->bytes[s->len++] = c;
}

/* One possibly escaped character at *p; advances *p. */
static int next_char(const char **p)
{
	const char *s = *p;
	int c;

	if (*s != '\\' || s[1] == '\0') {
		*p = s + 1;
		return (unsigned char)*s;
	}
	s++;
	if (*s >= '0' && *s <= '7') {
		c = 0;
		for (int i = 0; i < 3 && *s >= '0' && *s <= '7'; i++)
			c = c * 8 + *s++ - '0';
		*p = s;
		return c & 0xff;
	}
	*p = s + 1;
	switch (*s) {
	case 'a': return '\a';
	case 'b': return '\b';
	case 'f': return '\f';
	case 'n': return '\n';
	case 'r': return '\r';
	case 't': return '\t';
	case 'v': return '\v';
	}
	return (unsigned char)*s;
}

static int (*class_test(const char *name, size_t len))(int)
{
	static const struct { const char *name; int (*test)(int); } classes[] = {
		{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
		{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
		{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
		{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
	};

	for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
		if (strlen(classes[i].name) == len && memcmp(classes[i].name, name, len) == 0)
			return classes[i].test;
	return NULL;
}

/* [:class:], [=c=], [c*n] or [c*] at p; returns 1 and advances when it was one. */
static int bracket(struct set *s, const char **p)
{
	const char *b = *p, *close;

	if ((b[1] == ':' || b[1] == '=') && (close = strchr(b + 2, b[1])) && close[1] == ']') {
		if (b[1] == ':') {
			int (*test)(int) = class_test(b + 2, close - b - 2);
			if (test == NULL)
				die("invalid character class '%.*s'", (int)(close - b - 2), b + 2);
			for (int c = 0; c < 256; c++)
				if (test(c))
					add_byte(s, c);
		} else {
			const char *q = b + 2;
			add_byte(s, next_char(&q));
		}
		*p = close + 2;
		return 1;
	}
	if (b[1] != '\0') {
		const char *q = b + 1;
		int c = next_char(&q);
		if (*q == '*') {
			char *end;
			long n = strtol(q + 1, &end, q[1] == '0' ? 8 : 10);
			if (*end == ']') {
				if (n == 0) {
					s->fill_at = s->len;
					s->fill = c;
				}
				while (n-- > 0)
					add_byte(s, c);
				*p = end + 1;
				return 1;
			}
		}
	}
	return 0;
}

static void expand(struct set *s, const char *text)
{
	const char *p = text;

	s->len = 0;
	s->fill_at = -1;
	while (*p) {
		int c;
		if (*p == '[' && bracket(s, &p))
			continue;
		c = next_char(&p);
		if (*p == '-' && p[1] != '\0') {
			const char *q = p + 1;
			int to = next_char(&q);
			if (to < c)
				die("range-endpoints of '%c-%c' are in reverse order", c, to);
			for (; c <= to; c++)
				add_byte(s, c);
			p = q;
			continue;
		}
		add_byte(s, c);
	}
}

static void complement(struct set *s)
{
	char in[256] = { 0 };

	for (int i = 0; i < s->len; i++)
		in[s->bytes[i]] = 1;
	s->len = 0;
	for (int c = 0; c < 256; c++)
		if (!in[c])
			add_byte(s, c);
}

/* Make SET2 as long as SET1: a [x*] fills the gap, else the last byte repeats. */
static void stretch(struct set *s2, int wanted)
{
	int missing = wanted - s2->len;

	if (missing <= 0)
		return;
	if (s2->fill_at >= 0) {
		memmove(s2->bytes + s2->fill_at + missing, s2->bytes + s2->fill_at, s2->len - s2->fill_at);
		memset(s2->bytes + s2->fill_at, s2->fill, missing);
		s2->len += missing;
		return;
	}
	if (s2->len == 0)
		die("when not truncating set1, string2 must be non-empty");
	while (s2->len < wanted)
		add_byte(s2, s2->bytes[s2->len - 1]);
}

int tr_main(int argc, char **argv)
{
	struct options o;
	int c, complement_set = 0, delete = 0, squeeze = 0;
	struct set set1, set2;
	unsigned char map[256], squeezable[256] = { 0 }, deleted[256] = { 0 };
	unsigned char buf[65536];	/* filtered in place: the output is never longer */
	int last = -1, have_set2;
	ssize_t n;

	options_start(&o, argc, argv, "cCds", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'c' || c == 'C')
			complement_set = 1;
		else if (c == 'd')
			delete = 1;
		else
			squeeze = 1;
	}
	argv += o.index;
	argc -= o.index;
	have_set2 = argc > 1;
	if (argc < 1)
		usage_error(usage, "missing operand");
	if (argc > 2 || (delete && !squeeze && have_set2))
		usage_error(usage, "extra operand '%s'", argv[argc - 1]);
	if (!delete && !squeeze && !have_set2)
		usage_error(usage, "missing operand after '%s'", argv[0]);
	if (delete && squeeze && !have_set2)
		usage_error(usage, "missing operand after '%s'", argv[0]);

	expand(&set1, argv[0]);
	if (complement_set)
		complement(&set1);
	for (int i = 0; i < 256; i++)
		map[i] = i;
	if (have_set2) {
		expand(&set2, argv[1]);
		if (!delete) {
			stretch(&set2, set1.len);
			for (int i = 0; i < set1.len; i++)
				map[set1.bytes[i]] = set2.bytes[i];
		}
	}
	if (delete)
		for (int i = 0; i < set1.len; i++)
			deleted[set1.bytes[i]] = 1;
	if (squeeze) {
		struct set *s = have_set2 ? &set2 : &set1;
		for (int i = 0; i < s->len; i++)
			squeezable[s->bytes[i]] = 1;
	}

	while ((n = read(STDIN_FILENO, buf, sizeof buf)) != 0) {
		int len = 0;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("read error:");
		}
		for (ssize_t i = 0; i < n; i++) {
			unsigned char ch = buf[i];
			if (deleted[ch])
				continue;
			ch = map[ch];
			if (squeezable[ch] && ch == last)
				continue;
			last = ch;
			buf[len++] = ch;
		}
		if (write_all(STDOUT_FILENO, buf, len) < 0)
			die("write error:");
	}
	return 0;
}
