/*
 * newfile.h: writing a file whole, or not at all: the one safety rule of every command
 * that replaces a file (cp, mv, sed -i, vi :w, sort -o, gzip, gunzip, install, tar -x,
 * the account files).
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
	/* A device or FIFO standing at the target (not a symlink to one) is written into,
	 * keeping its owner, mode and times: a file renamed over /dev/null would replace
	 * the device (cp FILE /dev/null, sort -o /dev/stdout). */
	NEW_FILE_INTO_DEVICE = 16,
	/* cp -p's promise: like's times are kept, and its owner unless we may not give it
	 * (EPERM: we are not root, and the copy stays ours, as POSIX allows), or the new
	 * file fails. */
	NEW_FILE_PRESERVE = 32,
};

struct new_file {
	int fd;			/* write the new contents here */
	const char *target;
	char *temp;		/* the temporary name; NULL when the target itself is written */
	int into_device;	/* the target is a device or FIFO written in place: it is never
				 * removed, and keeps its own owner, mode and times */
	mode_t mode;		/* the mode open gave a target it created, or (mode_t)-1 */
	int flags;
};

/*
 * Start writing a new target: make the temporary file "DIR/.NAME.MARKxxxxxx" (mode 0600,
 * mkstemp), mark (may be NULL) being what tells one's own temporary files apart, or
 * with NEW_FILE_CREATE the target itself when there is none (mode 0600 too), or with
 * NEW_FILE_INTO_DEVICE open the device or FIFO that is there. The name part is left out
 * when it would make the name too long for a directory entry. A directory at the target
 * fails at once (EISDIR) unless it may give way. Returns f->fd, or -1 with errno set and
 * nothing made (the caller says it: it may want to make the directory and try again).
 */
int new_file_begin(struct new_file *f, const char *target, const char *mark, int flags);

/*
 * new_file_begin, but a target created in place (NEW_FILE_CREATE) gets the permissions
 * create_mode (less the umask) from open itself, and new_file_commit needs no fchmod
 * when that is already like's mode: cp -a's 10,000 new files cost no system call more.
 */
int new_file_begin_mode(struct new_file *f, const char *target, const char *mark, int flags,
			mode_t create_mode);

/*
 * Finish it: like's owner (first, as chown clears set-id bits; an id of -1 keeps ours),
 * like's mode (the 07777 bits) and times (UTIME_OMIT in tv_nsec keeps one; times are
 * worth an error only with NEW_FILE_PRESERVE) on the descriptor, fsync with
 * NEW_FILE_SYNC, close, rename over the target (a device only gets closed). Returns 0,
 * or -1 after saying "cmd: TARGET: why" and removing what new_file_begin made; the old
 * target is then untouched.
 */
int new_file_commit(struct new_file *f, const struct stat *like);

/* Give up: close and remove what new_file_begin made, never a device (errno is kept
 * for the caller). */
void new_file_abort(struct new_file *f);

/* The process's umask, asked once (reading it means setting it; nothing changes it while
 * a command runs): the bits open takes away from a new file's mode (cp, new_file_begin). */
mode_t current_umask(void);

#endif
