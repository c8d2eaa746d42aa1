/*
 * strbuf.c: growing strings. Each addition keeps the string NUL-terminated;
 * the room doubles when it runs out, so building a string is linear in its length.
 * Used by the shell (words, here-documents) and awk (records, printf).
 */
#include <string.h>
#include "mini.h"

static void sb_reserve(struct strbuf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	b->cap = b->cap ? b->cap : 32;
	while (b->len + more + 1 > b->cap)
		b->cap *= 2;
	b->s = xrealloc(b->s, b->cap);
}

void sb_addc(struct strbuf *b, int c)
{
	sb_reserve(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

void sb_addn(struct strbuf *b, const char *s, size_t n)
{
	sb_reserve(b, n);
	if (s)		/* NULL: only make room for n bytes, the caller fills them */
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sb_adds(struct strbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

char *sb_take(struct strbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}
