/*
 * readlink, realpath: where a symlink points; the absolute path without links
 * (GNU coreutils' readlink and realpath, with their -e -m -f -s -n -q -z and
 * realpath --relative-to, --relative-base).
 *
 * Both share one resolver, written here rather than taken from realpath(3),
 * because the forms people use differ in what must exist: -e every part, -f and
 * realpath's default all but the last (a dangling symlink resolves to where it
 * points), -m nothing. The main looks at the name it was called by.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "longopts.h"

static const char readlink_usage[] =
	"Usage: readlink [-fem] [-nqsvz] FILE...\n"
	"Print the target of each symlink FILE.\n"
	"  -f  print the absolute path of FILE with every symlink resolved;\n"
	"      all but the last part must exist\n"
	"  -e  the same, every part must exist    -m  the same, nothing need exist\n"
	"  -n  no newline after the (last) name   -z  a NUL after each name\n"
	"  -q, -s  no messages (the default)      -v  say what went wrong\n";
static const char realpath_usage[] =
	"Usage: realpath [-emqsz] [--relative-to=DIR] [--relative-base=DIR] FILE...\n"
	"Print the absolute path of each FILE with every symlink, . and .. resolved;\n"
	"all but the last part must exist.\n"
	"  -e  every part must exist              -m  nothing need exist\n"
	"  -s  leave symlinks as they are (only . and .. and slashes are resolved)\n"
	"  -q  no messages                        -z  a NUL after each name, not a newline\n"
	"  --relative-to=DIR    print the path relative to DIR\n"
	"  --relative-base=DIR  relative only when under DIR (absolute otherwise)\n";

static const struct long_option long_table[] = {
	{ "canonicalize", 'f', 0 }, { "canonicalize-existing", 'e', 0 },
	{ "canonicalize-missing", 'm', 0 }, { "no-newline", 'n', 0 }, { "quiet", 'q', 0 },
	{ "silent", 's', 0 }, { "verbose", 'v', 0 }, { "zero", 'z', 0 },
	{ "strip", 's', 0 }, { "no-symlinks", 's', 0 },
	{ "relative-to", '@', 1 }, { "relative-base", '#', 1 }, { NULL, 0, 0 },
};

/* What must exist of a path being resolved. */
enum must_exist { ALL_BUT_LAST, EVERY_PART, NOTHING };

#define MAX_LINKS 40	/* as Linux: more symlinks on one path is a loop (ELOOP) */

/* Add "/name" to the resolved path (which is "" for the root). */
static void add_part(struct strbuf *done, const char *name, size_t len)
{
	sb_addc(done, '/');
	sb_addn(done, name, len);
}

/* "..": back to the parent (the root's parent is the root). */
static void drop_part(struct strbuf *done)
{
	char *slash = done->len ? strrchr(done->s, '/') : NULL;

	if (slash) {
		done->len = slash - done->s;
		*slash = '\0';
	}
}

/* Only slashes left: the part just read was the last one. */
static int only_slashes(const char *s)
{
	return s[strspn(s, "/")] == '\0';
}

/*
 * The path where the symlink done (whose name starts at byte `start`) points,
 * followed by what was still to do; done goes back to where the link target
 * starts (the root for an absolute one). Returns the new malloc'd rest, or NULL.
 */
static char *follow_link(struct strbuf *done, size_t start, const char *rest)
{
	char target[PATH_MAX];
	ssize_t len = readlink(done->s, target, sizeof target - 1);
	struct strbuf todo = { 0 };

	if (len < 0)
		return NULL;
	done->len = target[0] == '/' ? 0 : start;
	done->s[done->len] = '\0';
	sb_addn(&todo, target, len);
	sb_adds(&todo, rest);		/* "" or "/more" */
	return sb_take(&todo);
}

/* The current directory into done, or -1. */
static int start_at_cwd(struct strbuf *done)
{
	char *cwd = getcwd(NULL, 0);

	if (cwd == NULL)
		return -1;
	if (strcmp(cwd, "/") != 0)
		sb_adds(done, cwd);
	free(cwd);
	return 0;
}

/*
 * The absolute path of path, part by part: "." dropped, ".." to the parent,
 * symlinks replaced by their targets (unless !follow). Returns a malloc'd path,
 * or NULL with errno set.
 */
static char *resolve(const char *path, enum must_exist need, int follow)
{
	struct strbuf done = { 0 };
	char *todo = xstrdup(path), *p = todo;
	int links = 0, error = 0;

	sb_addn(&done, "", 0);
	if (*path == '\0')
		error = ENOENT;
	else if (*path != '/' && start_at_cwd(&done) < 0)
		error = errno;
	while (!error && *(p += strspn(p, "/")) != '\0') {
		const char *name = p;
		size_t len = strcspn(p, "/"), start = done.len;
		struct stat st;
		int last;

		p += len;
		if (len == 1 && name[0] == '.')
			continue;
		if (len == 2 && name[0] == '.' && name[1] == '.') {
			drop_part(&done);
			continue;
		}
		add_part(&done, name, len);
		last = only_slashes(p);
		if (lstat(done.s, &st) < 0) {
			/* A missing part: fine where allowed; then nothing below it exists either. */
			if (need == NOTHING || (need == ALL_BUT_LAST && last && errno == ENOENT))
				continue;
			error = errno;
		} else if (follow && S_ISLNK(st.st_mode)) {
			char *rest = NULL;
			if (++links > MAX_LINKS)
				errno = ELOOP;
			else
				rest = follow_link(&done, start, p);
			if (rest == NULL) {
				error = errno;
				break;
			}
			free(todo);
			p = todo = rest;
		} else if (*p == '/' && !S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode) && need != NOTHING) {
			/* "file/x", "file/": more follows a file. (-s: a link may be a directory.) */
			error = ENOTDIR;
		}
	}
	free(todo);
	if (error) {
		free(sb_take(&done));
		errno = error;
		return NULL;
	}
	if (done.len == 0)
		sb_addc(&done, '/');
	return sb_take(&done);
}

