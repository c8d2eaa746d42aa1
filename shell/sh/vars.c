/*
 * vars.c: shell variables, positional parameters and functions
 * (POSIX XCU 2.5 "Parameters and Variables", 2.9.5 "Function Definition Command").
 *
 * Variables and functions live in hash tables, so a lookup costs the same
 * however many there are. A function call opens a scope: `local` (and the
 * temporary assignments of `VAR=x cmd`) save the old value there, and closing
 * the scope puts it back.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "sh.h"

struct var {
	struct var *next;	/* in the same hash bucket */
	char *name;
	char *value;		/* NULL: unset, but may carry the export/readonly flags */
	int flags;
	struct node *func;	/* in the function table */
};

struct table {
	struct var **buckets;
	size_t size, count;
};

static struct table vars, funcs;
static char **environ_cache;
static int environ_dirty = 1;
struct positional positional;

/* ---- names ---- */

size_t name_length(const char *s)
{
	size_t n = 0;

	if (!isalpha((unsigned char)s[0]) && s[0] != '_')
		return 0;
	while (isalnum((unsigned char)s[n]) || s[n] == '_')
		n++;
	return n;
}

int is_name(const char *s, size_t len)
{
	return len > 0 && name_length(s) == len;
}

/* ---- the hash table ---- */

