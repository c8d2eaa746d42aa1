/*
 * mount: attach a file system, or list the mounted ones (as util-linux mount for
 * the everyday cases: -t -o -a -r -w, remount, bind, loop files, LABEL= and UUID=).
 *
 * Without -t the type comes from the superblock (libmini/fstype.c); a type it does
 * not know is found by trying each disk file system of /proc/filesystems in turn.
 * A medium that refuses writing (a CD, a write-protected floppy) is mounted
 * read-only with a note, as util-linux does.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include "mini.h"
#include "fstype.h"
#include "loop.h"
#include "module.h"

static const char usage[] =
	"Usage: mount [-rw] [-t TYPE] [-o OPTIONS] DEVICE DIRECTORY\n"
	"       mount [-rw] [-o OPTIONS] DEVICE|DIRECTORY   (the other one from /etc/fstab)\n"
	"       mount -a [-t TYPE]   mount everything in /etc/fstab not marked noauto\n"
	"       mount [-t TYPE]      list the mounted file systems\n"
	"Attach the file system on DEVICE (a name like 'proc' for virtual ones) at DIRECTORY.\n"
	"DEVICE may be LABEL=name or UUID=id (see blkid), or a file (mounted through a loop device).\n"
	"  -t TYPE     ext2, vfat, iso9660, proc, sysfs, devtmpfs, tmpfs ... (found from the\n"
	"              superblock when not given)\n"
	"  -o OPTIONS  comma-separated: ro, rw, remount, bind, move, nosuid, nodev, noexec,\n"
	"              sync, noatime, loop, offset=N, sizelimit=N ...; the others go to the\n"
	"              file system (size=1m, mode=755, iocharset=...)\n"
	"  -r, -w      read-only, read-write (-o ro, -o rw)\n"
	"  -B, --bind  make DEVICE (a directory) visible at DIRECTORY too (-o bind)\n"
	"  --rbind     the same with every mount below DEVICE\n"
	"  -M, --move  move the mount at DEVICE to DIRECTORY (-o move)\n"
	"  --make-private, --make-rprivate, --make-shared, --make-rshared, --make-slave,\n"
	"  --make-rslave   change how mounts at DIRECTORY (and below: r) propagate\n";

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

/* The --make-* options: mount(2) flags that change propagation alone. */
static const struct {
	const char *option;
	unsigned long flags;
} propagation_options[] = {
	{ "--make-private", MS_PRIVATE }, { "--make-rprivate", MS_PRIVATE | MS_REC },
	{ "--make-shared", MS_SHARED }, { "--make-rshared", MS_SHARED | MS_REC },
	{ "--make-slave", MS_SLAVE }, { "--make-rslave", MS_SLAVE | MS_REC },
	{ "--make-unbindable", MS_UNBINDABLE }, { "--make-runbindable", MS_UNBINDABLE | MS_REC },
};

/* What to mount: mount(2)'s arguments, and the loop device wanted for a file. */
struct request {
	const char *device, *dir, *type;
	unsigned long flags;
	char data[512];		/* the options the file system itself reads */
	int loop;		/* -o loop, or the device is a regular file */
	unsigned long long offset, sizelimit;
};

/* offset=N and sizelimit=N: loop options, not the file system's. Returns whether
 * word was one of them. */
static int take_loop_option(struct request *r, const char *word)
{
	unsigned long long *target;
	long long value;

	if (strcmp(word, "loop") == 0 || starts_with(word, "loop=")) {
		r->loop = 1;
		return 1;
	}
	if (starts_with(word, "offset="))
		target = &r->offset;
	else if (starts_with(word, "sizelimit="))
		target = &r->sizelimit;
	else
		return 0;
	if (parse_long(strchr(word, '=') + 1, &value) < 0 || value < 0)
		die("bad number in '%s'", word);
	*target = value;
	r->loop = 1;
	return 1;
}

