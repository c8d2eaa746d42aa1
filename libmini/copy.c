/*
 * copy.c: copying files and trees (the heart of POSIX cp; mv uses it across file systems).
 *
 * Never lose data (newfile.h's rule): a copy over an existing file is written to a
 * temporary name in the target's directory and renamed over the target only once it
 * is complete, so a full disk or a read error leaves the old target as it was (a copy
 * to a new name is removed again when it fails). Holes in sparse files stay holes:
 * blocks of zeros are skipped with lseek instead of being written.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/fs.h>		/* SEEK_DATA, SEEK_HOLE: uClibc 1.0.35 lacks them */
#include <sys/stat.h>
#include "mini.h"
#include "ask.h"
#include "copy.h"
#include "newfile.h"
#include "tree.h"

#define BLOCK 4096	/* holes are found a file-system block at a time */

/* A file with several hard links, and the name of its copy. */
struct linked_file {
	dev_t dev;
	ino_t ino;
	char *copy;
};

/* The walk of copy_path, with what its visitor needs to know. */
struct copy_walk {
	struct walk walk;		/* first, so a struct walk * is a struct copy_walk * */
	const struct copy_options *how;
	const char *src_root, *dst_root;
	struct linked_file *linked;	/* with -p: files with more than one link, copied so far */
	size_t linked_count;
};

static int all_zero(const char *buf, size_t len)
{
	/* Every byte is zero when the first is and each equals the next. */
	return len == 0 || (buf[0] == 0 && memcmp(buf, buf + 1, len - 1) == 0);
}

/* Write a buffer block by block, seeking over the blocks of zeros (they become holes). */
static int write_sparse(int out, const char *buf, size_t n)
{
	for (size_t at = 0; at < n; at += BLOCK) {
		size_t len = n - at < BLOCK ? n - at : BLOCK;
		if (all_zero(buf + at, len) ? lseek(out, len, SEEK_CUR) < 0 : write_all(out, buf + at, len) < 0)
			return -1;
	}
	return 0;
}

/*
 * Copy len bytes (all up to the end when len is -1) from in to out, at their offsets.
 * Returns 0, COPY_READ_ERROR or COPY_WRITE_ERROR (mini.h): which file to name.
 */
static int copy_range(int in, int out, off_t len, int sparse)
{
	static char buf[8 * BLOCK];

	while (len != 0) {
		size_t want = len > 0 && len < (off_t)sizeof buf ? (size_t)len : sizeof buf;
		ssize_t n = read_full(in, buf, want);
		if (n <= 0)
			return n == 0 ? 0 : COPY_READ_ERROR;
		if (sparse ? write_sparse(out, buf, n) < 0 : write_all(out, buf, n) < 0)
			return COPY_WRITE_ERROR;
		if (len > 0)
			len -= n;
	}
	return 0;
}

/*
 * A sparse file: only its data regions are read, found with lseek's SEEK_DATA and
 * SEEK_HOLE, so a 5 GiB hole costs nothing; blocks of zeros inside the data become
 * holes too. The length is set at the end, for a hole that reaches it.
 */
static int copy_sparse(int in, int out, off_t size)
{
	off_t data = 0, hole;
	int result;

	while ((data = lseek(in, data, SEEK_DATA)) >= 0) {
		hole = lseek(in, data, SEEK_HOLE);
		if (hole < 0 || lseek(in, data, SEEK_SET) < 0)
			return COPY_READ_ERROR;
		if (lseek(out, data, SEEK_SET) < 0)
			return COPY_WRITE_ERROR;
		result = copy_range(in, out, hole - data, 1);
		if (result < 0)
			return result;
		data = hole;
	}
	if (errno != ENXIO)		/* ENXIO: no data after this offset */
		return COPY_READ_ERROR;
	return ftruncate(out, size) < 0 ? COPY_WRITE_ERROR : 0;
}

/*
 * Copy the regular file src (status st) to dst, whose lstat is old (NULL if none),
 * through newfile.h's rule: a new name is written in place with its final mode (no
 * fchmod for each of the 10,000 files of a cp -a), a device or FIFO is written into
 * (cp FILE /dev/null), an existing file is replaced whole through a temporary file
 * beside it. mode is the result's; keep_times (-p) keeps owner and times as well.
 */
static int copy_to(const char *src, const char *dst, const struct stat *old,
		   const struct stat *st, mode_t mode, int keep_times)
{
	struct new_file out;
	struct stat like = *st;
	int in, flags = NEW_FILE_INTO_DEVICE | (old ? 0 : NEW_FILE_CREATE), result;

	in = open(src, O_RDONLY);
	if (in < 0) {
		warn("%s:", src);
		return -1;
	}
	if (keep_times)
		flags |= NEW_FILE_PRESERVE;
	if (new_file_begin_mode(&out, dst, NULL, flags, mode) < 0) {
		warn("%s:", dst);
		close(in);
		return -1;
	}
	/* Holes are made only in a file of our own, and only for a source that has them. */
	if (!out.into_device && st->st_blocks * 512LL < st->st_size)
		result = copy_sparse(in, out.fd, st->st_size);
	else
		result = copy_range(in, out.fd, -1, 0);
	close(in);
	if (result < 0) {
		warn("%s:", result == COPY_READ_ERROR ? src : dst);
		new_file_abort(&out);
		return -1;
	}
	like.st_mode = mode;
	if (!keep_times) {	/* the copy is ours, and made now */
		like.st_uid = (uid_t)-1;
		like.st_gid = (gid_t)-1;
		like.st_atim.tv_nsec = like.st_mtim.tv_nsec = UTIME_OMIT;
	}
	return new_file_commit(&out, &like);
}

