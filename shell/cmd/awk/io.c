/*
 * io.c: awk's input and output. Records are read by RS: one character (a
 * newline by default), or "" for paragraphs (records end at blank lines).
 * The main input walks ARGV: each operand is a file, or a var=value
 * assignment done when reached; no file at all means standard input.
 *
 * Every file and command a program redirects to or reads from stays open, by
 * its name, until close(name) or the end: that is how awk programs write many
 * lines to one file, or read a command's output line by line.
 */
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "mini.h"
#include "lines.h"
#include "awk.h"

struct stream {
	char *name;
	int kind;		/* IO_FILE, IO_APPEND or IO_PIPE */
	int input;
	FILE *fp;		/* output, or the pipe of an input command */
	struct lines in;	/* input */
	struct stream *next;
};
static struct stream *streams;

/* ---- reading one record ---- */

/*
 * The next record from in, NUL-terminated, its length in *len; NULL at the end.
 * The text is valid until the next read: it lies in in's buffer (or, in
 * paragraph mode, in the paragraph put together here). The main input's
 * records are copied from there into the record's own buffer (data.c), with
 * no malloc of their own.
 */
static char *next_record_text(struct lines *in, size_t *len)
{
	static char *paragraph;
	const char *rs = v_RS->val.flags & C_STR ? v_RS->val.str : NULL;
	char *rs_text = rs ? NULL : to_str(&v_RS->val);
	char *line;

	if (rs_text)
		rs = rs_text;
	if (rs && !rs[0]) {		/* paragraph mode */
		struct strbuf b = { 0 };
		size_t n;

		free(rs_text);
		in->delim = '\n';
		while ((line = lines_next(in, &n)) && n == 0)
			;
		if (!line)
			return NULL;
		sb_addn(&b, line, n);
		while ((line = lines_next(in, &n)) && n > 0) {
			sb_addn(&b, "\n", 1);
			sb_addn(&b, line, n);
		}
		*len = b.len;
		free(paragraph);
		return paragraph = sb_take(&b);
	}
	in->delim = rs ? rs[0] : '\n';
	free(rs_text);
	return lines_next(in, len);
}

/* The next record from in, malloc'd in *out; 0 at the end. */
static int read_record(struct lines *in, char **out)
{
	size_t len;
	char *text = next_record_text(in, &len);

	if (!text)
		return 0;
	*out = copy_text(text, len);
	return 1;
}

/* ---- the main input ---- */

static struct lines main_in;
static int main_open;		/* main_in is reading a file */
static int operand = 1;		/* the next ARGV element to look at */
static int had_file;		/* a file operand was seen: no standard input then */

static void add_to_var(struct var *v, int by)
{
	if (v->kind == V_SCALAR && v->val.flags == (C_NUM | C_NUMERIC) && !v->val.str) {
		v->val.num += by;	/* NR and FNR, every record: a plain number stays one */
		return;
	}
	set_var(v, num_cell(to_num(&v->val) + by));
}

/* Is arg a var=value assignment (a valid name before the '=')? Then do it. */
int try_assignment(const char *arg)
{
	const char *eq = strchr(arg, '=');
	const char *p = arg;

	if (!eq || eq == arg || is_digit(*arg))
		return 0;
	for (; p < eq; p++)
		if (!is_name_char(*p))
			return 0;
	char *name = xstrndup(arg, eq - arg), *value = unescape_assignment(eq + 1);
	struct var *v = lookup_var(name);

	set_var(v, strnum_take(value));
	free(name);
	return 1;
}

/*
 * The smallest index from `from` on, below ARGC, that ARGV holds (-1: none),
 * looked for among ARGV's keys: a program may set ARGC to 1e9, and counting up
 * to it one missing element at a time would never end.
 */
static int next_operand_index(int from)
{
	double argc = to_num(&v_ARGC->val);
	unsigned n;
	char **keys = array_keys(var_array(v_ARGV), &n);
	long best = -1;

	for (unsigned i = 0; i < n; i++) {
		char *end, canonical[16];
		long k = strtol(keys[i], &end, 10);

		/* Only the key "%d" would make: "01" and " 1" are other elements. */
		snprintf(canonical, sizeof canonical, "%ld", k);
		if (*end == '\0' && strcmp(canonical, keys[i]) == 0 && k >= from && k < argc
		    && k < INT_MAX && (best < 0 || k < best))
			best = k;
		free(keys[i]);
	}
	free(keys);
	return (int)best;
}

static int open_next_operand(void)
{
	int index;

	while ((index = next_operand_index(operand)) >= 0) {
		char key[16];
		struct cell *c;
		char *arg;
		int fd;

		operand = index + 1;
		snprintf(key, sizeof key, "%d", index);
		c = array_ref(var_array(v_ARGV), key, 0);
		if (!c)
			continue;
		arg = to_str(c);
		if (!arg[0] || try_assignment(arg)) {
			free(arg);
			continue;
		}
		had_file = 1;
		fd = open_input(arg);
		if (fd < 0) {
			warn("can't open %s:", arg);
			exit_status = 2;
			free(arg);
			continue;
		}
		set_var(v_FILENAME, str_cell(arg));
		set_var(v_FNR, num_cell(0));
		lines_start(&main_in, fd, '\n');
		return main_open = 1;
	}
	if (had_file)
		return 0;
	had_file = 1;
	lines_start(&main_in, STDIN_FILENO, '\n');
	return main_open = 1;
}

