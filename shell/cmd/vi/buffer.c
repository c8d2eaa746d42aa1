/*
 * buffer.c: vi's text as an array of lines, with undo, marks and registers.
 *
 * Every change goes through buffer_replace: "these n_old lines become those
 * n_new lines". The replaced lines are not freed but kept in an undo record, so
 * undoing a change is the same replace backwards, and redo is undoing the undo.
 * A file is loaded without copying it: its lines stay where read_file put them,
 * each '\n' made the NUL that ends a line, and only lines made later have a
 * malloc of their own.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "lines.h"
#include "vi.h"

struct line *lines;
int line_count;
static int line_capacity;
int buffer_empty;
/* The text of the file as loaded, which its lines point into; freed with the buffer. */
static char *loaded_text;
static size_t loaded_size;

/* ---- lines ---- */

static struct line new_line(const char *text, int len)
{
	struct line l;

	l.text = xmalloc(len + 1);
	memcpy(l.text, text, len);
	l.text[len] = '\0';
	l.len = len;
	return l;
}

/* Is text inside the loaded file (not a malloc of its own)? */
static int in_loaded_text(const char *text)
{
	uintptr_t at = (uintptr_t)text, start = (uintptr_t)loaded_text;

	return loaded_text && at >= start && at < start + loaded_size;
}

static void free_lines(struct line *l, int n)
{
	for (int i = 0; i < n; i++)
		if (!in_loaded_text(l[i].text))
			free(l[i].text);
}

static void make_room(int count)
{
	if (count > line_capacity) {
		line_capacity = count + count / 2 + 16;
		lines = xrealloc(lines, line_capacity * sizeof *lines);
	}
}

/* ---- undo ---- */

struct undo_record {
	int at, n_new;		/* lines [at, at+n_new) replaced ... */
	int n_old;		/* ... these lines, which are kept here */
	struct line *old;
};

struct undo_step {
	struct undo_record *records;
	int count, capacity;
	int serial;		/* names the text as it is after this step (its undo keeps the number) */
	struct pos cursor;	/* where the cursor was before the change */
	int was_empty;
};

struct history {
	struct undo_step *steps;
	int count, capacity;
};

static struct history undo_history, redo_history;
static int step_open;		/* changes go into the newest step until undo_begin */
static int last_serial, saved_serial;

/* The serial of the text as it is: the newest undo step's, 0 for the text as loaded. */
static int current_serial(void)
{
	return undo_history.count ? undo_history.steps[undo_history.count - 1].serial : 0;
}

int buffer_modified(void)
{
	return current_serial() != saved_serial;
}

void buffer_saved(void)
{
	saved_serial = current_serial();
}

static void free_step(struct undo_step *s)
{
	for (int i = 0; i < s->count; i++) {
		free_lines(s->records[i].old, s->records[i].n_old);
		free(s->records[i].old);
	}
	free(s->records);
}

static struct undo_step *push_step(struct history *h)
{
	struct undo_step *s;

	if (h->count == h->capacity) {
		h->capacity = h->capacity * 2 + 16;
		h->steps = xrealloc(h->steps, h->capacity * sizeof *h->steps);
	}
	s = &h->steps[h->count++];
	memset(s, 0, sizeof *s);
	s->cursor = cur;
	s->was_empty = buffer_empty;
	return s;
}

static void clear_history(struct history *h)
{
	while (h->count > 0)
		free_step(&h->steps[--h->count]);
}

static void add_record(struct undo_step *s, struct undo_record r)
{
	if (s->count == s->capacity) {	/* :%s over 100000 lines makes 100000 records */
		s->capacity = s->capacity * 2 + 4;
		s->records = xrealloc(s->records, s->capacity * sizeof *s->records);
	}
	s->records[s->count++] = r;
}

void undo_begin(void)
{
	step_open = 0;
}

/* Marks follow their lines; a mark on a deleted line is gone. */
static void adjust_marks(int at, int n_old, int n_new)
{
	for (int i = 0; i < 29; i++) {
		struct pos *m = &marks[i];
		if (m->line < at)
			continue;
		if (m->line >= at + n_old)
			m->line += n_new - n_old;
		else if (m->line - at >= n_new)
			m->line = -1;
	}
}

/* Put n_new lines (taken over) in place of n_old lines from at; the old ones are returned. */
static struct undo_record splice(int at, int n_old, struct line *new_lines, int n_new)
{
	struct undo_record r = { at, n_new, n_old, xmalloc((n_old + 1) * sizeof(struct line)) };

