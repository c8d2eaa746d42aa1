/*
 * normal.c: vi's commands: normal mode, insert mode, visual mode (POSIX vi,
 * plus vim's v, V, Ctrl-R and gg that people's fingers expect).
 *
 * A command is ["x][count]key: either a motion (cursor moves), an operator
 * (d c y < > !) followed by a motion whose range it works on, or a command of its
 * own (x p J u ...). Commands that change the text are remembered key by key,
 * so "." just feeds the same keys in again.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "fullscreen.h"
#include "vi.h"

static int *dot_keys;		/* the keys of the last change, without count and register */
static int dot_length, dot_count, dot_register;

/* Remember keys (taken over) as the change "." repeats. */
static void set_dot(int *keys, int n, int count, int reg)
{
	free(dot_keys);
	dot_keys = keys;
	dot_length = n;
	dot_count = count;
	dot_register = reg;
}

static void clamp_cursor(void)
{
	if (cur.line >= line_count)
		cur.line = line_count - 1;
	if (cur.line < 0)
		cur.line = 0;
	if (cur.col > lines[cur.line].len)
		cur.col = lines[cur.line].len;
	/* Insert mode may be after the last character; so may visual mode, to take in the line break. */
	if (mode == NORMAL && cur.col >= lines[cur.line].len)
		cur.col = lines[cur.line].len > 0 ? prev_char(cur.line, lines[cur.line].len) : 0;
	while (cur.col > 0 && (lines[cur.line].text[cur.col] & 0xC0) == 0x80)
		cur.col--;
}

static void move_to(struct pos p)
{
	cur = p;
	clamp_cursor();
	want_col = col_to_screen(cur.line, cur.col);
}

/* ---- insert mode ---- */

static void insert_bytes(const char *text, int len)
{
	cur = buffer_insert(cur, text, len);
}

static void insert_newline(void)
{
	int indent = opt.autoindent ? indent_length(cur.line) : 0;
	char *text = xmalloc(indent + 1);

	text[0] = '\n';
	memcpy(text + 1, lines[cur.line].text, indent);
	if (indent > cur.col)
		indent = 0;
	insert_bytes(text, indent + 1);
	free(text);
}

static void insert_tab(void)
{
	if (opt.expandtab) {
		int width = opt.tabstop - col_to_screen(cur.line, cur.col) % opt.tabstop;
		insert_bytes("                                ", width);
	} else {
		insert_bytes("\t", 1);
	}
}

/* Delete from byte col to the cursor in the cursor's line. */
static void erase_back_to(int col)
{
	struct pos from = { cur.line, col };

	buffer_delete(from, cur);
	cur = from;
}

static void erase_word_before(void)
{
	const char *t = lines[cur.line].text;
	int col = cur.col;

	while (col > 0 && (t[col - 1] == ' ' || t[col - 1] == '\t'))
		col--;
	if (col > 0 && (isalnum((unsigned char)t[col - 1]) || t[col - 1] == '_'))
		while (col > 0 && (isalnum((unsigned char)t[col - 1]) || t[col - 1] == '_'))
			col--;
	else if (col > 0)
		col--;
	erase_back_to(col);
}

/* R mode: what each typed character went over (its bytes, then their number), so Backspace gives it back. */
static char *typed_over;
static int typed_over_length;

static void remember_typed_over(const char *text, int len)
{
	typed_over = xrealloc(typed_over, typed_over_length + len + 1);
	memcpy(typed_over + typed_over_length, text, len);
	typed_over[typed_over_length + len] = len;
	typed_over_length += len + 1;
}

/* Backspace in R mode: the character typed last goes, the one it replaced comes back. */
static void replace_backspace(void)
{
	struct pos from = { cur.line, prev_char(cur.line, cur.col) };
	int len;

	if (typed_over_length == 0 || cur.col == 0) {
		cur = from;
		return;
	}
	len = typed_over[--typed_over_length];
	typed_over_length -= len;
	buffer_delete(from, cur);
	buffer_insert(from, typed_over + typed_over_length, len);
	cur = from;
}

