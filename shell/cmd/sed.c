/*
 * sed: the stream editor (POSIX sed, plus GNU's -i, -s, -E, 0,/re/, addr,+N, addr,~N,
 * first~step, one-line a/i/c, the I flag, \L \U \l \u \E in replacements, -z, the commands
 * e, T, Q, F, R, W, v, z and exit codes for q).
 *
 * The script is parsed once into an array of commands; jumps (b, t, T, and the
 * end of a {} block) are indexes into it. Then each input line is read into the
 * pattern space and the commands run over it: one cycle per line.
 * -i edits each file on its own, through libmini's write_new_file: the output goes
 * to a temporary file in the same directory, renamed over the file at the end, so a
 * failure never leaves half a file.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "lines.h"
#include "copy.h"

static const char usage[] =
	"Usage: sed [-nEsrz] [-i[SUFFIX]] {SCRIPT | -e SCRIPT... | -f FILE...} [FILE]...\n"
	"Edit each FILE (standard input for none or -) with SCRIPT, print the result.\n"
	"  -n          print only what p, P, l, = and s///p ask for\n"
	"  -e SCRIPT   add SCRIPT (may be repeated)\n"
	"  -f FILE     add the script in FILE\n"
	"  -E, -r      extended regular expressions\n"
	"  -i[SUFFIX]  edit the files in place (keeping a copy FILE.SUFFIX)\n"
	"  -s          treat files as separate ($ and line numbers per file)\n"
	"  -z          lines end with NUL bytes, not newlines\n";

/* ---- growable strings: the pattern space, the hold space ---- */

struct text {
	char *s;
	size_t len, cap;
};

static void text_reserve(struct text *t, size_t more)
{
	if (t->len + more + 1 > t->cap) {
		t->cap = (t->len + more + 1) * 2;
		t->s = xrealloc(t->s, t->cap);
		t->s[t->len] = '\0';
	}
}

static void text_add(struct text *t, const char *s, size_t n)
{
	text_reserve(t, n);
	memmove(t->s + t->len, s, n);	/* s may lie in t itself: D keeps the end of the pattern space */
	t->len += n;
	t->s[t->len] = '\0';
}

static void text_set(struct text *t, const char *s, size_t n)
{
	t->len = 0;
	text_add(t, s, n);
}

/* ---- the parsed script ---- */

enum { NO_ADDR, LINE_ADDR, LAST_ADDR, REGEX_ADDR, ZERO_ADDR, PLUS_ADDR, MULTIPLE_ADDR, STEP_ADDR };

struct address {
	int kind;
	long line;		/* LINE_ADDR, PLUS_ADDR, MULTIPLE_ADDR, STEP_ADDR (first) */
	long step;		/* STEP_ADDR: GNU's first~step */
	regex_t *re;		/* REGEX_ADDR; NULL means the last regex used */
};

struct sed_command {
	char name;
	struct address a1, a2;
	int negate;
	int in_range;
	int range_done;		/* a range from a line number starts once (per file with -s) */
	long range_end;		/* for addr,+N and addr,~N */
	char *text;		/* a i c: the text; b t T: the label; r R w W: the file name */
	int jump;		/* b t T: target index; {: index of its } */
	regex_t *re;		/* s: the regex (NULL: the last one used) */
	char *literal;		/* s: the regex when it is a plain string (searched faster) */
	char *replacement;	/* s */
	size_t replacement_len;
	int global, print;	/* s flags g and p */
	long nth;		/* s flag N */
	FILE *wfile;		/* s///w, w and W */
	struct lines *rfile;	/* R: the file read a line at a time (NULL: unreadable) */
	unsigned char *map;	/* y: 256 bytes */
	int exit_status;	/* q Q */
	int line_width;		/* l (0: the default 70) */
};

static struct sed_command *cmds;
static int ncmds;
static int extended, quiet, separate, in_place;
static char line_end = '\n';		/* -z: '\0' */
static const char *backup_suffix;

/* The parser works on the whole script as one string. */
static const char *script, *pos;

static void parse_error(const char *what)
{
	die("-e expression, char %ld: %s", (long)(pos - script), what);
}

static void skip_blanks(void)
{
	while (*pos == ' ' || *pos == '\t')
		pos++;
}

/* Compile a regex; an empty one means "the last regex used" (NULL). */
static regex_t *compile(const char *pattern, int flags)
{
	regex_t *re;
	int err;

	if (*pattern == '\0')
		return NULL;
	re = xmalloc(sizeof *re);
	err = regex_compile(re, pattern, flags | (extended ? REG_EXTENDED : 0));
	if (err != 0) {
		char msg[128];
		regerror(err, re, msg, sizeof msg);
		die("%s: %s", pattern, msg);
	}
	return re;
}

/*
 * Read up to the delimiter, for a regex (is_regex: "\n" becomes a newline, a
 * delimiter inside [...] does not end it) or a replacement (escapes are kept for
 * later, but "\delim" becomes the delimiter). Returns a malloc'd string.
 */