/* Add the words of a comma-separated list to the request's flags and data. */
static void add_options(struct request *r, const char *list)
{
	char *copy = xstrdup(list);

	for (char *word = strtok(copy, ","); word; word = strtok(NULL, ",")) {
		size_t i, n = sizeof flag_words / sizeof flag_words[0];
		if (take_loop_option(r, word))
			continue;
		for (i = 0; i < n && strcmp(word, flag_words[i].name) != 0; i++)
			;
		if (i == n) {
			size_t len = strlen(r->data);
			if (len + strlen(word) + 2 > sizeof r->data)
				die("too many options");
			snprintf(r->data + len, sizeof r->data - len, "%s%s", len ? "," : "", word);
		} else if (flag_words[i].clears) {
			r->flags &= ~flag_words[i].flag;
		} else {
			r->flags |= flag_words[i].flag;
		}
	}
	free(copy);
}

static int call_mount(const struct request *r, const char *device, const char *type)
{
	return mount(device, r->dir, type, r->flags, r->data[0] ? r->data : NULL);
}

/* mount(2) with each type of /proc/filesystems that needs a device, until one fits. */
static int mount_trying_types(const struct request *r, const char *device)
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
		if (call_mount(r, device, line) == 0) {
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

/*
 * The kernel's name for a detected type. ext3 and ext4 file systems without their
 * newer features are served by the ext2 driver when no ext3/ext4 one is built in
 * (mini's kernels have ext2 only): try the named one first, then ext4, then ext2.
 */
static int mount_detected(const struct request *r, const char *device, const char *type)
{
	static const char *const ext_drivers[] = { "ext4", "ext2" };

	if (call_mount(r, device, type) == 0)
		return 0;
	if (errno != ENODEV || !starts_with(type, "ext"))
		return -1;
	for (int i = 0; i < 2; i++) {
		if (strcmp(type, ext_drivers[i]) == 0)
			continue;
		if (call_mount(r, device, ext_drivers[i]) == 0)
			return 0;
		if (errno != ENODEV)
			return -1;
	}
	return -1;
}

/* Mount device, the type from -t or from its superblock. */
static int mount_device(const struct request *r, const char *device)
{
	struct fstype fs;

	if (r->type && strcmp(r->type, "auto") != 0)
		return call_mount(r, device, r->type);
	if (r->flags & (MS_BIND | MS_MOVE | MS_REMOUNT))
		return call_mount(r, device, NULL);
	switch (fstype_probe_path(device, &fs)) {
	case 1:
		if (strcmp(fs.type, "swap") == 0 || strcmp(fs.type, "dos") == 0 ||
		    strcmp(fs.type, "jbd") == 0) {
			warn("%s: %s", r->device, strcmp(fs.type, "swap") == 0 ? "is a swap area (use swapon)"
			     : strcmp(fs.type, "dos") == 0 ? "is a partitioned disk (mount a partition: see blkid)"
			     : "is an ext3 journal, not a file system");
			errno = 0;
			return -1;
		}
		if (mount_detected(r, device, fs.type) == 0)
			return 0;
		if (errno == EINVAL && !(r->flags & MS_REMOUNT)) {
			warn("%s: cannot mount this %s file system: damaged, truncated, or with features "
			     "the kernel lacks", r->device, fs.type);
			errno = 0;
		}
		return -1;
	case 0:
		/* Not one we know: the kernel may know better. */
		if (mount_trying_types(r, device) == 0)
			return 0;
		if (errno == EINVAL || errno == ENODEV) {
			warn("%s: unknown file system type (not ext2/3/4, FAT, ISO9660; give -t)", r->device);
			errno = 0;
		}
		return -1;
	default:
		return -1;
	}
}

/* Mount; a medium that cannot be written is tried again read-only. */
static int mount_device_or_readonly(struct request *r, const char *device)
{
	if (mount_device(r, device) == 0)
		return 0;
	if ((errno == EACCES || errno == EROFS) && !(r->flags & (MS_RDONLY | MS_REMOUNT | MS_BIND | MS_MOVE))) {
		r->flags |= MS_RDONLY;
		if (mount_device(r, device) == 0) {
			warn("%s: WARNING: source write-protected, mounted read-only", r->device);
			return 0;
		}
	}
	return -1;
}

static int is_regular_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Mount a file through a loop device that goes away with the mount (autoclear). */
static int mount_through_loop(struct request *r)
{
	int flags = LOOP_AUTOCLEAR | (r->flags & MS_RDONLY ? LOOP_READ_ONLY : 0), fd, result;
	char *loop = loop_attach(r->device, r->offset, r->sizelimit, &flags, &fd);

	if (loop == NULL) {
		warn("%s: cannot set up a loop device:", r->device);
		return 1;
	}
	if (flags & LOOP_READ_ONLY)
		r->flags |= MS_RDONLY;
	result = mount_device_or_readonly(r, loop);
	if (result < 0 && errno)
		warn("mounting %s (%s) on %s:", r->device, loop, r->dir);
	close(fd);		/* unused after a failure, the device detaches now */
	free(loop);
	return result < 0;
}

static int do_mount(struct request *r)
{
	char *device;
	int result;

	if (r->flags & (MS_BIND | MS_MOVE | MS_REMOUNT))
		r->loop = 0;
	else if (is_regular_file(r->device))
		r->loop = 1;	/* an image file: util-linux mounts it through a loop device */
	device = fstype_resolve_spec(r->device);
	if (device == NULL)
		return 1;
	r->device = device;
	if (r->loop)
		return mount_through_loop(r);
	result = mount_device_or_readonly(r, device);
	if (result < 0 && errno)
		warn("mounting %s on %s:", device, r->dir);
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

/*
 * The long options: --bind and --move become -B and -M for the parser, --rbind
 * -B with MS_REC; --make-* set *propagation (and are taken out of argv).
 */
static void translate_long_options(int argc, char **argv, unsigned long *propagation, int *rbind)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--bind") == 0) {
			argv[i] = "-B";
		} else if (strcmp(argv[i], "--rbind") == 0) {
			argv[i] = "-B";
			*rbind = 1;
		} else if (strcmp(argv[i], "--move") == 0) {
			argv[i] = "-M";
		} else if (starts_with(argv[i], "--make-")) {
			size_t j, n = sizeof propagation_options / sizeof propagation_options[0];
			for (j = 0; j < n && strcmp(argv[i], propagation_options[j].option) != 0; j++)
				;
			if (j == n)
				usage_error(usage, "unknown option '%s'", argv[i]);
			*propagation = propagation_options[j].flags;
			argv[i] = "-P";		/* a no-op letter the parser accepts */
		}
	}
}