static void backspace(void)
{
	if (mode == REPLACE) {
		replace_backspace();
	} else if (cur.col > 0) {
		erase_back_to(prev_char(cur.line, cur.col));
	} else if (cur.line > 0 && mode == INSERT) {	/* join with the line above */
		struct pos end = { cur.line - 1, lines[cur.line - 1].len };
		buffer_delete(end, cur);
		cur = end;
	}
}

static void type_byte(int c)
{
	char byte = c;

	if (mode == REPLACE) {
		struct pos after = { cur.line, next_char(cur.line, cur.col) };
		remember_typed_over(lines[cur.line].text + cur.col, after.col - cur.col);
		buffer_delete(cur, after);
	}
	insert_bytes(&byte, 1);
}

/* One key of insert mode; returns 0 for Esc. */
static int insert_key(int key)
{
	switch (key) {
	case KEY_ESC:
		return 0;
	case '\r': case '\n':
		insert_newline();
		break;
	case '\b': case 127:
		backspace();
		break;
	case 23:	/* Ctrl-W */
		erase_word_before();
		break;
	case 21:	/* Ctrl-U */
		erase_back_to(0);
		break;
	case '\t':
		insert_tab();
		break;
	case KEY_LEFT:
		cur.col = prev_char(cur.line, cur.col);
		break;
	case KEY_RIGHT:
		cur.col = next_char(cur.line, cur.col);
		break;
	case KEY_UP: case KEY_DOWN: {
		int line = cur.line + (key == KEY_UP ? -1 : 1);
		if (line >= 0 && line < line_count)
			cur.line = line;
		clamp_cursor();
		break;
	}
	case KEY_HOME:
		cur.col = 0;
		break;
	case KEY_END:
		cur.col = lines[cur.line].len;
		break;
	case KEY_DELETE:
		if (cur.col < lines[cur.line].len)
			buffer_delete(cur, (struct pos){ cur.line, next_char(cur.line, cur.col) });
		break;
	default:
		if (key < 256)
			type_byte(key);
	}
	return 1;
}

static void open_line(int below)
{
	int indent = opt.autoindent ? indent_length(cur.line) : 0;
	struct line l = { lines[cur.line].text, indent };
	int at = below ? cur.line + 1 : cur.line;

	buffer_replace(at, 0, &l, 1);
	cur.line = at;
	cur.col = indent;
}

/*
 * Insert mode until Esc; count > 1 types the same keys again (3ix<Esc> gives xxx).
 * `again` is 'o' or 'O' when each repetition opens a new line.
 */
static void insert_mode(int count, int again)
{
	int *typed = NULL, n = 0, key;

	if (mode != REPLACE)
		mode = INSERT;
	typed_over_length = 0;
	while ((key = get_key()) != KEY_ESC && key != 3) {	/* Ctrl-C ends insert mode too */
		typed = xrealloc(typed, (n + 2) * sizeof *typed);
		typed[n++] = key;
		if (key == 22) {	/* Ctrl-V: the next key as it is */
			typed[n++] = key = get_key();
			type_byte(key & 255);
		} else {
			insert_key(key);
		}
	}
	while (--count > 0) {
		if (again)
			open_line(1);
		for (int i = 0; i < n; i++)
			if (typed[i] == 22 && i + 1 < n)
				type_byte(typed[++i] & 255);
			else
				insert_key(typed[i]);
	}
	free(typed);
	mode = NORMAL;
	if (cur.col > 0)
		cur.col = prev_char(cur.line, cur.col);
	move_to(cur);
}

