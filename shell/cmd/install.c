/*
 * install: copy files and set their mode and owner (like GNU and BusyBox install).
 *
 * The copy is libmini's write_new_file: written beside the target and renamed over
 * it, so a program being replaced keeps running from its old file. Owner and mode
 * are set on the open temporary file before the rename, never by name afterwards:
 * between the two, the name could be made to point at another file.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "copy.h"
#include "modes.h"
#include "targets.h"
#include "tree.h"
#include "users.h"

static const char usage[] =
	"Usage: install [-DT] [-m MODE] [-o OWNER] [-g GROUP] SOURCE DEST\n"
	"   or: install [-m MODE] [-o OWNER] [-g GROUP] SOURCE... DIR\n"
	"   or: install [-D] [-m MODE] [-o OWNER] [-g GROUP] -t DIR SOURCE...\n"
	"   or: install -d [-m MODE] [-o OWNER] [-g GROUP] DIR...\n"
	"Copy SOURCE to DEST (or into DIR) and set its mode (default 755) and owner.\n"
	"  -d  make the directories DIR, with their parents\n"
	"  -D  make the parents of DEST (with -t: DIR) first\n"
	"  -t DIR  copy into DIR    -T  DEST is the name, even a directory's\n";

static mode_t mode = 0755;
static uid_t owner = (uid_t)-1;
static gid_t group = (gid_t)-1;

/* -o and -g, then the mode (chown clears set-id bits), on an open file. */
static int set_owner_and_mode(int fd, const char *path)
{
	if ((owner != (uid_t)-1 || group != (gid_t)-1) && fchown(fd, owner, group) < 0) {
		warn("%s: cannot change the owner:", path);
		return 1;
	}
	if (fchmod(fd, mode) < 0) {
		warn("%s:", path);
		return 1;
	}
	return 0;
}

/* A directory of -d, opened without following a symbolic link put in its place. */
static int set_directory_owner(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC), status;

	if (fd < 0) {
		warn("%s:", path);
		return 1;
	}
	status = set_owner_and_mode(fd, path);
	close(fd);
	return status;
}

struct copy_job {
	const char *src, *dst;
};

/* write_new_file's filler: the contents, then owner and mode, on the temporary file. */
static int fill_copy(int out, void *data)
{
	struct copy_job *job = data;
	int in = open(job->src, O_RDONLY | O_CLOEXEC), result;

	if (in < 0) {
		warn("%s:", job->src);
		return 1;
	}
	result = copy_fd(in, out);
	close(in);
	if (result < 0) {
		warn(result == COPY_READ_ERROR ? "%s:" : "%s: write error:",
		     result == COPY_READ_ERROR ? job->src : job->dst);
		return 1;
	}
	return set_owner_and_mode(out, job->dst);
}

/* Install src as dst; with *parents_flag (-D), make dst's missing parent directories first. */
static int install_file(const char *src, const char *dst, void *parents_flag)
{
	int make_parents = *(int *)parents_flag;
	struct copy_job job = { src, dst };
	struct stat st, like;
	char *parent;

	if (stat(src, &st) < 0) {
		warn("%s:", src);
		return 1;
	}
	if (stat(dst, &like) == 0 && like.st_dev == st.st_dev && like.st_ino == st.st_ino) {
		warn("'%s' and '%s' are the same file", src, dst);
		return 1;
	}
	/* A device or FIFO would get the new file's owner and mode: /dev/null must keep its own. */
	if (lstat(dst, &like) == 0 && !S_ISREG(like.st_mode) && !S_ISLNK(like.st_mode) &&
	    !S_ISDIR(like.st_mode)) {
		warn("cannot install over '%s': not a regular file", dst);
		return 1;
	}
	if (make_parents && strrchr(dst, '/')) {
		parent = xstrndup(dst, strrchr(dst, '/') - dst);
		if (*parent && make_path(parent, 0755, 0) < 0) {
			warn("%s:", parent);
			free(parent);
			return 1;
		}
		free(parent);
	}
	/* What write_new_file gives the file after fill: the same owner and mode, time now. */
	memset(&like, 0, sizeof like);
	like.st_uid = owner;
	like.st_gid = group;
	like.st_mode = mode;
	like.st_atim.tv_nsec = like.st_mtim.tv_nsec = UTIME_NOW;
	return write_new_file(dst, &like, fill_copy, &job);
}

int install_main(int argc, char **argv)
{
	struct options o;
	const char *target_dir = NULL;
	int c, directories = 0, make_parents = 0, no_target_dir = 0, into_directory, status = 0;

	mode = 0755;
	options_start(&o, argc, argv, "cdDg:m:o:st:T", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'd': directories = 1; break;
		case 'D': make_parents = 1; break;
		case 't': target_dir = o.arg; break;
		case 'T': no_target_dir = 1; break;
		case 'm':
			if (parse_mode(o.arg, S_IFREG | 0755, &mode) < 0)
				usage_error(usage, "invalid mode '%s'", o.arg);
			break;
		case 'o':
			if (parse_user(o.arg, &owner) < 0)
				usage_error(usage, "invalid user '%s'", o.arg);
			break;
		case 'g':
			if (parse_group(o.arg, &group) < 0)
				usage_error(usage, "invalid group '%s'", o.arg);
			break;
		}		/* -c and -s are accepted and ignored, as BusyBox does */
	}
	argv += o.index;
	argc -= o.index;
	if (directories) {
		for (int i = 0; i < argc; i++) {
			if (make_path(argv[i], mode, 0) < 0) {
				warn("%s:", argv[i]);
				status = 1;
			} else {
				status |= set_directory_owner(argv[i]);
			}
		}
		return status;
	}
	if (target_dir) {
		/* -D -t DIR: DIR itself is made first, as GNU's install does */
		if (make_parents && make_path(target_dir, 0755, 0) < 0)
			die("%s:", target_dir);
		make_parents = 0;
		if (argc == 0)
			usage_error(usage, "missing file operand");
		return for_each_source_in(target_dir, argc, argv, install_file, &make_parents);
	}
	if (argc < 2)
		usage_error(usage, "missing file operand");
	if (no_target_dir && argc > 2)
		usage_error(usage, "extra operand '%s'", argv[2]);
	/* -D makes DEST's parents; a DIRECTORY target exists already. */
	into_directory = !no_target_dir && is_directory(argv[argc - 1]);
	if (into_directory)
		make_parents = 0;
	return for_each_target(argc, argv, into_directory, install_file, &make_parents);
}
