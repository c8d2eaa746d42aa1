/*
 * search.c: vi's / ? n N * # with POSIX basic regular expressions (regcomp).
 *
 * Each line is matched on its own, REG_STARTEND lets a match start in the middle
 * of a line while ^ and \< still see the characters before it. A search that
 * reaches one end of the file goes on from the other end, as vi's wrapscan does.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "vi.h"

regex_t search_regex;
static char *last_pattern;	/* NULL until the first search */
static int compiled_ignorecase;
static int last_dir = 1;

int search_compile(const char *pattern)
{
	regex_t re;
	int err;

	if (pattern[0] == '\0') {
		if (last_pattern == NULL) {
			message("No previous regular expression");
			return -1;
		}
		if (compiled_ignorecase == opt.ignorecase)
			return 0;
		pattern = last_pattern;
	}
	err = regex_compile(&re, pattern, opt.ignorecase ? REG_ICASE : 0);
	if (err) {
		char why[80];
		regerror(err, &re, why, sizeof why);
		message("%s", why);
		return -1;
	}
	if (last_pattern)
		regfree(&search_regex);
	search_regex = re;
	compiled_ignorecase = opt.ignorecase;
	if (pattern != last_pattern) {
		free(last_pattern);
		last_pattern = xstrdup(pattern);
	}
	return 0;
}

int search_in_line(regex_t *re, int i, int col, int *start, int *end)
{
	regmatch_t m;

	if (col > lines[i].len)
		return -1;
	m.rm_so = col;
	m.rm_eo = lines[i].len;
	if (regexec(re, lines[i].text, 1, &m, REG_STARTEND) != 0)
		return -1;
	*start = m.rm_so;
	*end = m.rm_eo;
	return 0;
}

/* The last match in line i that starts in [from, before). */
static int last_match_before(int i, int from, int before)
{
	int start, end, found = -1, col = from;

	while (col <= lines[i].len && search_in_line(&search_regex, i, col, &start, &end) == 0 && start < before) {
		if (start >= from)
			found = start;
		col = start + 1;
	}
	return found;
}

int search_next(struct pos *p, int dir)
{
	int start, end;

	/* Every line once, then the cursor's line again for the part the first look left out. */
	for (int k = 0; k <= line_count; k++) {
		int i = ((dir > 0 ? p->line + k : p->line - k) % line_count + line_count) % line_count;
		int wrapped = dir > 0 ? i < p->line || k == line_count : i > p->line || k == line_count;
		if (dir > 0) {
			int from = k == 0 ? p->col + 1 : 0;
			if (search_in_line(&search_regex, i, from, &start, &end) != 0)
				continue;
			if (k == line_count && start > p->col)
				continue;
		} else {
			int before = k == 0 ? p->col : lines[i].len + 1;
			start = last_match_before(i, k == line_count ? p->col + 1 : 0, before);
			if (start < 0)
				continue;
		}
		if (wrapped)
			message(dir > 0 ? "search hit BOTTOM, continuing at TOP" : "search hit TOP, continuing at BOTTOM");
		p->line = i;
		p->col = start;
		return 0;
	}
	message("Pattern not found: %s", last_pattern);
	return -1;
}

/* The word under (or after) the cursor as \<word\>, for * and #. */
static char *word_pattern(void)
{
	const struct line *l = &lines[cur.line];
	int start = cur.col, end;
	char *pattern;

	while (start < l->len && !(isalnum((unsigned char)l->text[start]) || l->text[start] == '_'))
		start++;
	if (start >= l->len)
		return NULL;
	while (start > 0 && (isalnum((unsigned char)l->text[start - 1]) || l->text[start - 1] == '_'))
		start--;
	for (end = start; end < l->len && (isalnum((unsigned char)l->text[end]) || l->text[end] == '_'); end++)
		;
	pattern = xmalloc(end - start + 5);
	memcpy(pattern, "\\<", 2);
	memcpy(pattern + 2, l->text + start, end - start);
	strcpy(pattern + 2 + end - start, "\\>");
	return pattern;
}

int search_motion(int key, int count, struct pos *to)
{
	char *pattern = NULL;
	int dir = last_dir, ok = 0;

	if (key == '/' || key == '?') {
		pattern = read_line(key);
		if (pattern == NULL)
			return 0;
		last_dir = dir = key == '/' ? 1 : -1;
	} else if (key == '*' || key == '#') {
		pattern = word_pattern();
		if (pattern == NULL)
			return 0;
		last_dir = dir = key == '*' ? 1 : -1;
	} else if (key == 'N') {
		dir = -dir;
	}
	if (search_compile(pattern ? pattern : "") == 0) {
		ok = 1;
		while (ok && count-- > 0)
			ok = search_next(to, dir) == 0;
	}
	free(pattern);
	return ok;
}