static void start_insert(int key, int count)
{
	switch (key) {
	case 'a':
		cur.col = next_char(cur.line, cur.col);
		break;
	case 'A':
		cur.col = lines[cur.line].len;
		break;
	case 'I':
		cur.col = indent_length(cur.line);
		break;
	case 'o': case 'O':
		open_line(key == 'o');
		break;
	case 'R':
		mode = REPLACE;
		break;
	}
	insert_mode(count, key == 'o' || key == 'O' ? key : 0);
}

/* ---- operators ---- */

static void toggle_case(struct pos a, struct pos b)
{
	for (int i = a.line; i <= b.line; i++) {
		int from = i == a.line ? a.col : 0, to = i == b.line ? b.col : lines[i].len;
		char *text = xstrndup(lines[i].text, lines[i].len);
		for (int c = from; c < to; c++)
			text[c] = islower((unsigned char)text[c]) ? toupper((unsigned char)text[c])
				  : tolower((unsigned char)text[c]);
		buffer_set_line(i, text, lines[i].len);
		free(text);
	}
}

/* Lines into a register: a yank, or (deleting) what d and c are about to take away. */
static void yank_lines(int reg, int first, int last, int deleting)
{
	size_t len;
	char *text = buffer_lines_text(first, last - first + 1, &len);

	if (deleting)
		register_delete(reg, text, len, 1);
	else
		register_set(reg, text, len, 1);
}

static void change_lines(int first, int last, int reg)
{
	int indent = opt.autoindent ? indent_length(first) : 0;
	struct line l = { xstrndup(lines[first].text, indent), indent };

	yank_lines(reg, first, last, 1);
	buffer_replace(first, last - first + 1, &l, 1);
	free(l.text);
	cur.line = first;
	cur.col = indent;
	insert_mode(1, 0);
}

static void linewise_operator(int op, int reg, int first, int last)
{
	switch (op) {
	case 'd': case 'y':
		yank_lines(reg, first, last, op == 'd');
		if (op == 'd') {
			buffer_delete_lines(first, last - first + 1);
			cur.line = first < line_count ? first : line_count - 1;
			cur.col = first_nonblank(cur.line);
		} else if (cur.line > first) {
			cur.line = first;
		}
		break;
	case 'c':
		change_lines(first, last, reg);
		break;
	case '<': case '>':
		shift_lines(first, last, op == '>' ? 1 : -1);
		cur.line = first;
		cur.col = first_nonblank(first);
		break;
	case '!': {
		char *command = read_line('!');
		if (command)
			ex_filter(first, last, command);
		free(command);
		break;
	}
	case '~':
		toggle_case((struct pos){ first, 0 }, (struct pos){ last, lines[last].len });
		break;
	}
}

/* Apply op to [a, b): a before b, b exclusive. */
static void charwise_operator(int op, int reg, struct pos a, struct pos b)
{
	size_t len;
	char *text;

	switch (op) {
	case 'd': case 'c': case 'y':
		text = buffer_text(a, b, &len);
		if (op == 'y')
			register_set(reg, text, len, 0);
		else
			register_delete(reg, text, len, 0);
		if (op != 'y')
			buffer_delete(a, b);
		cur = a;
		if (op == 'c')
			insert_mode(1, 0);
		break;
	case '<': case '>': case '!':
		linewise_operator(op, reg, a.line, b.line);
		break;
	case '~':
		toggle_case(a, b);
		cur = a;
		break;
	}
}

static int before(struct pos a, struct pos b)
{
	return a.line < b.line || (a.line == b.line && a.col < b.col);
}

static int only_blanks_after(struct pos p)
{
	for (int c = p.col; c < lines[p.line].len; c++)
		if (lines[p.line].text[c] != ' ' && lines[p.line].text[c] != '\t')
			return 0;
	return 1;
}