static char *read_delimited(char delim, int is_regex, size_t *out_len)
{
	struct text t = { 0 };
	int in_bracket = 0;

	text_reserve(&t, 0);
	for (; *pos != delim || in_bracket; pos++) {
		if (*pos == '\0' || (*pos == '\n' && is_regex && !in_bracket))
			parse_error("unterminated address regex or s command");
		if (is_regex && *pos == '[' && !in_bracket) {
			in_bracket = 1;
			text_add(&t, pos, 1);
			if (pos[1] == '^')
				text_add(&t, ++pos, 1);
			if (pos[1] == ']')
				text_add(&t, ++pos, 1);
			continue;
		}
		if (in_bracket) {
			if (*pos == ']')
				in_bracket = 0;
			text_add(&t, pos, 1);
			continue;
		}
		if (*pos == '\\' && pos[1] != '\0') {
			pos++;
			if (*pos == delim && !is_regex && delim == '&')
				text_add(&t, "\\&", 2);	/* s&a&\&&: a literal &, not the match */
			else if (*pos == delim)
				text_add(&t, pos, 1);
			else if (*pos == 'n' && is_regex)
				text_add(&t, "\n", 1);
			else if (*pos == 't' && is_regex)
				text_add(&t, "\t", 1);	/* GNU: \t is a tab in a regex too */
			else if (*pos == 'r' && is_regex)
				text_add(&t, "\r", 1);
			else if (*pos == '\n' && !is_regex)
				text_add(&t, "\n", 1);
			else if (*pos == 'n')
				text_add(&t, "\\n", 2);
			else {
				text_add(&t, "\\", 1);
				text_add(&t, pos, 1);
			}
			continue;
		}
		text_add(&t, pos, 1);
	}
	pos++;		/* the closing delimiter */
	if (out_len)
		*out_len = t.len;
	return t.s;
}

static int parse_address(struct address *a)
{
	char *end;

	if (isdigit((unsigned char)*pos)) {
		a->line = strtol(pos, &end, 10);
		a->kind = a->line == 0 ? ZERO_ADDR : LINE_ADDR;
		pos = end;
		if (*pos == '~') {
			a->kind = STEP_ADDR;
			a->step = strtol(pos + 1, &end, 10);
			pos = end;
		}
	} else if (*pos == '$') {
		a->kind = LAST_ADDR;
		pos++;
	} else if (*pos == '/' || *pos == '\\') {
		char delim = *pos == '\\' ? *++pos : '/';
		char *pattern;
		int flags = 0;
		if (delim == '\0' || delim == '\n' || delim == '\\')	/* "\" at the end, say */
			parse_error("unterminated address regex");
		pos++;
		pattern = read_delimited(delim, 1, NULL);
		while (*pos == 'I' || *pos == 'M')
			flags |= *pos++ == 'I' ? REG_ICASE : REG_NEWLINE;
		a->kind = REGEX_ADDR;
		a->re = compile(pattern, flags);
		free(pattern);
	} else {
		return 0;
	}
	return 1;
}

/* The argument of a, i, c: GNU's "a text" or POSIX's "a\" newline "text". */
static char *read_text(void)
{
	struct text t = { 0 };

	skip_blanks();
	if (*pos == '\\') {
		pos++;
		if (*pos == '\n')
			pos++;
	}
	text_reserve(&t, 0);
	for (; *pos && *pos != '\n'; pos++) {
		if (*pos == '\\' && pos[1] != '\0')
			pos++;		/* "\x" is x; backslash-newline continues the text */
		text_add(&t, pos, 1);
	}
	return t.s;
}

/*
 * A label or a file name: the rest of the line. Labels also end at ';', and the
 * label of b, t and T at '}' too ("/x/{s/a/b/;ta}", as BusyBox and GNU sed).
 */
enum word_kind { FILE_NAME, LABEL, JUMP_LABEL };

static char *read_word(enum word_kind kind)
{
	const char *start;

	skip_blanks();
	start = pos;
	while (*pos && *pos != '\n' && !(kind != FILE_NAME && *pos == ';')
	       && !(kind == JUMP_LABEL && *pos == '}'))
		pos++;
	if (kind != FILE_NAME)
		while (pos > start && (pos[-1] == ' ' || pos[-1] == '\t'))
			pos--;
	return xstrndup(start, pos - start);
}

/* Files for w: one FILE per name, opened (truncated) when the script is parsed. */
static FILE *open_wfile(const char *name)
{
	static struct { char *name; FILE *f; } opened[32];
	static int nopened;

	if (strcmp(name, "/dev/stdout") == 0)
		return stdout;
	if (strcmp(name, "/dev/stderr") == 0)
		return stderr;
	for (int i = 0; i < nopened; i++)
		if (strcmp(opened[i].name, name) == 0)
			return opened[i].f;
	if (nopened == 32)
		die("too many w files");
	opened[nopened].f = fopen(name, "w");
	if (opened[nopened].f == NULL)
		die("couldn't open file %s:", name);
	opened[nopened].name = xstrdup(name);
	return opened[nopened++].f;
}

/*
 * Files for R: one reader per FILE, shared by all the R commands naming it, so
 * each R takes the line after the one the last R took. A file that cannot be
 * read gives no lines (NULL), like r.
 */
