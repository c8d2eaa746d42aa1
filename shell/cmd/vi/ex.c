/*
 * ex.c: vi's ":" commands (POSIX ex): [range] command[!] [arguments].
 *
 * A range is one or two addresses: N, ., $, 'x, /re/, ?re?, each with +N or -N
 * after it, or % for every line. The commands are in one table; each gets its
 * range already checked.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "fullscreen.h"
#include "vi.h"

struct ex {
	int first, last;	/* the range, lines from 0 */
	int addresses;		/* how many were given */
	int bang;		/* the command had a ! */
	char *arg;		/* the rest of the line, blanks skipped */
};

static int in_global;		/* :g runs commands; they may not start another :g */

/* ---- addresses ---- */

static int skip_blanks(const char **s)
{
	while (**s == ' ' || **s == '\t')
		(*s)++;
	return **s;
}

/* Copy a pattern up to an unescaped delim (or the end); moves *s past the delim. */
static char *take_pattern(const char **s, int delim)
{
	const char *start = *s;
	char *pattern;

	while (**s && **s != delim) {
		if (**s == '\\' && (*s)[1])
			(*s)++;
		(*s)++;
	}
	pattern = xstrndup(start, *s - start);
	if (**s == delim)
		(*s)++;
	return pattern;
}

/* One address at *s into *line; returns 1 if there was one, 0 if not, -1 on error. */
static int parse_address(const char **s, int *line)
{
	int found = 1, c = skip_blanks(s);

	if (c == '.') {
		*line = cur.line;
		(*s)++;
	} else if (c == '$') {
		*line = line_count - 1;
		(*s)++;
	} else if (isdigit(c)) {
		*line = strtol(*s, (char **)s, 10) - 1;
	} else if (c == '\'') {
		int slot = mark_slot((*s)[1]);
		if (slot < 0 || marks[slot].line < 0) {
			message("Mark not set");
			return -1;
		}
		*line = marks[slot].line;
		*s += 2;
	} else if (c == '/' || c == '?') {
		char *pattern;
		struct pos p = { cur.line, c == '/' ? lines[cur.line].len : 0 };
		(*s)++;
		pattern = take_pattern(s, c);
		if (search_compile(pattern) < 0 || search_next(&p, c == '/' ? 1 : -1) < 0) {
			free(pattern);
			return -1;
		}
		free(pattern);
		*line = p.line;
	} else if (c == '+' || c == '-') {
		*line = cur.line;
	} else {
		found = 0;
	}
	/* Offsets: +N -N, a + or - alone counting 1. */
	while (skip_blanks(s) == '+' || **s == '-') {
		int sign = *(*s)++ == '+' ? 1 : -1;
		int n = isdigit(**s) ? strtol(*s, (char **)s, 10) : 1;
		if (!found)
			*line = cur.line;
		*line += sign * n;
		found = 1;
	}
	return found;
}

/* The range at *s: fills e; returns -1 on error. */
static int parse_range(const char **s, struct ex *e)
{
	int line, got;

	e->first = e->last = cur.line;
	e->addresses = 0;
	if (skip_blanks(s) == '%') {
		(*s)++;
		e->first = 0;
		e->last = line_count - 1;
		e->addresses = 2;
		return 0;
	}
	while ((got = parse_address(s, &line)) != 0) {
		if (got < 0)
			return -1;
		e->first = e->addresses ? e->last : line;
		e->last = line;
		e->addresses++;
		if (skip_blanks(s) == ';')
			cur.line = line < 0 ? 0 : line < line_count ? line : line_count - 1;
		else if (**s != ',')
			break;
		(*s)++;
	}
	if (e->addresses == 1)
		e->first = e->last;
	return 0;
}

/* ---- file commands ---- */

/* :w >> FILE: the lines go at the end of FILE (the current file when none is named). */
static int append_to_file(struct ex *e)
{
	const char *path = e->arg + 2;
	int fd;
	long long bytes;

	while (*path == ' ' || *path == '\t')
		path++;
	if (*path == '\0')
		path = file_name ? file_name : "";
	fd = open(path, O_WRONLY | O_APPEND);
	bytes = fd < 0 ? -1 : write_lines(fd, e->first, e->last);
	if (fd >= 0 && close(fd) < 0)
		bytes = -1;
	if (bytes < 0) {
		message("\"%s\" %s", path, strerror(errno));
		return -1;
	}
	message("\"%s\" %dL, %lldC appended", path, e->last - e->first + 1, bytes);
	return 0;
}

