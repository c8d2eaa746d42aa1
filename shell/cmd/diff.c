/*
 * diff: compare files line by line (POSIX diff: the normal, the context and
 * the unified output formats, -b, -r for directories, plus GNU's -i -q -w -N -L).
 * Exit status 0: no differences, 1: some, 2: trouble.
 *
 * How diff works
 * --------------
 * 1. Each line gets a number, its equivalence class: equal lines get equal
 *    numbers (a hash table finds them). From then on lines are compared as
 *    integers, never as strings.
 * 2. Lines equal at the start and at the end of both files are set aside:
 *    most real diffs touch little, and this makes them fast. So are lines
 *    that do not occur in the other file at all: they are changed anyway.
 * 3. The rest is Myers' algorithm ("An O(ND) Difference Algorithm and Its
 *    Variations", 1986). Picture a grid with file A along x and file B along y.
 *    Walking right deletes a line of A, walking down inserts a line of B, and
 *    where A[x] == B[y] a diagonal step is free (a "snake": a run of those).
 *    A shortest edit script is a path from the top left to the bottom right
 *    with the fewest non-diagonal steps, D. Myers finds it by trying D = 0, 1,
 *    2 ... and remembering, for each diagonal k = x - y, only the furthest x a
 *    path of D edits reaches: O((N+M) D) time, little memory. When D grows
 *    past TOO_EXPENSIVE, it settles for a good path instead of the best.
 * 4. For linear space it searches from both corners at once. Where the two
 *    searches meet ("the middle snake") lies a point on a shortest path; the
 *    problem splits there into two smaller ones, solved the same way, until
 *    one side is empty: then all of the other side is inserted or deleted.
 * 5. The result is a mark "changed" on each line of A (deleted) and B
 *    (inserted). Runs of changes that could equally sit elsewhere are moved
 *    where GNU diff puts them (place_runs); then runs of changes are printed, as
 *    "3c3" blocks, or as context ("***") or unified ("@@") hunks with
 *    unchanged lines around them.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: diff [-abciqrNuw] [-C LINES] [-U LINES] [-L LABEL]... FILE1 FILE2\n"
	"Compare two files (or directories) line by line.\n"
	"  -a  treat all files as text\n"
	"  -b  ignore changes in the amount of blanks   -w  ignore all blanks\n"
	"  -i  ignore the case of letters\n"
	"  -q  only tell whether the files differ\n"
	"  -r  compare subdirectories too\n"
	"  -N  treat a missing file as empty\n"
	"  -c  context output with 3 lines of context; -C LINES: with LINES of context\n"
	"  -u  unified output with 3 lines of context; -U LINES: with LINES of context\n"
	"  -L LABEL, --label LABEL  LABEL instead of the name and time in the header\n"
	"      (the first for FILE1, the second for FILE2)\n";

/* Give up on a minimal diff after this many edits in one piece (keeps huge diffs fast). */
#define TOO_EXPENSIVE 4096

struct line {
	const char *text;
	int length;		/* with its '\n', if it has one */
	const char *key;	/* what is compared: the text, or its copy as -b -w -i see it */
	int key_length;
	unsigned hash;		/* of the key */
};

/* What -b, -w and -i tell diff to overlook. */
enum { IGNORE_SPACE_CHANGE = 1, IGNORE_ALL_SPACE = 2, IGNORE_CASE = 4 };

/* A file read into memory and cut into lines. */
struct text {
	const char *name;
	char *data;
	size_t size;
	struct stat st;		/* st_mtime 0 for a missing file (-N) */
	struct line *lines;
	int count;
	char *keys;		/* the lines' copies for -b -w -i, or NULL */
	int *ids;		/* the equivalence class of each line */
	char *changed;		/* 1: this line is deleted (A) or inserted (B) */
};

/* A run of changes: lines a0..a1-1 of A replaced by lines b0..b1-1 of B. */
struct change {
	int a0, a1, b0, b1;
};

/* The output formats: "3c3" blocks, "***" hunks (-c -C), "@@" hunks (-u -U). */
enum format { NORMAL, CONTEXT, UNIFIED };

struct diff {
	enum format format;
	int context;		/* lines of context around the changes of a hunk */
	int brief, recursive, new_as_empty, text;
	int ignore;		/* IGNORE_... bits */
	const char *switches;	/* the options as given, for the "diff -r a/f b/f" lines */
	int in_directory;	/* print those lines */
	const char *labels[2];	/* -L: the headers' names instead of FILE1's and FILE2's */
};

/* ---- reading ---- */

