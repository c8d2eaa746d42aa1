/*
 * newfile.h: writing a file whole, or not at all: the one safety rule of every command
 * that replaces a file (sed -i, vi :w, sort -o, gzip, gunzip, install, tar -x, the
 * account files).
 *
 * The new contents go to a temporary file beside the target, in the same directory
 * (so on the same file system); only when they are complete does the file get its
 * owner, mode and times, on its descriptor, and is renamed over the target. A reader
 * sees the old file or the new one, never half of one; a full disk, a read error or a
 * crash leaves the old file as it was; a failure removes the temporary file again.
 *
 *	struct new_file f;
 *	if (new_file_begin(&f, target, NULL, 0) < 0)
 *		warn("%s:", target);		// nothing was made
 *	else if (write_all(f.fd, ...) < 0)
 *		new_file_abort(&f);		// say why, then undo
 *	else if (new_file_commit(&f, &like) < 0)
 *		...				// commit said why and undid it
 */
#ifndef NEWFILE_H
#define NEWFILE_H

#include <sys/stat.h>

/* What new_file_begin may do besides the plain rule (or them together with |). */
enum new_file_flags {
	/* A target not there yet is created and written in place (O_EXCL): there is nothing
	 * to lose, and no rename to pay for. Never through a symlink: that counts as there. */
	NEW_FILE_CREATE = 1,
	/* An empty directory at the target gives way to the file (tar, as GNU tar). */
	NEW_FILE_DIRECTORY_GIVES_WAY = 2,
	/* fsync before the rename: the new file is on the disk before the old one goes. */
	NEW_FILE_SYNC = 4,
	/* Failing to give the file like's owner is an error (the account files); otherwise
	 * the file stays ours, as any new file would be (not root). */
	NEW_FILE_MUST_OWN = 8,
};

struct new_file {
	int fd;			/* write the new contents here */
	const char *target;
	char *temp;		/* the temporary name; NULL when the target itself was created */
	int flags;
};

/*
 * Start writing a new target: make the temporary file "DIR/.NAME.MARKxxxxxx" (mode 0600,
 * mkstemp), mark (may be NULL) being what tells one's own temporary files apart, or
 * with NEW_FILE_CREATE the target itself when there is none. The name part is left out
 * when it would make the name too long for a directory entry. Returns f->fd, or -1 with
 * errno set and nothing made (the caller says it: it may want to make the directory and
 * try again).
 */
int new_file_begin(struct new_file *f, const char *target, const char *mark, int flags);

/*
 * Finish it: like's owner (first, as chown clears set-id bits; an id of -1 keeps ours),
 * like's mode (the 07777 bits) and times (UTIME_OMIT in tv_nsec keeps one; times are
 * never worth an error) on the descriptor, fsync with NEW_FILE_SYNC, close, rename over
 * the target. Returns 0, or -1 after saying "cmd: TARGET: why" and removing what
 * new_file_begin made; the old target is then untouched.
 */
int new_file_commit(struct new_file *f, const struct stat *like);

/* Give up: close and remove what new_file_begin made (errno is kept for the caller). */
void new_file_abort(struct new_file *f);

#endif