static int write_command(struct ex *e, int quit_after)
{
	const char *path = e->arg[0] ? e->arg : file_name;
	int whole = e->addresses == 0;
	struct stat st;

	if (path == NULL) {
		message("No file name");
		return -1;
	}
	if (whole) {
		e->first = 0;
		e->last = line_count - 1;
	}
	if (e->arg[0] == '!')
		return pipe_write(e->arg + 1, e->first, e->last);
	if (strncmp(e->arg, ">>", 2) == 0)
		return append_to_file(e);
	if (file_name == NULL)
		file_name = xstrdup(path);
	if (strcmp(path, file_name) != 0 && !e->bang && stat(path, &st) == 0) {
		message("\"%s\" exists (add ! to override)", path);
		return -1;
	}
	if (strcmp(path, file_name) == 0 && readonly && !e->bang) {
		message("\"%s\" is read-only (add ! to override)", path);
		return -1;
	}
	if (file_write(path, e->first, e->last, e->bang) < 0)
		return -1;
	if (strcmp(path, file_name) == 0 && whole)
		buffer_saved();
	if (quit_after)
		quitting = 1;
	return 0;
}

static int refuse_if_modified(struct ex *e)
{
	if (buffer_modified() && !e->bang) {
		message("No write since last change (add ! to override)");
		return 1;
	}
	return 0;
}

static void edit_command(struct ex *e)
{
	if (refuse_if_modified(e))
		return;
	if (e->arg[0]) {
		free(file_name);
		file_name = xstrdup(e->arg);
	}
	if (file_name == NULL) {
		message("No file name");
		return;
	}
	file_load(file_name);
	cur = (struct pos){ 0, 0 };
	top_line = 0;
}

/* The output of a shell command (for :r !cmd); NULL if it could not run. */
static char *command_output(const char *command, size_t *len)
{
	FILE *f = popen(command, "r");
	size_t cap = 4096, n;
	char *text;

	if (f == NULL)
		return NULL;
	text = xmalloc(cap);
	*len = 0;
	while ((n = fread(text + *len, 1, cap - *len - 1, f)) > 0) {
		*len += n;
		if (cap - *len < 2)
			text = xrealloc(text, cap *= 2);
	}
	pclose(f);
	term_invalidate();	/* its error messages went over the screen */
	return text;
}

void ex_filter(int first, int last, const char *command)
{
	char temp[] = "/tmp/vi.XXXXXX", *line, *text = NULL;
	int fd = mkstemp(temp);
	size_t len;

	if (fd < 0 || write_lines(fd, first, last) < 0) {
		message("cannot write a temporary file");
	} else {
		line = xmalloc(strlen(command) + strlen(temp) + 8);
		sprintf(line, "(%s) <%s", command, temp);	/* the lines become its standard input */
		text = command_output(line, &len);
		free(line);
	}
	if (fd >= 0) {
		close(fd);
		unlink(temp);
	}
	if (text == NULL)
		return;
	if (len > 0 && text[len - 1] == '\n')
		len--;
	if (len > 0 || text[0] == '\n')
		buffer_replace_text(first, last - first + 1, text, len);
	else
		buffer_delete_lines(first, last - first + 1);
	cur.line = first < line_count ? first : line_count - 1;
	cur.col = first_nonblank(cur.line);
	free(text);
}

static void read_command(struct ex *e)
{
	size_t len;
	char *text;
	int at, before = line_count;

	if (e->arg[0] == '!')
		text = command_output(e->arg + 1, &len);
	else
		text = read_file(e->arg[0] ? e->arg : file_name ? file_name : "", &len);
	if (text == NULL) {
		message("\"%s\" cannot be read", e->arg);
		return;
	}
	if (len > 0) {
		if (text[len - 1] != '\n') {
			text = xrealloc(text, len + 2);
			text[len++] = '\n';
		}
		at = buffer_insert_lines(e->addresses ? e->last + 1 : cur.line + 1, text, len);
		cur.line = at;
		cur.col = first_nonblank(at);
		message("%d more lines", line_count - before);
	}
	free(text);
}