/* Apply operator op over the range from the cursor to where motion m goes. */
static void apply_operator(int op, int reg, struct motion *m)
{
	struct pos a = cur, b = m->to;

	if (before(b, a)) {
		a = m->to;
		b = cur;
	}
	if (m->linewise) {
		linewise_operator(op, reg, a.line, b.line);
		return;
	}
	if (m->inclusive) {
		b.col = next_char(b.line, b.col);
	} else if (b.col == 0 && b.line > a.line) {
		/* An exclusive motion ending at a line's start stops at the end of the line before (POSIX). */
		b.line--;
		b.col = lines[b.line].len;
		if (a.col <= indent_length(a.line)) {
			linewise_operator(op, reg, a.line, b.line);
			return;
		}
	}
	if (op == 'd' && b.line > a.line && a.col <= indent_length(a.line) && only_blanks_after(b)) {
		linewise_operator(op, reg, a.line, b.line);	/* d2$ from a line's start: whole lines */
		return;
	}
	charwise_operator(op, reg, a, b);
}

/* ---- other commands ---- */

static void put(int reg, int after, int count)
{
	struct reg *r = register_get(reg);

	if (r->text == NULL) {
		message("Nothing in register %c", reg ? reg : '"');
		return;
	}
	for (int i = 0; i < count; i++) {
		if (r->linewise) {
			int at = buffer_insert_lines(after ? cur.line + 1 : cur.line, r->text, r->len);
			if (i == count - 1) {
				cur.line = at;
				cur.col = first_nonblank(at);
			}
		} else {
			struct pos at = cur, end;
			if (after && lines[cur.line].len > 0)
				at.col = next_char(cur.line, cur.col);
			end = buffer_insert(at, r->text, r->len);
			cur = end.line == at.line ? (struct pos){ end.line, prev_char(end.line, end.col) } : at;
		}
	}
}

static void replace_chars(int c, int count)
{
	struct pos end = cur;

	for (int i = 0; i < count; i++) {
		if (end.col >= lines[end.line].len)
			return;
		end.col = next_char(end.line, end.col);
	}
	buffer_delete(cur, end);
	if (c == '\r' || c == '\n') {
		insert_newline();
		return;
	}
	for (int i = 0; i < count; i++) {
		char byte = c;
		cur = buffer_insert(cur, &byte, 1);
	}
	cur.col--;
}

static void file_info(void)
{
	message("\"%s\"%s%s %d line%s --%d%%-- line %d col %d", file_name ? file_name : "[No Name]",
		buffer_modified() ? " [Modified]" : "", readonly ? " [readonly]" : "", line_count,
		line_count == 1 ? "" : "s", (int)((cur.line + 1) * 100LL / line_count), cur.line + 1, cur.col + 1);
}

static void scroll_command(int key, int count, int has_count)
{
	int half = text_rows() / 2 > 0 ? text_rows() / 2 : 1;
	int last = line_count - 1;

	switch (key) {
	case 6: case KEY_PGDN:	/* Ctrl-F */
		for (int i = 0; i < count; i++)
			top_line = bottom_line() - 1 > top_line ? bottom_line() - 1 : top_line + 1;
		break;
	case 2: case KEY_PGUP:	/* Ctrl-B */
		for (int i = 0; i < count; i++)
			place_line(top_line + 1 < last ? top_line + 1 : last, 'b');
		cur.line = bottom_line();
		break;
	case 4: case 21:	/* Ctrl-D, Ctrl-U */
		if (has_count)
			half = count;
		if (key == 4) {
			top_line += half;
			cur.line += half;
		} else {
			top_line -= half;
			cur.line -= half;
		}
		break;
	case 5:	/* Ctrl-E */
		top_line += count;
		break;
	case 25:	/* Ctrl-Y */
		top_line -= count;
		break;
	}
	top_line = top_line < 0 ? 0 : top_line > last ? last : top_line;
	cur.line = cur.line < top_line ? top_line : cur.line > last ? last : cur.line;
	if (cur.line > bottom_line())
		cur.line = bottom_line();
	if (key != 5 && key != 25)
		cur.col = first_nonblank(cur.line);
	clamp_cursor();
}

