/*
 * less: page through files or standard input (the pager of GNU/BusyBox
 * systems; POSIX has only `more`).
 *
 * Lines are read only as far as the screen needs, so `yes | less` and
 * `dmesg | less` start at once; keys come from /dev/tty when standard input is
 * the text. When standard output is not a terminal, less is cat.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/poll.h>
#include "mini.h"
#include "lines.h"
#include "fullscreen.h"

static const char usage[] =
	"Usage: less [-NSi] [FILE]...\n"
	"Show FILEs (standard input for none or -) a screen at a time.\n"
	"  -N  number the lines\n"
	"  -S  chop long lines instead of wrapping them (arrow keys scroll sideways)\n"
	"  -i  searches ignore case (-I too)\n"
	"Keys: h for help, q to quit.\n";

static const char help_text[] =
	"  j e Down Enter   forward one line     k y Up          back one line\n"
	"  Space f PgDn     forward one screen   b PgUp          back one screen\n"
	"  d                forward half screen  u               back half screen\n"
	"  g <              first line (or N)    G >             last line (or N)\n"
	"  /pattern         search forward       ?pattern        search backward\n"
	"  n                next match           N               previous match\n"
	"  :n  :p           next, previous file  = Ctrl-G        where am I\n"
	"  Right Left       scroll sideways (-S) r Ctrl-L        redraw\n"
	"  m<letter>        mark this place      '<letter>       back to the mark\n"
	"  F                follow the end as the file grows (tail -f), until a key\n"
	"  q Q :q           quit\n"
	"  A number before a key repeats it. Patterns are extended regular expressions.\n"
	"\n  Press a key to go back.";

/* ---- the text of the current file, read as far as needed ---- */

static struct {
	struct lines in;
	int fd;
	char **line;
	int *length;
	int count, capacity;
	int eof;
} text;

static int number_lines, chop_lines, ignore_case;
static int screen_on;		/* the terminal is ours: report on the screen, not stderr */
static int interrupted;		/* Ctrl-C during a long read: read no more for this command */
static int top, top_row;		/* the first line shown, and its rows hidden above the screen */
static int shift;			/* -S: columns scrolled off to the left (arrow keys) */
static regex_t pattern;
static int have_pattern, last_dir = 1;
static char status[200];
/* m a ... m z: places in the current file, as top and top_row; set is 0 for none. */
static struct mark {
	int set, top, top_row;
} marks[26];

static void close_text(void)
{
	for (int i = 0; i < text.count; i++)
		free(text.line[i]);
	free(text.line);
	free(text.length);
	if (text.fd >= 0) {
		lines_end(&text.in);
		if (text.fd != STDIN_FILENO)
			close(text.fd);
	}
	memset(&text, 0, sizeof text);
	text.fd = -1;
}

static int open_text(const char *name)
{
	close_text();
	text.fd = open_input(name);
	if (text.fd < 0)
		return -1;
	lines_start(&text.in, text.fd, '\n');
	top = top_row = 0;
	memset(marks, 0, sizeof marks);	/* marks belong to one file */
	return 0;
}

/* Is line i there (reading up to it if need be)? */
static int have_line(int i)
{
	char *l;
	size_t len;

	while (i >= text.count && !text.eof) {
		/* G on `yes | less` never ends: Ctrl-C stops the reading (raw mode makes it a key). */
		if (interrupted)
			break;
		if (screen_on && text.count % 4096 == 4095 && term_key_ready() && term_key() == 3) {
			interrupted = 1;
			break;
		}
		if ((l = lines_next(&text.in, &len)) == NULL) {
			text.eof = 1;
			break;
		}
		if (text.count == text.capacity) {
			text.capacity = text.capacity * 2 + 256;
			text.line = xrealloc(text.line, text.capacity * sizeof *text.line);
			text.length = xrealloc(text.length, text.capacity * sizeof *text.length);
		}
		text.line[text.count] = xstrndup(l, len);
		text.length[text.count++] = len;
	}
	return i >= 0 && i < text.count;
}

/* ---- drawing ---- */

static int text_rows(void)
{
	return term_rows > 1 ? term_rows - 1 : 1;
}

static int text_cols(void)
{
	int cols = term_cols - (number_lines ? 8 : 0);
	return cols > 0 ? cols : 1;
}

