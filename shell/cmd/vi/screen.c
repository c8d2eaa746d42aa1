/*
 * screen.c: how vi shows the text (POSIX vi's screen, drawn with VT100 escapes
 * through libmini's fullscreen.c, which sends only the rows that changed).
 *
 * Long lines wrap onto the next rows; tabs show as spaces up to the next tab
 * stop, control bytes as ^X; rows after the end of the text show "~", and a
 * line that does not fit at the bottom shows as "@" rows. The last row is for
 * messages and the ":" command line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "fullscreen.h"
#include "vi.h"

int top_line;
static char status[256];	/* the message on the last row */
static char *command_text;	/* the ":" line being typed, or NULL */
static int command_prompt;
static int output_active;	/* lines of output are scrolling up the screen */

void message(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(status, sizeof status, fmt, ap);
	va_end(ap);
}

int text_rows(void)
{
	return term_rows > 1 ? term_rows - 1 : 1;
}

static int number_width(void)
{
	return opt.number && term_cols > 16 ? 8 : 0;
}

static int text_cols(void)
{
	return term_cols - number_width();
}

static int tab_width(void)
{
	return opt.list ? 0 : opt.tabstop;	/* 0: tabs show as ^I */
}

int col_to_screen(int line, int col)
{
	const unsigned char *p = (const unsigned char *)lines[line].text;
	char cell[64];
	int n, x = 0;

	if (col > lines[line].len)
		col = lines[line].len;
	for (int i = 0; i < col; i++)
		x += term_cell(p + i, x, tab_width(), cell, &n);
	return x;
}

int screen_to_col(int line, int screen_col)
{
	const unsigned char *p = (const unsigned char *)lines[line].text;
	char cell[64];
	int n, x = 0, col = 0;

	for (int i = 0; i < lines[line].len; i++) {
		int w = term_cell(p + i, x, tab_width(), cell, &n);
		if (w > 0) {
			if (x > screen_col)
				break;
			col = i;
		}
		x += w;
	}
	return col;
}

int line_rows(int line)
{
	int width = col_to_screen(line, lines[line].len) + opt.list;

	return width == 0 ? 1 : (width + text_cols() - 1) / text_cols();
}

int bottom_line(void)
{
	int rows = 0, i;

	for (i = top_line; i < line_count; i++) {
		rows += line_rows(i);
		if (rows > text_rows())
			break;
	}
	return i > top_line ? i - 1 : top_line;
}

void place_line(int line, int where)
{
	int room = where == 't' ? 0 : text_rows() - line_rows(line);

	if (where == 'm')
		room = (room + 1) / 2;
	top_line = line;
	while (top_line > 0 && room >= line_rows(top_line - 1)) {
		room -= line_rows(top_line - 1);
		top_line--;
	}
}

/* Does the cursor line show whole when the screen starts at top_line? */
static int cursor_fits(void)
{
	int rows = 0;

	for (int i = top_line; i <= cur.line; i++) {
		rows += line_rows(i);
		if (rows > text_rows())
			return 0;
	}
	return 1;
}

void scroll_to_cursor(void)
{
	if (top_line >= line_count)
		top_line = line_count - 1;
	if (cur.line < top_line) {
		if (top_line - cur.line > text_rows() / 2)
			place_line(cur.line, 'm');
		else
			top_line = cur.line;
		return;
	}
	if (cursor_fits())
		return;
	if (cur.line - bottom_line() > text_rows() / 2) {
		place_line(cur.line, 'm');
		return;
	}
	while (top_line < cur.line && !cursor_fits())
		top_line++;
}

/* ---- drawing ---- */

static int in_visual_area(int line, int col)
{
	struct pos a = visual_start, b = cur;

	if (mode != VISUAL && mode != VISUAL_LINE)
		return 0;
	if (a.line > b.line || (a.line == b.line && a.col > b.col)) {
		a = cur;
		b = visual_start;
	}
	if (line < a.line || line > b.line)
		return 0;
	if (mode == VISUAL_LINE)
		return 1;
	return !(line == a.line && col < a.col) && !(line == b.line && col > b.col);
}

struct drawing {
	int line, row;		/* the line drawn, the screen row its next row goes to */
	int part;		/* rows of this line composed so far */
	int skip;		/* rows of this line not shown (a line taller than the screen) */
	int x;			/* screen column within the row */
	int cursor_row, cursor_col;
};

static void start_row(struct drawing *d)
{
	char number[16];

	d->x = 0;
	if (number_width() == 0)
		return;
	if (d->part == 0)
		snprintf(number, sizeof number, "%7d ", d->line + 1);
	else
		strcpy(number, "        ");
	term_row_add(number, 8, 8);
}

static void end_row(struct drawing *d)
{
	int row = d->row + d->part - d->skip;

	term_row_end(d->part >= d->skip && row < text_rows() ? row : -1);
	d->part++;
}

/* Add one column's bytes, going on to the next row when this one is full. */
static void add_column(struct drawing *d, const char *bytes, int len)
{
	if (d->x == text_cols()) {
		end_row(d);
		start_row(d);
	}
	term_row_add(bytes, len, 1);
	d->x++;
}

/* Where the cursor shows when it is on byte col of the line being drawn. */
static void note_cursor(struct drawing *d, int col, int width)
{
	int x = d->part * text_cols() + d->x;

	if (width > 1 && mode != INSERT && mode != REPLACE && lines[d->line].text[col] == '\t')
		x += width - 1;	/* vi shows the cursor on the last column of a tab */
	if (d->x == text_cols() && width > 0)
		x = (d->part + 1) * text_cols();
	d->cursor_row = x / text_cols();
	d->cursor_col = x % text_cols() + number_width();
	if (d->cursor_row >= line_rows(d->line)) {
		d->cursor_row = line_rows(d->line) - 1;
		d->cursor_col = term_cols - 1;
	}
}