static void z_command(int count, int has_count)
{
	int key = get_key();
	int where = key == '\r' || key == 't' ? 't' : key == '.' || key == 'z' ? 'm' : key == '-' || key == 'b' ? 'b' : 0;

	if (!where)
		return;
	if (has_count)
		cur.line = count - 1 < line_count ? count - 1 : line_count - 1;
	place_line(cur.line, where);
	if (key == '\r' || key == '.' || key == '-')
		cur.col = first_nonblank(cur.line);
}

/* ---- visual mode ---- */

static void visual_operator(int op, int reg)
{
	struct pos a = visual_start, b = cur;

	if (before(b, a)) {
		a = cur;
		b = visual_start;
	}
	mark_set('<', a);
	mark_set('>', b);
	if (mode == VISUAL_LINE || strchr("DYCSR<>", op)) {	/* these always take whole lines */
		mode = NORMAL;
		linewise_operator(strchr("dD", op) ? 'd' : strchr("yY", op) ? 'y' : strchr("cCSR", op) ? 'c' : op,
				  reg, a.line, b.line);
		return;
	}
	mode = NORMAL;
	if (b.col >= lines[b.line].len && b.line + 1 < line_count) {	/* the line break is in the area */
		b.line++;
		b.col = 0;
	} else {
		b.col = next_char(b.line, b.col);
	}
	charwise_operator(op == 'x' ? 'd' : op == 's' ? 'c' : op, reg, a, b);
}

/*
 * An operator on the visual area. "." then does the same to as many lines
 * (2dd for two lines) or characters (3dl) from the cursor, as vi does.
 */
static void visual_change(int op, int reg)
{
	int lines_taken = abs(cur.line - visual_start.line) + 1, chars = abs(cur.col - visual_start.col) + 1;
	int linewise = mode == VISUAL_LINE || strchr("DYCSR<>", op), from = record_length();
	int base = strchr("dDxX", op) ? 'd' : strchr("cCsSR", op) ? 'c' : op;
	int *typed, n, *keys;

	visual_operator(op, reg);
	move_to(cur);
	if (base == 'y' || base == 'Y' || (!linewise && lines_taken > 1))
		return;
	typed = record_since(from, &n);	/* what was typed in insert mode after c */
	keys = xmalloc((n + 2) * sizeof *keys);
	keys[0] = base;
	keys[1] = base == '~' ? 0 : linewise ? base : 'l';
	memcpy(keys + 2, typed, n * sizeof *keys);
	free(typed);
	if (base == '~')
		set_dot(keys, 1, chars, reg);
	else
		set_dot(keys, n + 2, linewise ? lines_taken : chars, reg);
}

/* ":" in visual mode: an ex command on the lines of the area, '<,'> */
static void visual_ex_command(void)
{
	char *line, *full;

	mark_set('<', before(cur, visual_start) ? cur : visual_start);
	mark_set('>', before(cur, visual_start) ? visual_start : cur);
	mode = NORMAL;
	line = read_line(':');
	if (line == NULL)
		return;
	full = xmalloc(strlen(line) + 8);
	strcpy(full, "'<,'>");
	strcat(full, line);
	ex_command(full);
	free(full);
	free(line);
}