static int line_rows(int i)
{
	char cell[8];
	int n, x = 0;

	if (chop_lines)
		return 1;
	for (int k = 0; k < text.length[i]; k++)
		x += term_cell((unsigned char *)text.line[i] + k, x, 8, cell, &n);
	return x == 0 ? 1 : (x + text_cols() - 1) / text_cols();
}

/* Mark the bytes of line i that the search pattern matches. */
static void find_matches(int i, char *hit)
{
	regmatch_t m;
	int col = 0;

	memset(hit, 0, text.length[i]);
	while (have_pattern && col <= text.length[i]) {
		m.rm_so = col;
		m.rm_eo = text.length[i];
		if (regexec(&pattern, text.line[i], 1, &m, REG_STARTEND) != 0)
			break;
		memset(hit + m.rm_so, 1, m.rm_eo - m.rm_so);
		col = m.rm_eo > m.rm_so ? m.rm_eo : m.rm_so + 1;
	}
}

static void start_row(int i, int first)
{
	char number[16];

	if (number_lines) {
		snprintf(number, sizeof number, first ? "%7d " : "        ", i + 1);
		term_row_add(number, 8, 8);
	}
}

/* Compose line i from its row `skip`, down from screen row `row`; returns the next free row. */
static int draw_line(int i, int skip, int row)
{
	char cell[8], *hit = xmalloc(text.length[i] + 1);
	int n, x = 0, part = 0, column = 0;

	find_matches(i, hit);
	start_row(i, 1);
	for (int k = 0; k < text.length[i]; k++) {
		int width = term_cell((unsigned char *)text.line[i] + k, column, 8, cell, &n);
		term_row_reverse(hit[k]);
		if (width == 0 && column >= shift)
			term_row_add(cell, n, 0);
		for (int c = 0; width > 0 && c < n; c++) {
			if (column++ < shift)	/* -S: scrolled off to the left */
				continue;
			if (x == text_cols()) {
				if (chop_lines)
					goto done;
				term_row_end(part >= skip ? row++ : -1);
				part++;
				x = 0;
				start_row(i, 0);
				if (row >= text_rows())
					goto done;
			}
			term_row_add(cell + c, 1, 1);
			x++;
		}
	}
done:
	term_row_end(part >= skip && row < text_rows() ? row++ : -1);
	free(hit);
	return row;
}

static int at_end(void);

static void draw(void)
{
	int row = 0, i = top, skip = top_row, len;
	const char *shown = status;

	term_begin_screen();
	while (row < text_rows() && have_line(i)) {
		row = draw_line(i++, skip, row);
		skip = 0;
	}
	for (; row < text_rows(); row++) {
		term_row_add("~", 1, 1);
		term_row_end(row);
	}
	if (!status[0])
		shown = at_end() ? "(END)" : ":";
	len = strlen(shown) < (size_t)term_cols ? (int)strlen(shown) : term_cols - 1;
	term_row_reverse(strcmp(shown, ":") != 0 && shown[0] != '/' && shown[0] != '?');
	term_row_add(shown, len, len);
	term_row_end(term_rows - 1);
	term_end_screen(term_rows - 1, len);
}

/* ---- moving ---- */

/* Screen rows from (line, row) to the end, counting no further than limit. */
static int rows_left(int line, int row, int limit)
{
	int rows = -row;

	for (int i = line; rows < limit && have_line(i); i++)
		rows += line_rows(i);
	return rows;
}

static int at_end(void)
{
	return rows_left(top, top_row, text_rows() + 1) <= text_rows();
}

static void forward(int n)
{
	while (n-- > 0 && !at_end()) {
		if (++top_row >= line_rows(top)) {
			top++;
			top_row = 0;
		}
	}
}

static void backward(int n)
{
	while (n-- > 0) {
		if (top_row > 0)
			top_row--;
		else if (top > 0)
			top_row = line_rows(--top) - 1;
	}
}

static void go_to_line(int i)
{
	have_line(i);
	top = i < text.count ? i : text.count - 1;
	top_row = 0;
	if (top < 0)
		top = 0;
	if (at_end()) {	/* show a whole screen at the end */
		have_line(INT_MAX);
		top = text.count > 0 ? text.count - 1 : 0;
		top_row = text.count > 0 ? line_rows(top) - 1 : 0;
		backward(text_rows() - 1);
	}
}

