/*
 * find: search directory trees for files that match an expression (POSIX find,
 * with GNU's -iname -mmin -maxdepth -mindepth -empty -print0 -delete -regex
 * -printf).
 *
 * The expression is parsed into a tree by recursive descent, following POSIX's
 * precedence from loosest to tightest:
 *	or:	and -o and ...
 *	and:	not [-a] not ...	(two primaries side by side mean -a)
 *	not:	! not | primary
 *	primary: ( or ) | -name PATTERN | -print | ...
 * Then the tree is evaluated for every file of every starting point, with
 * -a and -o short-circuiting like && and || in C.
 */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "mini.h"
#include "ask.h"
#include "escape.h"
#include "lines.h"
#include "runcmd.h"
#include "modes.h"
#include "pattern.h"
#include "timefmt.h"
#include "tree.h"
#include "users.h"

static const char usage[] =
	"Usage: find [-H|-L|-P] [PATH]... [EXPRESSION]\n"
	"Walk each PATH (. when none) and act on the files for which EXPRESSION is true.\n"
	"-L follows every symlink, -H those named as PATH, -P none (the default).\n"
	"Tests (N: exactly N, +N more than N, -N less than N):\n"
	"  -name PAT -iname PAT -path PAT  shell pattern on the name / the whole path\n"
	"  -regex RE -iregex RE  a basic regular expression (BRE) matching the whole path\n"
	"  -type [bcdflps]  -size N[ckMG]  -links N  -user NAME  -group NAME\n"
	"  -mtime N (days)  -mmin N (minutes)  -newer FILE  -empty\n"
	"  -atime -amin -ctime -cmin: the same for the access and status change times\n"
	"  -perm MODE (exactly), -perm -MODE (all of), -perm /MODE (any of)\n"
	"Actions: -print -print0 -delete -prune -quit -exec CMD {} ; -exec CMD {} + -ok CMD {} ;\n"
	"  -printf FORMAT: print FORMAT, no newline added; \\n \\t \\0 \\\\ \\NNN escapes and\n"
	"  %p path  %f name  %h its directory  %P path below the starting point  %d depth\n"
	"  %s size  %k 1K blocks  %b 512-byte blocks  %n links  %i inode  %l symlink target\n"
	"  %m octal mode  %M -rwxr-xr-x  %u %g user, group  %U %G their numbers\n"
	"  %y type letter  %Y its target's  %t %a %c mtime, atime, ctime as ctime(3)\n"
	"  %Tk %Ak %Ck: k a strftime letter, @ seconds since 1970, + date+time  %% a %\n"
	"  Width and precision work as in printf: %-10f %.3p. Any other % is an error.\n"
	"Options: -maxdepth N -mindepth N -xdev -depth\n"
	"Operators: ( EXPR ) ! EXPR EXPR -a EXPR EXPR -o EXPR (or -not -and -or); -true -false\n";

struct node;
typedef int test_fn(struct node *n, const char *path, const struct stat *st);

/* A node of the expression tree: an operator, or a primary with its argument. */
struct node {
	enum { AND, OR, NOT, PRIMARY } kind;
	struct node *left, *right;	/* operands of AND, OR; NOT uses left */
	test_fn *test;			/* PRIMARY: the test or action */
	const char *text;		/* a pattern, a name, the -type letter */
	char compare;			/* '+' more, '-' less, '=' exactly; for -perm '-' '/' '=' */
	long long number;
	long long unit;			/* -size: bytes per unit; -mtime, -mmin: seconds */
	long long seconds;		/* -newer: the file's time, in full, */
	long nanoseconds;		/* and its fraction */
	regex_t *regex;			/* -regex, -iregex */
	char **argv;			/* -exec, -ok: the command, ending at {} or ; */
	int argc;
	char **batch;			/* -exec ... {} +: paths waiting to be run */
	size_t batch_count, batch_bytes;
};

/* What the whole run needs to know. */
static struct {
	char **args;			/* the expression's words */
	int pos, count;
	int max_depth, min_depth, depth_first, one_file_system;
	int has_action;			/* no action given: -print is implied */
	int needs_status;		/* a primary looks at more of a file than its name and type */
	int pruned;			/* -prune said: do not enter this directory */
	int quit;			/* -quit said: stop here */
	int status;
	time_t now;
	const char *start;		/* the starting point being walked, for -printf %P */
	int depth;			/* the depth of the file being judged, for -printf %d */
	struct node **batches;		/* the -exec ... + nodes, run once more at the end */
	int batch_nodes;
} find;