	memcpy(r.old, lines + at, n_old * sizeof *lines);
	make_room(line_count - n_old + n_new);
	if (n_new != n_old)
		memmove(lines + at + n_new, lines + at + n_old, (line_count - at - n_old) * sizeof *lines);
	memcpy(lines + at, new_lines, n_new * sizeof *lines);
	line_count += n_new - n_old;
	adjust_marks(at, n_old, n_new);
	return r;
}

void buffer_replace(int at, int n_old, const struct line *new_lines, int n_new)
{
	struct line *copies = xmalloc((n_new + 1) * sizeof *copies);
	struct undo_step *step;
	struct undo_record r;
	int placeholder = line_count - n_old + n_new == 0;

	for (int i = 0; i < n_new; i++)
		copies[i] = new_line(new_lines[i].text, new_lines[i].len);
	if (placeholder) {	/* the buffer never has no line at all */
		copies[0] = new_line("", 0);
		n_new = 1;
	}
	if (!step_open) {
		clear_history(&redo_history);
		push_step(&undo_history)->serial = ++last_serial;
		step_open = 1;
	}
	step = &undo_history.steps[undo_history.count - 1];
	r = splice(at, n_old, copies, n_new);
	/* "No lines in buffer" lasts until text comes in (cc on it adds none). */
	buffer_empty = placeholder || (buffer_empty && line_count == 1 && lines[0].len == 0);
	free(copies);
	/* Typing changes one line again and again: its first version is all undo needs. */
	if (step->count > 0 && n_old == 1 && n_new == 1) {
		struct undo_record *last = &step->records[step->count - 1];
		if (last->at == at && last->n_new == 1 && last->n_old == 1) {
			free_lines(r.old, 1);
			free(r.old);
			return;
		}
	}
	add_record(step, r);
}

/* Undo the newest step of `from`, making its opposite the newest step of `to`. */
static int undo_into(struct history *from, struct history *to)
{
	struct undo_step s, *back;
	struct pos where = { 0, 0 };

	if (from->count == 0)
		return -1;
	s = from->steps[--from->count];
	back = push_step(to);
	back->serial = s.serial;
	for (int i = s.count - 1; i >= 0; i--) {
		struct undo_record *r = &s.records[i];
		add_record(back, splice(r->at, r->n_new, r->old, r->n_old));
		free(r->old);	/* its lines are in the buffer again */
		where.line = r->at;
	}
	free(s.records);
	buffer_empty = s.was_empty;
	/* Back where the change was made, if that is where the text changed (yyp then u: the line above). */
	cur = s.cursor.line == where.line || s.cursor.line == where.line - 1 ? s.cursor : where;
	if (cur.line >= line_count)
		cur.line = line_count - 1;
	step_open = 0;
	return 0;
}

int undo(void)
{
	return undo_into(&undo_history, &redo_history);
}

int redo(void)
{
	return undo_into(&redo_history, &undo_history);
}

/* ---- loading ---- */

void buffer_init(void)
{
	clear_history(&undo_history);
	clear_history(&redo_history);
	free_lines(lines, line_count);
	free(loaded_text);	/* no line points into it any more: undo is gone too */
	loaded_text = NULL;
	line_count = 0;
	make_room(1);
	lines[line_count++] = new_line("", 0);
	for (int i = 0; i < 29; i++)
		marks[i].line = -1;
	buffer_empty = 1;
	saved_serial = 0;
	step_open = 0;
}

void buffer_take(char *text, size_t len)
{
	char *p = text, *end = text + len;

	buffer_init();
	if (len == 0) {
		free(text);
		return;
	}
	free_lines(lines, line_count);
	line_count = 0;
	while (p < end) {
		char *nl = find_byte(p, '\n', end - p);
		char *stop = nl ? nl : end;
		*stop = '\0';	/* text[len] is one already */
		make_room(line_count + 1);
		lines[line_count++] = (struct line){ p, stop - p };
		p = stop + 1;
	}
	loaded_text = text;
	loaded_size = len + 1;
	buffer_empty = 0;
}

/*
 * How many lines from `first` on (at most `count`) lie one after the other in the
 * loaded text, as the file had them: written from there, they need no copying.
 */
