/*
 * map.c: :map LHS RHS, :unmap LHS and :map alone (normal mode, as vi's :map).
 *
 * When a normal command starts, the keys typed are compared with the maps' left
 * sides: while they are the start of one, more are read; when they are one, the
 * right side is fed in their place, as if typed (so "." repeats what it did). A
 * right side may use other maps; a map that leads back to itself would never end,
 * so after MAX_EXPANSIONS in a row with no key from the terminal the rest is
 * dropped with "recursive mapping". When a left side is also the start of a
 * longer one, the shorter one wins at once (vi would wait for a timeout).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "mini.h"
#include "keys.h"
#include "vi.h"

#define MAX_MAPS 64
#define MAX_LHS 16
#define MAX_EXPANSIONS 100

struct map {
	int lhs[MAX_LHS], lhs_len;
	int *rhs, rhs_len;
	char *lhs_text, *rhs_text;	/* as typed, for :map alone */
};

static struct map maps[MAX_MAPS];
static int map_count;
static int expansions;	/* in a row, since the last key from the terminal */

/* The keys "<CR>", "<Esc>", "<Space>", "<Tab>" and "<lt>" name, or -1. */
static int named_key(const char *s, int *len)
{
	static const struct { const char *name; int key; } names[] = {
		{ "<cr>", '\r' }, { "<enter>", '\r' }, { "<esc>", KEY_ESC }, { "<space>", ' ' },
		{ "<tab>", '\t' }, { "<lt>", '<' }, { "<bar>", '|' },
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t n = strlen(names[i].name);
		if (strncasecmp(s, names[i].name, n) == 0) {
			*len = n;
			return names[i].key;
		}
	}
	return -1;
}

/* The keys of text as typed, with the <..> names; malloc'd, *n of them. */
static int *parse_keys(const char *text, int *n)
{
	int *keys = xmalloc((strlen(text) + 1) * sizeof *keys), len;

	*n = 0;
	while (*text) {
		int key = named_key(text, &len);
		if (key < 0) {
			key = (unsigned char)*text;
			len = 1;
		}
		keys[(*n)++] = key;
		text += len;
	}
	return keys;
}

static struct map *find_map(const int *keys, int n)
{
	for (int i = 0; i < map_count; i++)
		if (maps[i].lhs_len == n && memcmp(maps[i].lhs, keys, n * sizeof *keys) == 0)
			return &maps[i];
	return NULL;
}

/* Does some map's left side start with these n keys (and go on after them)? */
static int longer_map_starts(const int *keys, int n)
{
	for (int i = 0; i < map_count; i++)
		if (maps[i].lhs_len > n && memcmp(maps[i].lhs, keys, n * sizeof *keys) == 0)
			return 1;
	return 0;
}

static void forget(struct map *m)
{
	free(m->rhs);
	free(m->lhs_text);
	free(m->rhs_text);
	*m = maps[--map_count];
}

/* :map with no argument: one line per map. */
static void list_maps(void)
{
	if (map_count == 0) {
		message("No mapping found");
		return;
	}
	for (int i = 0; i < map_count; i++) {
		char *line = xmalloc(strlen(maps[i].lhs_text) + strlen(maps[i].rhs_text) + 16);
		int len = sprintf(line, "   %-12s %s", maps[i].lhs_text, maps[i].rhs_text);
		output_line(line, len);
		free(line);
	}
}

void map_command(const char *arg)
{
	const char *lhs_end = arg + strcspn(arg, " \t");
	const char *rhs = lhs_end + strspn(lhs_end, " \t");
	char *lhs_text = xstrndup(arg, lhs_end - arg);
	int lhs_len, *lhs = parse_keys(lhs_text, &lhs_len);
	struct map *m;

	if (lhs_len == 0) {
		list_maps();
	} else if (*rhs == '\0') {
		message("Usage: :map LHS RHS");
	} else if (lhs_len > MAX_LHS) {
		message("The keys to map are more than %d", MAX_LHS);
	} else if ((m = find_map(lhs, lhs_len)) == NULL && map_count == MAX_MAPS) {
		message("Too many mappings (%d)", MAX_MAPS);
	} else {
		if (m)
			forget(m);
		m = &maps[map_count++];
		memcpy(m->lhs, lhs, lhs_len * sizeof *lhs);
		m->lhs_len = lhs_len;
		m->rhs = parse_keys(rhs, &m->rhs_len);
		m->lhs_text = lhs_text;
		m->rhs_text = xstrdup(rhs);
		lhs_text = NULL;
	}
	free(lhs_text);
	free(lhs);
}

void unmap_command(const char *arg)
{
	int n, *keys = parse_keys(arg, &n);
	struct map *m = find_map(keys, n);

	if (m)
		forget(m);
	else
		message("No such mapping");
	free(keys);
}

int mapped_key(void)
{
	int typed[MAX_LHS], n = 0;
	struct map *m;

	for (;;) {
		if (!keys_fed())
			expansions = 0;	/* this key comes from the terminal */
		typed[n++] = get_key();
		if (map_count == 0)
			return typed[0];
		if ((m = find_map(typed, n)) != NULL) {
			if (++expansions > MAX_EXPANSIONS) {
				drop_fed_keys();
				message("recursive mapping");
				return KEY_ESC;	/* a command of nothing */
			}
			feed_keys(m->rhs, m->rhs_len);
			n = 0;
		} else if (n == MAX_LHS || !longer_map_starts(typed, n)) {
			/* No map: the keys are themselves. The later ones are read again. */
			feed_keys(typed + 1, n - 1);
			return typed[0];
		}
	}
}