/* ---- searching ---- */

static void search(int dir, int count)
{
	int i = top;

	if (!have_pattern) {
		snprintf(status, sizeof status, "No previous pattern");
		return;
	}
	while (count > 0) {
		i += dir;
		if (!have_line(i)) {
			snprintf(status, sizeof status, "Pattern not found");
			return;
		}
		if (regexec(&pattern, text.line[i], 0, NULL, 0) == 0)
			count--;
	}
	top = i;
	top_row = 0;
}

static char *read_prompt(int prompt)
{
	char line[256];
	int len = 0, key;

	for (;;) {
		snprintf(status, sizeof status, "%c%.*s", prompt, len, line);
		draw();
		key = term_key();
		if (key == '\r' || key == '\n')
			break;
		if (key == KEY_ESC || key == 3 || key == KEY_EOF || ((key == 127 || key == 8) && len == 0)) {
			status[0] = '\0';
			return NULL;
		}
		if (key == 127 || key == 8)
			len--;
		else if (key < 256 && len < (int)sizeof line - 1)
			line[len++] = key;
	}
	status[0] = '\0';
	line[len] = '\0';
	return xstrdup(line);
}

static void search_command(int key, int count)
{
	char *text_typed = read_prompt(key);
	int err;

	if (text_typed == NULL)
		return;
	if (text_typed[0]) {
		if (have_pattern)
			regfree(&pattern);
		have_pattern = 0;
		err = regex_compile(&pattern, text_typed, REG_EXTENDED | (ignore_case ? REG_ICASE : 0));
		if (err) {
			regerror(err, &pattern, status, sizeof status);
			free(text_typed);
			return;
		}
		have_pattern = 1;
	}
	free(text_typed);
	last_dir = key == '/' ? 1 : -1;
	search(last_dir, count);
}

/* ---- files ---- */

static char **names;
static int name_count, current;

static void show_file_info(void)
{
	have_line(top);
	snprintf(status, sizeof status, "%s (file %d of %d) line %d%s", names[current], current + 1, name_count,
		 top + 1, text.eof ? "" : " (more)");
}

/* Open file number k, or the next one that can be opened in direction dir. Returns -1 if none. */
static int switch_file(int k, int dir)
{
	for (; k >= 0 && k < name_count; k += dir) {
		if (open_text(names[k]) == 0) {
			current = k;
			snprintf(status, sizeof status, "%s", names[k]);
			return 0;
		}
		if (screen_on)
			snprintf(status, sizeof status, "%s: %s", names[k], strerror(errno));
		else
			warn("%s:", names[k]);
	}
	return -1;
}

static void help(void)
{
	const char *p = help_text;
	int row = 0;

	term_begin_screen();
	while (*p && row < term_rows) {
		const char *nl = strchr(p, '\n');
		int len = nl ? nl - p : (int)strlen(p);
		term_row_add(p, len < term_cols ? len : term_cols - 1, len);
		term_row_end(row++);
		p += len + (nl != NULL);
	}
	while (row < term_rows)
		term_row_end(row++);
	term_end_screen(term_rows - 1, 0);
	term_key();
}

/* ":" commands: n, p, q, f. Returns 1 to quit. */
static int colon_command(void)
{
	int key = term_key();

	if (key == 'q' || key == 'Q')
		return 1;
	if (key == 'n' && switch_file(current + 1, 1) < 0)
		snprintf(status, sizeof status, "No next file");
	if (key == 'p' && switch_file(current - 1, -1) < 0)
		snprintf(status, sizeof status, "No previous file");
	if (key == 'f')
		show_file_info();
	return 0;
}

/* m<letter>: remember this place; '<letter>: go back to it. */
static void mark_command(int key)
{
	int letter = term_key();
	struct mark *m;

	if (letter < 'a' || letter > 'z') {
		snprintf(status, sizeof status, "Marks are the letters a to z");
		return;
	}
	m = &marks[letter - 'a'];
	if (key == 'm') {
		*m = (struct mark){ 1, top, top_row };
	} else if (!m->set) {
		snprintf(status, sizeof status, "Mark '%c' is not set", letter);
	} else {
		top = m->top;
		top_row = m->top_row;
	}
}

