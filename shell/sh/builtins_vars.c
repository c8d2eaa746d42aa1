/*
 * builtins_vars.c: builtins about variables and parameters: export readonly
 * unset set shift local read getopts (POSIX XCU 2.14 and the utilities'
 * own pages; `local` is the common extension of dash, bash and ash).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include "duration.h"
#include "sh.h"

/* export and readonly: mark names (name=value also assigns); -p or nothing lists. */
static int mark_builtin(int argc, char **argv, int flag, const char *prefix)
{
	int status = 0, i = 1, unexport = 0;

	if (i < argc && strcmp(argv[i], "-p") == 0)
		i++;
	if (flag == V_EXPORT && i < argc && strcmp(argv[i], "-n") == 0) {
		unexport = 1;	/* export -n NAME: no longer exported (ash, bash) */
		i++;
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc) {
		var_print(prefix, flag);
		return 0;
	}
	for (; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');
		size_t len = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
		if (!is_name(argv[i], len)) {
			sh_warn("%s: %s: bad variable name", prefix, argv[i]);
			status = special_builtin_error(1);
			continue;
		}
		if (unexport)
			var_unexport(argv[i]);
		else if (eq == NULL)
			var_mark(argv[i], flag);
		else if (var_assign(argv[i], flag) < 0)
			status = special_builtin_error(1);
	}
	return status;
}

int export_builtin(int argc, char **argv)
{
	return mark_builtin(argc, argv, V_EXPORT, "export");
}

int readonly_builtin(int argc, char **argv)
{
	return mark_builtin(argc, argv, V_READONLY, "readonly");
}

int unset_builtin(int argc, char **argv)
{
	int functions = 0, status = 0, i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		functions = strcmp(argv[i], "-f") == 0;
	}
	for (; i < argc; i++) {
		if (functions)
			func_unset(argv[i]);
		else if (var_unset(argv[i]) < 0)
			status = 1;
	}
	return status;
}

int local_builtin(int argc, char **argv)
{
	int status = 0;

	if (func_depth == 0) {
		sh_warn("local: not in a function");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');
		if (!is_name(argv[i], eq ? (size_t)(eq - argv[i]) : strlen(argv[i]))) {
			sh_warn("local: %s: bad variable name", argv[i]);
			status = 1;
		} else if (var_make_local(argv[i]) < 0) {
			status = 1;
		}
	}
	return status;
}

/* ---- set and shift ---- */

/* One word of options like -eu, +x or -o name; returns 0, or 2 after a message. */
static int set_option_word(char **argv, int *i)
{
	const char *word = argv[*i];
	int on = word[0] == '-';

	for (const char *p = word + 1; *p; p++) {
		if (*p == 'o') {
			const char *name = argv[*i + 1];
			if (name == NULL) {
				print_options(!on);
				continue;
			}
			(*i)++;
			if (set_option(name, 0, on) < 0)
				sh_error(2, "set: %s: bad option name", name);
		} else if (set_option(NULL, *p, on) < 0) {
			sh_error(2, "set: %c%c: bad option", word[0], *p);
		}
	}
	return 0;
}

int set_builtin(int argc, char **argv)
{
	int i = 1, set_params = 0;

	if (argc == 1) {
		var_print(NULL, 0);
		return 0;
	}
	for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+'); i++) {
		if (strcmp(argv[i], "--") == 0 || strcmp(argv[i], "-") == 0) {
			if (argv[i][1] == '\0')
				sh_opt.xtrace = sh_opt.verbose = 0;
			set_params = 1;
			i++;
			break;
		}
		if (set_option_word(argv, &i) != 0)
			return 2;
	}
	if (i < argc || set_params)
		positional_set(argv + i, argc - i);
	return 0;
}

int shift_builtin(int argc, char **argv)
{
	long long n = 1;

	if (argc > 1 && (parse_long(argv[1], &n) < 0 || n < 0)) {
		sh_warn("shift: %s: bad number", argv[1]);
		return special_builtin_error(2);
	}
	if (n > positional.count) {
		sh_warn("shift: can't shift that many");
		return special_builtin_error(2);
	}
	for (int i = 0; i < n; i++)
		free(positional.v[i]);
	memmove(positional.v, positional.v + n, (positional.count - n + 1) * sizeof *positional.v);
	positional.count -= n;
	return 0;
}

/* ---- read ---- */

/* The input line of read; escaped[i] is set for a character a backslash quoted. */
struct read_line {
	struct strbuf text, escaped;
};

static int is_ifs_white(struct read_line *l, size_t i, const char *ifs)
{
	char c = l->text.s[i];

	return !l->escaped.s[i] && (c == ' ' || c == '\t' || c == '\n') && strchr(ifs, c);
}

static int is_ifs(struct read_line *l, size_t i, const char *ifs)
{
	return !l->escaped.s[i] && l->text.s[i] != '\0' && strchr(ifs, l->text.s[i]);
}