static size_t hash(const char *s, size_t len)
{
	size_t h = 2166136261u;		/* FNV-1a */

	while (len--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static struct var **find_slot(struct table *t, const char *name, size_t len)
{
	struct var **slot;

	if (t->size == 0)
		return NULL;
	for (slot = &t->buckets[hash(name, len) & (t->size - 1)]; *slot; slot = &(*slot)->next)
		if (strncmp((*slot)->name, name, len) == 0 && (*slot)->name[len] == '\0')
			return slot;
	return slot;
}

static void grow(struct table *t)
{
	struct table bigger = { .size = t->size ? t->size * 2 : 64 };

	bigger.buckets = xzalloc(bigger.size * sizeof *bigger.buckets);
	for (size_t i = 0; i < t->size; i++) {
		struct var *v = t->buckets[i], *next;
		for (; v; v = next) {
			size_t b = hash(v->name, strlen(v->name)) & (bigger.size - 1);
			next = v->next;
			v->next = bigger.buckets[b];
			bigger.buckets[b] = v;
		}
	}
	free(t->buckets);
	bigger.count = t->count;
	*t = bigger;
}

static struct var *lookup(struct table *t, const char *name, size_t len)
{
	struct var **slot = find_slot(t, name, len);

	return slot ? *slot : NULL;
}

static struct var *lookup_or_add(struct table *t, const char *name, size_t len)
{
	struct var **slot, *v;

	if (t->count + 1 > t->size / 2)
		grow(t);
	slot = find_slot(t, name, len);
	if (*slot)
		return *slot;
	v = xzalloc(sizeof *v);
	v->name = xstrndup(name, len);
	*slot = v;
	t->count++;
	return v;
}

static void remove_entry(struct table *t, const char *name)
{
	struct var **slot = find_slot(t, name, strlen(name)), *v;

	if (slot == NULL || *slot == NULL)
		return;
	v = *slot;
	*slot = v->next;
	t->count--;
	free(v->name);
	free(v->value);
	free(v);
}

/* ---- variables ---- */

/* The line of the command running now (exec.c sets it). */
int command_line;

/*
 * $RANDOM: 0 to 32767, from a linear congruential generator (the constants of
 * C's own example rand); the seed differs from process to process.
 */
static int next_random(void)
{
	static unsigned long seed;

	if (seed == 0)
		seed = (unsigned long)getpid() * 2654435761u ^ (unsigned long)time(NULL);
	seed = seed * 1103515245 + 12345;
	return (seed >> 16) & 0x7fff;
}

/* Variables the shell computes when they are read, unless the script set them. */
static const char *dynamic_value(const char *name)
{
	static char buf[24];

	if (strcmp(name, "LINENO") == 0)
		return format_number(buf, command_line);
	if (strcmp(name, "RANDOM") == 0)
		return format_number(buf, next_random());
	return NULL;
}

/* The value of the variable named by the len characters at name (no NUL needed). */
const char *var_get_n(const char *name, size_t len)
{
	struct var *v = lookup(&vars, name, len);
	char copy[8];

	if (v == NULL && len == 6) {	/* LINENO or RANDOM? */
		memcpy(copy, name, len);
		copy[len] = '\0';
		return dynamic_value(copy);
	}
	return v ? v->value : NULL;
}

const char *var_get(const char *name)
{
	return var_get_n(name, strlen(name));
}

int var_flags(const char *name)
{
	struct var *v = lookup(&vars, name, strlen(name));

	return v ? v->flags : 0;
}

/* Some variables mean something to the shell itself. */
static void variable_changed(const char *name)
{
	if (strcmp(name, "PATH") == 0)
		path_cache_clear();
}

/*
 * A copy of value becomes v's. The old one's memory is kept when the new value
 * fits and would not waste much of it: loops assign the same variables again
 * and again.
 */
static void store_value(struct var *v, const char *value)
{
	size_t new_len = value ? strlen(value) : 0, old_len = v->value ? strlen(v->value) : 0;
	char *copy;

	if (value && v->value && new_len <= old_len && old_len <= 2 * new_len + 32) {
		memmove(v->value, value, new_len + 1);	/* (value may lie inside the old one) */
		return;
	}
	copy = value ? xstrdup(value) : NULL;
	free(v->value);
	v->value = copy;
}

static int set_value(const char *name, size_t len, const char *value, int flags)
{
	struct var *v = lookup_or_add(&vars, name, len);

	if (v->flags & V_READONLY) {
		sh_warn("%s: is read only", v->name);
		return -1;
	}
	if (sh_opt.allexport)
		flags |= V_EXPORT;
	if (value != v->value)
		store_value(v, value);
	v->flags |= flags;
	if (v->flags & V_EXPORT)
		environ_dirty = 1;
	variable_changed(v->name);
	return 0;
}

int var_set(const char *name, const char *value, int flags)
{
	return set_value(name, strlen(name), value, flags);
}

int var_assign(const char *assignment, int flags)
{
	const char *eq = strchr(assignment, '=');

	return set_value(assignment, eq - assignment, eq + 1, flags);
}

/* export -n: the variable stays, but is no longer exported. */
void var_unexport(const char *name)
{
	struct var *v = lookup(&vars, name, strlen(name));

	if (v) {
		v->flags &= ~V_EXPORT;
		environ_dirty = 1;
	}
}

void var_mark(const char *name, int flags)
{
	const char *eq = strchr(name, '=');

	if (eq) {
		set_value(name, eq - name, eq + 1, flags);
		return;
	}
	lookup_or_add(&vars, name, strlen(name))->flags |= flags;
	environ_dirty = 1;
}

int var_unset(const char *name)
{
	struct var *v = lookup(&vars, name, strlen(name));

	if (v == NULL)
		return 0;
	if (v->flags & V_READONLY) {
		sh_warn("%s: is read only", name);
		return -1;
	}
	if (v->flags & V_EXPORT)
		environ_dirty = 1;
	remove_entry(&vars, name);
	variable_changed(name);
	return 0;
}

char **var_environ(void)
{
	int n = 0;

	if (!environ_dirty)
		return environ_cache;
	if (environ_cache) {
		for (int i = 0; environ_cache[i]; i++)
			free(environ_cache[i]);
		free(environ_cache);
	}
	environ_cache = xmalloc((vars.count + 1) * sizeof *environ_cache);
	for (size_t i = 0; i < vars.size; i++) {
		for (struct var *v = vars.buckets[i]; v; v = v->next) {
			if ((v->flags & V_EXPORT) && v->value) {
				char *entry = xmalloc(strlen(v->name) + strlen(v->value) + 2);
				sprintf(entry, "%s=%s", v->name, v->value);
				environ_cache[n++] = entry;
			}
		}
	}
	environ_cache[n] = NULL;
	environ_dirty = 0;
	return environ_cache;
}

/* Write s in single quotes so the shell can read it back. */
void put_quoted(const char *s)
{
	putchar('\'');
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*s);
	}
	putchar('\'');
}

