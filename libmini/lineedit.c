/*
 * lineedit.c: the line editor of lineedit.h.
 *
 * The terminal is put in raw mode for one line at a time. The line is kept in
 * a buffer and redrawn with a handful of VT100 sequences that xterm, the Linux
 * console and serial terminals all understand: CR, cursor up (ESC [ n A),
 * cursor forward (ESC [ n C) and erase to end of screen (ESC [ J). A line
 * longer than the terminal is wide wraps onto more rows; the editor keeps track
 * of the row the cursor is on so a redraw can go back to the prompt's row.
 * Typing at the end of the line (the common case) writes just the character.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "mini.h"
#include "keys.h"
#include "lineedit.h"
#include "termsize.h"

/*
 * termios.h defines CTRL(x) as the control key of letter x: ^A is CTRL('A').
 * Besides the keys of keys.h, Alt-b and Alt-f (sent as ESC b, ESC f) move by words.
 */
enum { KEY_WORD_LEFT = KEY_INCOMPLETE + 1, KEY_WORD_RIGHT };

int lineedit_interrupted;
char **(*lineedit_complete)(const char *line, int cursor, int *word_start);

struct editor {
	char *buf;
	size_t len, cap, pos;	/* pos: the cursor, a byte offset into buf */
	const char *prompt;	/* the prompt's last line (what a redraw shows) */
	int prompt_width;
	int cols;
	int cursor_row;		/* rows between the prompt's row and the cursor's */
	int history_index;	/* the history line shown; count = the new line */
	char *new_line;		/* the line being typed, while browsing history */
	int last_was_tab;
};

static char *kill_buffer;

/* ---- history ---- */

static char **history;
static int history_count, history_max = 500;
static char *history_path;

void lineedit_history_clear(void)
{
	for (int i = 0; i < history_count; i++)
		free(history[i]);
	history_count = 0;
}

static void remember(const char *line)
{
	if (history_count > 0 && strcmp(history[history_count - 1], line) == 0)
		return;
	if (history_count == history_max) {
		free(history[0]);
		memmove(history, history + 1, (history_count - 1) * sizeof *history);
		history_count--;
	}
	if (history == NULL)
		history = xmalloc(history_max * sizeof *history);
	history[history_count++] = xstrdup(line);
}

void lineedit_history_add(const char *line)
{
	int fd;

	if (strchr(line, '\n'))
		return;
	remember(line);
	if (history_path == NULL)
		return;
	fd = open(history_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd >= 0) {
		write_all(fd, line, strlen(line));
		write_all(fd, "\n", 1);
		close(fd);
	}
}

void lineedit_history_load(const char *path, int max)
{
	size_t len;
	char *text, *line, *next;
	int lines = 0;

	history_max = max > 0 ? max : 1;
	free(history_path);
	history_path = xstrdup(path);
	text = read_file(path, &len);
	if (text == NULL)
		return;
	for (line = text; *line; line = next) {
		next = strchrnul(line, '\n');
		if (*next)
			*next++ = '\0';
		if (*line)
			remember(line);
		lines++;
	}
	free(text);
	if (lines > history_max)
		lineedit_history_save();	/* keep the file bounded too */
}

void lineedit_history_save(void)
{
	int fd;

	if (history_path == NULL)
		return;
	fd = open(history_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	for (int i = 0; i < history_count; i++) {
		write_all(fd, history[i], strlen(history[i]));
		write_all(fd, "\n", 1);
	}
	close(fd);
}

int lineedit_history_count(void)
{
	return history_count;
}

const char *lineedit_history_get(int index)
{
	return index >= 0 && index < history_count ? history[index] : NULL;
}

/* ---- output ---- */

static void out(const char *s, size_t len)
{
	write_all(STDERR_FILENO, s, len);
}

static void outs(const char *s)
{
	out(s, strlen(s));
}

/* ESC [ n X: a cursor movement by n (nothing for 0). */
static void move(int n, char direction)
{
	char seq[16];

	if (n > 0)
		out(seq, snprintf(seq, sizeof seq, "\033[%d%c", n, direction));
}

/* Columns that s takes: escape sequences none, UTF-8 continuation bytes none. */
static int text_width(const char *s, size_t len)
{
	int width = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = s[i];
		if (c == '\033' && i + 1 < len && s[i + 1] == '[') {
			for (i += 2; i < len && !(s[i] >= '@' && s[i] <= '~'); i++)
				;
			continue;
		}
		if ((c & 0xc0) != 0x80 && c >= ' ')
			width++;
	}
	return width;
}