int loaded_run(int first, int count)
{
	int n = 0;

	while (n < count && in_loaded_text(lines[first + n].text) &&
	       (n == 0 || lines[first + n].text == lines[first + n - 1].text + lines[first + n - 1].len + 1))
		n++;
	return n;
}

/* ---- changes in terms of positions ---- */

void buffer_set_line(int i, const char *text, int len)
{
	struct line l = { (char *)text, len };

	buffer_replace(i, 1, &l, 1);
}

char *buffer_text(struct pos a, struct pos b, size_t *len)
{
	size_t size = 0;
	char *text;

	for (int i = a.line; i <= b.line; i++)
		size += lines[i].len + 1;
	text = xmalloc(size + 1);
	size = 0;
	for (int i = a.line; i <= b.line; i++) {
		int from = i == a.line ? a.col : 0;
		int to = i == b.line ? b.col : lines[i].len;
		if (to > from) {
			memcpy(text + size, lines[i].text + from, to - from);
			size += to - from;
		}
		if (i < b.line)
			text[size++] = '\n';
	}
	text[size] = '\0';
	*len = size;
	return text;
}

void buffer_delete(struct pos a, struct pos b)
{
	struct line *first = &lines[a.line], *last = &lines[b.line];
	int tail = last->len - b.col;
	char *joined = xmalloc(a.col + tail + 1);

	memcpy(joined, first->text, a.col);
	memcpy(joined + a.col, last->text + b.col, tail);
	buffer_replace(a.line, b.line - a.line + 1, &(struct line){ joined, a.col + tail }, 1);
	free(joined);
}

/* Split text at its newlines into lines; the pieces point into text. */
static struct line *split_lines(const char *text, size_t len, int *count)
{
	struct line *pieces = xmalloc(sizeof *pieces);
	const char *p = text, *end = text + len;
	int n = 0;

	for (;;) {
		const char *nl = memchr(p, '\n', end - p);
		pieces = xrealloc(pieces, (n + 1) * sizeof *pieces);
		pieces[n].text = (char *)p;
		pieces[n++].len = (nl ? nl : end) - p;
		if (!nl)
			break;
		p = nl + 1;
	}
	*count = n;
	return pieces;
}

int buffer_replace_text(int at, int n_old, const char *text, size_t len)
{
	int n;
	struct line *pieces = split_lines(text, len, &n);

	buffer_replace(at, n_old, pieces, n);
	free(pieces);
	return n;
}

struct pos buffer_insert(struct pos a, const char *text, size_t len)
{
	const struct line *old = &lines[a.line];
	char *joined = xmalloc(old->len + len + 1);
	const char *last_newline = memrchr(text, '\n', len);
	struct pos end = { a.line, a.col + len };

	memcpy(joined, old->text, a.col);
	memcpy(joined + a.col, text, len);
	memcpy(joined + a.col + len, old->text + a.col, old->len - a.col);
	if (last_newline) {
		end.line = a.line + buffer_replace_text(a.line, 1, joined, old->len + len) - 1;
		end.col = text + len - last_newline - 1;
	} else {
		buffer_set_line(a.line, joined, old->len + len);
	}
	free(joined);
	return end;
}

int buffer_insert_lines(int at, const char *text, size_t len)
{
	if (len > 0 && text[len - 1] == '\n')
		len--;
	buffer_replace_text(at, 0, text, len);	/* as vi: into "no lines", the empty line stays */
	return at;
}

void buffer_delete_lines(int first, int count)
{
	buffer_replace(first, count, NULL, 0);
}

char *buffer_lines_text(int first, int count, size_t *len)
{
	struct pos a = { first, 0 }, b = { first + count - 1, lines[first + count - 1].len };
	char *text = buffer_text(a, b, len);

	text = xrealloc(text, *len + 2);
	text[(*len)++] = '\n';
	text[*len] = '\0';
	return text;
}

/* ---- whole-line edits that normal mode and ex share ---- */

/* The blanks at the start of line i (autoindent, J, >). */
int indent_length(int i)
{
	int n = 0;

	while (n < lines[i].len && (lines[i].text[n] == ' ' || lines[i].text[n] == '\t'))
		n++;
	return n;
}