/* Is path base itself or below it? (both resolved) */
static int is_under(const char *path, const char *base)
{
	size_t len = strlen(base);

	if (strcmp(base, "/") == 0)
		return 1;
	return strncmp(path, base, len) == 0 && (path[len] == '/' || path[len] == '\0');
}

/* path (resolved) as seen from the directory base (resolved): "../x/y"; malloc'd. */
static char *relative_path(const char *path, const char *base)
{
	struct strbuf out = { 0 };
	size_t common = 0, i;

	/* The longest common run of whole parts: up to a '/' (or the end) in both. */
	for (i = 0; path[i] && path[i] == base[i]; i++)
		if (path[i] == '/')
			common = i;
	if ((path[i] == '\0' || path[i] == '/') && (base[i] == '\0' || base[i] == '/'))
		common = i;
	/* One ".." for each part of base after the common ones. */
	for (i = common; base[i]; i++)
		if (base[i] == '/' && base[i + 1] != '\0')
			sb_adds(&out, out.len ? "/.." : "..");
	if (path[common] == '/' && path[common + 1] != '\0') {
		if (out.len)
			sb_addc(&out, '/');
		sb_adds(&out, path + common + 1);
	}
	if (out.len == 0)
		sb_addc(&out, '.');
	return sb_take(&out);
}

/* What readlink or realpath was asked for. */
struct request {
	int canonical, follow, quiet;
	enum must_exist need;
	char end;			/* '\n', or '\0' with -z */
	int no_newline;			/* readlink -n */
	char *relative_to, *relative_base;	/* resolved */
};

/* A plain readlink: the target text of one symlink. */
static char *link_target(const char *path)
{
	char target[PATH_MAX];
	ssize_t len = readlink(path, target, sizeof target - 1);

	return len < 0 ? NULL : xstrndup(target, len);
}

/* The name to print for one operand, malloc'd; NULL with errno set. */
static char *answer(const struct request *r, const char *operand)
{
	const char *from;
	char *path, *shown;

	if (!r->canonical)
		return link_target(operand);
	path = resolve(operand, r->need, r->follow);
	if (path == NULL)
		return NULL;
	/* --relative-base: relative only when both the path and DIR are below the base. */
	if (r->relative_base && (!is_under(path, r->relative_base) ||
	    (r->relative_to && !is_under(r->relative_to, r->relative_base))))
		return path;
	from = r->relative_to ? r->relative_to : r->relative_base;
	if (from == NULL)
		return path;
	shown = relative_path(path, from);
	free(path);
	return shown;
}

/* --relative-to and --relative-base name directories resolved the same way. */
static char *resolve_option(const struct request *r, const char *dir)
{
	char *path = resolve(dir, r->need, r->follow);

	if (path == NULL)
		die("%s:", dir);
	return path;
}

static void parse_options(struct request *r, int is_realpath, int *argc, char ***argv)
{
	const char *usage = is_realpath ? realpath_usage : readlink_usage;
	const char *to = NULL, *base = NULL;
	struct options o;
	int c;

	long_options(*argc, *argv, long_table);
	options_start(&o, *argc, *argv, is_realpath ? "emqsz@:#:" : "femnqsvz", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'f': r->canonical = 1; r->need = ALL_BUT_LAST; break;
		case 'e': r->canonical = 1; r->need = EVERY_PART; break;
		case 'm': r->canonical = 1; r->need = NOTHING; break;
		case 'n': r->no_newline = 1; break;
		case 'q': r->quiet = 1; break;
		/* readlink -s is --silent; realpath -s is --strip */
		case 's': if (is_realpath) r->follow = 0; else r->quiet = 1; break;
		case 'v': r->quiet = 0; break;
		case 'z': r->end = '\0'; break;
		case '@': to = o.arg; break;
		case '#': base = o.arg; break;
		}
	}
	*argc -= o.index;
	*argv += o.index;
	if (**argv == NULL)
		usage_error(usage, "missing operand");
	if (to)
		r->relative_to = resolve_option(r, to);
	if (base)
		r->relative_base = resolve_option(r, base);
}

int readlink_main(int argc, char **argv)
{
	int is_realpath = strcmp(program_name, "realpath") == 0;
	/* readlink alone is quiet, as GNU's; realpath says what went wrong. */
	struct request r = { .canonical = is_realpath, .follow = 1, .quiet = !is_realpath,
			     .need = ALL_BUT_LAST, .end = '\n' };
	int status = 0;

	parse_options(&r, is_realpath, &argc, &argv);
	/* -n: no newline, as GNU, only when there is one name (else they would run together). */
	if (r.no_newline && argc > 1) {
		warn("ignoring --no-newline with multiple arguments");
		r.no_newline = 0;
	}
	for (; *argv; argv++) {
		char *shown = answer(&r, *argv);
		if (shown == NULL) {
			if (!r.quiet)
				warn("%s:", *argv);
			status = 1;
			continue;
		}
		fputs(shown, stdout);
		if (!r.no_newline)
			putchar(r.end);
		free(shown);
	}
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