/* mount --make-private DIR and friends. */
static int change_propagation(const char *dir, unsigned long flags)
{
	if (mount("none", dir, NULL, flags, NULL) == 0)
		return 0;
	warn("%s:", dir);
	return 1;
}

/* mount with one operand: the rest comes from /etc/fstab, or from /proc/mounts for a remount. */
static int mount_from_table(struct request *r, const char *name, const char *options)
{
	struct mntent entry;
	char full[PATH_MAX];

	/* The tables have whole paths: "mount d" may mean $PWD/d. */
	if (realpath(name, full) == NULL)
		snprintf(full, sizeof full, "%s", name);
	if (find_entry("/etc/fstab", name, &entry) || find_entry("/etc/fstab", full, &entry) ||
	    ((r->flags & MS_REMOUNT) && (find_entry("/proc/mounts", name, &entry) ||
					 find_entry("/proc/mounts", full, &entry)))) {
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
	unsigned long propagation = 0;
	int c, all = 0, rbind = 0;

	wait_for_drivers();
	memset(&r, 0, sizeof r);
	translate_long_options(argc, argv, &propagation, &rbind);
	options_start(&o, argc, argv, "at:o:rwBMP", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'a': all = 1; break;
		case 't': r.type = o.arg; break;
		case 'o': options = o.arg; add_options(&r, o.arg); break;
		case 'r': r.flags |= MS_RDONLY; break;
		case 'w': r.flags &= ~MS_RDONLY; break;
		case 'B': r.flags |= MS_BIND | (rbind ? MS_REC : 0); break;
		case 'M': r.flags |= MS_MOVE; break;
		}
	}
	argv += o.index;
	argc -= o.index;
	if (propagation) {
		if (argc != 1)
			usage_error(usage, "--make-* takes one DIRECTORY");
		return change_propagation(argv[0], propagation);
	}
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