/*
 * As copy_to; a dst that is a symlink to a file is written through: that file is
 * replaced. A dangling link (or a loop) is neither written through nor replaced.
 */
static int copy_to_name(const char *src, const char *dst, const struct stat *old,
			const struct stat *st, mode_t mode, int keep_times)
{
	struct stat real_old;
	char *real;
	int result;

	if (old == NULL || !S_ISLNK(old->st_mode))
		return copy_to(src, dst, old, st, mode, keep_times);
	real = realpath(dst, NULL);
	if (real == NULL) {
		warn("%s:", dst);
		return -1;
	}
	result = copy_to(src, real, lstat(real, &real_old) == 0 ? &real_old : NULL, st, mode, keep_times);
	free(real);
	return result;
}

/* Copy a symlink as a link: the same target text. */
static int copy_symlink(const char *src, const char *dst)
{
	char target[4096];
	ssize_t len = readlink(src, target, sizeof target - 1);

	if (len < 0) {
		warn("%s:", src);
		return -1;
	}
	target[len] = '\0';
	unlink(dst);
	if (symlink(target, dst) < 0) {
		warn("%s:", dst);
		return -1;
	}
	return 0;
}

/* Keep owner and times of something that is not a regular file (which we cannot open). */
static void preserve_by_name(const char *dst, const struct stat *st)
{
	struct timespec times[2] = { st->st_atim, st->st_mtim };

	lchown(dst, st->st_uid, st->st_gid);
	utimensat(AT_FDCWD, dst, times, AT_SYMLINK_NOFOLLOW);
}

static int newer(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec > b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec > b->tv_nsec);
}

/* May a file (not a directory) be copied over dst, which exists (old is its lstat)? */
static int may_replace(struct copy_walk *c, const char *src, const char *dst,
		       const struct stat *st, const struct stat *old)
{
	if (old->st_dev == st->st_dev && old->st_ino == st->st_ino) {
		warn("'%s' and '%s' are the same file", src, dst);
		c->walk.status = 1;
		return 0;
	}
	if (c->how->overwrite == COPY_NEVER)
		return 0;
	if (c->how->update && !newer(&st->st_mtim, &old->st_mtim))
		return 0;
	if (c->how->overwrite == COPY_ASK && !ask_yes("overwrite '%s'? ", dst))
		return 0;
	/*
	 * POSIX cp opens an existing dst for writing, and only -f removes it when that
	 * fails. The copy goes through a temporary name and a rename, which would get
	 * past dst's own permissions: without -f, ask the permissions first.
	 */
	if (!c->how->force && !S_ISDIR(old->st_mode) && access(dst, W_OK) < 0 && errno == EACCES) {
		warn("%s:", dst);
		c->walk.status = 1;
		return 0;
	}
	return 1;
}

/*
 * With -p (and -a, and mv), hard links stay hard links: the second name of a file
 * becomes a link to the first one's copy. Returns 1 when dst was made so.
 */
static int copy_as_link(struct copy_walk *c, const char *dst, const struct stat *st)
{
	for (size_t i = 0; i < c->linked_count; i++) {
		struct linked_file *f = &c->linked[i];
		if (f->dev == st->st_dev && f->ino == st->st_ino) {
			unlink(dst);
			return link(f->copy, dst) == 0;
		}
	}
	return 0;
}

static void remember_links(struct copy_walk *c, const char *dst, const struct stat *st)
{
	if (c->linked_count % 16 == 0)
		c->linked = xrealloc(c->linked, (c->linked_count + 16) * sizeof *c->linked);
	c->linked[c->linked_count].dev = st->st_dev;
	c->linked[c->linked_count].ino = st->st_ino;
	c->linked[c->linked_count++].copy = xstrdup(dst);
}

static int copy_one_file(struct copy_walk *c, const char *src, const char *dst, const struct stat *st)
{
	const struct copy_options *how = c->how;
	mode_t mode = st->st_mode & (how->preserve ? 07777 : 0777 & ~current_umask());
	struct stat old;
	int exists = lstat(dst, &old) == 0;

	if (exists && !may_replace(c, src, dst, st, &old))
		return 0;
	if (how->preserve && st->st_nlink > 1) {
		if (copy_as_link(c, dst, st))
			return 0;
		remember_links(c, dst, st);
	}
	if (S_ISLNK(st->st_mode)) {
		if (copy_symlink(src, dst) < 0)
			return -1;
	} else if (S_ISREG(st->st_mode) || !how->recursive) {
		/* Without -r, a device or fifo is read like a file, as POSIX cp says. */
		return copy_to_name(src, dst, exists ? &old : NULL, st, mode, how->preserve);
	} else {
		unlink(dst);
		if (mknod(dst, st->st_mode, st->st_rdev) < 0) {
			warn("%s:", dst);
			return -1;
		}
	}
	if (how->preserve)
		preserve_by_name(dst, st);
	return 0;
}

