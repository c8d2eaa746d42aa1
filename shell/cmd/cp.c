/*
 * cp: copy files and directory trees (POSIX cp, with GNU's -a -d -n -u -v -t -T
 * --parents).
 *
 * The work is done by libmini's copy_path (copy.c), which mv shares; this file
 * decides what goes where: "cp a b" copies a to b, "cp a b dir" copies both into dir.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "mini.h"
#include "copy.h"
#include "longopts.h"
#include "targets.h"
#include "tree.h"

static const char usage[] =
	"Usage: cp [-adfHiLnPprRuv] [-T] SOURCE DEST\n"
	"   or: cp [-adfHiLnPprRuv] [--parents] SOURCE... DIR\n"
	"   or: cp [-adfHiLnPprRuv] [--parents] -t DIR SOURCE...\n"
	"Copy SOURCE to DEST, or each SOURCE into the directory DIR.\n"
	"  -r, -R  copy directories and everything in them\n"
	"  -p  keep mode, owner and times     -a  the same as -pdR\n"
	"  -f  replace a file we may not write  -i  ask before overwriting\n"
	"  -n  never overwrite                -u  only over an older file (or none)\n"
	"  -v  tell what is copied\n"
	"  -L  follow every symlink in the source    -H  only those named as SOURCE\n"
	"  -P, -d  copy symlinks as symlinks (the default with -r)\n"
	"  -t DIR  copy into DIR              -T  DEST is the name, even a directory's\n"
	"  --parents  DIR/SOURCE: the copy keeps SOURCE's whole path under DIR\n";

/* How cp copies, and with --parents where the copies go. */
struct cp_job {
	struct copy_options how;
	int parents;
	const char *directory;		/* the target directory, for --parents */
};

/* --parents: the copy is DIR/SOURCE, its directories made first. */
static int copy_with_parents(const char *source, struct cp_job *job)
{
	char *dest = path_join(job->directory, source + strspn(source, "/"));
	char *slash = strrchr(dest, '/');
	int status = 0;

	*slash = '\0';
	if (make_path(dest, 0777, job->how.verbose) < 0) {
		warn("%s:", dest);
		status = 1;
	}
	*slash = '/';
	if (status == 0)
		status = copy_path(source, dest, &job->how);
	free(dest);
	return status;
}

static int copy_one(const char *source, const char *dest, void *data)
{
	struct cp_job *job = data;

	if (job->parents)
		return copy_with_parents(source, job);
	return copy_path(source, dest, &job->how);
}

/* Copy the operands: SOURCE DEST, SOURCE... DIR, or with -t DIR all sources. */
static int copy_operands(int argc, char **argv, struct cp_job *job, const char *target_dir, int no_target_dir)
{
	if (target_dir == NULL) {
		if (argc < 2)
			usage_error(usage, argc ? "missing destination after '%s'" : "missing file operand", argv[0]);
		if (no_target_dir || (!job->parents && !is_directory(argv[argc - 1]))) {
			if (job->parents)
				usage_error(usage, "--parents needs a directory to copy into");
			if (argc > 2 && no_target_dir)
				usage_error(usage, "extra operand '%s'", argv[2]);
			if (argc > 2)
				die("target '%s' is not a directory", argv[argc - 1]);
			return copy_path(argv[0], argv[1], &job->how);
		}
		target_dir = argv[--argc];
	}
	if (argc == 0)
		usage_error(usage, "missing file operand");
	job->directory = target_dir;
	return for_each_source_in(target_dir, argc, argv, copy_one, job);
}

int cp_main(int argc, char **argv)
{
	static const struct long_option long_table[] = {
		{ "parents", '@', 0 }, { "target-directory", 't', 1 },
		{ "no-target-directory", 'T', 0 }, { "recursive", 'R', 0 }, { "archive", 'a', 0 },
		{ "force", 'f', 0 }, { "interactive", 'i', 0 }, { "no-clobber", 'n', 0 },
		{ "update", 'u', 0 }, { "verbose", 'v', 0 }, { "dereference", 'L', 0 },
		{ "no-dereference", 'P', 0 }, { NULL, 0, 0 },
	};
	struct options o;
	struct cp_job job = { .how = { 0 } };
	struct copy_options *how = &job.how;
	const char *target_dir = NULL;
	int c, links_given = 0, no_target_dir = 0, status;

	long_options(argc, argv, long_table);
	options_start(&o, argc, argv, "adfHiLnPprRuvt:T@", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'a': how->recursive = how->preserve = 1; how->links = COPY_NO_FOLLOW; links_given = 1; break;
		case 'r': case 'R': how->recursive = 1; break;
		case 'p': how->preserve = 1; break;
		case 'f': how->overwrite = COPY_ALWAYS; how->force = 1; break;
		case 'i': how->overwrite = COPY_ASK; break;
		case 'n': how->overwrite = COPY_NEVER; break;
		case 'u': how->update = 1; break;
		case 'L': how->links = COPY_FOLLOW; links_given = 1; break;
		case 'H': how->links = COPY_FOLLOW_OPERANDS; links_given = 1; break;
		case 'P': case 'd': how->links = COPY_NO_FOLLOW; links_given = 1; break;
		case 'v': how->verbose = 1; break;
		case 't': target_dir = o.arg; break;
		case 'T': no_target_dir = 1; break;
		case '@': job.parents = 1; break;
		}
	}
	/* Without -L, -H or -P, cp -r copies symlinks as links; plain cp follows them. */
	if (!links_given)
		how->links = how->recursive ? COPY_NO_FOLLOW : COPY_FOLLOW;
	argv += o.index;
	argc -= o.index;
	status = copy_operands(argc, argv, &job, target_dir, no_target_dir);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