/* ---- :s ---- */

struct text {
	char *bytes;
	size_t len, cap;
};

static void append(struct text *t, const char *bytes, size_t n)
{
	if (t->len + n + 1 > t->cap)
		t->bytes = xrealloc(t->bytes, t->cap = (t->len + n + 1) * 2);
	memcpy(t->bytes + t->len, bytes, n);
	t->len += n;
}

/* Append the replacement for one match: & is the match, \1..\9 its groups, \r or \n a newline. */
static void expand_replacement(struct text *out, const char *rep, const char *text, regmatch_t *m)
{
	for (const char *r = rep; *r; r++) {
		if (*r == '&' || (*r == '\\' && isdigit((unsigned char)r[1]))) {
			int g = *r == '&' ? 0 : *++r - '0';
			if (m[g].rm_so >= 0)
				append(out, text + m[g].rm_so, m[g].rm_eo - m[g].rm_so);
		} else if (*r == '\\' && r[1]) {
			r++;
			append(out, *r == 'r' || *r == 'n' ? "\n" : r, 1);
		} else {
			append(out, r, 1);
		}
	}
}

/* Ask whether to replace the match at (line, start); returns y, n, a or q. */
static int confirm(int line, int start)
{
	int key;

	cur = (struct pos){ line, start };
	message("replace? (y/n/a/q)");
	key = get_key();
	return key == 'y' || key == 'n' || key == 'a' ? key : 'q';
}

struct substitution {
	regex_t re;
	char *replacement;
	int global, ask;
	int changed_lines, stop;
};

/* Substitute in line i; returns the number of lines it became (0 if unchanged). */
static int substitute_line(struct substitution *s, int i)
{
	const struct line *l = &lines[i];
	struct text out = { 0 };
	int col = 0, done = 0, n = 0;
	regmatch_t m[10];

	while (col <= l->len) {
		int yes = 1;
		m[0].rm_so = col;
		m[0].rm_eo = l->len;
		if (regexec(&s->re, l->text, 10, m, REG_STARTEND) != 0)
			break;
		if (s->ask) {
			int answer = confirm(i, m[0].rm_so);
			s->ask = answer != 'a';
			s->stop = answer == 'q';
			yes = answer == 'y' || answer == 'a';
		}
		if (s->stop)
			break;
		append(&out, l->text + col, m[0].rm_so - col);
		col = m[0].rm_so;
		if (yes) {
			expand_replacement(&out, s->replacement, l->text, m);
			done = 1;
			col = m[0].rm_eo;
		}
		if (m[0].rm_eo == m[0].rm_so) {	/* an empty match: step over one character */
			if (col >= l->len)
				break;
			append(&out, l->text + col, 1);
			if (++col >= l->len)
				break;	/* as vi: no empty match after the last character */
		} else if (!yes) {
			append(&out, l->text + col, m[0].rm_eo - col);
			col = m[0].rm_eo;
		}
		if (!s->global)
			break;
	}
	if (done) {
		append(&out, l->text + col, l->len - col);
		n = buffer_replace_text(i, 1, out.bytes, out.len);
		s->changed_lines++;
	}
	free(out.bytes);
	return n;
}

static void substitute_command(struct ex *e)
{
	const char *p = e->arg;
	int delim = *p ? *p++ : '/';
	char *pattern = take_pattern(&p, delim);
	struct substitution s = { .replacement = take_pattern(&p, delim) };
	int flags = opt.ignorecase ? REG_ICASE : 0, last_changed = -1, own = pattern[0] != '\0';

	for (; *p && strchr("gicI", *p); p++) {
		s.global |= *p == 'g';
		s.ask |= *p == 'c';
		flags = *p == 'i' ? REG_ICASE : *p == 'I' ? 0 : flags;
	}
	if (search_compile(pattern) < 0 || (own && regex_compile(&s.re, pattern, flags) != 0))
		goto done;
	if (!own)
		s.re = search_regex;
	for (int i = e->first; i <= e->last && i < line_count && !s.stop; i++) {
		int became = substitute_line(&s, i);
		if (became > 0) {
			last_changed = i + became - 1;
			e->last += became - 1;
			i += became - 1;
		}
	}
	if (own)
		regfree(&s.re);
	if (last_changed >= 0) {
		cur.line = last_changed;
		cur.col = first_nonblank(last_changed);
		if (s.changed_lines > 2)
			message("%d lines changed", s.changed_lines);
	} else if (!in_global) {
		message("Pattern not found");
	}
done:
	free(pattern);
	free(s.replacement);
}