static unsigned hash_line(const char *s, int length)
{
	unsigned h = 2166136261u;	/* FNV-1a */

	while (length-- > 0)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/*
 * Copy a line as -b, -w and -i compare it into out; returns its length. -b
 * turns every run of blanks into one space and drops those at the end, -w
 * drops all, -i makes letters small.
 */
static int normalize(const char *s, int length, int ignore, char *out)
{
	int n = 0, newline = length > 0 && s[length - 1] == '\n', pending_space = 0;

	for (int i = 0; i < length - newline; i++) {
		unsigned char c = s[i];
		if (isspace(c) && (ignore & (IGNORE_SPACE_CHANGE | IGNORE_ALL_SPACE))) {
			pending_space = !(ignore & IGNORE_ALL_SPACE);
			continue;
		}
		if (pending_space)
			out[n++] = ' ';
		pending_space = 0;
		out[n++] = ignore & IGNORE_CASE ? tolower(c) : c;
	}
	if (newline)
		out[n++] = '\n';
	return n;
}

static void split_lines(struct text *t, int ignore)
{
	const char *p = t->data, *end = t->data + t->size;
	char *key = t->keys = ignore ? xmalloc(t->size + 1) : NULL;
	int capacity = 64;

	t->lines = xmalloc(capacity * sizeof *t->lines);
	t->count = 0;
	while (p < end) {
		const char *newline = memchr(p, '\n', end - p);
		const char *next = newline ? newline + 1 : end;
		struct line *line;
		if (t->count == capacity)
			t->lines = xrealloc(t->lines, (capacity *= 2) * sizeof *t->lines);
		line = &t->lines[t->count++];
		line->text = line->key = p;
		line->length = line->key_length = next - p;
		if (ignore) {
			line->key = key;
			line->key_length = normalize(p, next - p, ignore, key);
			key += line->key_length;
		}
		line->hash = hash_line(line->key, line->key_length);
		p = next;
	}
	t->ids = xmalloc((t->count + 1) * sizeof *t->ids);
	t->changed = xzalloc(t->count + 1);
}

/* Read path (NULL: a missing file, empty) into t. Returns 0 or -1 after a message. */
static int load_text(struct text *t, const char *name, const char *path)
{
	memset(t, 0, sizeof *t);
	t->name = name;
	if (path == NULL) {
		t->data = xstrdup("");
		return 0;
	}
	if (strcmp(path, "-") == 0 ? fstat(STDIN_FILENO, &t->st) : stat(path, &t->st)) {
		warn("%s:", path);
		return -1;
	}
	t->data = read_file(path, &t->size);
	if (t->data == NULL) {
		warn("%s:", path);
		return -1;
	}
	return 0;
}

static void free_text(struct text *t)
{
	free(t->data);
	free(t->lines);
	free(t->keys);
	free(t->ids);
	free(t->changed);
}

/* Give every line the number of its equivalence class (step 1 above); returns the classes' upper bound. */
static size_t number_lines(struct text *a, struct text *b)
{
	struct text *files[2] = { a, b };
	size_t size = 16, mask;
	struct line **slots;

	while (size < 2 * (size_t)(a->count + b->count))
		size *= 2;
	mask = size - 1;
	slots = xzalloc(size * sizeof *slots);	/* each slot: the first line of a class */
	for (int f = 0; f < 2; f++) {
		for (int i = 0; i < files[f]->count; i++) {
			struct line *line = &files[f]->lines[i];
			size_t s = line->hash & mask;
			while (slots[s] && (slots[s]->hash != line->hash || slots[s]->key_length != line->key_length
					    || memcmp(slots[s]->key, line->key, line->key_length) != 0))
				s = (s + 1) & mask;
			if (slots[s] == NULL)
				slots[s] = line;
			files[f]->ids[i] = (int)s;	/* the slot number is the class number */
		}
	}
	free(slots);
	return size;
}

/* ---- Myers' algorithm (steps 2 to 4 above) ---- */

struct myers {
	const int *a, *b;	/* the class numbers of the lines */
	char *changed_a, *changed_b;
	int *forward, *backward;	/* furthest x on each diagonal, indexed by k + offset */
	int offset;
};

/*
 * The furthest x a forward path reaches on diagonal k with one more edit than
 * last round: a step right (delete) from diagonal k-1 or a step down (insert)
 * from diagonal k+1, whichever gets further without leaving the n x m grid.
 * -1 when neither can.
 */
static int step_forward(const int *fwd, int k, int d, int n, int m)
{
	int right = (k > -d && fwd[k - 1] >= 0 && fwd[k - 1] < n) ? fwd[k - 1] + 1 : -1;
	int down = (k < d && fwd[k + 1] >= 0 && fwd[k + 1] - k <= m) ? fwd[k + 1] : -1;

	return d == 0 ? 0 : right > down ? right : down;
}

/* The mirror image for paths going backward from (n, m): step left or up. n + 1 when neither can. */
static int step_backward(const int *bwd, int k, int d, int delta, int n)
{
	int up = (k > delta - d && bwd[k - 1] <= n && bwd[k - 1] - k >= 0) ? bwd[k - 1] : n + 1;
	int left = (k < delta + d && bwd[k + 1] <= n && bwd[k + 1] > 0) ? bwd[k + 1] - 1 : n + 1;

	return d == 0 ? n : up < left ? up : left;
}

/*
 * Find a point (*x_out, *y_out) on a shortest edit path through A[a0..a1) and
 * B[b0..b1) by searching forward from (a0, b0) and backward from (a1, b1), one
 * more edit per round, until the two searches overlap on a diagonal.
 * fwd[k] and bwd[k] hold the furthest x on diagonal k = x - y (relative to
 * (a0, b0)); the backward search runs on the diagonals around delta = n - m,
 * the diagonal of the bottom right corner.
 */
static void find_middle(struct myers *my, int a0, int a1, int b0, int b1, int *x_out, int *y_out)
{
	const int *a = my->a + a0, *b = my->b + b0;
	int n = a1 - a0, m = b1 - b0, delta = n - m, odd = delta & 1;
	int *fwd = my->forward + my->offset, *bwd = my->backward + my->offset;

	for (int d = 0; ; d++) {
		for (int k = -d; k <= d; k += 2) {
			int x = step_forward(fwd, k, d, n, m), y = x - k;
			if (x >= 0)	/* follow the snake: equal lines cost nothing */
				while (x < n && y < m && a[x] == b[y])
					x++, y++;
			fwd[k] = x;
			if (odd && x >= 0 && k >= delta - (d - 1) && k <= delta + (d - 1)
			    && bwd[k] <= n && x >= bwd[k]) {
				*x_out = a0 + x;
				*y_out = b0 + y;
				return;
			}
		}
		for (int k = delta - d; k <= delta + d; k += 2) {
			int x = step_backward(bwd, k, d, delta, n), y = x - k;
			if (x <= n)
				while (x > 0 && y > 0 && a[x - 1] == b[y - 1])
					x--, y--;
			bwd[k] = x;
			if (!odd && x <= n && k >= -d && k <= d && fwd[k] >= 0 && x <= fwd[k]) {
				*x_out = a0 + x;
				*y_out = b0 + y;
				return;
			}
		}
		if (d >= TOO_EXPENSIVE) {	/* settle for the forward path that got furthest */
			int best = -d;
			for (int k = -d; k <= d; k += 2)
				if (2 * fwd[k] - k > 2 * fwd[best] - best)
					best = k;
			*x_out = a0 + fwd[best];
			*y_out = b0 + fwd[best] - best;
			return;
		}
	}
}

static void compare_ranges(struct myers *m, int a0, int a1, int b0, int b1)
{
	int x, y;

	while (a0 < a1 && b0 < b1 && m->a[a0] == m->b[b0])
		a0++, b0++;
	while (a0 < a1 && b0 < b1 && m->a[a1 - 1] == m->b[b1 - 1])
		a1--, b1--;
	if (a0 == a1 || b0 == b1) {	/* only insertions, or only deletions, are left */
		memset(m->changed_a + a0, 1, a1 - a0);
		memset(m->changed_b + b0, 1, b1 - b0);
		return;
	}
	find_middle(m, a0, a1, b0, b1, &x, &y);
	if ((x == a0 && y == b0) || (x == a1 && y == b1) || x < a0 || x > a1 || y < b0 || y > b1) {
		memset(m->changed_a + a0, 1, a1 - a0);	/* no progress possible: all changed */
		memset(m->changed_b + b0, 1, b1 - b0);
		return;
	}
	compare_ranges(m, a0, x, b0, y);
	compare_ranges(m, x, a1, y, b1);
}

/*
 * Which places of a file have changes: changes_at[u] = 1 when changed lines
 * follow its u-th unchanged line (u = 0: the start). Both files have the same
 * number of unchanged lines, so u names the same place in either.
 */
static char *places_with_changes(const struct text *t)
{
	char *changes_at = xzalloc(t->count + 2);
	int u = 0;

	for (int i = 0; i < t->count; i++) {
		if (t->changed[i])
			changes_at[u] = 1;
		else
			u++;
	}
	return changes_at;
}

/*
 * A run of changed lines can often move: deleting the first "a" of "a a" is
 * the same as deleting the second. Like GNU diff, put each run of t as low as
 * it can go, unless some higher place lines it up with changes of the other
 * file (turning a delete and an add into one change): then the lowest of
 * those. Runs that touch while moving merge, and the search starts again.
 * Runs stay between the lines the files share at their start and at their
 * end (the first `low` and the lines from `high` on), as in GNU diff.
 */
static void place_runs(struct text *t, const struct text *other, int low, int high)
{
	char *other_changes_at = places_with_changes(other);
	int i = low, u = low, n = high;
	char *changed = t->changed;
	const int *ids = t->ids;

	while (i < n) {
		int start = i, end = i, length, best_end;
		if (!changed[i]) {
			i++, u++;
			continue;
		}
		while (end < n && changed[end])
			end++;
		do {
			length = end - start;
			while (start > low && ids[start - 1] == ids[end - 1]) {	/* up as far as it goes */
				changed[--start] = 1;
				changed[--end] = 0;
				u--;
				while (start > low && changed[start - 1])
					start--;
			}
			best_end = other_changes_at[u] ? end : -1;
			while (end < n && ids[start] == ids[end]) {		/* then down */
				changed[start++] = 0;
				changed[end++] = 1;
				u++;
				while (end < n && changed[end])
					end++;
				if (other_changes_at[u])
					best_end = end;
			}
		} while (length != end - start);
		for (; best_end >= 0 && end > best_end; u--) {	/* back up to the lined-up place */
			changed[--start] = 1;
			changed[--end] = 0;
		}
		i = end;
	}
	free(other_changes_at);
}

/*
 * A line that does not occur in the other file's middle part at all is changed
 * in every diff: mark it now and leave it out of the search, which gets
 * shorter (GNU diff does the same). Returns how many of lines from..to-1 are
 * kept; their class numbers go to ids[] and their line numbers to where[].
 */
static int keep_shared_lines(struct text *t, int from, int to, const int *count_in_other, int *ids, int *where)
{
	int kept = 0;

	for (int i = from; i < to; i++) {
		if (count_in_other[t->ids[i]] == 0) {
			t->changed[i] = 1;
		} else {
			ids[kept] = t->ids[i];
			where[kept++] = i;
		}
	}
	return kept;
}

/*
 * Steps 2 to 5: mark the changed lines of a and b. The last `horizon` lines of
 * the shared start and the first of the shared end stay in play (GNU diff's
 * horizon, at least the context): changes may move there, as they do in GNU.
 */
static void mark_changes(struct text *a, struct text *b, size_t classes, int horizon)
{
	int *count_a = xzalloc(classes * sizeof(int)), *count_b = xzalloc(classes * sizeof(int));
	int *ids_a = xmalloc((a->count + 1) * sizeof(int)), *where_a = xmalloc((a->count + 1) * sizeof(int));
	int *ids_b = xmalloc((b->count + 1) * sizeof(int)), *where_b = xmalloc((b->count + 1) * sizeof(int));
	int n, m, total, prefix = 0, suffix = 0, end_a, end_b;
	struct myers my;

	/* The lines both files share at their start and their end take no part. */
	while (prefix < a->count && prefix < b->count && a->ids[prefix] == b->ids[prefix])
		prefix++;
	while (suffix < a->count - prefix && suffix < b->count - prefix
	       && a->ids[a->count - 1 - suffix] == b->ids[b->count - 1 - suffix])
		suffix++;
	prefix -= prefix < horizon ? prefix : horizon;
	suffix -= suffix < horizon ? suffix : horizon;
	end_a = a->count - suffix;
	end_b = b->count - suffix;
	for (int i = prefix; i < end_a; i++)
		count_a[a->ids[i]]++;
	for (int j = prefix; j < end_b; j++)
		count_b[b->ids[j]]++;
	n = keep_shared_lines(a, prefix, end_a, count_b, ids_a, where_a);
	m = keep_shared_lines(b, prefix, end_b, count_a, ids_b, where_b);
	total = n + m;
	my.a = ids_a;
	my.b = ids_b;
	my.changed_a = xzalloc(n + 1);
	my.changed_b = xzalloc(m + 1);
	/* Diagonals reach from -(m + d) to n + d, and d stays below total / 2 + 2. */
	my.offset = total + total / 2 + 3;
	my.forward = xmalloc((2 * my.offset + 1) * sizeof(int));
	my.backward = xmalloc((2 * my.offset + 1) * sizeof(int));
	compare_ranges(&my, 0, n, 0, m);
	for (int i = 0; i < n; i++)
		a->changed[where_a[i]] = my.changed_a[i];
	for (int j = 0; j < m; j++)
		b->changed[where_b[j]] = my.changed_b[j];
	place_runs(a, b, prefix, end_a);
	place_runs(b, a, prefix, end_b);
	free(count_a), free(count_b), free(ids_a), free(ids_b), free(where_a), free(where_b);
	free(my.changed_a), free(my.changed_b), free(my.forward), free(my.backward);
}

/* Collect the runs of changed lines; returns how many (the array is malloc'd). */
static int list_changes(const struct text *a, const struct text *b, struct change **out)
{
	int i = 0, j = 0, count = 0, capacity = 16;
	struct change *changes = xmalloc(capacity * sizeof *changes);

	while (i < a->count || j < b->count) {
		struct change c;
		if (i < a->count && j < b->count && !a->changed[i] && !b->changed[j]) {
			i++, j++;
			continue;
		}
		c.a0 = i;
		c.b0 = j;
		while (i < a->count && a->changed[i])
			i++;
		while (j < b->count && b->changed[j])
			j++;
		c.a1 = i;
		c.b1 = j;
		if (c.a0 == c.a1 && c.b0 == c.b1)	/* cannot happen with consistent marks */
			break;
		if (count == capacity)
			changes = xrealloc(changes, (capacity *= 2) * sizeof *changes);
		changes[count++] = c;
	}
	*out = changes;
	return count;
}

/* ---- output ---- */

static void print_line(const char *prefix, const struct line *line)
{
	fputs(prefix, stdout);
	fwrite(line->text, 1, line->length, stdout);
	if (line->length == 0 || line->text[line->length - 1] != '\n')
		fputs("\n\\ No newline at end of file\n", stdout);
}

/* Lines first..last (1-based) as "first,last", or "first" alone for one line. */
static void print_range(int first, int last)
{
	if (first >= last)
		printf("%d", last);
	else
		printf("%d,%d", first, last);
}

static void print_normal(const struct text *a, const struct text *b, const struct change *c, int count)
{
	for (; count > 0; c++, count--) {
		print_range(c->a0 + 1, c->a1);
		putchar(c->a0 == c->a1 ? 'a' : c->b0 == c->b1 ? 'd' : 'c');
		print_range(c->b0 + 1, c->b1);
		putchar('\n');
		for (int i = c->a0; i < c->a1; i++)
			print_line("< ", &a->lines[i]);
		if (c->a0 < c->a1 && c->b0 < c->b1)
			puts("---");
		for (int j = c->b0; j < c->b1; j++)
			print_line("> ", &b->lines[j]);
	}
}

/*
 * The header line of a file for the hunk formats. Unified:
 * "--- a\t2020-01-02 03:04:05.123456789 +0000". Context: "*** a\tThu Jan  2
 * 03:04:05 2020", the date as POSIX asks for it (and GNU diff in the C locale).
 */
static void print_header(const char *marker, const struct text *t, enum format format, const char *label)
{
	char date[40], zone[8];
	struct tm *tm = localtime(&t->st.st_mtime);

	if (label) {		/* -L: the label alone, no time */
		printf("%s %s\n", marker, label);
		return;
	}
	if (format == CONTEXT) {
		strftime(date, sizeof date, "%a %b %e %H:%M:%S %Y", tm);
		printf("%s %s\t%s\n", marker, t->name, date);
		return;
	}
	strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S", tm);
	strftime(zone, sizeof zone, "%z", tm);
	printf("%s %s\t%s.%09ld %s\n", marker, t->name, date, (long)t->st.st_mtim.tv_nsec, zone);
}

/* The lines a hunk shows, A[a_start..a_end) and B[b_start..b_end): its changes and the context around them. */
struct window {
	int a_start, a_end, b_start, b_end;
};

static struct window hunk_window(const struct diff *d, const struct text *a, const struct change *c, int count)
{
	const struct change *last = &c[count - 1];
	struct window w;

	w.a_start = c->a0 > d->context ? c->a0 - d->context : 0;
	w.a_end = last->a1 + d->context < a->count ? last->a1 + d->context : a->count;
	w.b_start = c->b0 - (c->a0 - w.a_start);	/* unchanged lines are the same in both files */
	w.b_end = last->b1 + (w.a_end - last->a1);
	return w;
}

/* A unified range: "start,count", "start" for one line, "before,0" for none. */
static void print_unified_range(int start, int count)
{
	if (count == 1)
		printf("%d", start + 1);
	else
		printf("%d,%d", count ? start + 1 : start, count);
}

/* A unified hunk: changes c[0..count) with context lines around and between them. */
static void print_unified_hunk(const struct text *a, const struct text *b, const struct change *c, int count,
			       const struct window *w)
{
	int i = w->a_start;

	fputs("@@ -", stdout);
	print_unified_range(w->a_start, w->a_end - w->a_start);
	fputs(" +", stdout);
	print_unified_range(w->b_start, w->b_end - w->b_start);
	puts(" @@");
	for (; count > 0; c++, count--) {
		for (; i < c->a0; i++)
			print_line(" ", &a->lines[i]);
		for (; i < c->a1; i++)
			print_line("-", &a->lines[i]);
		for (int j = c->b0; j < c->b1; j++)
			print_line("+", &b->lines[j]);
	}
	for (; i < w->a_end; i++)
		print_line(" ", &a->lines[i]);
}

/*
 * One file's half of a context hunk: its lines start..end-1. The lines changes
 * delete (in file 1) or insert (in file 2) are marked "- " or "+ ", or "! "
 * when the change does both (replaces lines); unchanged lines get "  ". A half
 * without changed lines is left out: its range alone says enough.
 */
static void print_context_half(const struct text *t, int second, int start, int end,
			       const struct change *c, int count)
{
	int i = start, changed = 0;

	for (int k = 0; k < count; k++)
		changed |= second ? c[k].b0 < c[k].b1 : c[k].a0 < c[k].a1;
	if (!changed)
		return;
	for (; count > 0; c++, count--) {
		int from = second ? c->b0 : c->a0, to = second ? c->b1 : c->a1;
		const char *mark = c->a0 < c->a1 && c->b0 < c->b1 ? "! " : second ? "+ " : "- ";
		for (; i < from; i++)
			print_line("  ", &t->lines[i]);
		for (; i < to; i++)
			print_line(mark, &t->lines[i]);
	}
	for (; i < end; i++)
		print_line("  ", &t->lines[i]);
}

/* A context hunk: "*** first,last ****" and file 1's lines, then "--- first,last ----" and file 2's. */
static void print_context_hunk(const struct text *a, const struct text *b, const struct change *c, int count,
			       const struct window *w)
{
	fputs("***************\n*** ", stdout);
	print_range(w->a_start + 1, w->a_end);
	puts(" ****");
	print_context_half(a, 0, w->a_start, w->a_end, c, count);
	fputs("--- ", stdout);
	print_range(w->b_start + 1, w->b_end);
	puts(" ----");
	print_context_half(b, 1, w->b_start, w->b_end, c, count);
}

/* The context and unified formats: two header lines, then the hunks. */
static void print_hunks(const struct diff *d, const struct text *a, const struct text *b,
			const struct change *c, int count)
{
	print_header(d->format == CONTEXT ? "***" : "---", a, d->format, d->labels[0]);
	print_header(d->format == CONTEXT ? "---" : "+++", b, d->format, d->labels[1]);
	while (count > 0) {
		int n = 1;	/* changes closer than two contexts share a hunk */
		struct window w;
		while (n < count && c[n].a0 - c[n - 1].a1 <= 2 * d->context)
			n++;
		w = hunk_window(d, a, c, n);
		if (d->format == CONTEXT)
			print_context_hunk(a, b, c, n, &w);
		else
			print_unified_hunk(a, b, c, n, &w);
		c += n;
		count -= n;
	}
}

/* ---- files and directories ---- */

static int looks_binary(const struct text *t)
{
	return memchr(t->data, '\0', t->size < 4096 ? t->size : 4096) != NULL;
}

/* Compare two files; a NULL path is a missing file (-N). Returns 0, 1 or 2. */
static int diff_files(const struct diff *d, const char *name1, const char *path1,
		      const char *name2, const char *path2)
{
	struct text a, b;
	struct change *changes;
	int count, status = 1;

	if (load_text(&a, name1, path1) < 0)
		return 2;
	if (load_text(&b, name2, path2) < 0) {
		free_text(&a);
		return 2;
	}
	if (a.size == b.size && memcmp(a.data, b.data, a.size) == 0) {
		status = 0;
	} else if (d->brief && !d->ignore) {
		printf("Files %s and %s differ\n", name1, name2);
	} else if (!d->text && (looks_binary(&a) || looks_binary(&b))) {
		printf("Binary files %s and %s differ\n", name1, name2);
	} else {
		split_lines(&a, d->ignore);
		split_lines(&b, d->ignore);
		mark_changes(&a, &b, number_lines(&a, &b), d->format == NORMAL ? 0 : d->context);
		count = list_changes(&a, &b, &changes);
		if (count == 0)		/* only differences -b -w -i overlook */
			status = 0;
		else if (d->brief)
			printf("Files %s and %s differ\n", name1, name2);
		else if (d->in_directory)
			printf("diff%s %s %s\n", d->switches, name1, name2);
		if (count > 0 && !d->brief && d->format == NORMAL)
			print_normal(&a, &b, changes, count);
		else if (count > 0 && !d->brief)
			print_hunks(d, &a, &b, changes, count);
		free(changes);
	}
	free_text(&a);
	free_text(&b);
	return status;
}

/* The worse of two exit statuses: trouble (2) beats differences (1). */
static int worse(int s1, int s2)
{
	return s1 > s2 ? s1 : s2;
}

static int compare_names(const void *p, const void *q)
{
	return strcmp(*(char *const *)p, *(char *const *)q);
}

/* The sorted names in a directory (NULL path: none), NULL-terminated; NULL on error. */
static char **list_directory(const char *path)
{
	char **names = xmalloc(16 * sizeof *names);
	size_t count = 0, capacity = 16;
	struct dirent *entry;
	DIR *dir;

	names[0] = NULL;
	if (path == NULL)
		return names;
	if ((dir = opendir(path)) == NULL) {
		warn("%s:", path);
		free(names);
		return NULL;
	}
	while ((entry = readdir(dir)) != NULL) {
		if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
			continue;
		if (count + 1 >= capacity)
			names = xrealloc(names, (capacity *= 2) * sizeof *names);
		names[count++] = xstrdup(entry->d_name);
	}
	closedir(dir);
	names[count] = NULL;
	qsort(names, count, sizeof *names, compare_names);
	return names;
}

static void free_names(char **names)
{
	if (names)
		for (char **p = names; *p; p++)
			free(*p);
	free(names);
}

static int diff_directories(const struct diff *d, const char *dir1, const char *dir2, int exists1, int exists2);

/* What GNU diff calls a file of this type in "File a/p is a fifo while file b/p is a ...". */
static const char *file_type(const struct stat *st)
{
	if (S_ISREG(st->st_mode))
		return st->st_size == 0 ? "regular empty file" : "regular file";
	if (S_ISDIR(st->st_mode))
		return "directory";
	if (S_ISFIFO(st->st_mode))
		return "fifo";
	if (S_ISCHR(st->st_mode))
		return "character special file";
	if (S_ISBLK(st->st_mode))
		return "block special file";
	if (S_ISSOCK(st->st_mode))
		return "socket";
	return "weird file";
}

/*
 * Inside a tree, only regular files are read: a FIFO or a device would block or
 * never end. Returns 1 when an entry is something else (after saying so).
 */
static int not_comparable(const char *path1, const struct stat *st1, int exists1,
			  const char *path2, const struct stat *st2, int exists2)
{
	int special1 = exists1 && !S_ISREG(st1->st_mode) && !S_ISDIR(st1->st_mode);
	int special2 = exists2 && !S_ISREG(st2->st_mode) && !S_ISDIR(st2->st_mode);
	int differ = exists1 && exists2 && S_ISDIR(st1->st_mode) != S_ISDIR(st2->st_mode);

	if (!special1 && !special2 && !differ)
		return 0;
	if (exists1 && exists2)
		printf("File %s is a %s while file %s is a %s\n", path1, file_type(st1), path2, file_type(st2));
	else
		printf("File %s is not a regular file or directory\n", exists1 ? path1 : path2);
	return 1;
}

/* Compare the entry name of two directories; a side where it does not exist has exists = 0. */
static int diff_entry(const struct diff *d, const char *dir1, const char *dir2, const char *name,
		      int exists1, int exists2)
{
	char *path1 = path_join(dir1, name), *path2 = path_join(dir2, name);
	struct stat st1, st2;
	int status = 0, is_dir1, is_dir2;

	if (exists1 && stat(path1, &st1) < 0) {
		warn("%s:", path1);
		status = 2;
		goto done;
	}
	if (exists2 && stat(path2, &st2) < 0) {
		warn("%s:", path2);
		status = 2;
		goto done;
	}
	is_dir1 = exists1 && S_ISDIR(st1.st_mode);
	is_dir2 = exists2 && S_ISDIR(st2.st_mode);
	if (!(exists1 && exists2) && !d->new_as_empty) {
		printf("Only in %s: %s\n", exists1 ? dir1 : dir2, name);
		status = 1;
	} else if (not_comparable(path1, &st1, exists1, path2, &st2, exists2)) {
		status = 1;
	} else if (is_dir1 || is_dir2) {
		if (d->recursive) {
			status = diff_directories(d, path1, path2, exists1, exists2);
		} else if (exists1 && exists2) {
			printf("Common subdirectories: %s and %s\n", path1, path2);
		}
	} else {
		status = diff_files(d, path1, exists1 ? path1 : NULL, path2, exists2 ? path2 : NULL);
	}
done:
	free(path1);
	free(path2);
	return status;
}

/* Compare two directories entry by entry, in name order. */
static int diff_directories(const struct diff *d, const char *dir1, const char *dir2, int exists1, int exists2)
{
	char **names1 = list_directory(exists1 ? dir1 : NULL), **names2 = list_directory(exists2 ? dir2 : NULL);
	char **p1 = names1, **p2 = names2;
	int status = 0;

	if (names1 == NULL || names2 == NULL) {
		free_names(names1);
		free_names(names2);
		return 2;
	}
	while (*p1 || *p2) {
		int order = !*p1 ? 1 : !*p2 ? -1 : strcmp(*p1, *p2);
		const char *name = order <= 0 ? *p1 : *p2;
		status = worse(status, diff_entry(d, dir1, dir2, name, order <= 0, order >= 0));
		if (order <= 0)
			p1++;
		if (order >= 0)
			p2++;
	}
	free_names(names1);
	free_names(names2);
	return status;
}

/* The option words before the operands, as one string " -r -u" (malloc'd). */
static char *join_switches(char **argv, int count)
{
	size_t length = 1;
	char *s;

	for (int i = 1; i < count; i++)
		length += strlen(argv[i]) + 1;
	s = xzalloc(length);
	for (int i = 1; i < count; i++) {
		strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}

/* Does path exist? ("-" always does.) If so, *is_dir tells whether it is a directory. */
static int examine(const char *path, int *is_dir)
{
	struct stat st;

	*is_dir = 0;
	if (strcmp(path, "-") == 0)
		return 1;
	if (stat(path, &st) < 0)
		return 0;
	*is_dir = S_ISDIR(st.st_mode);
	return 1;
}

/* The two operands: files, directories, or FILE DIR meaning FILE DIR/FILE. */
static int diff_operands(struct diff *d, char *path1, char *path2)
{
	int dir1, dir2, exists1 = examine(path1, &dir1), exists2 = examine(path2, &dir2), status;
	char *joined;

	if (!exists1 && !(d->new_as_empty && exists2)) {
		warn("%s:", path1);
		return 2;
	}
	if (!exists2 && !(d->new_as_empty && exists1)) {
		warn("%s:", path2);
		return 2;
	}
	if (dir1 || dir2) {
		if ((dir1 || !exists1) && (dir2 || !exists2)) {
			d->in_directory = 1;
			return diff_directories(d, path1, path2, exists1, exists2);
		}
		if (dir1)
			path1 = joined = path_join(path1, base_name(path2));
		else
			path2 = joined = path_join(path2, base_name(path1));
		status = diff_files(d, path1, path1, path2, path2);
		free(joined);
		return status;
	}
	return diff_files(d, path1, exists1 ? path1 : NULL, path2, exists2 ? path2 : NULL);
}

/* GNU's --label LABEL and --label=LABEL become -L LABEL, in their place among the options. */
static void long_labels_to_short(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--label") == 0) {
			argv[i] = "-L";
		} else if (starts_with(argv[i], "--label=")) {
			char *short_form = xmalloc(strlen(argv[i]));
			sprintf(short_form, "-L%s", argv[i] + strlen("--label="));
			argv[i] = short_form;
		}
	}
}