/* Draw the prompt and the line again, from the prompt's row, and place the cursor. */
static void refresh(struct editor *e)
{
	int total, end_row, cursor, row;

	terminal_size(STDIN_FILENO, &(int){ 0 }, &e->cols);
	outs("\r");
	move(e->cursor_row, 'A');
	outs("\033[J");
	outs(e->prompt);
	out(e->buf, e->len);
	total = e->prompt_width + text_width(e->buf, e->len);
	end_row = total / e->cols;
	if (total > 0 && total % e->cols == 0)
		outs("\n");	/* the terminal waits at the margin: go to the next row */
	cursor = e->prompt_width + text_width(e->buf, e->pos);
	row = cursor / e->cols;
	move(end_row - row, 'A');
	outs("\r");
	move(cursor % e->cols, 'C');
	e->cursor_row = row;
}

/* ---- editing the buffer ---- */

static void set_line(struct editor *e, const char *s)
{
	size_t len = strlen(s);

	if (len + 1 > e->cap) {
		e->cap = len + 64;
		e->buf = xrealloc(e->buf, e->cap);
	}
	memcpy(e->buf, s, len + 1);
	e->len = e->pos = len;
}

static void insert(struct editor *e, const char *s, size_t n)
{
	if (e->len + n + 1 > e->cap) {
		e->cap = (e->len + n + 1) * 2;
		e->buf = xrealloc(e->buf, e->cap);
	}
	memmove(e->buf + e->pos + n, e->buf + e->pos, e->len - e->pos + 1);
	memcpy(e->buf + e->pos, s, n);
	e->pos += n;
	e->len += n;
}

/* Typing at the end of a line that does not reach the margin needs no redraw. */
static void insert_key(struct editor *e, char c)
{
	int at_end = e->pos == e->len;

	insert(e, &c, 1);
	if (at_end && (e->prompt_width + text_width(e->buf, e->len)) % e->cols != 0)
		out(&c, 1);
	else
		refresh(e);
}

/* Remove bytes from..to, keeping them for Ctrl-Y if asked. */
static void delete_range(struct editor *e, size_t from, size_t to, int keep)
{
	if (to <= from)
		return;
	if (keep) {
		free(kill_buffer);
		kill_buffer = xstrndup(e->buf + from, to - from);
	}
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->pos = from;
}

/* The start of the character before pos / the end of the one at pos (UTF-8). */
static size_t char_before(struct editor *e, size_t pos)
{
	if (pos > 0)
		pos--;
	while (pos > 0 && (e->buf[pos] & 0xc0) == 0x80)
		pos--;
	return pos;
}

static size_t char_after(struct editor *e, size_t pos)
{
	if (pos < e->len)
		pos++;
	while (pos < e->len && (e->buf[pos] & 0xc0) == 0x80)
		pos++;
	return pos;
}

static size_t word_before(struct editor *e, size_t pos)
{
	while (pos > 0 && e->buf[pos - 1] == ' ')
		pos--;
	while (pos > 0 && e->buf[pos - 1] != ' ')
		pos--;
	return pos;
}

static size_t word_after(struct editor *e, size_t pos)
{
	while (pos < e->len && e->buf[pos] == ' ')
		pos++;
	while (pos < e->len && e->buf[pos] != ' ')
		pos++;
	return pos;
}

/* ---- keys ---- */

/* A byte of standard input as it comes (no terminal: no keys to decode). */
static int read_byte(void)
{
	unsigned char c;
	ssize_t n;

	do
		n = read(STDIN_FILENO, &c, 1);
	while (n < 0 && errno == EINTR);
	return n == 1 ? c : -1;
}

/* The next key; the Esc key starts an Alt key, as readline has it (Esc b: Alt-b). */
static int read_key(void)
{
	int key;

	do
		key = key_read(STDIN_FILENO);
	while (key == KEY_NONE);
	if (key != KEY_ESC)
		return key;
	do
		key = key_read(STDIN_FILENO);
	while (key == KEY_NONE);
	if (key == 'b' || key == 'f')
		return key == 'b' ? KEY_WORD_LEFT : KEY_WORD_RIGHT;
	return key == KEY_EOF ? KEY_EOF : KEY_NONE;
}

/* ---- history browsing and search ---- */

static void show_history(struct editor *e, int index)
{
	if (index < 0 || index > history_count)
		return;
	if (e->history_index == history_count) {
		free(e->new_line);
		e->new_line = xstrdup(e->buf);
	}
	e->history_index = index;
	set_line(e, index == history_count ? (e->new_line ? e->new_line : "") : history[index]);
	refresh(e);
}

/* The newest history line before index `from` containing query, or -1. */
static int search_back(const char *query, int from)
{
	for (int i = from; i >= 0; i--)
		if (i < history_count && strstr(history[i], query))
			return i;
	return -1;
}

