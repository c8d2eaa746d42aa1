/*
 * rm: remove files and directory trees (POSIX rm, with GNU's -v).
 *
 * rm -r walks the tree depth first (libmini's walk_tree): a directory is
 * removed after everything in it. POSIX forbids removing "." and "..", and
 * removing "/" recursively is refused, as GNU and BusyBox do.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "ask.h"
#include "tree.h"

static const char usage[] =
	"Usage: rm [-fiRrv] FILE...\n"
	"Remove each FILE.\n"
	"  -r, -R  remove directories and everything in them\n"
	"  -f  never ask, and say nothing about files that do not exist\n"
	"  -i  ask before removing each file\n"
	"  -v  tell what is removed\n";

static int force, interactive, recursive, verbose;

/* POSIX: ask before removing a write-protected file when standard input is a terminal. */
static int should_ask(const char *path, const struct stat *st)
{
	if (interactive)
		return 1;
	return !force && !S_ISLNK(st->st_mode) && isatty(STDIN_FILENO) && access(path, W_OK) < 0;
}

static int remove_visit(struct walk *w, const char *path, const struct stat *st, enum walk_phase phase)
{
	int is_dir = phase != WALK_FILE;

	if (phase == WALK_DIR) {
		if (!recursive) {
			errno = EISDIR;
			warn("%s:", path);
			w->status = 1;
			return WALK_SKIP;
		}
		return interactive && !ask_yes("descend into directory '%s'? ", path) ? WALK_SKIP : 0;
	}
	if (w->not_entered && is_dir)
		return 0;
	if (should_ask(path, st) && !ask_yes("remove %s'%s'? ", is_dir ? "directory " : "", path))
		return 0;
	if ((is_dir ? rmdir(path) : unlink(path)) < 0) {
		warn("%s:", path);
		w->status = 1;
	} else if (verbose) {
		printf("removed %s'%s'\n", is_dir ? "directory " : "", path);
	}
	return 0;
}

static int remove_operand(const char *path)
{
	struct walk w = { .visit = remove_visit };
	const char *name = base_name(path);
	struct stat st;

	if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
		warn("refusing to remove '.' or '..' directory: skipping '%s'", path);
		return 1;
	}
	if (strcmp(name, "/") == 0) {
		warn("it is dangerous to operate recursively on '/'");
		return 1;
	}
	if (lstat(path, &st) < 0) {
		if (force && errno == ENOENT)
			return 0;
		warn("%s:", path);
		return 1;
	}
	return walk_tree(&w, path);
}

int rm_main(int argc, char **argv)
{
	struct options o;
	int c, status = 0;

	force = interactive = recursive = verbose = 0;
	options_start(&o, argc, argv, "fiRrv", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'f': force = 1; interactive = 0; break;
		case 'i': interactive = 1; force = 0; break;
		case 'r': case 'R': recursive = 1; break;
		case 'v': verbose = 1; break;
		}
	}
	argv += o.index;
	if (*argv == NULL && !force)
		usage_error(usage, "missing operand");
	for (; *argv; argv++)
		status |= remove_operand(*argv);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