/* ---- the tests ---- */

/* "+N" "-N" "N": the sign becomes n->compare, and the number is returned. */
static long long parse_number(struct node *n, const char *s, char *unit)
{
	long long value;
	char *end;

	n->compare = *s == '+' || *s == '-' ? *s++ : '=';
	if (*s < '0' || *s > '9')
		usage_error(usage, "invalid number '%s'", s);
	value = strtoll(s, &end, 10);
	if (unit)
		*unit = *end ? *end++ : 0;
	if (*end)
		usage_error(usage, "invalid number '%s'", s);
	return value;
}

static int compare(const struct node *n, long long value)
{
	if (n->compare == '+')
		return value > n->number;
	if (n->compare == '-')
		return value < n->number;
	return value == n->number;
}

static int test_name(struct node *n, const char *path, const struct stat *st)
{
	return pattern_match(n->text, base_name(path), n->number) == 0;
}

static int test_path(struct node *n, const char *path, const struct stat *st)
{
	return pattern_match(n->text, path, 0) == 0;
}

/*
 * -regex and -iregex: the whole path must match. regexec() finds the leftmost
 * of the longest matches, so when any match covers the whole path, that one does.
 */
static int test_regex(struct node *n, const char *path, const struct stat *st)
{
	regmatch_t match;

	return regexec(n->regex, path, 1, &match, 0) == 0 && match.rm_so == 0 && path[match.rm_eo] == '\0';
}

/* The letters of -type and -printf %y, and the file types they stand for. */
static const char type_letters[] = "bcdflps";
static const mode_t type_modes[] = { S_IFBLK, S_IFCHR, S_IFDIR, S_IFREG, S_IFLNK, S_IFIFO, S_IFSOCK };

static int test_type(struct node *n, const char *path, const struct stat *st)
{
	return (st->st_mode & S_IFMT) == type_modes[strchr(type_letters, n->text[0]) - type_letters];
}

/* -size N: in 512-byte blocks rounded up, or in the unit after N (c bytes, k, M, G). */
static int test_size(struct node *n, const char *path, const struct stat *st)
{
	return compare(n, (st->st_size + n->unit - 1) / n->unit);
}

/*
 * -mtime -atime -ctime and -mmin -amin -cmin: whole days or minutes since the
 * modification, access or status change (n->text says which), rounded down.
 */
static int test_age(struct node *n, const char *path, const struct stat *st)
{
	return compare(n, (find.now - file_seconds(path, st, n->text[0])) / n->unit);
}

static int test_newer(struct node *n, const char *path, const struct stat *st)
{
	long long seconds = file_seconds(path, st, 'm');

	return seconds > n->seconds || (seconds == n->seconds && st->st_mtim.tv_nsec > n->nanoseconds);
}

static int test_perm(struct node *n, const char *path, const struct stat *st)
{
	mode_t mode = st->st_mode & 07777, want = n->number;

	if (n->compare == '-')
		return (mode & want) == want;
	if (n->compare == '/')
		return want == 0 || (mode & want) != 0;
	return mode == want;
}

static int test_user(struct node *n, const char *path, const struct stat *st)
{
	return st->st_uid == (uid_t)n->number;
}

static int test_group(struct node *n, const char *path, const struct stat *st)
{
	return st->st_gid == (gid_t)n->number;
}

static int test_links(struct node *n, const char *path, const struct stat *st)
{
	return compare(n, st->st_nlink);
}

static int test_empty(struct node *n, const char *path, const struct stat *st)
{
	DIR *dir;
	struct dirent *e;
	int empty = 1;

	if (S_ISREG(st->st_mode))
		return st->st_size == 0;
	if (!S_ISDIR(st->st_mode) || (dir = opendir(path)) == NULL)
		return 0;
	while (empty && (e = readdir(dir)) != NULL)
		empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
	closedir(dir);
	return empty;
}

static int always_true(struct node *n, const char *path, const struct stat *st)
{
	return 1;
}