static int compare_vars(const void *a, const void *b)
{
	return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

/* Every entry of a table, sorted by name (malloc'd array, NULL-terminated). */
static struct var **sorted(struct table *t)
{
	struct var **list = xmalloc((t->count + 1) * sizeof *list);
	size_t n = 0;

	for (size_t i = 0; i < t->size; i++)
		for (struct var *v = t->buckets[i]; v; v = v->next)
			list[n++] = v;
	qsort(list, n, sizeof *list, compare_vars);
	list[n] = NULL;
	return list;
}

void var_print(const char *prefix, int flags)
{
	struct var **list = sorted(&vars);

	for (struct var **v = list; *v; v++) {
		if (((*v)->flags & flags) != flags || (!prefix && !(*v)->value))
			continue;
		if (prefix)
			printf("%s ", prefix);
		fputs((*v)->name, stdout);
		if ((*v)->value) {
			putchar('=');
			put_quoted((*v)->value);
		}
		putchar('\n');
	}
	free(list);
}

/* ---- scopes: local variables of function calls ---- */

struct saved_var {
	struct saved_var *next;
	char *name, *value;
	int flags, existed;
};

struct scope {
	struct scope *prev;
	struct saved_var *saved;
};

static struct scope *scopes;

void var_push_scope(void)
{
	struct scope *s = xzalloc(sizeof *s);

	s->prev = scopes;
	scopes = s;
}

void var_pop_scope(void)
{
	struct scope *s = scopes;

	while (s->saved) {
		struct saved_var *sv = s->saved;
		struct var *v;
		s->saved = sv->next;
		if (sv->existed) {
			v = lookup_or_add(&vars, sv->name, strlen(sv->name));
			free(v->value);
			v->value = sv->value;
			v->flags = sv->flags;
			environ_dirty = 1;
			variable_changed(sv->name);
		} else {
			v = lookup(&vars, sv->name, strlen(sv->name));
			if (v)
				v->flags &= ~V_READONLY;
			var_unset(sv->name);
			free(sv->value);
		}
		free(sv->name);
		free(sv);
	}
	scopes = s->prev;
	free(s);
}

/* Save a variable's state in the innermost scope (once per scope), then assign. */
int var_make_local(const char *assignment)
{
	const char *eq = strchr(assignment, '=');
	size_t len = eq ? (size_t)(eq - assignment) : strlen(assignment);
	struct var *v = lookup(&vars, assignment, len);
	struct saved_var *sv;

	if (scopes == NULL)
		return eq ? var_assign(assignment, 0) : 0;
	for (sv = scopes->saved; sv; sv = sv->next)
		if (strncmp(sv->name, assignment, len) == 0 && sv->name[len] == '\0')
			break;
	if (sv == NULL) {
		sv = xzalloc(sizeof *sv);
		sv->name = xstrndup(assignment, len);
		if (v) {
			sv->existed = 1;
			sv->value = v->value ? xstrdup(v->value) : NULL;
			sv->flags = v->flags;
		}
		sv->next = scopes->saved;
		scopes->saved = sv;
	}
	return eq ? set_value(assignment, len, eq + 1, 0) : 0;
}

/* ---- positional parameters ---- */

void positional_free(struct positional *p)
{
	for (int i = 0; i < p->count; i++)
		free(p->v[i]);
	free(p->v);
	p->v = NULL;
	p->count = 0;
}

void positional_set(char **argv, int count)
{
	char **copy = xmalloc((count + 1) * sizeof *copy);

	for (int i = 0; i < count; i++)
		copy[i] = xstrdup(argv[i]);
	copy[count] = NULL;
	positional_free(&positional);
	positional.v = copy;
	positional.count = count;
}

/* ---- functions ---- */

void func_define(struct node *def)
{
	struct var *f = lookup_or_add(&funcs, def->u.func.name, strlen(def->u.func.name));

	if (f->func)
		arena_release(f->func->u.func.arena);
	def->u.func.arena->refs++;
	f->func = def;
}

struct node *func_get(const char *name)
{
	struct var *f = funcs.count ? lookup(&funcs, name, strlen(name)) : NULL;

	return f ? f->func : NULL;
}

int func_unset(const char *name)
{
	struct var *f = lookup(&funcs, name, strlen(name));

	if (f == NULL)
		return 0;
	arena_release(f->func->u.func.arena);
	remove_entry(&funcs, name);
	return 0;
}
