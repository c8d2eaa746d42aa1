/*
 * tree.c: a depth-first walk over a directory tree (what nftw and fts do, smaller).
 *
 * Each directory's names are read completely before any of them is visited, so a
 * visitor may create or remove files in it (cp -r into a subdirectory, rm -r) and
 * only one directory is open at a time, however deep the tree.
 * Also here: remove_tree (rm -r for mv) and make_path (mkdir -p for mkdir, install).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "mini.h"
#include "tree.h"

/* The directories above the current one, to notice a loop made by followed symlinks. */
struct ancestor {
	dev_t dev;
	ino_t ino;
	const char *path;	/* for the message about a loop */
	const struct ancestor *up;
};

static void walk_one(struct walk *w, const char *path, unsigned char type, const struct ancestor *up);

/* "cmd: path: reason" (unless quiet), and the walk's status becomes 1. */
static void walk_error(struct walk *w, const char *path)
{
	if (!w->quiet)
		warn("%s:", path);
	w->status = 1;
}

static int is_dot_or_dotdot(const char *name)
{
	return name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

/* ---- reading a directory ---- */

/* A record of getdents64(2), as the kernel lays it out (linux/dirent.h). */
struct kernel_dirent {
	uint64_t ino;
	int64_t offset;
	unsigned short length;	/* of the whole record, to the next one */
	unsigned char type;
	char name[];
};

/*
 * Read with getdents64 into a buffer of 32 KB, not through readdir: uClibc's
 * opendir costs an fstat and an fcntl more, and reads in blocks of the file
 * system's size (1 KB on a small ext2), so a directory of a hundred files took
 * nine system calls where this takes four.
 */
enum { DIRECTORY_BUFFER = 32768 };

struct dir_entry *read_directory(const char *path, int with_dots, size_t *count)
{
	static char *buffer;	/* one for all: each directory is read whole, then closed */
	struct dir_entry *list = NULL;
	size_t n = 0, room = 0;
	long got;
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	if (buffer == NULL)
		buffer = xmalloc(DIRECTORY_BUFFER);
	while ((got = syscall(SYS_getdents64, fd, buffer, DIRECTORY_BUFFER)) > 0) {
		const struct kernel_dirent *e;
		for (long at = 0; at < got; at += e->length) {
			e = (const struct kernel_dirent *)(buffer + at);
			if (!with_dots && is_dot_or_dotdot(e->name))
				continue;
			if (n == room) {	/* grow by doubling: a big directory is not copied over and over */
				room = room ? 2 * room : 64;
				list = xrealloc(list, room * sizeof *list);
			}
			list[n].name = xstrdup(e->name);
			list[n++].type = e->type;
		}
	}
	if (got < 0) {
		int error = errno;
		free_directory(list, n);
		close(fd);
		errno = error;
		return NULL;
	}
	close(fd);
	*count = n;
	return list ? list : xmalloc(sizeof *list);	/* empty, but not an error */
}

void free_directory(struct dir_entry *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(list[i].name);
	free(list);
}

/* ---- walking a tree ---- */

/* Whether the error just met is a file gone since its directory was read, to pass over. */
static int vanished(const struct walk *w)
{
	return w->skip_vanished && w->depth > 0 && errno == ENOENT;
}

/* Visit everything inside the directory path. Returns 0, or -1 if it could not be read. */
static int walk_contents(struct walk *w, const char *path, const struct ancestor *me)
{
	size_t count = 0;
	struct dir_entry *names = read_directory(path, 0, &count);

	if (names == NULL) {
		if (!vanished(w))
			walk_error(w, path);
		return -1;
	}
	w->depth++;
	for (size_t i = 0; i < count; i++) {
		char *child = path_join(path, names[i].name);
		if (!w->stop)
			walk_one(w, child, names[i].type, me);
		free(child);
		free(names[i].name);
	}
	w->depth--;
	free(names);
	return 0;
}

/* The directory above that is the same as st (a loop made by followed symlinks), or NULL. */
static const struct ancestor *find_loop(const struct stat *st, const struct ancestor *up)
{
	for (; up; up = up->up)
		if (up->dev == st->st_dev && up->ino == st->st_ino)
			return up;
	return NULL;
}

/* Whether to go into a directory the visitor did not skip. */
static int may_enter(struct walk *w, const char *path, const struct stat *st, const struct ancestor *up)
{
	if (w->one_file_system && st->st_dev != w->root_device)
		return 0;
	const struct ancestor *same = find_loop(st, up);

	if (same) {
		/* GNU find's words, which the find -L user knows */
		warn("File system loop detected; '%s' is part of the same file system loop as '%s'.",
		     path, same->path);
		w->status = 1;
		return 0;
	}
	return 1;
}

/*
 * lstat or stat, as the follow mode says; a dangling symlink is still seen as a
 * link, but a loop of symlinks is an error (ELOOP) when they are to be followed.
 */
static int get_status(struct walk *w, const char *path, struct stat *st)
{
	int follow = w->follow == WALK_LOGICAL || (w->follow == WALK_OPERANDS && w->depth == 0);

	if (follow && stat(path, st) == 0)
		return 0;
	if (follow && errno == ELOOP)
		return -1;
	return lstat(path, st);
}

/*
 * With type_only, whether the directory's word on the file's type is enough: it
 * must have given one, and neither a directory (entering it needs its device and
 * inode) nor a symbolic link to follow.
 */
static int type_is_enough(const struct walk *w, unsigned char type)
{
	int following = w->follow == WALK_LOGICAL || (w->follow == WALK_OPERANDS && w->depth == 0);

	return w->type_only && type != DT_UNKNOWN && type != DT_DIR && !(type == DT_LNK && following);
}

/* type: what the directory said of path (DT_UNKNOWN for an operand). */
static void walk_one(struct walk *w, const char *path, unsigned char type, const struct ancestor *up)
{
	struct stat st;
	struct ancestor me;
	int entered = 0;

	if (type_is_enough(w, type)) {
		memset(&st, 0, sizeof st);
		st.st_mode = DTTOIF(type);
		w->visit(w, path, &st, WALK_FILE);
		return;
	}
	if (get_status(w, path, &st) < 0) {
		if (!vanished(w))
			walk_error(w, path);
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		w->visit(w, path, &st, WALK_FILE);
		return;
	}
	me.dev = st.st_dev;
	me.ino = st.st_ino;
	me.path = path;
	me.up = up;
	if (w->visit(w, path, &st, WALK_DIR) != WALK_SKIP && !w->stop && may_enter(w, path, &st, up))
		entered = walk_contents(w, path, &me) == 0;
	w->not_entered = !entered;
	w->visit(w, path, &st, WALK_DIR_DONE);
}

int walk_tree(struct walk *w, const char *path)
{
	struct stat st;

	w->depth = 0;
	w->stop = 0;
	if (w->one_file_system && get_status(w, path, &st) == 0)
		w->root_device = st.st_dev;
	walk_one(w, path, DT_UNKNOWN, NULL);
	return w->status;
}

static int remove_visit(struct walk *w, const char *path, const struct stat *st, enum walk_phase phase)
{
	if (phase == WALK_FILE && unlink(path) < 0) {
		warn("%s:", path);
		w->status = 1;
	}
	if (phase == WALK_DIR_DONE && !w->not_entered && rmdir(path) < 0) {
		warn("%s:", path);
		w->status = 1;
	}
	return 0;
}

int remove_tree(const char *path)
{
	struct walk w = { .visit = remove_visit };

	return walk_tree(&w, path);
}

/* mkdir(2) that accepts an existing directory: returns 0 made, 1 there already, -1 error. */
static int make_one_directory(const char *path, mode_t mode, int verbose)
{
	struct stat st;

	if (mkdir(path, mode) == 0) {
		if (verbose)
			printf("%s: created directory '%s'\n", program_name, path);
		return 0;
	}
	if (errno != EEXIST || stat(path, &st) < 0)
		return -1;
	if (S_ISDIR(st.st_mode))
		return 1;
	errno = ENOTDIR;
	return -1;
}

/*
 * A parent made by mkdir -p: POSIX gives it u+wx whatever the umask, so that the
 * rest of the path can be made in it.
 */
static int make_parent(const char *path, int verbose)
{
	mode_t mask = umask(0);
	int result;

	umask(mask);
	result = make_one_directory(path, 0777, verbose);
	if (result == 0 && (mask & 0300) != 0 && chmod(path, (0777 & ~mask) | 0300) < 0)
		result = -1;
	return result;
}

int make_path(const char *path, mode_t mode, int verbose)
{
	char *copy = xstrdup(path);
	int result = 0;

	/* Each parent in turn: cut the path at a slash, make that much, put the slash back. */
	for (char *slash = copy + 1; result >= 0 && (slash = strchr(slash, '/')) != NULL; slash++) {
		if (slash[-1] == '/' || slash[1] == '\0')
			continue;		/* "a//b" or a trailing "/" */
		*slash = '\0';
		result = make_parent(copy, verbose);
		*slash = '/';
	}
	if (result >= 0)
		result = make_one_directory(copy, mode, verbose);
	free(copy);
	return result;
}
