/*
 * mount: attach a file system, or list the mounted ones (as util-linux mount for
 * the everyday cases: -t -o -a -r -w, remount, bind, types found by trying).
 */
#include <errno.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include "mini.h"

static const char usage[] =
	"Usage: mount [-rw] [-t TYPE] [-o OPTIONS] DEVICE DIRECTORY\n"
	"       mount [-rw] [-o OPTIONS] DEVICE|DIRECTORY   (the other one from /etc/fstab)\n"
	"       mount -a [-t TYPE]   mount everything in /etc/fstab not marked noauto\n"
	"       mount [-t TYPE]      list the mounted file systems\n"
	"Attach the file system on DEVICE (a name like 'proc' for virtual ones) at DIRECTORY.\n"
	"  -t TYPE     ext2, vfat, iso9660, proc, sysfs, devtmpfs, tmpfs ... (tried in turn if not given)\n"
	"  -o OPTIONS  comma-separated: ro, rw, remount, bind, move, nosuid, nodev, noexec,\n"
	"              sync, noatime ...; the others go to the file system (size=1m, mode=755)\n"
	"  -r, -w      read-only, read-write (-o ro, -o rw)\n"
	"  -B, --bind  make DEVICE (a directory) visible at DIRECTORY too (-o bind)\n"
	"  -M, --move  move the mount at DEVICE to DIRECTORY (-o move)\n";

/* The mount(2) flag for each option word; `clears` words take the flag away ("rw"). */
static const struct {
	const char *name;
	unsigned long flag;
	int clears;
} flag_words[] = {
	{ "ro", MS_RDONLY, 0 }, { "rw", MS_RDONLY, 1 }, { "remount", MS_REMOUNT, 0 },
	{ "bind", MS_BIND, 0 }, { "rbind", MS_BIND | MS_REC, 0 }, { "move", MS_MOVE, 0 },
	{ "nosuid", MS_NOSUID, 0 }, { "suid", MS_NOSUID, 1 }, { "nodev", MS_NODEV, 0 },
	{ "dev", MS_NODEV, 1 }, { "noexec", MS_NOEXEC, 0 }, { "exec", MS_NOEXEC, 1 },
	{ "sync", MS_SYNCHRONOUS, 0 }, { "async", MS_SYNCHRONOUS, 1 }, { "dirsync", MS_DIRSYNC, 0 },
	{ "noatime", MS_NOATIME, 0 }, { "atime", MS_NOATIME, 1 }, { "nodiratime", MS_NODIRATIME, 0 },
	{ "relatime", MS_RELATIME, 0 }, { "strictatime", MS_STRICTATIME, 0 },
	/* Words for /etc/fstab and mount -a, with no meaning to the kernel. */
	{ "defaults", 0, 0 }, { "auto", 0, 0 }, { "noauto", 0, 0 }, { "user", 0, 0 },
	{ "nouser", 0, 0 }, { "users", 0, 0 }, { "_netdev", 0, 0 }, { "nofail", 0, 0 },
};

/* What to mount: mount(2)'s arguments. */
struct request {
	const char *device, *dir, *type;
	unsigned long flags;
	char data[512];		/* the options the file system itself reads */
};

/* Add the words of a comma-separated list to the request's flags and data. */
static void add_options(struct request *r, const char *list)
{
	char *copy = xstrdup(list);

	for (char *word = strtok(copy, ","); word; word = strtok(NULL, ",")) {
		size_t i, n = sizeof flag_words / sizeof flag_words[0];
		for (i = 0; i < n && strcmp(word, flag_words[i].name) != 0; i++)
			;
		if (i == n) {
			size_t len = strlen(r->data);
			snprintf(r->data + len, sizeof r->data - len, "%s%s", len ? "," : "", word);
		} else if (flag_words[i].clears) {
			r->flags &= ~flag_words[i].flag;
		} else {
			r->flags |= flag_words[i].flag;
		}
	}
	free(copy);
}

/* mount(2) with each type of /proc/filesystems that needs a device, until one fits. */
static int mount_trying_types(struct request *r)
{
	char *list = read_file("/proc/filesystems", NULL), *line;
	int saved_errno = ENODEV;

	if (list == NULL)
		return -1;
	/* Lines are "nodev\tproc" for virtual file systems, "\text2" for real ones. */
	for (line = strtok(list, "\n"); line; line = strtok(NULL, "\n")) {
		if (starts_with(line, "nodev"))
			continue;
		line += strspn(line, " \t");
		if (mount(r->device, r->dir, line, r->flags, r->data[0] ? r->data : NULL) == 0) {
			free(list);
			return 0;
		}
		if (errno != EINVAL && errno != ENODEV)	/* "wrong type" goes on; other errors stop */
			saved_errno = errno;
	}
	free(list);
	errno = saved_errno;
	return -1;
}

static int do_mount(struct request *r)
{
	int result;

	if (r->type == NULL || strcmp(r->type, "auto") == 0) {
		if (r->flags & (MS_BIND | MS_MOVE | MS_REMOUNT))
			result = mount(r->device, r->dir, NULL, r->flags, r->data[0] ? r->data : NULL);
		else
			result = mount_trying_types(r);
	} else {
		result = mount(r->device, r->dir, r->type, r->flags, r->data[0] ? r->data : NULL);
	}
	if (result < 0)
		warn("mounting %s on %s:", r->device, r->dir);
	return result < 0;
}