static struct lines *open_rfile(const char *name)
{
	static struct { char *name; struct lines *in; } opened[32];
	static int nopened;
	int fd;

	for (int i = 0; i < nopened; i++)
		if (strcmp(opened[i].name, name) == 0)
			return opened[i].in;
	if (nopened == 32)
		die("too many R files");
	fd = open(name, O_RDONLY);
	opened[nopened].name = xstrdup(name);
	opened[nopened].in = NULL;
	if (fd >= 0) {
		opened[nopened].in = xmalloc(sizeof(struct lines));
		lines_start(opened[nopened].in, fd, '\n');
	}
	return opened[nopened++].in;
}

static void parse_s(struct sed_command *c)
{
	char delim = *pos++;
	char *pattern;
	int flags = 0;

	if (delim == '\0' || delim == '\n' || delim == '\\')
		parse_error("unterminated 's' command");
	pattern = read_delimited(delim, 1, NULL);
	c->replacement = read_delimited(delim, 0, &c->replacement_len);
	for (;; pos++) {
		if (*pos == 'g')
			c->global = 1;
		else if (*pos == 'p')
			c->print = 1;
		else if (*pos == 'I' || *pos == 'i')
			flags |= REG_ICASE;
		else if (*pos == 'M' || *pos == 'm')
			flags |= REG_NEWLINE;
		else if (isdigit((unsigned char)*pos)) {
			c->nth = strtol(pos, (char **)&pos, 10);
			pos--;		/* the loop steps over the last digit */
		}
		else if (*pos == 'w') {
			char *name;
			pos++;
			name = read_word(FILE_NAME);
			c->wfile = open_wfile(name);
			free(name);
			break;
		} else
			break;
	}
	if (c->nth == 0)
		c->nth = 1;
	c->re = compile(pattern, flags);
	/* No regex character and no I flag: the pattern can be found with find_string. */
	if (*pattern && flags == 0 && strpbrk(pattern, extended ? "\\.[]*^$+?(){}|" : "\\.[]*^$") == NULL)
		c->literal = pattern;
	else
		free(pattern);
}

/* y/abc/xyz/: a byte map. */
static void parse_y(struct sed_command *c)
{
	char delim = *pos++;
	size_t nfrom, nto;
	char *from, *to;

	if (delim == '\0' || delim == '\n' || delim == '\\')
		parse_error("unterminated 'y' command");
	from = read_delimited(delim, 0, &nfrom);
	to = read_delimited(delim, 0, &nto);
	/* read_delimited kept escapes: undo "\\" and "\n" here */
	c->map = xmalloc(256);
	for (int i = 0; i < 256; i++)
		c->map[i] = i;
	for (size_t i = 0, j = 0; i < nfrom; i++, j++) {
		unsigned char f = from[i], t;
		if (f == '\\' && i + 1 < nfrom)
			f = from[++i] == 'n' ? '\n' : from[i];
		if (j >= nto)
			parse_error("strings for 'y' command are different lengths");
		t = to[j];
		if (t == '\\' && j + 1 < nto)
			t = to[++j] == 'n' ? '\n' : to[j];
		c->map[f] = t;
	}
	free(from);
	free(to);
}

/* The part of a command after its name. */
static void parse_arguments(struct sed_command *c)
{
	switch (c->name) {
	case 'a': case 'i': case 'c':
		c->text = read_text();
		break;
	case ':':
		if (c->a1.kind != NO_ADDR)
			parse_error(": doesn't want any addresses");
		c->text = read_word(LABEL);
		if (*c->text == '\0')
			parse_error("\":\" lacks a label");
		break;
	case 'b': case 't': case 'T':
		c->text = read_word(JUMP_LABEL);
		break;
	case 'r': case 'e':	/* e: a command to run (none: the pattern space is one) */
		c->text = read_word(FILE_NAME);
		break;
	case 'R':
		c->text = read_word(FILE_NAME);
		c->rfile = open_rfile(c->text);
		break;
	case 'w': case 'W':
		c->text = read_word(FILE_NAME);
		c->wfile = open_wfile(c->text);
		break;
	case 'v':		/* GNU: "needs version X"; any version is fine here */
		free(read_word(LABEL));
		break;
	case 's':
		parse_s(c);
		break;
	case 'y':
		parse_y(c);
		break;
	case 'q': case 'Q':
		if (c->a2.kind != NO_ADDR)
			parse_error("command only uses one address");
		skip_blanks();
		c->exit_status = strtol(pos, (char **)&pos, 10);
		break;
	case 'l': case 'L':
		skip_blanks();
		c->line_width = strtol(pos, (char **)&pos, 10);
		break;
	case '{': case '}': case '=': case 'd': case 'D': case 'g': case 'G': case 'h': case 'H':
	case 'n': case 'N': case 'p': case 'P': case 'x': case 'z': case 'F':
		break;
	default:
		parse_error("unknown command");
	}
}