/* Past one field delimiter at pos (2.6.5): IFS white space, at most one other IFS character, white space. */
static size_t skip_delimiter(struct read_line *l, size_t pos, const char *ifs)
{
	size_t len = l->text.len;

	while (pos < len && is_ifs_white(l, pos, ifs))
		pos++;
	if (pos < len && is_ifs(l, pos, ifs) && !is_ifs_white(l, pos, ifs)) {
		pos++;
		while (pos < len && is_ifs_white(l, pos, ifs))
			pos++;
	}
	return pos;
}

static size_t field_end(struct read_line *l, size_t pos, const char *ifs)
{
	while (pos < l->text.len && !is_ifs(l, pos, ifs))
		pos++;
	return pos;
}

/*
 * The last variable gets the rest of the line without its trailing IFS white
 * space; if that rest is one field and the delimiter after it, it gets the
 * field alone ("a,b," read into x y with IFS="," sets y to "b").
 */
static size_t last_field_end(struct read_line *l, size_t start, const char *ifs)
{
	size_t end = l->text.len, field = field_end(l, start, ifs);

	while (end > start && is_ifs_white(l, end - 1, ifs))
		end--;
	if (field < end && skip_delimiter(l, field, ifs) >= end)
		return field;
	return end;
}

/* Split the line into the variables by the rules of field splitting (2.6.5). */
static void assign_fields(struct read_line *l, char **names, int count)
{
	const char *ifs = var_get("IFS");
	size_t pos = 0, len = l->text.len;

	if (ifs == NULL)
		ifs = " \t\n";
	while (pos < len && is_ifs_white(l, pos, ifs))
		pos++;
	for (int n = 0; n < count; n++) {
		size_t start = pos, end;
		char *value;
		if (n == count - 1) {
			end = last_field_end(l, start, ifs);
		} else {
			end = field_end(l, start, ifs);
			pos = skip_delimiter(l, end, ifs);
		}
		value = xstrndup(l->text.s + start, end - start);
		var_set(names[n], value, 0);
		free(value);
	}
}

struct read_options {
	int raw;		/* -r: a backslash is an ordinary character */
	int delim;		/* -d: the line ends at this byte (newline by default) */
	long chars;		/* -n: at most this many characters (-1: no limit) */
	int fd;			/* -u */
	long long deadline;	/* -t: the monotonic time to give up at, or -1 */
};

/* Wait until fd has input; 0, or -1 when the deadline passed. */
static int wait_for_input(const struct read_options *o)
{
	struct pollfd p = { .fd = o->fd, .events = POLLIN };
	long long left;

	if (o->deadline < 0)
		return 0;
	left = o->deadline - monotonic_nanoseconds();
	if (left <= 0 || poll(&p, 1, (int)((left + 999999) / 1000000)) == 0)
		return -1;
	return 0;
}

enum { READ_LINE = 1, READ_END = 0, READ_SIGNAL = -1, READ_TIMEOUT = -2 };

/*
 * Read one line (up to the delimiter, or -n characters) into l, never past
 * its end: the rest of the input belongs to the next command. Without -r a
 * backslash quotes the next character and backslash-newline is removed.
 */
static int read_input(struct read_line *l, const struct read_options *o)
{
	char block[512];
	int backslash = 0;
	long count = 0;

	for (;;) {
		size_t want = sizeof block;
		ssize_t n;
		if (o->chars >= 0 && (size_t)(o->chars - count) < want)
			want = o->chars - count;
		if (want == 0)
			return READ_LINE;
		if (wait_for_input(o) < 0)
			return READ_TIMEOUT;
		n = read_until(o->fd, block, want, o->delim);
		if (n < 0 && errno == EINTR) {
			if (pending_signals)
				return READ_SIGNAL;
			continue;
		}
		if (n <= 0)
			return READ_END;
		for (ssize_t i = 0; i < n; i++) {
			char c = block[i];
			if (backslash) {
				backslash = 0;
				if (c == '\n')
					continue;	/* a line continuation */
				sb_addc(&l->text, c);
				sb_addc(&l->escaped, 1);
				count++;
			} else if (c == '\\' && !o->raw) {
				backslash = 1;
			} else if (c == (char)o->delim) {
				return READ_LINE;
			} else {
				sb_addc(&l->text, c);
				sb_addc(&l->escaped, 0);
				count++;
			}
		}
	}
}

/* -s: no echo while reading from a terminal; returns 1 if the settings must be put back. */
static int echo_off(int fd, struct termios *saved)
{
	struct termios quiet;

	if (tcgetattr(fd, saved) < 0)
		return 0;
	quiet = *saved;
	quiet.c_lflag &= ~(ECHO | ECHONL);
	tcsetattr(fd, TCSANOW, &quiet);
	return 1;
}

static int read_option_value(char letter, const char *value, struct read_options *o)
{
	long long n;

	switch (letter) {
	case 'd':
		o->delim = (unsigned char)value[0];
		return 0;
	case 'n':
		if (parse_long(value, &n) < 0 || n < 0)
			break;
		o->chars = n;
		return 0;
	case 'u':
		if (parse_long(value, &n) < 0 || n < 0 || n > 65535 || fcntl(n, F_GETFD) < 0)
			break;
		o->fd = n;
		return 0;
	case 't':
		if (parse_duration(value, &n) < 0)
			break;
		o->deadline = monotonic_nanoseconds() + n;
		return 0;
	}
	sh_warn("read: %s: bad %s", value, letter == 'u' ? "file descriptor" : "number");
	return -1;
}