static int always_false(struct node *n, const char *path, const struct stat *st)
{
	return 0;
}

/* ---- the actions ---- */

static int action_print(struct node *n, const char *path, const struct stat *st)
{
	fputs(path, stdout);
	putchar(n->number);	/* '\n', or '\0' for -print0 */
	return 1;
}

/* ---- -printf ---- */

/* The directive letters -printf knows; T A C take one more letter: TIME_KEYS. */
static const char directive_letters[] = "pfhPdskbnilmMugUGyYtacTAC%";
static const char time_keys[] = "@+aAbBcCdDeFgGhHIjklmMnprRsStTuUVwWxXyYzZ";

/* One %-directive of -printf, like %-10.3p. */
struct directive {
	int left;		/* '-': pad on the right */
	int width, precision;	/* precision -1: none */
	char letter, time_key;	/* %Tk: 'T' and k */
};

/* The digits at *s as a number (one too large to be useful is kept at a million). */
static int parse_count(const char **s)
{
	int value = 0;

	for (; **s >= '0' && **s <= '9'; (*s)++)
		if (value < 1000000)
			value = value * 10 + **s - '0';
	return value;
}

/* Read the directive at s (just after its '%') into d; returns where it ends. */
static const char *parse_directive(const char *s, struct directive *d)
{
	d->left = *s == '-';
	s += d->left;
	d->width = parse_count(&s);
	d->precision = -1;
	if (*s == '.') {
		s++;
		d->precision = parse_count(&s);
	}
	d->letter = *s;
	d->time_key = 0;
	if (*s)
		s++;
	if (d->letter && strchr("tac", d->letter)) {
		/* %t is %Tc: ctime(3)'s layout is the C locale's strftime %c. */
		d->time_key = 'c';
		d->letter += 'A' - 'a';
	} else if (d->letter && strchr("TAC", d->letter)) {
		d->time_key = *s;
		if (*s)
			s++;
	}
	return s;
}

static int directive_is_known(const struct directive *d)
{
	if (d->letter == '\0' || !strchr(directive_letters, d->letter))
		return 0;
	return !strchr("TAC", d->letter) || (d->time_key && strchr(time_keys, d->time_key));
}

/* An unknown directive is an error when the expression is read, not output. */
static void check_format(const char *format)
{
	const char *s = format, *percent;
	struct directive d;

	while (*s) {
		if (*s == '\\') {
			s++;
			if (decode_escape(&s, 0) == ESCAPE_STOP)
				return;
		} else if (*s++ == '%') {
			percent = s - 1;
			s = parse_directive(s, &d);
			if (!directive_is_known(&d))
				usage_error(usage, "unknown -printf directive '%.*s'", (int)(s - percent), percent);
		}
	}
}

/* Whether -printf FORMAT shows more of a file than its name, depth and type (%p %y...). */
static int format_needs_status(const char *format)
{
	const char *s = format;
	struct directive d;

	while ((s = strchr(s, '%')) != NULL) {
		s = parse_directive(s + 1, &d);
		if (!strchr("pfhPdyY%", d.letter))
			return 1;
	}
	return 0;
}

/* The letter of -type for mode, or 'U' for a type find has no letter for. */
static char type_letter(mode_t mode)
{
	for (int i = 0; type_letters[i]; i++)
		if ((mode & S_IFMT) == type_modes[i])
			return type_letters[i];
	return 'U';
}

/* %Y: the type of what a symlink points to; N when nothing, L for a loop. */
static char target_type_letter(const char *path, const struct stat *st)
{
	struct stat target;

	if (!S_ISLNK(st->st_mode))
		return type_letter(st->st_mode);
	if (stat(path, &target) == 0)
		return type_letter(target.st_mode);
	return errno == ELOOP ? 'L' : 'N';
}

/* %l: what the symlink at path points to; nothing for other files. */
static void link_target(const char *path, const struct stat *st, char *buf, size_t size)
{
	ssize_t length = S_ISLNK(st->st_mode) ? readlink(path, buf, size - 1) : 0;

	buf[length > 0 ? length : 0] = '\0';
}

/*
 * %Tk %Ak %Ck into buf: k is a strftime letter, @ or +; which is 'm', 'a' or 'c'.
 * A date past the 32-bit time_t is "?", said on stderr (find then fails at the end);
 * @, the seconds since 1970, needs no time_t.
 */
