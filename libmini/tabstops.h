/*
 * tabstops.h: tab stop lists as expand and unexpand take them (-t N or -t N1,N2,...).
 */
#ifndef TABSTOPS_H
#define TABSTOPS_H

struct tabstops {
	long every;		/* one number: a stop every `every` columns */
	long *stops;		/* a list: the stops in increasing order */
	int n;
};

/* Parse "8" or "4,8,12" (blanks may separate too). Returns 0, or -1 when invalid. */
int tabstops_parse(struct tabstops *t, const char *list);
/* The column a tab at `column` (0-based) moves to; past the last listed stop, column + 1. */
long tabstops_next(const struct tabstops *t, long column);

#endif