/* Point b, t and T at their labels. */
static void resolve_jumps(void)
{
	for (int i = 0; i < ncmds; i++) {
		struct sed_command *c = &cmds[i];
		if (c->name != 'b' && c->name != 't' && c->name != 'T')
			continue;
		c->jump = ncmds;	/* no label: to the end of the script */
		if (*c->text == '\0')
			continue;
		for (int j = 0; j < ncmds; j++)
			if (cmds[j].name == ':' && strcmp(cmds[j].text, c->text) == 0)
				c->jump = j;
		if (c->jump == ncmds)
			die("can't find label for jump to '%s'", c->text);
	}
}

static void parse_script(void)
{
	int blocks[64], depth = 0;

	pos = script;
	if (pos[0] == '#' && pos[1] == 'n' && (pos[2] == '\n' || pos[2] == '\0'))
		quiet = 1;
	for (;;) {
		struct sed_command c = { 0 };
		while (isspace((unsigned char)*pos) || *pos == ';')
			pos++;
		if (*pos == '\0')
			break;
		if (*pos == '#') {
			while (*pos && *pos != '\n')
				pos++;
			continue;
		}
		if (parse_address(&c.a1)) {
			skip_blanks();
			if (*pos == ',') {
				pos++;
				skip_blanks();
				if (*pos == '+' || *pos == '~') {
					c.a2.kind = *pos++ == '+' ? PLUS_ADDR : MULTIPLE_ADDR;
					c.a2.line = strtol(pos, (char **)&pos, 10);
				} else if (!parse_address(&c.a2)) {
					parse_error("unexpected ','");
				}
			}
			if (c.a1.kind == ZERO_ADDR && c.a2.kind != REGEX_ADDR)
				parse_error("invalid usage of line address 0");
			c.in_range = c.a1.kind == ZERO_ADDR;
		}
		skip_blanks();
		while (*pos == '!') {
			c.negate = 1;
			pos++;
			skip_blanks();
		}
		if (*pos == '\0')
			parse_error("missing command");
		c.name = *pos++;
		parse_arguments(&c);
		if (c.name == '{') {
			if (depth == 64)
				parse_error("blocks nested too deep");
			blocks[depth++] = ncmds;
		} else if (c.name == '}') {
			if (depth == 0 || c.a1.kind != NO_ADDR)
				parse_error("unexpected '}'");
			cmds[blocks[--depth]].jump = ncmds + 1;
		}
		cmds = xrealloc(cmds, (ncmds + 1) * sizeof *cmds);
		cmds[ncmds++] = c;
		skip_blanks();
		if (c.name != '{' && *pos && *pos != '\n' && *pos != ';' && *pos != '}' && *pos != '#')
			parse_error("extra characters after command");
	}
	if (depth > 0)
		die("unmatched '{'");
	resolve_jumps();
}

/* ---- input: the files as one stream of lines (or separately with -s / -i) ---- */

static char **files;
static int nfiles, next_file, status;
static struct lines in;
static int in_open;
static const char *current_name;
static char *pending;			/* the line after the current one */
static size_t pending_len;
static int have_pending, pending_unterminated;
static long lineno;
static int unterminated;		/* the current line had no newline */

/* Where the output goes: standard output, or with -i the new copy of the file. */
static FILE *out;
static void close_file(void)
{
	lines_end(&in);
	if (in.fd != STDIN_FILENO)
		close(in.fd);
	in_open = 0;
}

static int open_next_file(void)
{
	while (next_file < nfiles) {
		const char *name = files[next_file++];
		int fd = open_input(name);
		if (fd < 0) {
			warn("can't read %s:", name);
			status = 2;
			continue;
		}
		lines_start(&in, fd, line_end);
		in_open = 1;
		current_name = name;
		if (separate) {		/* line numbers, and ranges from them, start again */
			lineno = 0;
			for (int i = 0; i < ncmds; i++)
				cmds[i].range_done = 0;
		}
		return 1;
	}
	return 0;
}

/* Read the line after the current one into pending (crossing files unless separate). */
static void advance(void)
{
	for (;;) {
		if (in_open) {
			pending = lines_next(&in, &pending_len);
			if (pending) {
				have_pending = 1;
				pending_unterminated = in.last_unterminated;
				return;
			}
			if (in.error) {
				errno = in.error;
				warn("read error on %s:", current_name);
				status = 2;
			}
			if (separate)
				break;
			close_file();
		}
		if (!open_next_file())
			break;
	}
	have_pending = 0;
}

/* Replace (or, appending, extend) t with the next input line. Returns 0 at the end. */
static int read_line(struct text *t, int appending)
{
	while (!have_pending) {
		if (!separate || next_file > nfiles)
			return 0;
		if (in_open)
			close_file();
		if (!open_next_file())
			return 0;
		advance();
	}
	if (appending)
		text_add(t, &line_end, 1);
	else
		t->len = 0;
	text_add(t, pending, pending_len);
	unterminated = pending_unterminated;
	lineno++;
	advance();
	return 1;
}

/* $: no line follows (in this file, with -s and -i). */
static int is_last_line(void)
{
	return !have_pending;
}

/* ---- output ---- */

static int missing_newline;	/* the last line written to out had none (end of input) */

static void output(FILE *f, const char *s, size_t len)
{
	if (f == out && missing_newline) {
		putc(line_end, f);
		missing_newline = 0;
	}
	fwrite(s, 1, len, f);
	if (f == out && unterminated && !have_pending)
		missing_newline = 1;
	else
		putc(line_end, f);
}