/* ---- :g ---- */

static void global_command(struct ex *e, int invert)
{
	const char *p = e->arg;
	int delim = *p ? *p++ : '/', hint = 0, n = 0, start, end;
	char *pattern = take_pattern(&p, delim);
	char **marked;

	if (in_global) {
		message("Cannot use :g inside :g");
		free(pattern);
		return;
	}
	if (e->addresses == 0) {
		e->first = 0;
		e->last = line_count - 1;
	}
	if (search_compile(pattern) < 0) {
		free(pattern);
		return;
	}
	/* Lines are never changed in place, so a line's text pointer names it while others move. */
	marked = xmalloc((e->last - e->first + 2) * sizeof *marked);
	for (int i = e->first; i <= e->last; i++)
		if ((search_in_line(&search_regex, i, 0, &start, &end) == 0) != invert)
			marked[n++] = lines[i].text;
	in_global = 1;
	for (int k = 0; k < n && !quitting; k++) {
		int i = hint;
		while (i < line_count && lines[i].text != marked[k])
			i++;
		if (i == line_count)
			for (i = 0; i < line_count && lines[i].text != marked[k]; i++)
				;
		if (i == line_count)
			continue;	/* deleted by the command run for an earlier line */
		cur = (struct pos){ i, 0 };
		hint = i;
		ex_command(*p ? p : "p");
	}
	in_global = 0;
	free(marked);
	free(pattern);
}

/* ---- line commands ---- */

static void print_lines(struct ex *e, int numbered)
{
	char number[16];

	for (int i = e->first; i <= e->last; i++) {
		if (numbered || opt.number) {
			char *text = xmalloc(lines[i].len + 16);
			int n = snprintf(number, sizeof number, "%6d  ", i + 1);
			memcpy(text, number, n);
			memcpy(text + n, lines[i].text, lines[i].len);
			output_line(text, n + lines[i].len);
			free(text);
		} else {
			output_line(lines[i].text, lines[i].len);
		}
	}
	cur.line = e->last;
}

/* Register name at the start of arg for :d and :y ("" if none). */
static int register_argument(struct ex *e)
{
	return isalpha((unsigned char)e->arg[0]) ? e->arg[0] : 0;
}

static void delete_or_yank(struct ex *e, int delete)
{
	size_t len;
	char *text = buffer_lines_text(e->first, e->last - e->first + 1, &len);

	if (delete)
		register_delete(register_argument(e), text, len, 1);
	else
		register_set(register_argument(e), text, len, 1);
	if (delete) {
		buffer_delete_lines(e->first, e->last - e->first + 1);
		cur.line = e->first < line_count ? e->first : line_count - 1;
		cur.col = first_nonblank(cur.line);
	}
}

/* :m and :t: move or copy the range to after the line the argument names. */
static void move_or_copy(struct ex *e, int move)
{
	const char *p = e->arg;
	int dest, count = e->last - e->first + 1, got = parse_address(&p, &dest);
	size_t len;
	char *text;

	if (got <= 0 || dest < -1 || dest >= line_count) {
		message(got < 0 ? "Bad address" : "Missing or bad destination");
		return;
	}
	if (move && dest >= e->first && dest < e->last) {
		message("Cannot move lines into themselves");
		return;
	}
	if (move && count == line_count)
		return;	/* every line to where it already is */
	text = buffer_lines_text(e->first, count, &len);
	if (move) {
		buffer_delete_lines(e->first, count);
		if (dest >= e->last)
			dest -= count;
	}
	cur.line = buffer_insert_lines(dest + 1, text, len) + count - 1;
	cur.col = first_nonblank(cur.line);
	free(text);
}