static void visual_mode(int kind)
{
	int reg = 0, key;

	mode = kind;
	visual_start = cur;
	for (;;) {
		int count = 0;
		struct motion m;
		key = get_key();
		if (key == '"') {
			reg = get_key();
			continue;
		}
		while ((key >= '1' && key <= '9') || (count && key == '0')) {
			count = count * 10 + key - '0';
			key = get_key();
		}
		if (key == KEY_ESC || (key == 'v' && mode == VISUAL) || (key == 'V' && mode == VISUAL_LINE))
			break;
		if (key == 'v' || key == 'V') {
			mode = key == 'v' ? VISUAL : VISUAL_LINE;
		} else if (key == 'o') {
			struct pos p = cur;
			cur = visual_start;
			visual_start = p;
		} else if (key < 256 && strchr("dxXDyYcsCSR<>~", key)) {
			visual_change(key == 'X' ? 'D' : key, reg);
			return;
		} else if (key == ':') {
			visual_ex_command();
			return;
		} else if (is_motion_key(key) && motion(key, count ? count : 1, count > 0, 0, &m)) {
			if (strchr("jk", key) || key == KEY_UP || key == KEY_DOWN) {
				cur = m.to;
				clamp_cursor();
			} else {
				move_to(m.to);
				if (key == '$')
					want_col = INT_MAX;
			}
		} else if (key == KEY_EOF) {
			break;
		}
	}
	mode = NORMAL;
	clamp_cursor();
}

/* ---- one normal-mode command ---- */

static int is_jump(int key)
{
	return key < 256 && strchr("GgHLM'`nN/?*#%(){}", key) != NULL;
}

/* Move the cursor with a motion command. */
static void move_command(int key, int count, int has_count)
{
	struct motion m;
	struct pos from = cur;

	if (!motion(key, count, has_count, 0, &m))
		return;
	if (is_jump(key))
		mark_set('\'', from);
	if (m.linewise && (key == 'j' || key == 'k' || key == 14 || key == 16 || key == KEY_UP || key == KEY_DOWN)) {
		cur = m.to;	/* j and k keep aiming at the same column */
		clamp_cursor();
		return;
	}
	move_to(m.to);
	if (key == '$' || key == KEY_END)
		want_col = INT_MAX;
}

/* An operator: read its motion (or the doubled key, dd) and apply it. */
static int operator_command(int op, int reg, int count)
{
	struct motion m;
	int key = get_key(), count2 = 0;

	while ((key >= '1' && key <= '9') || (count2 && key == '0')) {
		count2 = count2 * 10 + key - '0';
		key = get_key();
	}
	if (count2)
		count = count ? count * count2 : count2;
	if (key == op) {
		key = '_';	/* dd, cc, yy, <<, >>: whole lines */
		if (count > 1 && cur.line == line_count - 1)
			return 0;	/* as vi: 2dd on the last line is an error */
	}
	if (!is_motion_key(key) || !motion(key, count ? count : 1, count > 0, op, &m))
		return 0;
	if (is_jump(key))
		mark_set('\'', cur);
	apply_operator(op, reg, &m);
	clamp_cursor();
	want_col = col_to_screen(cur.line, cur.col);
	return 1;
}

/* x X D C s S Y are short for dl dh d$ c$ cl cc yy. */
static int short_form(int key, int count, int reg)
{
	static const char *as[] = { "dl", "dh", "d$", "c$", "cl", "cc", "yy" };
	int k = strchr("xXDCsSY", key) - "xXDCsSY";
	int motion_key = as[k][1];

	if ((key == 'x' || key == 's') && lines[cur.line].len == 0)
		return 0;
	push_keys(&motion_key, 1);
	return operator_command(as[k][0], reg, count) && key != 'Y';
}

static void undo_command(int redoing, int count)
{
	for (int i = 0; i < count; i++)
		if ((redoing ? redo() : undo()) < 0) {
			message(redoing ? "Already at newest change" : "Already at oldest change");
			return;
		}
}

/* ~ : switch the case of count characters and move past them. */
static void toggle_case_command(int count)
{
	struct pos end = cur;

	for (int i = 0; i < count && end.col < lines[cur.line].len; i++)
		end.col = next_char(end.line, end.col);
	toggle_case(cur, end);
	cur = end;
}