static void time_directive_text(char *buf, size_t size, const char *path, const struct stat *st,
				char which, char key)
{
	char format[] = { '%', key, '\0' };
	long long seconds = file_seconds(path, st, which);

	if (key == '@') {
		snprintf(buf, size, "%lld", seconds);
	} else if (format_time(buf, size, key == '+' ? "%Y-%m-%d+%H:%M:%S" : format, seconds, 0) < 0) {
		warn("%s: %s", path, TIME_RANGE_MESSAGE);
		find.status = 1;
		return;
	}
	/* GNU find gives @ and + ten digits of fraction (the nanoseconds and a 0); so do we. */
	if (key == '@' || key == '+')
		snprintf(buf + strlen(buf), size - strlen(buf), ".%09ld0", stat_time(st, which)->tv_nsec);
}

/* The text of directive d for the file; *length is set where it is a part of path. */
static const char *directive_text(const struct directive *d, const char *path, const struct stat *st,
				  size_t *length)
{
	static char buf[4096];
	const char *slash = strrchr(path, '/');
	long long number;

	*length = (size_t)-1;	/* the whole string */
	switch (d->letter) {
	case 'p': return path;
	case 'f': return slash && slash[1] ? slash + 1 : path;	/* "/" and "dir/" stay whole */
	case 'h':
		if (slash == NULL)
			return ".";
		*length = slash - path;
		return path;
	case 'P':
		if (strncmp(path, find.start, strlen(find.start)) != 0)
			return path;
		path += strlen(find.start);
		return path + (*path == '/');
	case 'M':
		mode_string(st->st_mode, buf);
		return buf;
	case 'u': return user_name(st->st_uid);
	case 'g': return group_name(st->st_gid);
	case 'l':
		link_target(path, st, buf, sizeof buf);
		return buf;
	case 'y': case 'Y':
		buf[0] = d->letter == 'y' ? type_letter(st->st_mode) : target_type_letter(path, st);
		buf[1] = '\0';
		return buf;
	case 'T': case 'A': case 'C':
		time_directive_text(buf, sizeof buf, path, st, d->letter == 'T' ? 'm' : d->letter == 'A' ? 'a' : 'c',
				    d->time_key);
		return buf;
	case 'm':
		snprintf(buf, sizeof buf, "%o", (unsigned)st->st_mode & 07777);
		return buf;
	case '%': return "%";
	case 's': number = st->st_size; break;
	case 'k': number = (st->st_blocks + 1) / 2; break;	/* st_blocks counts 512 bytes */
	case 'b': number = st->st_blocks; break;
	case 'n': number = st->st_nlink; break;
	case 'i': number = st->st_ino; break;
	case 'U': number = st->st_uid; break;
	case 'G': number = st->st_gid; break;
	default:  number = find.depth; break;	/* 'd', the only letter left */
	}
	snprintf(buf, sizeof buf, "%lld", number);
	return buf;
}

static void print_directive(const struct directive *d, const char *path, const struct stat *st)
{
	size_t length;
	const char *text = directive_text(d, path, st, &length);

	if (length > strlen(text))
		length = strlen(text);
	if (d->precision >= 0 && length > (size_t)d->precision)
		length = d->precision;
	printf("%*.*s", d->left ? -d->width : d->width, (int)length, text);
}

static int action_printf(struct node *n, const char *path, const struct stat *st)
{
	const char *s = n->text;
	struct directive d;
	int c;

	while (*s) {
		if (*s == '\\') {
			s++;
			if ((c = decode_escape(&s, 0)) == ESCAPE_STOP)
				break;
			putchar(c);
		} else if (*s == '%') {
			s = parse_directive(s + 1, &d);
			print_directive(&d, path, st);
		} else {
			putchar(*s++);
		}
	}
	return 1;
}

static int action_prune(struct node *n, const char *path, const struct stat *st)
{
	find.pruned = 1;
	return 1;
}

/* -quit: GNU's; the -exec ... + lists gathered so far still run. */
static int action_quit(struct node *n, const char *path, const struct stat *st)
{
	find.quit = 1;
	return 1;
}