/* ---- :set ---- */

static void show_settings(void)
{
	char text[160];

	snprintf(text, sizeof text, "%snumber %sautoindent %signorecase %slist %sexpandtab tabstop=%d shiftwidth=%d",
		 opt.number ? "" : "no", opt.autoindent ? "" : "no", opt.ignorecase ? "" : "no",
		 opt.list ? "" : "no", opt.expandtab ? "" : "no", opt.tabstop, opt.shiftwidth);
	message("%s", text);
}

static int set_one(const char *word)
{
	static const struct { const char *name, *abbr; int *flag; } flags[] = {
		{ "number", "nu", &opt.number }, { "autoindent", "ai", &opt.autoindent },
		{ "ignorecase", "ic", &opt.ignorecase }, { "list", "list", &opt.list },
		{ "expandtab", "et", &opt.expandtab },
	};
	int on = 1;
	const char *value = strchr(word, '=');
	long long n;

	if (value) {
		int len = value - word;
		int *target = strncmp(word, "ts", len) == 0 || strncmp(word, "tabstop", len) == 0 ? &opt.tabstop
			    : strncmp(word, "sw", len) == 0 || strncmp(word, "shiftwidth", len) == 0 ? &opt.shiftwidth
			    : NULL;
		if (target == NULL || parse_long(value + 1, &n) < 0 || n < 1 || n > 32)
			return -1;
		*target = n;
		return 0;
	}
	if (strncmp(word, "no", 2) == 0 && strcmp(word, "number") != 0) {
		on = 0;
		word += 2;
	}
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
		if (strcmp(word, flags[i].name) == 0 || strcmp(word, flags[i].abbr) == 0) {
			*flags[i].flag = on;
			return 0;
		}
	return -1;
}

static void set_command(struct ex *e)
{
	char *words = xstrdup(e->arg), *word, *rest = words;

	if (e->arg[0] == '\0' || strcmp(e->arg, "all") == 0)
		show_settings();
	while ((word = strtok_r(rest, " \t", &rest)) != NULL)
		if (set_one(word) < 0) {
			message("Unknown option: %s", word);
			break;
		}
	free(words);
	term_invalidate();
}

/* ---- the table ---- */

enum {
	COPY, DELETE, EDIT, GLOBAL, JOIN, MAP, MARK, MOVE, NEXT, NUMBER_CMD, PRINT,
	QUIT, READ, REDO, SET, SHELL, SHIFT_LEFT, SHIFT_RIGHT, SUBSTITUTE, UNDO, VGLOBAL,
	WRITE, WRITE_QUIT, XIT, YANK, LINE_NUMBER, UNMAP
};

static const struct {
	const char *name;
	int shortest;		/* how short the name may be abbreviated */
	int id;
} ex_commands[] = {
	{ "copy", 2, COPY }, { "delete", 1, DELETE }, { "edit", 1, EDIT }, { "global", 1, GLOBAL },
	{ "join", 1, JOIN }, { "k", 1, MARK }, { "map", 3, MAP }, { "mark", 2, MARK }, { "move", 1, MOVE },
	{ "next", 1, NEXT }, { "number", 2, NUMBER_CMD }, { "print", 1, PRINT }, { "quit", 1, QUIT },
	{ "read", 1, READ }, { "redo", 3, REDO }, { "substitute", 1, SUBSTITUTE }, { "set", 2, SET },
	{ "t", 1, COPY }, { "undo", 1, UNDO }, { "unmap", 3, UNMAP }, { "vglobal", 1, VGLOBAL }, { "write", 1, WRITE },
	{ "wq", 2, WRITE_QUIT }, { "xit", 1, XIT }, { "yank", 1, YANK },
};