/* The 'l' command: the pattern space in an unambiguous form, wrapped at 70 columns. */
static void list_text(const char *s, size_t len, int width)
{
	static const char escapes[] = "\\\\\aa\bb\ff\nn\rr\tt\vv";
	int column = 0;

	if (width == 0)
		width = 70;
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = s[i];
		char buf[8];
		const char *e = ch ? strchr(escapes, ch) : NULL;
		if (e && (e - escapes) % 2 == 0)
			sprintf(buf, "\\%c", e[1]);
		else if (!isprint(ch))
			sprintf(buf, "\\%03o", ch);
		else
			sprintf(buf, "%c", ch);
		if (width > 1 && column + (int)strlen(buf) > width - 1) {
			fputs("\\\n", out);
			column = 0;
		}
		fputs(buf, out);
		column += strlen(buf);
	}
	fputs("$\n", out);
}

/* ---- running the script ---- */

static struct text pattern_space, hold_space;
static struct text appended;		/* a and r output waiting for the end of the cycle */
static regex_t *last_regex;
static int replaced;			/* for t and T: a substitution since the last line or t */
static int quit_now, exit_status;	/* q and Q: stop, with this status */

static regex_t *use_regex(regex_t *re)
{
	if (re)
		last_regex = re;
	else if (last_regex == NULL)
		die("no previous regular expression");
	return last_regex;
}

static int regex_matches(regex_t *re, const char *s, size_t len)
{
	regmatch_t m = { 0, (regoff_t)len };

	return regexec(use_regex(re), s, 1, &m, REG_STARTEND) == 0;
}

static int address_matches(struct address *a)
{
	switch (a->kind) {
	case LINE_ADDR:
		return lineno == a->line;
	case STEP_ADDR:
		if (a->step <= 0)
			return lineno == a->line;
		return lineno >= a->line && (lineno - a->line) % a->step == 0;
	case LAST_ADDR:
		return is_last_line();
	case REGEX_ADDR:
		return regex_matches(a->re, pattern_space.s, pattern_space.len);
	}
	return 0;
}

/* Whether c applies to this line, keeping track of ranges. */
static int selected(struct sed_command *c)
{
	if (c->a1.kind == NO_ADDR)
		return 1;
	if (c->a2.kind == NO_ADDR)
		return address_matches(&c->a1);
	if (c->in_range) {
		/* A last line number jumped over (by n or N) ends the range without this line. */
		if (c->a2.kind == LINE_ADDR && lineno > c->a2.line) {
			c->in_range = 0;
			return 0;
		}
		if (c->a2.kind == PLUS_ADDR || c->a2.kind == MULTIPLE_ADDR ? lineno >= c->range_end
		    : c->a2.kind == LINE_ADDR ? lineno >= c->a2.line
		    : address_matches(&c->a2))
			c->in_range = 0;
		return 1;
	}
	if (c->a1.kind == LINE_ADDR) {
		/* As in GNU sed, a first line jumped over (n, N, d) still starts the range, once. */
		if (c->range_done || lineno < c->a1.line
		    || (c->a2.kind == LINE_ADDR && lineno > c->a1.line && lineno > c->a2.line))
			return 0;
		c->range_done = 1;
	} else if (!address_matches(&c->a1)) {
		return 0;
	}
	/* The range starts here; a line number already passed makes it one line. */
	if (c->a2.kind == PLUS_ADDR) {
		c->range_end = lineno + c->a2.line;
		c->in_range = c->a2.line > 0;
	} else if (c->a2.kind == MULTIPLE_ADDR) {
		/* As GNU sed: up to the next multiple of N after this line (~0: this line only) */
		c->range_end = c->a2.line > 0 ? (lineno / c->a2.line + 1) * c->a2.line : lineno;
		c->in_range = c->range_end > lineno;
	} else {
		c->in_range = !(c->a2.kind == LINE_ADDR && c->a2.line <= lineno);
	}
	return 1;
}

/*
 * GNU's case conversion in a replacement: \U and \L convert the rest (until \E),
 * \u and \l only the next character. \U, \L and \E also cancel a pending \u or \l.
 */
struct case_conversion {
	char rest;		/* 'U', 'L' or 0 */
	char next;		/* 'u', 'l' or 0 */
};

/* Append s[0..n) to t, converted as cc says. */
static void add_converted(struct text *t, const char *s, size_t n, struct case_conversion *cc)
{
	char *added;

	text_add(t, s, n);
	if (n == 0)
		return;
	added = t->s + t->len - n;
	for (size_t i = 0; cc->rest && i < n; i++)
		added[i] = cc->rest == 'U' ? toupper((unsigned char)added[i])
					   : tolower((unsigned char)added[i]);
	if (cc->next) {
		added[0] = cc->next == 'u' ? toupper((unsigned char)added[0])
					   : tolower((unsigned char)added[0]);
		cc->next = 0;
	}
}