/* Compose the rows of line d->line; returns the number of rows it takes. */
static int draw_line(struct drawing *d)
{
	const struct line *l = &lines[d->line];
	char cell[64];
	int n, at = 0;

	d->part = 0;
	start_row(d);
	for (int i = 0; i <= l->len; i++) {
		int width = i < l->len ? term_cell((unsigned char *)l->text + i, d->part * text_cols() + d->x,
						  tab_width(), cell, &n) : 1;
		if (d->line == cur.line && i == cur.col)
			note_cursor(d, i, width);
		if (i == l->len || d->row + d->part - d->skip >= text_rows())
			break;	/* the end, or the rest is below the screen */
		term_row_reverse(in_visual_area(d->line, i));
		if (width == 0)
			term_row_add(cell, n, 0);
		for (at = 0; width > 0 && at < n; at++)
			add_column(d, cell + at, 1);
	}
	term_row_reverse(0);
	if (opt.list)
		add_column(d, "$", 1);
	end_row(d);
	return d->part;
}

static void draw_status(void)
{
	char *text = status;
	int len;

	if (command_text) {
		char prompt = command_prompt;
		int shown = strlen(command_text), room = term_cols > 2 ? term_cols - 2 : 0;
		text = command_text + (shown > room ? shown - room : 0);
		term_row_add(&prompt, 1, 1);
	} else if (status[0] == '\0' && mode != NORMAL) {
		static const char *names[] = { "", "-- INSERT --", "-- REPLACE --", "-- VISUAL --", "-- VISUAL LINE --" };
		text = (char *)names[mode];
	}
	len = strlen(text);
	if (len > term_cols - 1)
		len = term_cols - 1;
	term_row_add(text, len, len);
	term_row_end(term_rows - 1);
}

/* A line taller than the screen: the rows to leave out so the cursor shows. */
static int tall_line_skip(int rows)
{
	int cursor_row = top_line == cur.line ? col_to_screen(cur.line, cur.col) / text_cols() : 0;
	int skip = cursor_row - text_rows() / 2;

	if (skip > rows - text_rows())
		skip = rows - text_rows();
	return skip > 0 ? skip : 0;
}

void screen_draw(void)
{
	struct drawing d = { 0 };
	int row = 0;

	term_begin_screen();
	scroll_to_cursor();
	for (d.line = top_line; d.line < line_count && row < text_rows(); d.line++) {
		int rows = line_rows(d.line);
		d.skip = 0;
		if (row + rows > text_rows()) {
			if (d.line != top_line)
				break;
			d.skip = tall_line_skip(rows);
		}
		d.row = row;
		row += draw_line(&d) - d.skip;
		if (d.line == cur.line)
			d.cursor_row += d.row - d.skip;
	}
	for (; row < text_rows(); row++) {
		term_row_add(d.line < line_count ? "@" : "~", 1, 1);
		term_row_end(row);
	}
	draw_status();
	if (command_text)
		term_end_screen(term_rows - 1, strlen(command_text) + 1 > (size_t)term_cols - 1 ? term_cols - 1
			       : (int)strlen(command_text) + 1);
	else
		term_end_screen(d.cursor_row < 0 ? 0 : d.cursor_row, d.cursor_col);
}

/* ---- the command line and output ---- */

/* Delete the word before the end of text (Ctrl-W). */
static void erase_word(char *text)
{
	size_t n = strlen(text);

	while (n > 0 && text[n - 1] == ' ')
		n--;
	while (n > 0 && text[n - 1] != ' ')
		n--;
	text[n] = '\0';
}

char *read_line(int prompt)
{
	size_t len = 0, cap = 64;
	int key;

	command_text = xzalloc(cap);
	command_prompt = prompt;
	status[0] = '\0';
	for (;;) {
		key = get_key();
		if (key == '\r' || key == '\n')
			break;
		if (key == KEY_ESC || key == 3 || key == KEY_EOF || (len == 0 && (key == 8 || key == 127))) {
			free(command_text);
			command_text = NULL;
			return NULL;
		}
		if (key == 8 || key == 127)
			command_text[--len] = '\0';
		else if (key == 21)	/* Ctrl-U */
			command_text[len = 0] = '\0';
		else if (key == 23)	/* Ctrl-W */
			erase_word(command_text), len = strlen(command_text);
		else if (key < 256) {
			if (key == 22)	/* Ctrl-V: the next key as it is */
				key = get_key() & 255;
			if (len + 2 > cap)
				command_text = xrealloc(command_text, cap *= 2);
			command_text[len++] = key;
			command_text[len] = '\0';
		}
	}
	{
		char *line = command_text;
		command_text = NULL;
		return line;
	}
}

void output_line(const char *text, int len)
{
	char cell[64];
	int n, x = 0;

	if (!output_active) {
		char move[32];
		snprintf(move, sizeof move, "\033[%d;1H\033[K", term_rows);
		term_puts(move);
		output_active = 1;
	}
	for (int i = 0; i < len; i++) {
		x += term_cell((const unsigned char *)text + i, x, opt.tabstop, cell, &n);
		term_write(cell, n);
	}
	term_puts("\r\n");
}

void output_wait(void)
{
	if (!output_active)
		return;
	term_puts("Press ENTER to continue");
	term_flush();
	output_active = 0;
	term_key();
	term_invalidate();
	status[0] = '\0';
}

/* True while lines of output are on the screen (get_key must not redraw). */
int output_showing(void)
{
	return output_active;
}

void clear_message(void)
{
	status[0] = '\0';
}