/* The command named at *s (moved past the name), or -1. */
static int command_id(const char **s)
{
	const char *start = *s;
	size_t len;

	if (strchr("!<>=#", **s) && **s) {
		int c = *(*s)++;
		return c == '!' ? SHELL : c == '<' ? SHIFT_LEFT : c == '>' ? SHIFT_RIGHT
		       : c == '#' ? NUMBER_CMD : LINE_NUMBER;
	}
	while (isalpha((unsigned char)**s))
		(*s)++;
	len = *s - start;
	/* "s/a/b/" and "g/x/d": a one-letter name runs straight into its delimiter */
	for (size_t i = 0; i < sizeof ex_commands / sizeof ex_commands[0]; i++)
		if (len >= (size_t)ex_commands[i].shortest && len <= strlen(ex_commands[i].name) &&
		    strncmp(start, ex_commands[i].name, len) == 0)
			return ex_commands[i].id;
	return -1;
}

static void run_ex(int id, struct ex *e)
{
	switch (id) {
	case WRITE: write_command(e, 0); break;
	case WRITE_QUIT: write_command(e, 1); break;
	case XIT:
		if (buffer_modified())
			write_command(e, 1);
		else
			quitting = 1;
		break;
	case QUIT:
		if (!refuse_if_modified(e))
			quitting = 1;
		break;
	case EDIT: edit_command(e); break;
	case NEXT:
		if (!refuse_if_modified(e) && edit_next_file() < 0)
			message("No more files to edit");
		break;
	case READ: read_command(e); break;
	case SUBSTITUTE: substitute_command(e); break;
	case GLOBAL: case VGLOBAL: global_command(e, id == VGLOBAL || e->bang); break;
	case DELETE: delete_or_yank(e, 1); break;
	case YANK: delete_or_yank(e, 0); break;
	case MOVE: case COPY: move_or_copy(e, id == MOVE); break;
	case JOIN: ex_join(e->first, e->addresses < 2 ? e->first + 1 : e->last); break;
	case SHIFT_LEFT: case SHIFT_RIGHT:
		shift_lines(e->first, e->last, id == SHIFT_RIGHT ? 1 : -1);
		cur.line = e->last;
		break;
	case PRINT: case NUMBER_CMD: print_lines(e, id == NUMBER_CMD); break;
	case LINE_NUMBER: message("%d", e->addresses ? e->last + 1 : line_count); break;
	case MARK: if (isalpha((unsigned char)e->arg[0])) mark_set(e->arg[0], (struct pos){ e->last, 0 }); break;
	case SET: set_command(e); break;
	case MAP: case UNMAP:
		if (e->bang)
			message("Only normal-mode maps: :map without !");
		else if (id == MAP)
			map_command(e->arg);
		else
			unmap_command(e->arg);
		break;
	case SHELL:
		if (e->addresses)
			ex_filter(e->first, e->last, e->arg);
		else
			run_shell(e->arg);
		term_invalidate();
		break;
	case UNDO: undo(); break;
	case REDO: redo(); break;
	}
}

/* Check the range for a command; :0r reads before the first line. */
static int range_ok(struct ex *e, int id)
{
	if (e->first > e->last) {	/* a backwards range: ex asks, vim swaps */
		int t = e->first;
		e->first = e->last;
		e->last = t;
	}
	if (e->last >= line_count || e->first < (id == READ ? -1 : 0)) {
		message("Invalid range");
		return 0;
	}
	return 1;
}

void ex_command(const char *line)
{
	const char *p = line;
	struct ex e = { 0 };
	int id;

	while (*p == ':' || *p == ' ' || *p == '\t')
		p++;
	if (parse_range(&p, &e) < 0)
		return;
	if (skip_blanks(&p) == '\0') {	/* just an address: go there */
		if (e.addresses) {
			cur.line = e.last < 0 ? 0 : e.last < line_count ? e.last : line_count - 1;
			cur.col = first_nonblank(cur.line);
		}
		return;
	}
	id = command_id(&p);
	if (id < 0) {
		message("Not an editor command: %s", line);
		return;
	}
	if (*p == '!' && id != SHELL) {
		e.bang = 1;
		p++;
	}
	skip_blanks(&p);
	e.arg = (char *)p;
	if (!range_ok(&e, id))
		return;
	run_ex(id, &e);
	if (cur.line >= line_count)
		cur.line = line_count - 1;
	if (!in_global)
		output_wait();
}
