/*
 * resolve.h: absolute paths without symlinks, . or .. (realpath, readlink -f,
 * ln -r), and one path as seen from another directory ("../lib/x").
 *
 * realpath(3) wants every part to exist; GNU's realpath and readlink have three
 * forms, which resolve_path takes as its need.
 */
#ifndef RESOLVE_H
#define RESOLVE_H

/* What must exist of a path being resolved. */
enum must_exist {
	ALL_BUT_LAST,	/* readlink -f, realpath: a dangling symlink gives where it points */
	EVERY_PART,	/* -e */
	NOTHING,	/* -m: the rest is resolved as text */
};

/*
 * The absolute path of path, part by part: "." dropped, ".." to the parent,
 * symlinks replaced by their targets (unless !follow: realpath -s). Returns a
 * malloc'd path, or NULL with errno set (ENOENT, ENOTDIR, ELOOP...).
 */
char *resolve_path(const char *path, enum must_exist need, int follow);

/* Is the resolved path base itself or below it? */
int path_is_under(const char *path, const char *base);

/* The resolved path as seen from the resolved directory base: "../x/y", or "."; malloc'd. */
char *relative_path(const char *path, const char *base);

#endif