static int action_delete(struct node *n, const char *path, const struct stat *st)
{
	if (strcmp(path, ".") == 0)
		return 1;
	if ((S_ISDIR(st->st_mode) ? rmdir(path) : unlink(path)) < 0) {
		warn("%s:", path);
		find.status = 1;
		return 0;
	}
	return 1;
}

/* Run argv and wait; true when it exits with 0. */
static int run(char **argv)
{
	pid_t pid;
	int wait_status;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		warn("fork:");
		find.status = 1;
		return 0;
	}
	if (pid == 0)
		exec_command(argv);
	while (waitpid(pid, &wait_status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0;
}

/* The command of -exec/-ok with every {} in its words replaced by path. */
static char **command_for(struct node *n, const char *path)
{
	char **argv = xmalloc((n->argc + 1) * sizeof *argv);

	for (int i = 0; i < n->argc; i++) {
		const char *word = n->argv[i], *brace = strstr(word, "{}");
		if (brace == NULL) {
			argv[i] = xstrdup(word);
			continue;
		}
		argv[i] = xmalloc(strlen(word) + strlen(path));
		sprintf(argv[i], "%.*s%s%s", (int)(brace - word), word, path, brace + 2);
	}
	argv[n->argc] = NULL;
	return argv;
}

static int action_exec(struct node *n, const char *path, const struct stat *st)
{
	char **argv = command_for(n, path);
	int ok = 1;

	if (n->text[0] == 'o')		/* -ok asks first */
		ok = ask_yes("< %s ... %s > ? ", argv[0], path);
	if (ok)
		ok = run(argv);
	for (int i = 0; i < n->argc; i++)
		free(argv[i]);
	free(argv);
	return ok;
}

/* -exec ... {} +: run the command with as many paths as have gathered. */
static void run_batch(struct node *n)
{
	char **argv;

	if (n->batch_count == 0)
		return;
	argv = xmalloc((n->argc + n->batch_count + 1) * sizeof *argv);
	memcpy(argv, n->argv, n->argc * sizeof *argv);
	memcpy(argv + n->argc, n->batch, n->batch_count * sizeof *argv);
	argv[n->argc + n->batch_count] = NULL;
	if (!run(argv))
		find.status = 1;	/* POSIX: a failed + command makes find fail */
	for (size_t i = 0; i < n->batch_count; i++)
		free(n->batch[i]);
	n->batch_count = n->batch_bytes = 0;
	free(argv);
}

static int action_exec_batch(struct node *n, const char *path, const struct stat *st)
{
	if (n->batch_count % 256 == 0)
		n->batch = xrealloc(n->batch, (n->batch_count + 256) * sizeof *n->batch);
	n->batch[n->batch_count++] = xstrdup(path);
	n->batch_bytes += strlen(path) + 1;
	/* Stay well below the kernel's limit on the size of arguments. */
	if (n->batch_bytes > 64 * 1024 || n->batch_count >= 4096)
		run_batch(n);
	return 1;
}

/* ---- parsing the expression ---- */

static struct node *parse_or(void);

static struct node *new_node(int kind, struct node *left, struct node *right)
{
	struct node *n = xzalloc(sizeof *n);

	n->kind = kind;
	n->left = left;
	n->right = right;
	return n;
}

static const char *peek(void)
{
	return find.pos < find.count ? find.args[find.pos] : NULL;
}

static const char *next_arg(const char *primary)
{
	if (find.pos >= find.count)
		usage_error(usage, "missing argument to '%s'", primary);
	return find.args[find.pos++];
}

/* -exec CMD ARGS ; or -exec CMD ARGS {} + (and -ok CMD ARGS ;) */
static void parse_exec(struct node *n, const char *primary)
{
	n->argv = find.args + find.pos;
	n->text = primary + 1;		/* "exec" or "ok" */
	n->test = action_exec;
	for (;; find.pos++) {
		const char *word = peek();
		if (word == NULL)
			usage_error(usage, "missing argument to '%s'", primary);
		if (strcmp(word, ";") == 0)
			break;
		if (strcmp(word, "+") == 0 && n->argc > 0 && strcmp(n->argv[n->argc - 1], "{}") == 0
		    && primary[1] == 'e') {
			n->argc--;	/* the {} marks where the paths go: at the end */
			n->test = action_exec_batch;
			find.batches = xrealloc(find.batches, (find.batch_nodes + 1) * sizeof *find.batches);
			find.batches[find.batch_nodes++] = n;
			break;
		}
		n->argc++;
	}
	find.pos++;
	if (n->argc == 0)
		usage_error(usage, "missing command after '%s'", primary);
	find.has_action = 1;
}

/* -perm MODE, -perm -MODE, -perm /MODE */
static void parse_perm(struct node *n, const char *arg)
{
	mode_t mode;

	n->compare = *arg == '-' || *arg == '/' ? *arg++ : '=';
	if (parse_mode(arg, 0, &mode) < 0)
		usage_error(usage, "invalid mode '%s'", arg);
	n->number = mode;
}

/* Global options are primaries that are always true; they take effect while parsing. */
static int parse_option(const char *word)
{
	long long depth;

	if (strcmp(word, "-maxdepth") == 0 || strcmp(word, "-mindepth") == 0) {
		const char *arg = next_arg(word);
		if (parse_long(arg, &depth) < 0 || depth < 0)
			usage_error(usage, "invalid depth '%s'", arg);
		if (word[2] == 'a')
			find.max_depth = depth;
		else
			find.min_depth = depth;
	} else if (strcmp(word, "-xdev") == 0 || strcmp(word, "-mount") == 0) {
		find.one_file_system = 1;
	} else if (strcmp(word, "-depth") == 0) {
		find.depth_first = 1;
	} else {
		return 0;
	}
	return 1;
}

/*
 * Whether a primary needs no more of a file than its name and type. When all of
 * the expression's do, the walk takes the type from the directory (d_type) and
 * spares an lstat for every file that is not a directory: find -name X, find
 * -type f, find alone. (-printf is judged by its format.)
 */
static int needs_only_type(const char *word)
{
	static const char *const names[] = {
		"-name", "-iname", "-path", "-wholename", "-regex", "-iregex", "-type",
		"-print", "-print0", "-printf", "-prune", "-quit", "-delete", "-true", "-false",
		"-exec", "-ok", "-maxdepth", "-mindepth", "-xdev", "-mount", "-depth", NULL
	};

	for (int i = 0; names[i]; i++)
		if (strcmp(word, names[i]) == 0)
			return 1;
	return 0;
}

static int is_test_with_argument(const char *word)
{
	static const char *const names[] = {
		"-name", "-iname", "-path", "-wholename", "-type", "-size", "-mtime", "-mmin",
		"-atime", "-amin", "-ctime", "-cmin", "-newer",
		"-perm", "-user", "-group", "-links", "-regex", "-iregex", NULL
	};

	for (int i = 0; names[i]; i++)
		if (strcmp(word, names[i]) == 0)
			return 1;
	return 0;
}

/* -regex, -iregex: POSIX basic regular expressions, as BusyBox's find uses. */
static void parse_regex(struct node *n, const char *pattern, int flags)
{
	char message[128];
	int error;

	n->regex = xmalloc(sizeof *n->regex);
	error = regex_compile(n->regex, pattern, flags);
	if (error != 0) {
		regerror(error, n->regex, message, sizeof message);
		usage_error(usage, "invalid regular expression '%s': %s", pattern, message);
	}
	n->test = test_regex;
}

/* A test that takes one argument: the node for it. */
static void parse_test(struct node *n, const char *word)
{
	const char *arg = next_arg(word);
	struct stat st;

	n->text = arg;
	if (strcmp(word, "-name") == 0 || strcmp(word, "-iname") == 0) {
		n->test = test_name;
		n->number = word[1] == 'i' ? FNM_CASEFOLD : 0;
	} else if (strcmp(word, "-path") == 0 || strcmp(word, "-wholename") == 0) {
		n->test = test_path;
	} else if (strcmp(word, "-regex") == 0 || strcmp(word, "-iregex") == 0) {
		parse_regex(n, arg, word[1] == 'i' ? REG_ICASE : 0);
	} else if (strcmp(word, "-type") == 0) {
		if (strlen(arg) != 1 || !strchr("bcdflps", arg[0]))
			usage_error(usage, "unknown type '%s'", arg);
		n->test = test_type;
	} else if (strcmp(word, "-size") == 0) {
		static const char units[] = "bcwkMG";
		static const long long bytes[] = { 512, 1, 2, 1024, 1024 * 1024, 1024 * 1024 * 1024 };
		char unit;
		n->number = parse_number(n, arg, &unit);
		if (unit == 0)
			unit = 'b';
		if (!strchr(units, unit))
			usage_error(usage, "invalid size '%s'", arg);
		n->unit = bytes[strchr(units, unit) - units];
		n->test = test_size;
	} else if (strcmp(word + 2, "time") == 0 || strcmp(word + 2, "min") == 0) {
		/* -mtime -atime -ctime -mmin -amin -cmin */
		n->number = parse_number(n, arg, NULL);
		n->unit = word[2] == 't' ? 24 * 60 * 60 : 60;
		n->text = word + 1;	/* 'm', 'a' or 'c' */
		n->test = test_age;
	} else if (strcmp(word, "-newer") == 0) {
		if (stat(arg, &st) < 0 || file_time(arg, 1, 'm', &n->seconds) < 0)
			die("%s:", arg);
		n->nanoseconds = st.st_mtim.tv_nsec;
		n->test = test_newer;
	} else if (strcmp(word, "-perm") == 0) {
		parse_perm(n, arg);
		n->test = test_perm;
	} else if (strcmp(word, "-user") == 0 || strcmp(word, "-group") == 0) {
		uid_t uid;
		gid_t gid;
		int is_user = word[1] == 'u';
		if (is_user ? parse_user(arg, &uid) < 0 : parse_group(arg, &gid) < 0)
			usage_error(usage, "unknown %s '%s'", word + 1, arg);
		n->number = is_user ? uid : gid;
		n->test = is_user ? test_user : test_group;
	} else if (strcmp(word, "-links") == 0) {
		n->number = parse_number(n, arg, NULL);
		n->test = test_links;
	}
}

static struct node *parse_primary(void)
{
	const char *word = next_arg("expression");
	struct node *n;

	if (strcmp(word, "(") == 0) {
		n = parse_or();
		if (peek() == NULL || strcmp(peek(), ")") != 0)
			usage_error(usage, "missing ')'");
		find.pos++;
		return n;
	}
	n = new_node(PRIMARY, NULL, NULL);
	n->test = always_true;
	if (!needs_only_type(word))
		find.needs_status = 1;
	if (parse_option(word)) {
		return n;
	} else if (strcmp(word, "-print") == 0 || strcmp(word, "-print0") == 0) {
		n->test = action_print;
		n->number = word[6] ? '\0' : '\n';
		find.has_action = 1;
	} else if (strcmp(word, "-printf") == 0) {
		n->text = next_arg(word);
		check_format(n->text);
		if (format_needs_status(n->text))
			find.needs_status = 1;
		n->test = action_printf;
		find.has_action = 1;
	} else if (strcmp(word, "-prune") == 0) {
		n->test = action_prune;
	} else if (strcmp(word, "-quit") == 0) {
		n->test = action_quit;
	} else if (strcmp(word, "-delete") == 0) {
		n->test = action_delete;
		find.depth_first = find.has_action = 1;	/* contents before their directory */
	} else if (strcmp(word, "-empty") == 0) {
		n->test = test_empty;
	} else if (strcmp(word, "-true") == 0 || strcmp(word, "-false") == 0) {
		n->test = word[1] == 't' ? always_true : always_false;
	} else if (strcmp(word, "-exec") == 0 || strcmp(word, "-ok") == 0) {
		parse_exec(n, word);
	} else if (is_test_with_argument(word)) {
		parse_test(n, word);
	} else {
		usage_error(usage, "unknown primary '%s'", word);
	}
	return n;
}

/* An operator in POSIX's spelling or in GNU's (-not, -and, -or). */
static int is_operator(const char *word, const char *posix, const char *gnu)
{
	return word && (strcmp(word, posix) == 0 || strcmp(word, gnu) == 0);
}

static struct node *parse_not(void)
{
	const char *word = peek();

	if (is_operator(word, "!", "-not")) {
		find.pos++;
		return new_node(NOT, parse_not(), NULL);
	}
	return parse_primary();
}

static struct node *parse_and(void)
{
	struct node *n = parse_not();
	const char *word;

	while ((word = peek()) != NULL && !is_operator(word, "-o", "-or") && strcmp(word, ")") != 0) {
		if (is_operator(word, "-a", "-and"))
			find.pos++;
		n = new_node(AND, n, parse_not());
	}
	return n;
}

static struct node *parse_or(void)
{
	struct node *n = parse_and();

	while (is_operator(peek(), "-o", "-or")) {
		find.pos++;
		n = new_node(OR, n, parse_and());
	}
	return n;
}

/* ---- evaluating ---- */

static int evaluate(struct node *n, const char *path, const struct stat *st)
{
	switch (n->kind) {
	case AND: return evaluate(n->left, path, st) && evaluate(n->right, path, st);
	case OR:  return evaluate(n->left, path, st) || evaluate(n->right, path, st);
	case NOT: return !evaluate(n->left, path, st);
	default:  return !find.quit && n->test(n, path, st);	/* after -quit, nothing more */
	}
}

/* The walk of find, with the expression to evaluate. */
struct find_walk {
	struct walk walk;
	struct node *expression;
};

static int find_visit(struct walk *w, const char *path, const struct stat *st, enum walk_phase phase)
{
	struct find_walk *f = (struct find_walk *)w;
	/* A directory is judged before its contents, or after them with -depth. */
	int judge_now = phase == WALK_FILE || phase == (find.depth_first ? WALK_DIR_DONE : WALK_DIR);

	find.pruned = 0;
	find.depth = w->depth;
	if (judge_now && w->depth >= find.min_depth)
		evaluate(f->expression, path, st);
	if (find.quit) {
		w->stop = 1;
		return WALK_SKIP;
	}
	if (phase == WALK_DIR && (w->depth >= find.max_depth || (find.pruned && !find.depth_first)))
		return WALK_SKIP;
	return 0;
}

static int is_follow_option(const char *word)
{
	return word[0] == '-' && word[1] && strchr("HLP", word[1]) && word[2] == '\0';
}

int find_main(int argc, char **argv)
{
	struct find_walk f = { .walk.visit = find_visit };
	int first_expression = 1, paths, status = 0;

	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		show_help(usage);
	memset(&find, 0, sizeof find);
	stdout_big_buffer();	/* a path a line adds up: 64 KB writes, not 4 KB */
	find.max_depth = 1 << 30;
	find.now = time(NULL);
	/* -H, -L, -P come before the paths: how symlinks lead on. */
	for (; first_expression < argc && is_follow_option(argv[first_expression]); first_expression++) {
		char mode = argv[first_expression][1];
		f.walk.follow = mode == 'L' ? WALK_LOGICAL : mode == 'H' ? WALK_OPERANDS : WALK_PHYSICAL;
	}
	paths = first_expression;
	/* The paths are the words before the first that starts an expression. */
	while (first_expression < argc && argv[first_expression][0] != '-' &&
	       strcmp(argv[first_expression], "!") != 0 && strcmp(argv[first_expression], "(") != 0)
		first_expression++;
	find.args = argv + first_expression;
	find.count = argc - first_expression;
	if (find.count > 0) {
		f.expression = parse_or();
		if (find.pos < find.count)
			usage_error(usage, "unexpected '%s'", find.args[find.pos]);
	} else {
		f.expression = new_node(PRIMARY, NULL, NULL);
		f.expression->test = always_true;
	}
	if (!find.has_action) {	/* EXPR alone means ( EXPR ) -print */
		struct node *print = new_node(PRIMARY, NULL, NULL);
		print->test = action_print;
		print->number = '\n';
		f.expression = new_node(AND, f.expression, print);
	}
	f.walk.one_file_system = find.one_file_system;
	f.walk.type_only = !find.needs_status;
	f.walk.skip_vanished = 1;
	if (first_expression == paths) {
		find.start = ".";
		status = walk_tree(&f.walk, ".");
	}
	for (int i = paths; i < first_expression && !find.quit; i++) {
		f.walk.status = 0;
		find.start = argv[i];
		status |= walk_tree(&f.walk, argv[i]);
	}
	for (int i = 0; i < find.batch_nodes; i++)
		run_batch(find.batches[i]);
	if (flush_stdout() < 0)
		status = 1;
	return status | find.status;
}