/*
 * Ctrl-R: incremental reverse search. Returns the key that ended the search
 * (to be handled as usual), with the found line in the buffer; Ctrl-G restores.
 */
static int reverse_search(struct editor *e)
{
	char *saved_line = xstrdup(e->buf), query[256] = "", prompt[300];
	const char *saved_prompt = e->prompt;
	int saved_width = e->prompt_width, found = history_count, key;
	size_t qlen = 0;

	for (;;) {
		snprintf(prompt, sizeof prompt, "(reverse-i-search)`%s': ", query);
		e->prompt = prompt;
		e->prompt_width = text_width(prompt, strlen(prompt));
		refresh(e);
		key = read_key();
		if (key == CTRL('R')) {
			int next = search_back(query, found - 1);
			found = next >= 0 ? next : found;
		} else if ((key == 127 || key == CTRL('H')) && qlen > 0) {
			query[--qlen] = '\0';
		} else if (key >= ' ' && key < 127 && qlen + 1 < sizeof query) {
			query[qlen++] = key;
			query[qlen] = '\0';
		} else {
			break;
		}
		int match = search_back(query, found < history_count ? found : history_count - 1);
		if (match >= 0) {
			found = match;
			set_line(e, history[match]);
			e->pos = strstr(history[match], query) - history[match];
		}
	}
	e->prompt = saved_prompt;
	e->prompt_width = saved_width;
	if (key == CTRL('G') || key == CTRL('C')) {
		set_line(e, saved_line);
		key = KEY_NONE;
	}
	free(saved_line);
	refresh(e);
	return key;
}

/* ---- Tab completion ---- */

static void free_list(char **list)
{
	for (char **p = list; *p; p++)
		free(*p);
	free(list);
}

/* The name to list for a candidate: the part after the last '/' (a directory keeps its '/'). */
static const char *shown_name(const char *candidate)
{
	size_t len = strlen(candidate);
	const char *slash;

	if (len > 1 && candidate[len - 1] == '/') {
		for (slash = candidate + len - 2; slash > candidate && *slash != '/'; slash--)
			;
		return *slash == '/' ? slash + 1 : candidate;
	}
	slash = strrchr(candidate, '/');
	return slash ? slash + 1 : candidate;
}

/* List the candidates in columns, down then across, like ls. */
static void list_candidates(struct editor *e, char **list, int count)
{
	int width = 0, columns, rows;

	for (int i = 0; i < count; i++) {
		int w = strlen(shown_name(list[i])) + 2;
		if (w > width)
			width = w;
	}
	columns = e->cols / width > 0 ? e->cols / width : 1;
	rows = (count + columns - 1) / columns;
	if (e->pos != e->len) {
		e->pos = e->len;
		refresh(e);
	}
	outs("\n");
	for (int r = 0; r < rows; r++) {
		for (int c = 0; c < columns; c++) {
			int i = c * rows + r;
			if (i >= count)
				continue;
			const char *name = shown_name(list[i]);
			outs(name);
			if (c < columns - 1 && i + rows < count)
				for (int pad = strlen(name); pad < width; pad++)
					outs(" ");
		}
		outs("\n");
	}
	e->cursor_row = 0;
}

static void complete(struct editor *e)
{
	char **list;
	int start, count = 0;
	size_t common;

	if (lineedit_complete == NULL || (list = lineedit_complete(e->buf, e->pos, &start)) == NULL)
		return;
	while (list[count])
		count++;
	if (count == 0) {
		outs("\a");
		free(list);
		return;
	}
	common = strlen(list[0]);
	for (int i = 1; i < count; i++) {
		size_t n = 0;
		while (n < common && list[i][n] == list[0][n])
			n++;
		common = n;
	}
	if (common > e->pos - start || count == 1) {
		delete_range(e, start, e->pos, 0);
		insert(e, list[0], common);
		if (count == 1 && common > 0 && list[0][common - 1] != '/')
			insert(e, " ", 1);
		refresh(e);
	} else if (e->last_was_tab) {
		list_candidates(e, list, count);
		refresh(e);	/* the prompt's last line and the line again, below the list */
	} else {
		outs("\a");
	}
	free_list(list);
}

/* ---- the main loop ---- */

