/*
 * copy.h: copying files and trees, shared by cp, mv (across file systems) and install.
 */
#ifndef COPY_H
#define COPY_H

#include <sys/stat.h>

enum copy_links { COPY_FOLLOW, COPY_NO_FOLLOW, COPY_FOLLOW_OPERANDS };
enum copy_overwrite { COPY_ALWAYS, COPY_ASK, COPY_NEVER };

struct copy_options {
	int recursive;			/* -r: directories and everything in them */
	int preserve;			/* -p: mode, owner and times as the source's */
	enum copy_links links;		/* -L, -P, or follow only the operand (the default) */
	enum copy_overwrite overwrite;	/* -f, -i, -n */
	int force;			/* -f: replace even a file we may not write (mv too) */
	int update;			/* -u: replace only an older file */
	int verbose;			/* -v: "'src' -> 'dst'" for every file */
};

/*
 * Copy the file or tree src to the name dst. Existing regular files are replaced
 * whole: the copy goes to a temporary file next to dst, renamed over dst only
 * once it is complete (newfile.h); a device or FIFO at dst is written into; sparse
 * files keep their holes. Returns 0, or 1 after reporting any error.
 */
int copy_path(const char *src, const char *dst, const struct copy_options *how);

/*
 * Write target anew, the safe way (newfile.h): fill writes the new contents to a
 * temporary file next to target, which then gets like's owner (when we may), mode
 * and times and is renamed over target. fill returns 0, or nonzero after saying what
 * was wrong; then nothing is left behind. Returns 0, or 1 after an error.
 * (gzip and gunzip: the old file stays whole until the new one is.) A target
 * that is a device or a FIFO (/dev/null, say; not a symlink to one) is written into.
 */
int write_new_file(const char *target, const struct stat *like,
		   int (*fill)(int out, void *data), void *data);

/*
 * Turn the file path (whose status is st) into target, as gzip and gunzip do:
 * an existing target is refused unless force (and a directory always), target
 * is written by write_new_file, then path is removed unless keep.
 * Returns 0, or 1 after saying what went wrong.
 */
int convert_file(const char *path, const struct stat *st, const char *target, int force,
		 int keep, int (*fill)(int out, void *data), void *data);

#endif
