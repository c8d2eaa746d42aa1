/*
 * motion.c: where vi's cursor motions go (POSIX vi, "Motion commands").
 *
 * A motion only computes a target position and says whether it takes whole
 * lines (linewise) and whether the target character itself is included; moving
 * the cursor or applying an operator (d c y < >) over the range is normal.c's job.
 * The end of each line counts as one blank character, which is what lets w, b
 * and e cross lines like any other character.
 */
#include <ctype.h>
#include <limits.h>
#include <string.h>
#include "mini.h"
#include "fullscreen.h"
#include "vi.h"

static int find_key, find_char;	/* the last f F t T, for ; and , */

/* ---- characters ---- */

int next_char(int line, int col)
{
	const struct line *l = &lines[line];

	if (col >= l->len)
		return l->len;
	col++;
	while (col < l->len && (l->text[col] & 0xC0) == 0x80)	/* the rest of a UTF-8 character */
		col++;
	return col;
}

int prev_char(int line, int col)
{
	const struct line *l = &lines[line];

	if (col <= 0)
		return 0;
	col--;
	while (col > 0 && (l->text[col] & 0xC0) == 0x80)
		col--;
	return col;
}

int first_nonblank(int line)
{
	const struct line *l = &lines[line];
	int col = 0;

	while (col < l->len && (l->text[col] == ' ' || l->text[col] == '\t'))
		col++;
	return col < l->len ? col : (l->len > 0 ? l->len - 1 : 0);
}

/* The byte at p, or '\n' at the end of its line. */
static int char_at(struct pos p)
{
	return p.col < lines[p.line].len ? (unsigned char)lines[p.line].text[p.col] : '\n';
}

static int forward(struct pos *p)
{
	if (p->col < lines[p->line].len) {
		p->col++;
		return 1;
	}
	if (p->line + 1 >= line_count)
		return 0;
	p->line++;
	p->col = 0;
	return 1;
}

static int backward(struct pos *p)
{
	if (p->col > 0) {
		p->col--;
		return 1;
	}
	if (p->line == 0)
		return 0;
	p->line--;
	p->col = lines[p->line].len;
	return 1;
}

static int is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* 0 blank, 1 word characters, 2 other; for W B E every non-blank is 1. */
static int char_class(struct pos p, int big)
{
	int c = char_at(p);

	if (is_blank(c))
		return 0;
	if (big || c == '_' || isalnum(c) || c >= 0x80)
		return 1;
	return 2;
}

static int empty_line(struct pos p)
{
	return lines[p.line].len == 0;
}

/* ---- words ---- */

static void word_forward(struct pos *p, int big)
{
	int cls = char_class(*p, big);

	if (cls != 0)
		while (char_class(*p, big) == cls)
			if (!forward(p))
				return;
	while (char_class(*p, big) == 0) {
		if (!forward(p))
			return;
		if (empty_line(*p))	/* an empty line is a word of its own */
			return;
	}
}

/*
 * Step like vim's inc_cursor: 0 within the line, 2 onto the end of the line,
 * 1 onto the next line, -1 at the end of the text.
 */
static int step(struct pos *p)
{
	if (p->col < lines[p->line].len) {
		p->col++;
		return p->col == lines[p->line].len ? 2 : 0;
	}
	return forward(p) ? 1 : -1;
}

/*
 * w for an operator (dw, yw): as w, but the last word stops at the end of its
 * line instead of going on to the next line's first word.
 */
static void word_forward_operator(struct pos *p, int big, int last)
{
	int cls = char_class(*p, big), moved = step(p);

	if (moved != 0 && (moved < 0 || last))
		return;
	if (cls != 0)
		while (char_class(*p, big) == cls)
			if ((moved = step(p)) != 0 && (moved < 0 || last))
				return;
	while (char_class(*p, big) == 0 && !(p->col == 0 && empty_line(*p)))
		if ((moved = step(p)) != 0 && (moved < 0 || last))
			return;
}

static void word_end(struct pos *p, int big)
{
	struct pos next;
	int cls;

	do
		if (!forward(p))
			return;
	while (char_class(*p, big) == 0);
	cls = char_class(*p, big);
	for (next = *p; forward(&next) && char_class(next, big) == cls; next = *p)
		*p = next;
}

static void word_backward(struct pos *p, int big)
{
	struct pos prev;
	int cls;

	do {
		if (!backward(p))
			return;
		if (empty_line(*p))
			return;
	} while (char_class(*p, big) == 0);
	cls = char_class(*p, big);
	for (prev = *p; backward(&prev) && char_class(prev, big) == cls; prev = *p)
		*p = prev;
}

/* ---- sentences and paragraphs ---- */