/* Handle one key; returns 1 when the line is finished (Enter), -1 at EOF, else 0. */
static int handle_key(struct editor *e, int key)
{
	switch (key) {
	case '\r':
	case '\n':
		return 1;
	case KEY_EOF:
		return -1;
	case CTRL('D'):
		if (e->len == 0)
			return -1;
		delete_range(e, e->pos, char_after(e, e->pos), 0);
		break;
	case KEY_DELETE:
		delete_range(e, e->pos, char_after(e, e->pos), 0);
		break;
	case 127:
	case CTRL('H'):
		delete_range(e, char_before(e, e->pos), e->pos, 0);
		break;
	case CTRL('A'):
	case KEY_HOME:
		e->pos = 0;
		break;
	case CTRL('E'):
	case KEY_END:
		e->pos = e->len;
		break;
	case CTRL('B'):
	case KEY_LEFT:
		e->pos = char_before(e, e->pos);
		break;
	case CTRL('F'):
	case KEY_RIGHT:
		e->pos = char_after(e, e->pos);
		break;
	case KEY_WORD_LEFT:
		e->pos = word_before(e, e->pos);
		break;
	case KEY_WORD_RIGHT:
		e->pos = word_after(e, e->pos);
		break;
	case CTRL('K'):
		delete_range(e, e->pos, e->len, 1);
		break;
	case CTRL('U'):
		delete_range(e, 0, e->pos, 1);
		break;
	case CTRL('W'):
		delete_range(e, word_before(e, e->pos), e->pos, 1);
		break;
	case CTRL('Y'):
		if (kill_buffer)
			insert(e, kill_buffer, strlen(kill_buffer));
		break;
	case CTRL('L'):
		outs("\033[H\033[2J");
		e->cursor_row = 0;
		break;
	case CTRL('P'):
	case KEY_UP:
		show_history(e, e->history_index - 1);
		return 0;
	case CTRL('N'):
	case KEY_DOWN:
		show_history(e, e->history_index + 1);
		return 0;
	case CTRL('I'):
		complete(e);
		return 0;
	default:
		if (key >= ' ' && key < 0x100 && key != 127)
			insert_key(e, key);
		return 0;
	}
	refresh(e);
	return 0;
}

static char *edit(struct editor *e)
{
	int result = 0;

	while (result == 0) {
		int key = read_key();
		if (key == CTRL('C')) {
			e->pos = e->len;
			refresh(e);
			outs("^C\n");
			lineedit_interrupted = 1;
			set_line(e, "");
			return xstrdup("");
		}
		if (key == CTRL('R'))
			key = reverse_search(e);
		result = handle_key(e, key);
		e->last_was_tab = key == CTRL('I');
	}
	if (result < 0) {
		return NULL;
	}
	if (e->pos != e->len) {	/* the output starts below the whole line */
		e->pos = e->len;
		refresh(e);
	}
	outs("\n");
	return xstrdup(e->buf);
}

/* Without a terminal: the prompt, then a line read a byte at a time. */
static char *read_plain(const char *prompt)
{
	char *line = NULL;
	size_t len = 0;
	int c;

	outs(prompt);
	while ((c = read_byte()) >= 0 && c != '\n') {
		line = xrealloc(line, len + 2);
		line[len++] = c;
	}
	if (c < 0 && len == 0)
		return NULL;
	line = xrealloc(line, len + 1);
	line[len] = '\0';
	return line;
}

/*
 * Once, at the first prompt: a serial console has no size until someone sets
 * it; ask the terminal, and give the tty its size for every program started
 * later (vi, less, ls). A terminal that does not answer costs a fraction of a second.
 */
static void learn_terminal_size(void)
{
	static int tried;
	struct typed_ahead typed;
	int rows, cols;

	if (tried)
		return;
	tried = 1;
	if (terminal_size_known(STDIN_FILENO))
		return;
	if (terminal_ask_size(STDIN_FILENO, STDERR_FILENO, &rows, &cols, &typed) == 0)
		terminal_set_size(STDIN_FILENO, rows, cols);
	key_unread(typed.bytes, typed.len);
}

char *lineedit_read(const char *prompt)
{
	struct termios saved, raw;
	struct editor e = { 0 };
	const char *last_line = strrchr(prompt, '\n');
	char *line;

	lineedit_interrupted = 0;
	if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved) < 0)
		return read_plain(prompt);
	raw = saved;
	raw.c_iflag &= ~(ICRNL | INLCR | IXON | ISTRIP);
	raw.c_lflag &= ~(ICANON | ECHO | ISIG | IEXTEN);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(STDIN_FILENO, TCSADRAIN, &raw);
	learn_terminal_size();

	if (last_line)		/* a prompt of several lines: the last one is redrawn */
		out(prompt, last_line + 1 - prompt);
	e.prompt = last_line ? last_line + 1 : prompt;
	e.prompt_width = text_width(e.prompt, strlen(e.prompt));
	e.history_index = history_count;
	set_line(&e, "");
	terminal_size(STDIN_FILENO, &(int){ 0 }, &e.cols);
	outs(e.prompt);
	line = edit(&e);

	tcsetattr(STDIN_FILENO, TCSADRAIN, &saved);
	free(e.buf);
	free(e.new_line);
	return line;
}