/*
 * read [-rs] [-d DELIM] [-n N] [-p PROMPT] [-t SECONDS] [-u FD] [NAME...]
 * POSIX gives -r; the others are ash's and bash's.
 */
int read_builtin(int argc, char **argv)
{
	struct read_options o = { .delim = '\n', .chars = -1, .fd = STDIN_FILENO, .deadline = -1 };
	struct read_line l = { 0 };
	struct termios saved;
	const char *prompt = NULL;
	int silent = 0, restore = 0, i = 1, result;
	static char *reply[] = { "REPLY", NULL };

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *p = argv[i] + 1;
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (; *p; p++) {
			if (*p == 'r' || *p == 's') {
				o.raw |= *p == 'r';
				silent |= *p == 's';
				continue;
			}
			if (!strchr("dnptu", *p)) {
				sh_warn("read: -%c: bad option", *p);
				return 2;
			}
			const char *value = p[1] ? p + 1 : argv[++i];
			if (value == NULL) {
				sh_warn("read: -%c: option requires an argument", *p);
				return 2;
			}
			if (*p == 'p')
				prompt = value;
			else if (read_option_value(*p, value, &o) < 0)
				return 2;
			break;
		}
	}
	for (int k = i; k < argc; k++) {
		if (!is_name(argv[k], strlen(argv[k]))) {
			sh_warn("read: %s: bad variable name", argv[k]);
			return 2;
		}
	}
	if (prompt) {
		fputs(prompt, stderr);
		fflush(stderr);
	}
	if (silent)
		restore = echo_off(o.fd, &saved);
	result = read_input(&l, &o);
	if (restore)
		tcsetattr(o.fd, TCSANOW, &saved);
	if (result == READ_SIGNAL)
		return 128 + pending_signal_number();
	if (result == READ_TIMEOUT)
		return 1;	/* as ash: nothing is assigned */
	sb_addc(&l.text, 0);
	sb_addc(&l.escaped, 0);
	l.text.len--;
	l.escaped.len--;
	assign_fields(&l, i < argc ? argv + i : reply, i < argc ? argc - i : 1);
	free(l.text.s);
	free(l.escaped.s);
	return result == READ_LINE ? 0 : 1;
}

/* ---- getopts ---- */

/* Where getopts is inside a word like -abc, and the OPTIND it last set. */
static int getopts_char = 1;
static long getopts_last_optind = -1;

static void set_number(const char *name, long n)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%ld", n);
	var_set(name, buf, 0);
}

static void set_letter(const char *name, char c)
{
	char buf[2] = { c, '\0' };

	var_set(name, buf, 0);
}

/* Finish a getopts call: store OPTIND and the letter. */
static int getopts_result(long index, const char *var, char letter, int status)
{
	set_number("OPTIND", index);
	getopts_last_optind = index;
	set_letter(var, letter);
	return status;
}

int getopts_builtin(int argc, char **argv)
{
	const char *spec, *found, *optind_text = var_get("OPTIND");
	char **args = argc > 3 ? argv + 3 : positional.v;
	int count = argc > 3 ? argc - 3 : positional.count;
	long index = optind_text ? atol(optind_text) : 1;
	int silent;
	char c;

	if (argc < 3) {
		sh_warn("getopts: usage: getopts optstring name [arg...]");
		return 2;
	}
	spec = argv[1];
	silent = spec[0] == ':';
	if (index != getopts_last_optind || index < 1)
		getopts_char = 1;
	if (index < 1)
		index = 1;
	if (index > count || args[index - 1][0] != '-' || args[index - 1][1] == '\0')
		return getopts_result(index, argv[2], '?', 1);
	if (getopts_char == 1 && strcmp(args[index - 1], "--") == 0)
		return getopts_result(index + 1, argv[2], '?', 1);
	c = args[index - 1][getopts_char++];
	found = c == ':' ? NULL : strchr(spec, c);
	var_unset("OPTARG");
	if (found == NULL) {
		if (silent)
			set_letter("OPTARG", c);
		else
			fprintf(stderr, "%s: illegal option -- %c\n", arg0, c);
		c = '?';
	} else if (found[1] == ':') {
		if (args[index - 1][getopts_char]) {
			var_set("OPTARG", args[index - 1] + getopts_char, 0);
		} else if (index < count) {
			var_set("OPTARG", args[index], 0);
			index++;
		} else {
			if (silent) {
				set_letter("OPTARG", c);
				c = ':';
			} else {
				fprintf(stderr, "%s: option requires an argument -- %c\n", arg0, c);
				c = '?';
			}
		}
		getopts_char = 1;
		index++;
		return getopts_result(index, argv[2], c, 0);
	}
	if (args[index - 1][getopts_char] == '\0') {
		getopts_char = 1;
		index++;
	}
	return getopts_result(index, argv[2], c, 0);
}