/* > and < (and :> :<): shiftwidth more or less indent, made of tabs unless expandtab. */
void shift_lines(int first, int last, int dir)
{
	for (int i = first; i <= last; i++) {
		int indent = indent_length(i), width = col_to_screen(i, indent), tabs, size;
		char *text;
		if (lines[i].len == 0)
			continue;
		width += dir * opt.shiftwidth;
		if (width < 0)
			width = 0;
		tabs = opt.expandtab ? 0 : width / opt.tabstop;
		size = tabs + width - tabs * opt.tabstop;
		text = xmalloc(size + lines[i].len - indent + 1);
		memset(text, '\t', tabs);
		memset(text + tabs, ' ', size - tabs);
		memcpy(text + size, lines[i].text + indent, lines[i].len - indent);
		buffer_set_line(i, text, size + lines[i].len - indent);
		free(text);
	}
}

/* The blanks J puts between two lines: none before ')' or after a blank, two after the end of a sentence. */
static int join_spaces(const struct line *l, const char *next_text, int next_len)
{
	int last = l->len > 0 ? l->text[l->len - 1] : ' ';

	if (next_len == 0 || next_text[0] == ')' || last == ' ' || last == '\t')
		return 0;
	return last == '.' || last == '!' || last == '?' ? 2 : 1;
}

void join_lines(int first, int count)
{
	if (count < 2)
		count = 2;
	for (int i = 1; i < count && first + 1 < line_count; i++) {
		const struct line *l = &lines[first], *next = &lines[first + 1];
		int skip = indent_length(first + 1);
		int spaces = join_spaces(l, next->text + skip, next->len - skip);
		struct line joined = { xmalloc(l->len + 2 + next->len), l->len + spaces + next->len - skip };
		memcpy(joined.text, l->text, l->len);
		memcpy(joined.text + l->len, "  ", spaces);
		memcpy(joined.text + l->len + spaces, next->text + skip, next->len - skip);
		cur.col = l->len > 0 ? l->len - (spaces == 0) : 0;	/* on the gap */
		buffer_replace(first, 2, &joined, 1);
		free(joined.text);
	}
	cur.line = first;
}

void ex_join(int first, int last)
{
	join_lines(first, last - first + 1);
}

/* ---- marks and registers ---- */

struct pos marks[29];

int mark_slot(int name)
{
	if (name >= 'a' && name <= 'z')
		return name - 'a';
	if (name == '\'' || name == '`')
		return 26;
	if (name == '<')
		return 27;
	if (name == '>')
		return 28;
	return -1;
}

void mark_set(int name, struct pos p)
{
	int slot = mark_slot(name);

	if (slot >= 0)
		marks[slot] = p;
}

#define NUMBERED 27	/* where "1 is in registers[]; "9 is the last one */
static struct reg registers[NUMBERED + 9];	/* 0 is the unnamed one, then a-z, then 1-9 */

struct reg *register_get(int name)
{
	if (name >= 'a' && name <= 'z')
		return &registers[name - 'a' + 1];
	if (name >= 'A' && name <= 'Z')
		return &registers[name - 'A' + 1];
	if (name >= '1' && name <= '9')
		return &registers[NUMBERED + name - '1'];
	return &registers[0];
}

static void copy_register(struct reg *to, const struct reg *from)
{
	free(to->text);
	to->text = xmalloc(from->len + 1);
	memcpy(to->text, from->text, from->len + 1);
	to->len = from->len;
	to->linewise = from->linewise;
}

void register_set(int name, char *text, size_t len, int linewise)
{
	struct reg *r = register_get(name);

	if (name >= 'A' && name <= 'Z' && r->text) {	/* append */
		int gap = r->linewise && !linewise;
		r->text = xrealloc(r->text, r->len + len + 2);
		memcpy(r->text + r->len, text, len);
		r->len += len;
		if (gap)
			r->text[r->len++] = '\n';
		r->text[r->len] = '\0';
		free(text);
	} else {
		free(r->text);
		r->text = text;
		r->len = len;
		r->linewise = linewise;
	}
	if (r != &registers[0])
		copy_register(&registers[0], r);
}

void register_delete(int name, char *text, size_t len, int linewise)
{
	if ((name != 0 && name != '"') || (!linewise && memchr(text, '\n', len) == NULL)) {
		register_set(name, text, len, linewise);
		return;
	}
	/* "9 is forgotten, "1-"8 move down one, and the text goes into "1 (and ""). */
	free(registers[NUMBERED + 8].text);
	memmove(&registers[NUMBERED + 1], &registers[NUMBERED], 8 * sizeof registers[0]);
	registers[NUMBERED].text = NULL;
	register_set('1', text, len, linewise);
}
