/*
 * util.c: the shell's small data structures: growing string lists, and the
 * arena a parse tree lives in. (Growing strings are libmini's strbuf.c.)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "sh.h"

/* ---- the C stack ----
 * The shell recurses where the script nests: run_node for compound commands
 * and function calls, the parser for nested commands, expansion for nested
 * quotes and $( ). Before that uses up the C stack (the kernel would end the
 * shell with SIGSEGV), check_stack stops it with an error, status 2. It looks
 * how far below the first check it is; a quarter of the stack is left for
 * what runs below the last check (printf, glob, a trap on the way out).
 */
static uintptr_t stack_top;
static size_t stack_budget;

void stack_check_start(void)
{
	struct rlimit limit;
	size_t size = 8 << 20;
	char here;

	if (getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur < size)
		size = limit.rlim_cur;
	stack_budget = size / 4 * 3;
	stack_top = (uintptr_t)&here;
}

void check_stack(void)
{
	char here;

	if (stack_top == 0)
		stack_check_start();
	if (stack_top - (uintptr_t)&here > stack_budget)
		sh_error(2, "recursion too deep");
}

char *format_number(char *buf, intmax_t n)
{
	char digits[24], *p = digits + sizeof digits;
	uintmax_t u = n < 0 ? -(uintmax_t)n : (uintmax_t)n;

	*--p = '\0';
	while (u > 0xffffffffu) {	/* 64-bit division is slow on i386: only as long as needed */
		*--p = '0' + u % 10;
		u /= 10;
	}
	for (unsigned long small = u;; ) {
		*--p = '0' + small % 10;
		if ((small /= 10) == 0)
			break;
	}
	if (n < 0)
		*--p = '-';
	return strcpy(buf, p);
}

/* ---- string lists ---- */

void sl_add(struct strlist *l, char *s)
{
	if (l->count + 2 > l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->count++] = s;
	l->v[l->count] = NULL;
}

void sl_free(struct strlist *l)
{
	for (int i = 0; i < l->count; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->count = l->cap = 0;
}

/* ---- arenas: a parse tree's nodes and strings, freed together ---- */

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	char data[];
};

struct arena *arena_new(void)
{
	struct arena *a = xzalloc(sizeof *a);

	a->refs = 1;
	return a;
}

void *arena_alloc(struct arena *a, size_t size)
{
	struct arena_block *b = a->blocks;
	void *p;

	size = (size + 7) & ~(size_t)7;
	if (b == NULL || b->used + size > b->size) {
		size_t block_size = size > 4000 ? size : 4000;
		b = xmalloc(sizeof *b + block_size);
		b->used = 0;
		b->size = block_size;
		b->next = a->blocks;
		a->blocks = b;
	}
	p = b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *arena_strdup(struct arena *a, const char *s, size_t len)
{
	char *copy = arena_alloc(a, len + 1);

	memcpy(copy, s, len);
	return copy;
}

void arena_release(struct arena *a)
{
	if (a == NULL || --a->refs > 0)
		return;
	while (a->blocks) {
		struct arena_block *next = a->blocks->next;
		free(a->blocks);
		a->blocks = next;
	}
	free(a);
}
