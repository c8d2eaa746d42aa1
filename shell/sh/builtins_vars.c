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
#include "sh.h"

/* export and readonly: mark names (name=value also assigns); -p or nothing lists. */
static int mark_builtin(int argc, char **argv, int flag, const char *prefix)
{
	int status = 0, i = 1;

	if (i < argc && strcmp(argv[i], "-p") == 0)
		i++;
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
			status = 1;
			continue;
		}
		if (eq && (var_flags(argv[i]) & V_READONLY) == 0)
			var_assign(argv[i], flag);
		else if (eq && var_assign(argv[i], flag) < 0)
			status = 1;
		else
			var_mark(argv[i], flag);
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
		return 2;
	}
	if (n > positional.count) {
		sh_warn("shift: can't shift that many");
		return 2;
	}
	for (int i = 0; i < n; i++)
		free(positional.v[i]);
	memmove(positional.v, positional.v + n, (positional.count - n + 1) * sizeof *positional.v);
	positional.count -= n;
	return 0;
}

/* ---- read ---- */

static int is_ifs_white(char c, const char *ifs)
{
	return (c == ' ' || c == '\t' || c == '\n') && strchr(ifs, c);
}

/*
 * Split line into the variables (2.6.5 rules, the last one gets the rest of
 * the line). Characters escaped by a backslash were marked with a leading \001
 * by read_line when -r was not given, so they never split.
 */
static void assign_fields(char *line, const char *escaped, char **names, int count)
{
	const char *ifs = var_get("IFS");
	size_t len = strlen(line), pos = 0;

	if (ifs == NULL)
		ifs = " \t\n";
	for (int n = 0; n < count; n++) {
		struct strbuf value = { 0 };
		while (pos < len && !escaped[pos] && is_ifs_white(line[pos], ifs))
			pos++;
		if (n == count - 1) {
			size_t end = len;
			while (end > pos && !escaped[end - 1] && is_ifs_white(line[end - 1], ifs))
				end--;
			sb_addn(&value, line + pos, end - pos);
			pos = len;
		} else {
			while (pos < len && (escaped[pos] || !strchr(ifs, line[pos])))
				sb_addc(&value, line[pos++]);
			if (pos < len && !is_ifs_white(line[pos], ifs))
				pos++;	/* one non-blank delimiter */
			while (pos < len && !escaped[pos] && is_ifs_white(line[pos], ifs))
				pos++;
		}
		var_set(names[n], value.s ? value.s : "", 0);
		free(value.s);
	}
}

/* Read one line from fd 0 a byte at a time. Returns 0 at end of input before a newline. */
static int read_line(struct strbuf *line, struct strbuf *escaped, int raw)
{
	char c;
	ssize_t n;

	for (;;) {
		n = read(STDIN_FILENO, &c, 1);
		if (n < 0 && errno == EINTR) {
			if (pending_signals)
				return -1;
			continue;
		}
		if (n <= 0)
			return 0;
		if (c == '\\' && !raw) {
			if (read(STDIN_FILENO, &c, 1) != 1)
				return 0;
			if (c == '\n')
				continue;	/* a line continuation */
			sb_addc(line, c);
			sb_addc(escaped, 1);
			continue;
		}
		if (c == '\n')
			return 1;
		sb_addc(line, c);
		sb_addc(escaped, 0);
	}
}

int read_builtin(int argc, char **argv)
{
	struct strbuf line = { 0 }, escaped = { 0 };
	int raw = 0, i = 1, result;
	static char *reply[] = { "REPLY", NULL };

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "-r") == 0) {
			raw = 1;
		} else if (strcmp(argv[i], "-p") == 0 && i + 1 < argc) {
			fputs(argv[++i], stderr);
			fflush(stderr);
		} else {
			sh_warn("read: %s: bad option", argv[i]);
			return 2;
		}
	}
	for (int k = i; k < argc; k++) {
		if (!is_name(argv[k], strlen(argv[k]))) {
			sh_warn("read: %s: bad variable name", argv[k]);
			return 2;
		}
	}
	result = read_line(&line, &escaped, raw);
	if (result < 0)
		return 128 + SIGINT;
	sb_addc(&line, 0);
	sb_addc(&escaped, 0);
	if (i < argc)
		assign_fields(line.s, escaped.s, argv + i, argc - i);
	else
		assign_fields(line.s, escaped.s, reply, 1);
	free(line.s);
	free(escaped.s);
	return result ? 0 : 1;
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