/* The commands that do not change the text themselves. */
static void other_command(int key, int count)
{
	int n = count ? count : 1, c;
	char *line;

	switch (key) {
	case 'u': case 18:	/* Ctrl-R */
		undo_command(key == 18, n);
		break;
	case 'm':
		c = get_key();
		if (mark_slot(c) >= 0 && c != '\'' && c != '`')
			mark_set(c, cur);
		break;
	case 'v': case 'V':
		visual_mode(key == 'v' ? VISUAL : VISUAL_LINE);
		break;
	case ':':
		line = read_line(':');
		if (line)
			ex_command(line);
		free(line);
		break;
	case 'Z':
		c = get_key();
		if (c == 'Z' || c == 'Q')
			ex_command(c == 'Z' ? "x" : "q!");
		break;
	case 'z':
		z_command(count, count > 0);
		break;
	case 7:		/* Ctrl-G */
		file_info();
		break;
	case 12:	/* Ctrl-L */
		term_invalidate();
		break;
	case 26:	/* Ctrl-Z */
		if (term_suspend() < 0)
			message("No job control: cannot suspend");
		break;
	case 6: case 2: case 4: case 21: case 5: case 25: case KEY_PGDN: case KEY_PGUP:
		scroll_command(key, n, count > 0);	/* Ctrl-F Ctrl-B Ctrl-D Ctrl-U Ctrl-E Ctrl-Y */
		break;
	default:
		if (is_motion_key(key))
			move_command(key, n, count > 0);
	}
}

/* Run command `key`; returns 1 if it changed the text (so "." repeats it). */
static int run_command(int key, int count, int reg)
{
	int n = count ? count : 1, c;

	switch (key) {
	case 'd': case 'c': case 'y': case '<': case '>': case '!':
		return operator_command(key, reg, count) && key != 'y';
	case 'x': case 'X': case 'D': case 'C': case 's': case 'S': case 'Y':
		return short_form(key, count, reg);
	case KEY_DELETE:
		return short_form('x', count, reg);
	case 'i': case 'a': case 'I': case 'A': case 'o': case 'O': case 'R':
		start_insert(key, n);
		return 1;
	case KEY_INSERT:
		start_insert('i', n);
		return 1;
	case 'p': case 'P':
		put(reg, key == 'p', n);
		return 1;
	case 'J':
		if (cur.line + 1 >= line_count)
			return 0;
		join_lines(cur.line, n);
		return 1;
	case 'r':
		c = get_key();
		if (c >= 256 || c == KEY_ESC)
			return 0;
		replace_chars(c, n);
		return 1;
	case '~':
		toggle_case_command(n);
		return 1;
	}
	other_command(key, count);
	return 0;
}

/* Repeat the last change, with a new count if one is given. */
static void repeat_change(int count)
{
	if (dot_keys == NULL)
		return;
	if (count)
		dot_count = count;
	/* "1p... puts "2 (then "3...): vi's way to look back through the deletes */
	if (dot_register >= '1' && dot_register < '9')
		dot_register++;
	push_keys(dot_keys + 1, dot_length - 1);
	run_command(dot_keys[0], dot_count, dot_register);
	drop_pushed_keys();	/* a change that stopped early must not leave keys behind */
}

void normal_command(void)
{
	int key, count = 0, reg = 0;

	undo_begin();
	scroll_to_cursor();	/* H, L, Ctrl-E... need the screen as it would show now */
	key = mapped_key();
	while (key == '"' || (key >= '1' && key <= '9') || (count && key == '0')) {
		if (key == '"') {
			reg = get_key();
			if (!(isalpha(reg) || (reg >= '1' && reg <= '9') || reg == '"'))
				return;
		} else {
			count = count * 10 + key - '0';
			if (count > 1000000)
				count = 1000000;
		}
		key = mapped_key();	/* a map after a count: 3X runs X's keys with the count 3 */
	}
	if (key == '.') {
		repeat_change(count);
	} else {
		int changed, n, *keys;
		record_start(key);
		changed = run_command(key, count, reg);
		keys = record_stop(&n);
		if (changed)
			set_dot(keys, n, count, reg);
		else
			free(keys);
	}
	clamp_cursor();
}