/* Has the file more to read now? (A pipe with nothing in it would block the read.) */
static int more_to_read(void)
{
	struct pollfd p = { .fd = text.fd, .events = POLLIN };

	return text.fd >= 0 && poll(&p, 1, 0) > 0;
}

/*
 * F: the end of the file, read again and again as it grows (tail -f), until a
 * key is pressed. Between looks it waits a fifth of a second for that key.
 */
static void follow(void)
{
	for (;;) {
		if (more_to_read())
			text.eof = text.in.eof = 0;	/* read on from where the end was */
		go_to_line(INT_MAX);
		snprintf(status, sizeof status, "Waiting for data... (a key stops)");
		draw();
		for (int i = 0; i < 5 && !term_key_ready(); i++)
			usleep(40000);
		if (term_key_ready())
			break;
	}
	term_key();
	status[0] = '\0';
}

/* One command; returns 1 to quit. */
static int command(int key, int count)
{
	int n = count ? count : 1, half = text_rows() / 2;

	switch (key) {
	case 'q': case 'Q': case KEY_EOF:
		return 1;
	case 'j': case 'e': case '\r': case '\n': case 5: case 14: case KEY_DOWN:
		forward(n);
		break;
	case 'k': case 'y': case 25: case 16: case 11: case KEY_UP:
		backward(n);
		break;
	case ' ': case 'f': case 6: case 22: case KEY_PGDN:
		forward(count ? count : text_rows());
		break;
	case 'b': case 2: case KEY_PGUP:
		backward(count ? count : text_rows());
		break;
	case 'd': case 4:
		forward(count ? count : half);
		break;
	case 'u': case 21:
		backward(count ? count : half);
		break;
	case KEY_RIGHT: case KEY_LEFT:
		if (chop_lines)
			shift += (key == KEY_RIGHT ? 1 : -1) * (count ? count : text_cols() / 2);
		if (shift < 0)
			shift = 0;
		break;
	case 'g': case '<': case KEY_HOME:
		go_to_line(n - 1);
		break;
	case 'G': case '>': case KEY_END:
		go_to_line(count ? count - 1 : INT_MAX);
		break;
	case '/': case '?':
		search_command(key, n);
		break;
	case 'n': case 'N':
		search(key == 'n' ? last_dir : -last_dir, n);
		break;
	case '=': case 7:
		show_file_info();
		break;
	case 'h': case 'H':
		help();
		break;
	case 'r': case 12: case 18:
		term_invalidate();
		break;
	case 26:	/* Ctrl-Z */
		term_suspend();
		break;
	case 'm': case '\'':
		mark_command(key);
		break;
	case 'F':
		follow();
		break;
	case ':':
		return colon_command();
	}
	return 0;
}

int less_main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	struct options o;
	int c, key_fd = STDIN_FILENO;

	options_start(&o, argc, argv, "NSRriI", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'N')
			number_lines = 1;
		if (c == 'S')
			chop_lines = 1;
		if (c == 'i' || c == 'I')
			ignore_case = 1;
	}
	names = argv + o.index;
	name_count = argc - o.index;
	if (name_count == 0) {
		if (isatty(STDIN_FILENO))
			usage_error(usage, "missing file name");
		names = stdin_only;
		name_count = 1;
	}
	if (!isatty(STDOUT_FILENO))
		return copy_files_to_stdout(names);	/* not a terminal: as cat */
	for (int i = 0; i < name_count; i++)
		if (strcmp(names[i], "-") == 0 && !isatty(STDIN_FILENO))
			key_fd = open("/dev/tty", O_RDONLY);
	if (key_fd < 0)
		return copy_files_to_stdout(names);
	text.fd = -1;
	if (switch_file(0, 1) < 0)
		return 1;
	if (term_start(key_fd) < 0)
		return copy_files_to_stdout(names);
	screen_on = 1;
	for (;;) {
		int key, count = 0;
		draw();
		key = term_key();
		status[0] = '\0';
		interrupted = 0;
		while (key >= '0' && key <= '9') {
			count = count * 10 + key - '0';
			key = term_key();
		}
		if (key != KEY_RESIZE && command(key, count))
			break;
	}
	term_stop();
	return 0;
}