/* A sentence starts after . ! or ? (and closing brackets or quotes) and a blank, after an empty line, or at the top. */
static int sentence_start(struct pos p)
{
	int blanks = 0, c;

	if (empty_line(p))
		return p.line == 0 || !empty_line((struct pos){ p.line - 1, 0 });
	if (is_blank(char_at(p)))
		return 0;
	do {
		if (!backward(&p))
			return 1;
		if (empty_line(p))
			return 1;
		c = char_at(p);
		blanks += is_blank(c);
	} while (is_blank(c));
	if (blanks == 0)
		return 0;
	while (strchr(")]\"'", c) && backward(&p))
		c = char_at(p);
	return c == '.' || c == '!' || c == '?';
}

static void sentence_move(struct pos *p, int dir)
{
	while (dir > 0 ? forward(p) : backward(p))
		if (sentence_start(*p))
			return;
	if (dir > 0)
		p->col = lines[p->line].len;
}

static void paragraph_move(struct pos *p, int dir)
{
	int line = p->line;

	while (line + dir >= 0 && line + dir < line_count && lines[line].len == 0)
		line += dir;
	while (line + dir >= 0 && line + dir < line_count && lines[line].len != 0)
		line += dir;
	p->line = line;
	p->col = lines[line].len != 0 && dir > 0 ? lines[line].len : 0;
}

/* ---- within the line ---- */

static int find_in_line(int key, int c, int count, int again, struct pos *p)
{
	const struct line *l = &lines[p->line];
	int dir = key == 'f' || key == 't' ? 1 : -1;
	int col = p->col;

	/* ; after t must not stay stuck in front of the same character */
	if (again && ((key == 't' && col + 1 < l->len && (unsigned char)l->text[col + 1] == c) ||
	    (key == 'T' && col > 0 && (unsigned char)l->text[col - 1] == c)))
		col += dir;
	while (count > 0) {
		col += dir;
		if (col < 0 || col >= l->len)
			return 0;
		if ((unsigned char)l->text[col] == c)
			count--;
	}
	if (key == 't')
		col--;
	if (key == 'T')
		col++;
	p->col = col;
	return 1;
}

/* % : the bracket matching the one at (or after) the cursor. */
static int match_bracket(struct pos *p)
{
	static const char pairs[] = "(){}[]";
	const struct line *l = &lines[p->line];
	struct pos q = *p;
	const char *kind;
	int depth = 1, open, close, dir;

	while (q.col < l->len && !strchr(pairs, l->text[q.col]))
		q.col++;
	if (q.col >= l->len)
		return 0;
	kind = strchr(pairs, l->text[q.col]);
	dir = (kind - pairs) % 2 == 0 ? 1 : -1;
	open = *kind;
	close = kind[dir];
	while (dir > 0 ? forward(&q) : backward(&q)) {
		int c = char_at(q);
		if (c == open)
			depth++;
		else if (c == close && --depth == 0) {
			*p = q;
			return 1;
		}
	}
	return 0;
}

/* ---- the motions ---- */

int is_motion_key(int key)
{
	if (key >= 256)
		return key == KEY_UP || key == KEY_DOWN || key == KEY_LEFT || key == KEY_RIGHT ||
		       key == KEY_HOME || key == KEY_END;
	return key != 0 && strchr("hjkl wWbBeE0^$GHMLfFtT;,%{}()\r\n+-_|'`nN/?*#g\b\177\016\020", key) != NULL;
}

static int vertical(int count, int dir, struct motion *m)
{
	int line = cur.line + dir * count;

	if (cur.line + dir < 0 || cur.line + dir >= line_count)
		return 0;
	line = line < 0 ? 0 : line >= line_count ? line_count - 1 : line;	/* 9j goes as far as it can */
	m->to.line = line;
	m->to.col = screen_to_col(line, want_col);
	m->linewise = 1;
	return 1;
}

static int to_line(int line, struct motion *m)
{
	if (line < 0)
		line = 0;
	if (line >= line_count)
		line = line_count - 1;
	m->to.line = line;
	m->to.col = first_nonblank(line);
	m->linewise = 1;
	return 1;
}

static int to_mark(int name, int exact, struct motion *m)
{
	int slot = mark_slot(name);

	if (slot < 0 || marks[slot].line < 0 || marks[slot].line >= line_count) {
		message("Mark not set");
		return 0;
	}
	if (!exact)
		return to_line(marks[slot].line, m);
	m->to = marks[slot];
	if (m->to.col > lines[m->to.line].len)
		m->to.col = lines[m->to.line].len;
	return 1;
}

/* w W e E with the c operator: cw changes to the end of the word (POSIX). */
static void change_word(struct pos *p, int count, int big)
{
	for (int i = 0; i < count; i++) {
		struct pos next = *p;
		if (i == 0 && (!forward(&next) || char_class(next, big) != char_class(*p, big)))
			continue;	/* on a word's last character: just that one */
		word_end(p, big);
	}
}

