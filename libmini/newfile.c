/*
 * newfile.c: writing a file whole, or not at all (see newfile.h): a temporary file
 * beside the target, owner and mode on its descriptor, rename, clean up.
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

int new_file_begin(struct new_file *f, const char *target, const char *mark, int flags)
{
	f->target = target;
	f->flags = flags;
	f->temp = NULL;
	if (flags & NEW_FILE_CREATE) {
		/* O_EXCL: a name that exists in any way (a dangling symlink too) is not new. */
		f->fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY, 0600);
		if (f->fd >= 0 || errno != EEXIST)
			return f->fd;
	}
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

/* like's owner, mode and times on the new file; -1 when the owner or mode could not be. */
static int give_attributes(const struct new_file *f, const struct stat *like)
{
	struct timespec times[2] = { like->st_atim, like->st_mtim };

	/* Owner first: chown clears the set-id bits that fchmod then sets. */
	if ((like->st_uid != (uid_t)-1 || like->st_gid != (gid_t)-1) &&
	    fchown(f->fd, like->st_uid, like->st_gid) < 0 && (f->flags & NEW_FILE_MUST_OWN))
		return -1;
	if (fchmod(f->fd, like->st_mode & 07777) < 0)
		return -1;
	if (times[0].tv_nsec != UTIME_OMIT || times[1].tv_nsec != UTIME_OMIT)
		futimens(f->fd, times);		/* a wrong time is no reason to lose a file */
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

int new_file_commit(struct new_file *f, const struct stat *like)
{
	int ok = give_attributes(f, like) == 0, synced, closed;

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
	unlink(f->temp ? f->temp : f->target);
	free(f->temp);
	f->temp = NULL;
	errno = error;
}
