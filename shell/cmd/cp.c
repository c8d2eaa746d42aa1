/*
 * cp: copy files and directory trees (POSIX cp, with GNU's -a -v -n).
 *
 * The work is done by libmini's copy_path (copy.c), which mv shares; this file
 * decides what goes where: "cp a b" copies a to b, "cp a b dir" copies both into dir.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "mini.h"
#include "copy.h"
#include "targets.h"

static const char usage[] =
	"Usage: cp [-aifLnPprRv] SOURCE... DEST\n"
	"Copy SOURCE to DEST, or each SOURCE into the directory DEST.\n"
	"  -r, -R  copy directories and everything in them\n"
	"  -p  keep mode, owner and times     -a  the same as -pPR\n"
	"  -f  overwrite without asking       -i  ask before overwriting\n"
	"  -n  never overwrite                -v  tell what is copied\n"
	"  -L  follow symlinks in the source  -P  copy symlinks as symlinks\n";

static int copy_one(const char *source, const char *dest, void *how)
{
	return copy_path(source, dest, how);
}

int cp_main(int argc, char **argv)
{
	struct options o;
	struct copy_options how = { 0 };
	int c, links_given = 0, status;

	options_start(&o, argc, argv, "aifLnPprRv", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'a': how.recursive = how.preserve = 1; how.links = COPY_NO_FOLLOW; links_given = 1; break;
		case 'r': case 'R': how.recursive = 1; break;
		case 'p': how.preserve = 1; break;
		case 'f': how.overwrite = COPY_ALWAYS; how.force = 1; break;
		case 'i': how.overwrite = COPY_ASK; break;
		case 'n': how.overwrite = COPY_NEVER; break;
		case 'L': how.links = COPY_FOLLOW; links_given = 1; break;
		case 'P': how.links = COPY_NO_FOLLOW; links_given = 1; break;
		case 'v': how.verbose = 1; break;
		}
	}
	/* Without -L or -P, cp -r copies symlinks as links; plain cp follows them. */
	if (!links_given)
		how.links = how.recursive ? COPY_NO_FOLLOW : COPY_FOLLOW;
	argv += o.index;
	argc -= o.index;
	if (argc < 2)
		usage_error(usage, argc ? "missing destination after '%s'" : "missing file operand", argv[0]);
	status = for_each_target(argc, argv, is_directory(argv[argc - 1]), copy_one, &how);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
