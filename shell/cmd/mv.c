/*
 * mv: move or rename files (POSIX mv, with GNU's -n -v).
 *
 * Within one file system a move is one rename(2): atomic, nothing is copied.
 * Across file systems rename fails with EXDEV; then the source is copied with
 * everything kept (libmini's copy_path) and removed only after the whole copy
 * succeeded, so a failure never loses the source.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "ask.h"
#include "copy.h"
#include "longopts.h"
#include "targets.h"
#include "tree.h"

static const char usage[] =
	"Usage: mv [-finv] [-T] SOURCE DEST\n"
	"   or: mv [-finv] SOURCE... DIR\n"
	"   or: mv [-finv] -t DIR SOURCE...\n"
	"Rename SOURCE to DEST, or move each SOURCE into the directory DIR.\n"
	"  -f  overwrite without asking  -i  ask before overwriting\n"
	"  -n  never overwrite           -v  tell what is moved\n"
	"  -t DIR  move into DIR         -T  DEST is the name, even a directory's\n";

static enum copy_overwrite overwrite = COPY_ALWAYS;
static int verbose;

/* Across file systems: copy everything, then remove the source. */
static int move_by_copying(const char *src, const char *dst)
{
	struct copy_options how = { .recursive = 1, .preserve = 1, .links = COPY_NO_FOLLOW, .force = 1 };
	struct stat st;

	/* Like rename, replace an existing directory only if it is empty. */
	if (lstat(dst, &st) == 0 && S_ISDIR(st.st_mode) && rmdir(dst) < 0) {
		warn("%s:", dst);
		return 1;
	}
	if (copy_path(src, dst, &how) != 0) {
		warn("%s: not removed, the copy failed", src);
		return 1;
	}
	return remove_tree(src);
}

static int move(const char *src, const char *dst, void *unused)
{
	struct stat st;

	(void)unused;	/* the shape of a target_action, for for_each_target */

	if (lstat(dst, &st) == 0) {
		if (overwrite == COPY_NEVER)
			return 0;
		if (overwrite == COPY_ASK && !ask_yes("overwrite '%s'? ", dst))
			return 0;
	}
	if (rename(src, dst) < 0) {
		if (errno == EXDEV) {
			if (move_by_copying(src, dst) != 0)
				return 1;
		} else if (errno == EINVAL) {
			warn("cannot move '%s' to a subdirectory of itself, '%s'", src, dst);
			return 1;
		} else {
			warn("%s:", src);
			return 1;
		}
	}
	if (verbose)
		printf("renamed '%s' -> '%s'\n", src, dst);
	return 0;
}

int mv_main(int argc, char **argv)
{
	static const struct long_option long_table[] = {
		{ "target-directory", 't', 1 }, { "no-target-directory", 'T', 0 },
		{ "force", 'f', 0 }, { "interactive", 'i', 0 }, { "no-clobber", 'n', 0 },
		{ "verbose", 'v', 0 }, { NULL, 0, 0 },
	};
	struct options o;
	const char *target_dir = NULL;
	int c, no_target_dir = 0;

	overwrite = COPY_ALWAYS;
	verbose = 0;
	long_options(argc, argv, long_table);
	options_start(&o, argc, argv, "finvt:T", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'f')
			overwrite = COPY_ALWAYS;
		else if (c == 'i')
			overwrite = COPY_ASK;
		else if (c == 'n')
			overwrite = COPY_NEVER;
		else if (c == 'v')
			verbose = 1;
		else if (c == 't')
			target_dir = o.arg;
		else if (c == 'T')
			no_target_dir = 1;
	}
	argv += o.index;
	argc -= o.index;
	if (target_dir && argc > 0)
		return for_each_source_in(target_dir, argc, argv, move, NULL);
	if (argc < 2)
		usage_error(usage, argc ? "missing destination after '%s'" : "missing file operand", argv[0]);
	if (no_target_dir && argc > 2)
		usage_error(usage, "extra operand '%s'", argv[2]);
	return for_each_target(argc, argv, !no_target_dir && is_directory(argv[argc - 1]), move, NULL);
}