/* Append the replacement of s to t: & is the match, \1..\9 the groups. */
static void add_replacement(struct text *t, struct sed_command *c, const char *s, regmatch_t *m)
{
	const char *r = c->replacement, *end = r + c->replacement_len;
	struct case_conversion cc = { 0, 0 };

	for (; r < end; r++) {
		if (*r == '&') {
			add_converted(t, s + m[0].rm_so, m[0].rm_eo - m[0].rm_so, &cc);
		} else if (*r == '\\' && r + 1 < end) {
			r++;
			if (*r >= '0' && *r <= '9') {
				regmatch_t *g = &m[*r - '0'];
				if (g->rm_so >= 0)
					add_converted(t, s + g->rm_so, g->rm_eo - g->rm_so, &cc);
			} else if (*r == 'n') {
				add_converted(t, "\n", 1, &cc);
			} else if (*r == 't') {
				add_converted(t, "\t", 1, &cc);
			} else if (*r == 'r') {
				add_converted(t, "\r", 1, &cc);
			} else if (*r == 'U' || *r == 'L' || *r == 'E') {
				cc.rest = *r == 'E' ? 0 : *r;
				cc.next = 0;
			} else if (*r == 'u' || *r == 'l') {
				cc.next = *r;
			} else {
				add_converted(t, r, 1, &cc);
			}
		} else {
			add_converted(t, r, 1, &cc);
		}
	}
}

/* The next match of s's regex in s[at..len): regexec, or a plain string search. */
static int find_match(struct sed_command *c, regex_t *re, const char *s, size_t at, size_t len,
		      regmatch_t m[10])
{
	if (c->literal) {
		size_t n = strlen(c->literal);
		const char *hit = find_string(s + at, len - at, c->literal, n);
		if (hit == NULL)
			return 0;
		m[0].rm_so = hit - s;
		m[0].rm_eo = m[0].rm_so + n;
		for (int i = 1; i < 10; i++)
			m[i].rm_so = m[i].rm_eo = -1;
		return 1;
	}
	m[0].rm_so = at;
	m[0].rm_eo = len;
	return regexec(re, s, 10, m, REG_STARTEND | (at > 0 ? REG_NOTBOL : 0)) == 0;
}

/* The s command. Returns 1 when something was replaced. */
static int substitute(struct sed_command *c)
{
	static struct text result;
	regex_t *re = use_regex(c->re);
	const char *s = pattern_space.s;
	size_t len = pattern_space.len, at = 0;
	long count = 0;
	int done = 0;
	regoff_t prev_end = -1;
	regmatch_t m[10];

	result.len = 0;
	text_reserve(&result, len);
	while (at <= len) {
		if (!find_match(c, re, s, at, len, m))
			break;
		/* An empty match right after the previous match does not count. */
		if (m[0].rm_so == m[0].rm_eo && m[0].rm_so == prev_end) {
			if ((size_t)m[0].rm_so >= len)
				break;
			text_add(&result, s + m[0].rm_so, 1);
			at = m[0].rm_so + 1;
			continue;
		}
		text_add(&result, s + at, m[0].rm_so - at);
		if (++count >= c->nth) {
			add_replacement(&result, c, s, m);
			done = 1;
		} else {
			text_add(&result, s + m[0].rm_so, m[0].rm_eo - m[0].rm_so);
		}
		at = m[0].rm_eo;
		prev_end = m[0].rm_eo;
		if (done && !c->global)
			break;
		if (m[0].rm_so == m[0].rm_eo) {
			if (at >= len)
				break;
			text_add(&result, s + at, 1);	/* step over one byte after an empty match */
			at++;
		}
	}
	if (!done)
		return 0;
	if (at < len)
		text_add(&result, s + at, len - at);
	text_set(&pattern_space, result.s, result.len);
	return 1;
}

static void queue_file(const char *name)
{
	size_t len;
	char *data = read_file(name, &len);

	if (data) {		/* a file that cannot be read is silently ignored (POSIX) */
		text_add(&appended, data, len);
		free(data);
	}
}

/* R: queue the next line of its file (nothing once the file is used up). */
static void queue_line(struct lines *in)
{
	size_t len;
	char *line = in ? lines_next(in, &len) : NULL;

	if (line) {		/* a last line without a newline gets one */
		text_add(&appended, line, len);
		text_add(&appended, "\n", 1);
	}
}

static void flush_appended(void)
{
	if (appended.len == 0)
		return;
	if (missing_newline) {
		putc(line_end, out);
		missing_newline = 0;
	}
	fwrite(appended.s, 1, appended.len, out);
	appended.len = 0;
}

static void end_cycle_output(void)
{
	if (!quiet)
		output(out, pattern_space.s, pattern_space.len);
	flush_appended();
}

/* For P and W: the length of the pattern space up to its first newline. */
static size_t first_line_length(void)
{
	char *nl = memchr(pattern_space.s, line_end, pattern_space.len);

	return nl ? (size_t)(nl - pattern_space.s) : pattern_space.len;
}

/* Everything the command of e writes, for run_command. */
static void read_command_output(FILE *p, struct text *t)
{
	char buf[4096];
	size_t n;

	while ((n = fread(buf, 1, sizeof buf, p)) > 0)
		text_add(t, buf, n);
}