/*
 * The entry of the table file (/etc/fstab, /proc/mounts) whose device or directory
 * is name, copied into *found (when found is not NULL). Returns whether there is one.
 * getmntent's answer lives in a buffer the next call reuses: callers that loop over
 * another table meanwhile use getmntent_r with their own.
 */
static int find_entry(const char *table, const char *name, struct mntent *found)
{
	FILE *f = setmntent(table, "r");
	struct mntent *m;
	int ok = 0;

	if (f == NULL)
		return 0;
	while (!ok && (m = getmntent(f)) != NULL) {
		if (strcmp(m->mnt_dir, name) != 0 && strcmp(m->mnt_fsname, name) != 0)
			continue;
		ok = 1;
		if (found) {
			found->mnt_fsname = xstrdup(m->mnt_fsname);
			found->mnt_dir = xstrdup(m->mnt_dir);
			found->mnt_type = xstrdup(m->mnt_type);
			found->mnt_opts = xstrdup(m->mnt_opts);
		}
	}
	endmntent(f);
	return ok;
}

static int list_mounts(const char *only_type)
{
	FILE *f = setmntent("/proc/mounts", "r");
	struct mntent *m;

	if (f == NULL)
		die("/proc/mounts:");
	while ((m = getmntent(f)) != NULL) {
		if (only_type == NULL || strcmp(m->mnt_type, only_type) == 0)
			printf("%s on %s type %s (%s)\n", m->mnt_fsname, m->mnt_dir, m->mnt_type, m->mnt_opts);
	}
	endmntent(f);
	return flush_stdout() < 0;
}

/* mount -a: every /etc/fstab entry that is not noauto, swap, or mounted already. */
static int mount_all(const char *only_type, unsigned long flags, const char *options)
{
	FILE *f = setmntent("/etc/fstab", "r");
	struct mntent *m, entry;
	char line[1024];
	int status = 0;

	if (f == NULL)
		die("/etc/fstab:");
	while ((m = getmntent_r(f, &entry, line, sizeof line)) != NULL) {
		struct request r;
		if (hasmntopt(m, "noauto") || strcmp(m->mnt_type, "swap") == 0 ||
		    (only_type && strcmp(m->mnt_type, only_type) != 0) ||
		    find_entry("/proc/mounts", m->mnt_dir, NULL))
			continue;
		memset(&r, 0, sizeof r);
		r.device = m->mnt_fsname;
		r.dir = m->mnt_dir;
		r.type = m->mnt_type;
		r.flags = flags;
		add_options(&r, m->mnt_opts);
		if (options)
			add_options(&r, options);
		status |= do_mount(&r);
	}
	endmntent(f);
	return status;
}

/* --bind and --move are the only long options; make them -B and -M for the parser. */
static void translate_long_options(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--bind") == 0)
			argv[i] = "-B";
		else if (strcmp(argv[i], "--move") == 0)
			argv[i] = "-M";
	}
}

/* mount with one operand: the rest comes from /etc/fstab, or from /proc/mounts for a remount. */
static int mount_from_table(struct request *r, const char *name, const char *options)
{
	struct mntent entry;

	if (find_entry("/etc/fstab", name, &entry) ||
	    ((r->flags & MS_REMOUNT) && find_entry("/proc/mounts", name, &entry))) {
		r->device = entry.mnt_fsname;
		r->dir = entry.mnt_dir;
		if (r->type == NULL)
			r->type = entry.mnt_type;
		if (!(r->flags & MS_REMOUNT)) {
			unsigned long wanted = r->flags;
			r->data[0] = '\0';
			add_options(r, entry.mnt_opts);		/* fstab first, the command line wins */
			r->flags |= wanted;
			if (options)
				add_options(r, options);
		}
		return do_mount(r);
	}
	if (r->flags & MS_REMOUNT) {		/* not listed anywhere: the kernel will tell */
		r->device = "none";
		r->dir = name;
		return do_mount(r);
	}
	die("%s: not found in /etc/fstab", name);
}

int mount_main(int argc, char **argv)
{
	struct options o;
	struct request r;
	const char *options = NULL;
	int c, all = 0;

	memset(&r, 0, sizeof r);
	translate_long_options(argc, argv);
	options_start(&o, argc, argv, "at:o:rwBM", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'a': all = 1; break;
		case 't': r.type = o.arg; break;
		case 'o': options = o.arg; add_options(&r, o.arg); break;
		case 'r': r.flags |= MS_RDONLY; break;
		case 'w': r.flags &= ~MS_RDONLY; break;
		case 'B': r.flags |= MS_BIND; break;
		case 'M': r.flags |= MS_MOVE; break;
		}
	}
	argv += o.index;
	argc -= o.index;
	if (all)
		return mount_all(r.type, r.flags, options);
	if (argc == 0)
		return list_mounts(r.type);
	if (argc == 1)
		return mount_from_table(&r, argv[0], options);
	if (argc > 2)
		usage_error(usage, "too many operands");
	r.device = argv[0];
	r.dir = argv[1];
	return do_mount(&r);
}
