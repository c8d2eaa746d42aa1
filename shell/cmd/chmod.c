/*
 * chmod: change file modes (POSIX chmod): octal like 755, or symbolic like u+x,go-w,a=rX.
 *
 * Options are read by hand: "chmod -w file" must take -w as a mode, not an option.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "mini.h"
#include "modes.h"
#include "tree.h"

static const char usage[] =
	"Usage: chmod [-Rf] MODE FILE...\n"
	"Change the mode of each FILE to MODE: octal (755) or symbolic (u+x,go-w,a=rX).\n"
	"  -R  change directories and everything in them\n"
	"  -f  no messages about files that could not be changed (the status still says)\n";

/* The walk of chmod -R, with the mode to apply. */
struct chmod_walk {
	struct walk walk;
	const char *mode;
	int recursive;
};

static int chmod_visit(struct walk *w, const char *path, const struct stat *st, enum walk_phase phase)
{
	struct chmod_walk *c = (struct chmod_walk *)w;
	struct stat target;
	mode_t mode;

	if (phase == WALK_DIR_DONE)
		return 0;
	/* A symlink has no mode of its own: one named on the command line means its target. */
	if (S_ISLNK(st->st_mode)) {
		if (w->depth > 0)
			return 0;
		if (stat(path, &target) < 0) {
			if (!w->quiet)
				warn("%s:", path);
			w->status = 1;
			return 0;
		}
		st = &target;
	}
	parse_mode(c->mode, st->st_mode, &mode);
	/* Changed before the directory is entered: "chmod -R u+rx" opens what it makes readable. */
	if (chmod(path, mode) < 0) {
		if (!w->quiet)
			warn("%s:", path);
		w->status = 1;
	}
	return c->recursive ? 0 : WALK_SKIP;
}

/* Is this word a group of chmod's own options ("-R", "-Rf")? */
static int is_option_word(const char *s)
{
	return s[0] == '-' && s[1] && strspn(s + 1, "Rf") == strlen(s + 1);
}

/* Does this word look like a mode rather than an option? ("-w", "-x,u+r") */
static int is_mode_word(const char *s)
{
	return s[0] == '-' && s[1] && strspn(s + 1, "rwxXstugoa+-=,01234567") == strlen(s + 1);
}

int chmod_main(int argc, char **argv)
{
	struct chmod_walk c = { .walk.visit = chmod_visit };
	mode_t unused;
	int i, status = 0;

	for (i = 1; i < argc && argv[i][0] == '-' && !is_mode_word(argv[i]); i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "--help") == 0)
			show_help(usage);
		if (!is_option_word(argv[i]))
			usage_error(usage, "unknown option '%s'", argv[i]);
		if (strchr(argv[i], 'R'))
			c.recursive = 1;
		if (strchr(argv[i], 'f'))
			c.walk.quiet = 1;
	}
	if (i + 2 > argc)
		usage_error(usage, i < argc ? "missing operand after '%s'" : "missing operand", argv[i]);
	c.mode = argv[i++];
	if (parse_mode(c.mode, 0, &unused) < 0)
		usage_error(usage, "invalid mode '%s'", c.mode);
	for (; i < argc; i++) {
		c.walk.status = 0;
		status |= walk_tree(&c.walk, argv[i]);
	}
	return status;
}