/*
 * e COMMAND: run COMMAND with sh and print its output now. A bare e runs the
 * pattern space as the command and puts the output in its place (without its
 * last newline), as GNU sed.
 */
static void run_command(const char *command)
{
	static struct text result;
	int replace = *command == '\0';
	FILE *p;

	fflush(NULL);
	p = popen(replace ? pattern_space.s : command, "r");
	if (p == NULL)
		die("e: cannot run a command:");
	result.len = 0;
	text_reserve(&result, 0);
	read_command_output(p, &result);
	pclose(p);
	if (replace) {
		if (result.len > 0 && result.s[result.len - 1] == '\n')
			result.len--;
		text_set(&pattern_space, result.s, result.len);
		return;
	}
	if (missing_newline) {
		putc(line_end, out);
		missing_newline = 0;
	}
	fwrite(result.s, 1, result.len, out);
}

/* How a cycle ends: what run_script returns. */
enum cycle_end {
	PRINT_PATTERN_SPACE,	/* the end of the script (or q): print it unless -n */
	RESTART_SAME_LINE,	/* D with a newline left: run again without reading a line */
	NO_PRINT,		/* d, c, Q: the pattern space is not printed */
};

static enum cycle_end run_script(void)
{
	int pc = 0;

	while (pc < ncmds) {
		struct sed_command *c = &cmds[pc++];
		char *nl;
		if (selected(c) == c->negate) {
			if (c->name == '{')
				pc = c->jump;
			continue;
		}
		switch (c->name) {
		case '{': case '}': case ':':
			break;
		case '=':
			fprintf(out, "%ld\n", lineno);
			break;
		case 'a':
			text_add(&appended, c->text, strlen(c->text));
			text_add(&appended, "\n", 1);
			break;
		case 'i':
			output(out, c->text, strlen(c->text));
			break;
		case 'c':
			/* In a range, the text replaces the whole range: print it at its end. */
			if (c->a2.kind == NO_ADDR || !c->in_range || c->negate)
				output(out, c->text, strlen(c->text));
			return NO_PRINT;
		case 'b':
			pc = c->jump;
			break;
		case 't':
		case 'T':
			if (replaced == (c->name == 't'))
				pc = c->jump;
			replaced = 0;
			break;
		case 'd':
			return NO_PRINT;
		case 'D':
			nl = memchr(pattern_space.s, line_end, pattern_space.len);
			if (nl == NULL)
				return NO_PRINT;
			text_set(&pattern_space, nl + 1, pattern_space.s + pattern_space.len - nl - 1);
			flush_appended();
			return RESTART_SAME_LINE;
		case 'e':
			run_command(c->text);
			break;
		case 'g':
			text_set(&pattern_space, hold_space.s ? hold_space.s : "", hold_space.len);
			break;
		case 'G':
			text_add(&pattern_space, &line_end, 1);
			text_add(&pattern_space, hold_space.s ? hold_space.s : "", hold_space.len);
			break;
		case 'h':
			text_set(&hold_space, pattern_space.s, pattern_space.len);
			break;
		case 'H':
			text_add(&hold_space, &line_end, 1);
			text_add(&hold_space, pattern_space.s, pattern_space.len);
			break;
		case 'x': {
			struct text swap = pattern_space;
			pattern_space = hold_space;
			hold_space = swap;
			text_reserve(&pattern_space, 0);
			break;
		}
		case 'l':
			list_text(pattern_space.s, pattern_space.len, c->line_width);
			break;
		case 'n':
			if (!have_pending && !(separate && next_file < nfiles)) {
				quit_now = 1;	/* no next line: end as at the end of the script */
				return PRINT_PATTERN_SPACE;
			}
			end_cycle_output();
			read_line(&pattern_space, 0);
			break;
		case 'N':
			if (!have_pending && !(separate && next_file < nfiles)) {
				quit_now = 1;	/* GNU prints the pattern space; POSIX would not */
				return PRINT_PATTERN_SPACE;
			}
			flush_appended();
			read_line(&pattern_space, 1);
			break;
		case 'p':
			output(out, pattern_space.s, pattern_space.len);
			break;
		case 'P':
			output(out, pattern_space.s, first_line_length());
			break;
		case 'q':
			quit_now = 1;
			exit_status = c->exit_status;
			return PRINT_PATTERN_SPACE;
		case 'Q':
			quit_now = 1;
			exit_status = c->exit_status;
			return NO_PRINT;
		case 'r':
			queue_file(c->text);
			break;
		case 'R':
			queue_line(c->rfile);
			break;
		case 'F':	/* GNU: the input file's name, - for standard input */
			fprintf(out, "%s\n", current_name);
			break;
		case 's':
			if (!substitute(c))
				break;
			replaced = 1;
			if (c->print)
				output(out, pattern_space.s, pattern_space.len);
			if (c->wfile)
				output(c->wfile, pattern_space.s, pattern_space.len);
			break;
		case 'w':
			output(c->wfile, pattern_space.s, pattern_space.len);
			break;
		case 'W':	/* GNU: the first line of the pattern space only */
			output(c->wfile, pattern_space.s, first_line_length());
			break;
		case 'y':
			for (size_t i = 0; i < pattern_space.len; i++)
				pattern_space.s[i] = c->map[(unsigned char)pattern_space.s[i]];
			break;
		case 'z':
			pattern_space.len = 0;
			pattern_space.s[0] = '\0';
			break;
		}
	}
	return PRINT_PATTERN_SPACE;
}