int diff_main(int argc, char **argv)
{
	struct diff d = { .format = NORMAL, .switches = "" };
	struct options o;
	long long n;
	int c, status, labels = 0;

	long_labels_to_short(argc, argv);
	options_start(&o, argc, argv, "abcC:iL:NqruU:w", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'a': d.text = 1; break;
		case 'b': d.ignore |= IGNORE_SPACE_CHANGE; break;
		case 'i': d.ignore |= IGNORE_CASE; break;
		case 'w': d.ignore |= IGNORE_ALL_SPACE; break;
		case 'N': d.new_as_empty = 1; break;
		case 'q': d.brief = 1; break;
		case 'r': d.recursive = 1; break;
		case 'L':
			if (labels == 2)
				usage_error(usage, "too many file label options");
			d.labels[labels++] = o.arg;
			break;
		case 'c': d.format = CONTEXT; d.context = 3; break;
		case 'u': d.format = UNIFIED; d.context = 3; break;
		case 'C':
		case 'U':
			if (parse_long(o.arg, &n) < 0 || n < 0 || n > 1000000)
				usage_error(usage, "invalid context length '%s'", o.arg);
			d.format = c == 'C' ? CONTEXT : UNIFIED;
			d.context = n;
			break;
		}
	}
	if (argc - o.index != 2)
		usage_error(usage, argc - o.index < 2 ? "missing operand" : "extra operand");
	d.switches = join_switches(argv, o.index);
	stdout_big_buffer();
	status = diff_operands(&d, argv[o.index], argv[o.index + 1]);
	if (flush_stdout() < 0)
		status = 2;
	return status;
}