void close_main_input(void)
{
	if (!main_open)
		return;
	if (main_in.fd != STDIN_FILENO)
		close(main_in.fd);
	lines_end(&main_in);
	main_open = 0;
}

/* The next record of the main input, as next_record_text; NR and FNR count it. */
static char *next_main_text(size_t *len)
{
	for (;;) {
		char *text;

		if (!main_open && !open_next_operand())
			return NULL;
		text = next_record_text(&main_in, len);
		if (text) {
			add_to_var(v_NR, 1);
			add_to_var(v_FNR, 1);
			return text;
		}
		close_main_input();
	}
}

int read_main_record(void)
{
	size_t len;
	char *text = next_main_text(&len);

	if (!text)
		return 0;
	set_input_record(text, len);
	return 1;
}

/* ---- streams by name ---- */

static struct stream *find_stream(const char *name, int input)
{
	for (struct stream *s = streams; s; s = s->next)
		if (s->input == input && strcmp(s->name, name) == 0)
			return s;
	return NULL;
}

static struct stream *add_stream(const char *name, int kind, int input)
{
	struct stream *s = xzalloc(sizeof *s);

	s->name = xstrdup(name);
	s->kind = kind;
	s->input = input;
	s->next = streams;
	streams = s;
	return s;
}

/* Before running a command, what we wrote must be out: its output comes after. */
static void flush_all(void)
{
	fflush(NULL);
}

FILE *output_stream(int kind, const char *name)
{
	struct stream *s;
	FILE *fp;

	if (kind == IO_NONE || strcmp(name, "/dev/stdout") == 0 || strcmp(name, "-") == 0)
		return stdout;
	if (strcmp(name, "/dev/stderr") == 0)
		return stderr;
	s = find_stream(name, 0);
	if (s)
		return s->fp;
	if (kind == IO_PIPE) {
		flush_all();
		fp = popen(name, "w");
	} else {
		fp = fopen(name, kind == IO_APPEND ? "a" : "w");
	}
	if (!fp)
		runtime_error("can't redirect to %s: %s", name, strerror(errno));
	add_stream(name, kind, 0)->fp = fp;
	return fp;
}

/*
 * getline: from the main input (IO_NONE), a file or a command. Returns 1 with a
 * malloc'd record in *out, 0 at the end, -1 when the file cannot be opened.
 */
int getline_from(int kind, const char *name, char **out)
{
	struct stream *s;

	if (kind == IO_NONE) {
		size_t len;
		char *text = next_main_text(&len);

		if (!text)
			return 0;
		*out = copy_text(text, len);
		return 1;
	}
	s = find_stream(name, 1);
	if (!s) {
		int fd;
		FILE *fp = NULL;

		if (kind == IO_PIPE) {
			flush_all();
			fp = popen(name, "r");
			fd = fp ? fileno(fp) : -1;
		} else {
			fd = open_input(name);
		}
		if (fd < 0)
			return -1;
		s = add_stream(name, kind, 1);
		s->fp = fp;
		lines_start(&s->in, fd, '\n');
	}
	if (!read_record(&s->in, out))
		return s->in.error ? -1 : 0;
	if (kind == IO_PIPE)
		add_to_var(v_NR, 1);	/* cmd | getline counts as a record; getline < file does not */
	return 1;
}

/* Close one stream: its exit status for a command, else 0 (-1 if it failed). */
static int close_one(struct stream *s)
{
	int status = 0;

	if (s->input) {
		lines_end(&s->in);
		if (s->fp)
			status = pclose(s->fp);
		else if (s->in.fd != STDIN_FILENO)
			close(s->in.fd);
	} else if (s->kind == IO_PIPE) {
		status = pclose(s->fp);
	} else {
		status = fclose(s->fp) == 0 ? 0 : -1;
	}
	if (s->kind == IO_PIPE && status > 0)
		status = WIFEXITED(status) ? WEXITSTATUS(status) : 256 + WTERMSIG(status);
	free(s->name);
	free(s);
	return status;
}

int close_stream(const char *name)
{
	int result = -1;

	for (struct stream **p = &streams; *p;) {
		struct stream *s = *p;

		if (strcmp(s->name, name) == 0) {
			*p = s->next;
			result = close_one(s);
		} else {
			p = &s->next;
		}
	}
	return result;
}

int flush_stream(const char *name)
{
	struct stream *s = find_stream(name, 0);

	if (strcmp(name, "/dev/stdout") == 0)
		return fflush(stdout);
	if (!s)
		return -1;
	return fflush(s->fp);
}

void close_all(void)
{
	fflush(stdout);
	while (streams) {
		struct stream *s = streams;

		streams = s->next;
		close_one(s);
	}
}