/* A directory: made before its contents (writable for us), finished after them. */
static int copy_directory(struct copy_walk *c, const char *src, const char *dst,
			  const struct stat *st, enum walk_phase phase)
{
	const struct copy_options *how = c->how;
	struct stat old;

	if (phase == WALK_DIR) {
		if (!how->recursive) {
			warn("-r not specified; omitting directory '%s'", src);
			return -1;
		}
		if (stat(dst, &old) == 0 && S_ISDIR(old.st_mode))
			return 0;
		if (mkdir(dst, (st->st_mode & 0777) | S_IRWXU) < 0) {
			warn("%s:", dst);
			return -1;
		}
		return 0;
	}
	if (how->preserve) {
		preserve_by_name(dst, st);
		chmod(dst, st->st_mode & 07777);
	} else if ((st->st_mode & S_IRWXU) != S_IRWXU) {
		/* Take back the rwx for us that mkdir added (the umask had its say there). */
		chmod(dst, st->st_mode & 0777 & ~current_umask());
	}
	return 0;
}

/* The name in the copy of a file at path in the source tree. */
static char *target_name(struct copy_walk *c, const char *path)
{
	const char *rest = path + strlen(c->src_root);

	while (*rest == '/')
		rest++;
	return *rest ? path_join(c->dst_root, rest) : xstrdup(c->dst_root);
}

static int copy_visit(struct walk *w, const char *path, const struct stat *st, enum walk_phase phase)
{
	struct copy_walk *c = (struct copy_walk *)w;
	char *dst = target_name(c, path);
	int result;

	if (phase == WALK_FILE)
		result = copy_one_file(c, path, dst, st);
	else if (phase == WALK_DIR || !w->not_entered)
		result = copy_directory(c, path, dst, st, phase);
	else
		result = 0;
	if (result < 0)
		w->status = 1;
	else if (phase != WALK_DIR_DONE && c->how->verbose)
		printf("'%s' -> '%s'\n", path, dst);
	free(dst);
	return result < 0 ? WALK_SKIP : 0;
}

/* Is dst the directory src or inside it? Then a recursive copy would never end. */
static int inside_itself(const char *src, const char *dst)
{
	char *from = realpath(src, NULL), *parent = xstrdup(dst), *slash, *to;
	size_t len;
	int inside = 0;

	/* dst may not exist yet: resolve the directory it goes into. */
	slash = strrchr(parent, '/');
	if (slash == parent)
		slash[1] = '\0';		/* "/name" goes into "/" */
	else if (slash)
		*slash = '\0';
	to = realpath(slash ? parent : ".", NULL);
	if (from && to) {
		len = strlen(from);
		char *full = path_join(to, base_name(dst));
		inside = strncmp(full, from, len) == 0 && (full[len] == '/' || full[len] == '\0');
		free(full);
	}
	free(from);
	free(to);
	free(parent);
	return inside;
}

int copy_path(const char *src, const char *dst, const struct copy_options *how)
{
	struct copy_walk c = { .how = how, .src_root = src, .dst_root = dst };
	struct stat st;

	c.walk.visit = copy_visit;
	c.walk.follow = how->links == COPY_FOLLOW ? WALK_LOGICAL :
			how->links == COPY_NO_FOLLOW ? WALK_PHYSICAL : WALK_OPERANDS;
	if (how->recursive && stat(src, &st) == 0 && S_ISDIR(st.st_mode) && inside_itself(src, dst)) {
		warn("cannot copy a directory, '%s', into itself, '%s'", src, dst);
		return 1;
	}
	walk_tree(&c.walk, src);
	for (size_t i = 0; i < c.linked_count; i++)
		free(c.linked[i].copy);
	free(c.linked);
	return c.walk.status;
}

int write_new_file(const char *target, const struct stat *like,
		   int (*fill)(int out, void *data), void *data)
{
	struct new_file f;

	if (new_file_begin(&f, target, NULL, NEW_FILE_INTO_DEVICE) < 0) {
		warn("%s:", target);
		return 1;
	}
	if (fill(f.fd, data) != 0) {
		new_file_abort(&f);
		return 1;
	}
	return new_file_commit(&f, like) < 0;
}

int convert_file(const char *path, const struct stat *st, const char *target, int force,
		 int keep, int (*fill)(int out, void *data), void *data)
{
	struct stat existing;

	if (lstat(target, &existing) == 0) {
		if (!force) {
			warn("%s already exists", target);
			return 1;
		}
		if (S_ISDIR(existing.st_mode)) {
			warn("%s: is a directory", target);
			return 1;
		}
	}
	if (write_new_file(target, st, fill, data) != 0)
		return 1;
	if (!keep && unlink(path) < 0) {
		warn("%s:", path);
		return 1;
	}
	return 0;
}