static int line_motion(int key, int count, struct motion *m)
{
	struct pos *p = &m->to;

	switch (key) {
	case '0': case KEY_HOME:
		p->col = 0;
		return 1;
	case '^':
		p->col = first_nonblank(p->line);
		return 1;
	case '$': case KEY_END:
		if (p->line + count - 1 >= line_count)
			return 0;
		p->line += count - 1;
		p->col = lines[p->line].len > 0 ? prev_char(p->line, lines[p->line].len) : 0;
		m->inclusive = 1;
		return 1;
	case '|':
		p->col = screen_to_col(p->line, count - 1);
		return 1;
	case 'h': case '\b': case '\177': case KEY_LEFT:
		if (p->col == 0)
			return 0;
		while (count-- > 0)
			p->col = prev_char(p->line, p->col);
		return 1;
	case 'l': case ' ': case KEY_RIGHT:
		if (p->col >= lines[p->line].len)
			return 0;
		while (count-- > 0)
			p->col = next_char(p->line, p->col);
		return 1;
	}
	return 0;
}

static int find_motion(int key, int count, struct motion *m)
{
	int again = key == ';' || key == ',';

	if (again) {
		static const char opposite[] = "fFtT";
		if (!find_key)
			return 0;
		key = key == ';' ? find_key : opposite[(strchr(opposite, find_key) - opposite) ^ 1];
	} else {
		find_key = key;
		find_char = get_key();
		if (find_char >= 256 || find_char == 27)
			return 0;
	}
	m->inclusive = key == 'f' || key == 't';
	return find_in_line(key, find_char, count, again, &m->to);
}

/* Words, sentences and paragraphs: not moving at all (at either end of the text) is a failure. */
static int moved(struct motion *m)
{
	return m->to.line != cur.line || m->to.col != cur.col;
}

int motion(int key, int count, int has_count, int op, struct motion *m)
{
	int c;

	m->to = cur;
	m->key = key;
	m->linewise = m->inclusive = 0;
	switch (key) {
	case 'j': case '\016': case KEY_DOWN:	/* \016 is Ctrl-N */
		return vertical(count, 1, m);
	case 'k': case '\020': case KEY_UP:	/* \020 is Ctrl-P */
		return vertical(count, -1, m);
	case '\r': case '\n': case '+':
		return cur.line + count < line_count && to_line(cur.line + count, m);
	case '-':
		return cur.line - count >= 0 && to_line(cur.line - count, m);
	case '_':
		return to_line(cur.line + count - 1, m);
	case 'G':
		return to_line(has_count ? count - 1 : line_count - 1, m);
	case 'g':
		c = get_key();
		return c == 'g' && to_line(has_count ? count - 1 : 0, m);
	case 'H':
		return to_line(top_line + count - 1 < bottom_line() ? top_line + count - 1 : bottom_line(), m);
	case 'L':
		return to_line(bottom_line() - count + 1 > top_line ? bottom_line() - count + 1 : top_line, m);
	case 'M':
		return to_line((top_line + bottom_line()) / 2, m);
	case 'w': case 'W': case 'e': case 'E':
		if (op == 'c' && (key == 'w' || key == 'W') && !is_blank(char_at(m->to))) {
			change_word(&m->to, count, key == 'W');
			m->inclusive = 1;
			return 1;
		}
		for (int i = 1; i <= count; i++)
			if ((key == 'w' || key == 'W') && op)
				word_forward_operator(&m->to, key == 'W', i == count);
			else if (key == 'w' || key == 'W')
				word_forward(&m->to, key == 'W');
			else
				word_end(&m->to, key == 'E');
		m->inclusive = key == 'e' || key == 'E';
		c = moved(m);
		if (op && m->to.col > 0 && m->to.col == lines[m->to.line].len) {	/* stopped at a line's end */
			m->to.col--;
			m->inclusive = 1;
		}
		return c;
	case 'b': case 'B':
		while (count-- > 0)
			word_backward(&m->to, key == 'B');
		return moved(m);
	case '(': case ')':
		while (count-- > 0)
			sentence_move(&m->to, key == ')' ? 1 : -1);
		return moved(m);
	case '{': case '}':
		while (count-- > 0)
			paragraph_move(&m->to, key == '}' ? 1 : -1);
		return moved(m);
	case '%':
		if (has_count)
			return to_line((int)((long long)count * line_count / 100) - 1 + (count * line_count % 100 != 0), m);
		m->inclusive = 1;
		return match_bracket(&m->to);
	case 'f': case 'F': case 't': case 'T': case ';': case ',':
		return find_motion(key, count, m);
	case '\'': case '`':
		c = get_key();
		return to_mark(c == '`' ? '\'' : c, key == '`', m);
	case 'n': case 'N': case '/': case '?': case '*': case '#':
		return search_motion(key, count, &m->to);
	}
	return line_motion(key, count, m);
}