/* Every cycle over the files in files[next_file..nfiles). */
static void run(void)
{
	enum cycle_end end = PRINT_PATTERN_SPACE;

	text_reserve(&pattern_space, 0);
	text_reserve(&hold_space, 0);
	advance();
	while (end == RESTART_SAME_LINE || read_line(&pattern_space, 0)) {
		if (end != RESTART_SAME_LINE)
			replaced = 0;
		end = run_script();
		if (end == PRINT_PATTERN_SPACE)
			end_cycle_output();
		else if (end == NO_PRINT)
			flush_appended();
		if (quit_now)
			break;
	}
	/* q: the rest of an in-place file is dropped, as with GNU sed; close it properly */
	if (in_open)
		close_file();
}

/* ---- options ---- */

static void add_script(struct text *all, const char *piece, size_t len)
{
	if (all->len > 0)
		text_add(all, "\n", 1);
	text_add(all, piece, len);
}

static void add_script_file(struct text *all, const char *path)
{
	size_t len;
	char *data = read_file(path, &len);

	if (data == NULL)
		die("couldn't open file %s:", path);
	if (len > 0 && data[len - 1] == '\n')
		len--;
	add_script(all, data, len);
	free(data);
}

/* The options; returns the index of the first operand. -e and -f add to all. */
static int parse_options(int argc, char **argv, struct text *all, int *have_script)
{
	struct options o;
	int c;

	options_start(&o, argc, argv, "nErsuzi::e:f:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'n': quiet = 1; break;
		case 'E': case 'r': extended = 1; break;
		case 's': separate = 1; break;
		case 'u': break;	/* output is flushed at the end of each file anyway */
		case 'z': line_end = '\0'; break;
		case 'i':
			in_place = separate = 1;
			backup_suffix = o.arg;
			break;
		case 'e':
			add_script(all, o.arg, strlen(o.arg));
			*have_script = 1;
			break;
		case 'f':
			add_script_file(all, o.arg);
			*have_script = 1;
			break;
		}
	}
	return o.index;
}

/* write_new_file's fill for -i: every cycle over the one file in files[], into fd. */
static int edit_into(int fd, void *name)
{
	int failed_before = status;

	out = fdopen(dup(fd), "w");
	if (out == NULL)
		die("%s:", (char *)name);
	missing_newline = 0;	/* a file's missing last newline stays its own */
	run();
	if (fflush(out) != 0 || ferror(out)) {
		warn("couldn't edit %s: write error:", (char *)name);
		status = 4;
	}
	fclose(out);
	out = stdout;
	return status != failed_before;	/* unreadable: the file is left as it was */
}

/* -i SUFFIX: keep the old file as NAME.SUFFIX (a second name for it, before it is replaced). */
static int make_backup(const char *name)
{
	char *backup = xmalloc(strlen(name) + strlen(backup_suffix) + 1);
	int result;

	sprintf(backup, "%s%s", name, backup_suffix);
	unlink(backup);
	result = link(name, backup);
	if (result < 0)
		warn("cannot make backup %s:", backup);
	free(backup);
	return result;
}

/* sed -i: each file edited on its own and replaced whole (or not at all). */
static void edit_files_in_place(char **names, int count)
{
	for (int i = 0; i < count && !quit_now; i++) {
		struct stat st;
		if (stat(names[i], &st) < 0) {
			warn("can't read %s:", names[i]);
			status = 2;
			continue;
		}
		if (!S_ISREG(st.st_mode)) {
			warn("couldn't edit %s: not a regular file", names[i]);
			status = 4;
			continue;
		}
		if (backup_suffix && make_backup(names[i]) < 0) {
			status = 4;
			continue;
		}
		/* The edited file is a new version: it gets the time of now, not the old one's. */
		st.st_atim.tv_nsec = st.st_mtim.tv_nsec = UTIME_NOW;
		files = names + i;
		nfiles = 1;
		next_file = 0;
		if (write_new_file(names[i], &st, edit_into, names[i]) != 0 && status == 0)
			status = 4;
	}
}

int sed_main(int argc, char **argv)
{
	struct text all = { 0 };
	static char *stdin_only[] = { "-", NULL };
	int first, have_script = 0;

	text_reserve(&all, 0);
	first = parse_options(argc, argv, &all, &have_script);
	if (!have_script) {
		if (first == argc)
			usage_error(usage, "no script given");
		add_script(&all, argv[first], strlen(argv[first]));
		first++;
	}
	files = argv + first;
	nfiles = argc - first;
	script = all.s;
	parse_script();
	out = stdout;
	if (in_place) {
		if (nfiles == 0)
			usage_error(usage, "no input files for -i");
		edit_files_in_place(files, nfiles);
		return exit_status ? exit_status : status;
	}
	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	stdout_big_buffer();
	run();
	if (flush_stdout() < 0)
		return 4;
	return exit_status ? exit_status : status;
}
