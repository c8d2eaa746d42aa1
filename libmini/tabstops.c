/* tabstops.c: tab stop lists for expand and unexpand; see tabstops.h. */
#include <stdlib.h>
#include "mini.h"
#include "tabstops.h"

int tabstops_parse(struct tabstops *t, const char *list)
{
	const char *p = list;

	t->every = 0;
	t->n = 0;
	t->stops = NULL;
	while (*p) {
		char *end;
		long stop = strtol(p, &end, 10);
		if (end == p || stop <= 0 || (t->n > 0 && stop <= t->stops[t->n - 1]))
			return -1;
		t->stops = xrealloc(t->stops, (t->n + 1) * sizeof *t->stops);
		t->stops[t->n++] = stop;
		p = end;
		while (*p == ',' || *p == ' ')
			p++;
	}
	if (t->n == 0)
		return -1;
	if (t->n == 1)
		t->every = t->stops[0];
	return 0;
}

long tabstops_next(const struct tabstops *t, long column)
{
	if (t->every)
		return (column / t->every + 1) * t->every;
	for (int i = 0; i < t->n; i++)
		if (t->stops[i] > column)
			return t->stops[i];
	return column + 1;
}
