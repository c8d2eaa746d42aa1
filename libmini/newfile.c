/*
 * newfile.c: writing a file whole, or not at all (see newfile.h): a temporary file
 * beside the target, owner and mode on its descriptor, rename, clean up; a new name
 * or a device written in place when the caller asks.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "newfile.h"

/*
 * "DIR/.NAME.MARKxxxxxx" for "DIR/NAME": hidden, and telling whose it is. A NAME of
 * 250 bytes would make a name longer than a directory entry may be (NAME_MAX):
 * then "DIR/.MARKxxxxxx".
 */
static char *temp_name(const char *target, const char *mark)
{
	const char *slash = strrchr(target, '/');
	const char *name = slash ? slash + 1 : target;
	int dir_len = name - target;
	char *temp = xmalloc(strlen(target) + strlen(mark) + sizeof "/..XXXXXX");

	if (strlen(name) + strlen(mark) + sizeof "..XXXXXX" - 1 <= NAME_MAX)
		sprintf(temp, "%.*s.%s.%sXXXXXX", dir_len, target, name, mark);
	else
		sprintf(temp, "%.*s.%sXXXXXX", dir_len, target, mark);
	return temp;
}

mode_t current_umask(void)
{
	static int known;
	static mode_t bits;

	if (!known) {
		bits = umask(0);
		umask(bits);
		known = 1;
	}
	return bits;
}

/*
 * NEW_FILE_INTO_DEVICE: a device or FIFO at the target (lstat: a symlink is replaced,
 * never followed) is opened to be written into. Returns 1 when there is one (f->fd is
 * then its descriptor, or -1), 0 when the target is to be replaced.
 */
static int open_device(struct new_file *f)
{
	struct stat st;

	if (lstat(f->target, &st) < 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode) ||
	    S_ISLNK(st.st_mode))
		return 0;
	f->into_device = 1;
	f->fd = open(f->target, O_WRONLY | O_NOCTTY | O_NOFOLLOW);
	return 1;
}

int new_file_begin_mode(struct new_file *f, const char *target, const char *mark, int flags,
			mode_t create_mode)
{
	f->target = target;
	f->flags = flags;
	f->temp = NULL;
	f->into_device = 0;
	f->mode = (mode_t)-1;
	if (flags & NEW_FILE_CREATE) {
		/* O_EXCL: a name that exists in any way (a dangling symlink too) is not new.
		 * No set-id bit yet: chown would clear it, commit sets it. */
		f->fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY, create_mode & 0777);
		if (f->fd >= 0)
			f->mode = create_mode & 0777 & ~current_umask();
		if (f->fd >= 0 || errno != EEXIST)
			return f->fd;
	}
	if ((flags & NEW_FILE_INTO_DEVICE) && open_device(f))
		return f->fd;
	f->temp = temp_name(target, mark ? mark : "");
	f->fd = mkstemp(f->temp);
	if (f->fd < 0) {
		int error = errno;
		free(f->temp);
		f->temp = NULL;
		errno = error;
	}
	return f->fd;
}

int new_file_begin(struct new_file *f, const char *target, const char *mark, int flags)
{
	return new_file_begin_mode(f, target, mark, flags, 0600);
}

/* Must failing to give like's owner (errno says why) fail the new file? */
static int owner_needed(const struct new_file *f)
{
	if (f->flags & NEW_FILE_MUST_OWN)
		return 1;
	return (f->flags & NEW_FILE_PRESERVE) && errno != EPERM;
}

/* like's owner, mode and times on the new file; -1 when what the flags ask could not be. */
static int give_attributes(const struct new_file *f, const struct stat *like)
{
	struct timespec times[2] = { like->st_atim, like->st_mtim };
	mode_t mode = like->st_mode & 07777;

	/* Owner first: chown clears the set-id bits that fchmod then sets. */
	if ((like->st_uid != (uid_t)-1 || like->st_gid != (gid_t)-1) &&
	    fchown(f->fd, like->st_uid, like->st_gid) < 0 && owner_needed(f))
		return -1;
	/* A file open made with this very mode has it (it had no set-id bit for chown to clear). */
	if (mode != f->mode && fchmod(f->fd, mode) < 0)
		return -1;
	/* A wrong time is no reason to lose a file, unless keeping it was the point (cp -p). */
	if ((times[0].tv_nsec != UTIME_OMIT || times[1].tv_nsec != UTIME_OMIT) &&
	    futimens(f->fd, times) < 0 && (f->flags & NEW_FILE_PRESERVE))
		return -1;
	return 0;
}

/* rename, but with NEW_FILE_DIRECTORY_GIVES_WAY an empty directory in the way is removed. */
static int put_in_place(const struct new_file *f)
{
	if (rename(f->temp, f->target) == 0)
		return 0;
	if (!(f->flags & NEW_FILE_DIRECTORY_GIVES_WAY) || errno != EISDIR || rmdir(f->target) < 0)
		return -1;	/* (a directory not empty: rmdir's "Directory not empty") */
	return rename(f->temp, f->target);
}

/* A device written into keeps its own owner, mode and times: it is only closed. */
static int close_device(struct new_file *f)
{
	int closed = close(f->fd) == 0;

	f->fd = -1;
	if (!closed)
		warn("%s: write error:", f->target);
	return closed ? 0 : -1;
}

int new_file_commit(struct new_file *f, const struct stat *like)
{
	int ok, synced, closed;

	if (f->into_device)
		return close_device(f);
	ok = give_attributes(f, like) == 0;

	if (!ok) {
		warn("%s:", f->target);
	} else {
		synced = !(f->flags & NEW_FILE_SYNC) || fsync(f->fd) == 0;
		/* close reports what the disk refused late (NFS, a full disk with delayed writes) */
		closed = close(f->fd) == 0;
		f->fd = -1;
		if (!synced || !closed) {
			warn("%s: write error:", f->target);
			ok = 0;
		} else if (f->temp && put_in_place(f) < 0) {
			warn("%s:", f->target);
			ok = 0;
		}
	}
	if (!ok) {
		new_file_abort(f);
		return -1;
	}
	free(f->temp);
	f->temp = NULL;
	return 0;
}

void new_file_abort(struct new_file *f)
{
	int error = errno;

	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
	/* The temporary file, or the target when it was ours from the start (NEW_FILE_CREATE). */
	if (!f->into_device)
		unlink(f->temp ? f->temp : f->target);
	free(f->temp);
	f->temp = NULL;
	errno = error;
}
