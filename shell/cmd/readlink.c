/*
 * readlink, realpath: where a symlink points; the absolute path without links
 * (GNU coreutils' readlink and realpath, with their -e -m -f -s -n -q -z and
 * realpath --relative-to, --relative-base).
 *
 * Both use libmini's resolve_path (resolve.c), whose three forms are what -e, -f
 * (realpath's default) and -m ask for. The main looks at the name it was called by.
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
#include "resolve.h"

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
	path = resolve_path(operand, r->need, r->follow);
	if (path == NULL)
		return NULL;
	/* --relative-base: relative only when both the path and DIR are below the base. */
	if (r->relative_base && (!path_is_under(path, r->relative_base) ||
	    (r->relative_to && !path_is_under(r->relative_to, r->relative_base))))
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
	char *path = resolve_path(dir, r->need, r->follow);

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
