/*
 * tree.h: walking a directory tree, for cp -r, rm -r, chmod -R, chown -R, du, find;
 * removing one (rm -r) and making a path of directories (mkdir -p).
 *
 * walk_tree() calls visit() once for every file and twice for every directory:
 * WALK_DIR before its contents (return WALK_SKIP there to stay out of it) and
 * WALK_DIR_DONE after them. Errors are reported as "cmd: path: reason" by the
 * walker itself, which then carries on with the rest of the tree.
 */
#ifndef TREE_H
#define TREE_H

#include <sys/stat.h>

enum walk_phase { WALK_FILE, WALK_DIR, WALK_DIR_DONE };
enum walk_follow { WALK_PHYSICAL, WALK_LOGICAL, WALK_OPERANDS };
#define WALK_SKIP 1

/* Commands that need their own data embed this as the first member of a bigger struct. */
struct walk {
	int (*visit)(struct walk *w, const char *path, const struct stat *st, enum walk_phase phase);
	enum walk_follow follow;	/* which symlinks lead on: none, all (-L), operands (-H) */
	int one_file_system;		/* do not enter directories on other devices (-x, -xdev) */
	int quiet;			/* no messages, only the status (chmod -f, chown -f) */
	int stop;			/* set by visit() to end the walk at once (find -quit) */
	/*
	 * visit() needs nothing of a file but its type (find -name -type -print): the
	 * walker may then hand it a struct stat whose st_mode holds only the type, as the
	 * directory entry says it (d_type), and spare an lstat for every file that is not
	 * a directory. (Directories are always looked at in full: entering them needs it.)
	 */
	int type_only;
	/*
	 * A file gone between reading its directory and looking at it (ENOENT), below
	 * the operand, is passed over without a message: /proc changes under find /,
	 * and a temp file comes and goes under du. An operand that is not there stays
	 * an error. (GNU du and ls, toybox find do the same.)
	 */
	int skip_vanished;
	/* Set by the walker for visit() to read. */
	int depth;			/* 0 for the operand itself */
	int not_entered;		/* at WALK_DIR_DONE: the contents were not visited */
	int status;			/* 1 once an error was reported */
	dev_t root_device;
};

/* One name read from a directory, with the type the directory gives it (d_type). */
struct dir_entry {
	char *name;		/* malloc'd */
	unsigned char type;	/* DT_REG, DT_DIR...; DT_UNKNOWN when the file system does not say */
};

/*
 * The names in the directory at path, in the directory's order, . and .. only
 * with with_dots: a malloc'd array of *count entries (ls, and the walk below).
 * NULL with errno set when the directory cannot be read.
 */
struct dir_entry *read_directory(const char *path, int with_dots, size_t *count);
void free_directory(struct dir_entry *list, size_t count);

/* Walk the tree at path. Returns w->status (0, or 1 after any error). */
int walk_tree(struct walk *w, const char *path);

/* rm -r without questions: remove path and everything below it. Returns 0 or 1. */
int remove_tree(const char *path);

/*
 * mkdir -p: make the directory path and any missing parents (made with 0777 less
 * the umask); the last one gets mode. A directory already there is fine. With
 * verbose, "cmd: created directory 'x'" for each one made. Returns 0 when path
 * was made, 1 when it was there already, or -1 with errno set.
 */
int make_path(const char *path, mode_t mode, int verbose);

#endif
