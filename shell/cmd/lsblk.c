/*
 * lsblk: list the block devices (disks with their partitions below them, CD-ROM
 * drives, floppies, loop devices) from /sys/block, with the file system on each
 * (libmini/fstype.c) and where it is mounted (/proc/mounts).
 */
#include <dirent.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "mini.h"
#include "fstype.h"
#include "module.h"

static const char usage[] =
	"Usage: lsblk [-bfn] [DEVICE]...\n"
	"List the block devices: disks with their partitions, CD-ROM drives, floppy drives,\n"
	"loop devices in use (only the DEVICEs named, with their partitions, if any).\n"
	"  -b  sizes in bytes\n"
	"  -f  file systems: NAME FSTYPE LABEL UUID MOUNTPOINT\n"
	"  -n  no heading\n";

enum { COLUMNS = 7 };
enum { FLOPPY_MAJOR = 2, LOOP_MAJOR = 7 };

struct row {
	char *cell[COLUMNS];
};

struct table {
	struct row *rows;
	int count;
	int bytes, filesystems;		/* -b, -f */
};

/* The first line of /sys/block/.../file, or "" (malloc'd). */
static char *sys_line(const char *dir, const char *file)
{
	char *path = path_join(dir, file), *text = read_file(path, NULL);

	free(path);
	if (text == NULL)
		return xstrdup("");
	text[strcspn(text, "\n")] = '\0';
	return text;
}

/* Where the device numbered dev is mounted (the first time), or "" (malloc'd). */
static char *mount_point(dev_t dev)
{
	FILE *f = setmntent("/proc/mounts", "r");
	struct mntent *m;
	struct stat st;
	char *dir = NULL;

	if (f == NULL)
		return xstrdup("");
	while (dir == NULL && (m = getmntent(f)) != NULL)
		if (m->mnt_fsname[0] == '/' && stat(m->mnt_fsname, &st) == 0 &&
		    S_ISBLK(st.st_mode) && st.st_rdev == dev)
			dir = xstrdup(m->mnt_dir);
	endmntent(f);
	return dir ? dir : xstrdup("");
}

static const char *device_type(const char *name, unsigned major, int is_partition, const char *sysdir)
{
	char *scsi_type;
	const char *type = "disk";

	if (is_partition)
		return "part";
	if (major == LOOP_MAJOR)
		return "loop";
	/* SCSI peripheral type 5 is a CD/DVD drive (sr0; ATAPI drives come through SCSI). */
	scsi_type = sys_line(sysdir, "device/type");
	if (strcmp(scsi_type, "5") == 0 || starts_with(name, "sr"))
		type = "rom";
	free(scsi_type);
	return type;
}

/* Add the row of the device at sysdir (/sys/block/sda or /sys/block/sda/sda1). */
static void add_device(struct table *t, const char *sysdir, const char *name, int is_partition, int last)
{
	char *dev = sys_line(sysdir, "dev"), *size_text = sys_line(sysdir, "size");
	unsigned major = 0, minor = 0;
	unsigned long long size = strtoull(size_text, NULL, 10) * 512;
	struct fstype fs;
	struct row *r;
	char buf[32];

	memset(&fs, 0, sizeof fs);
	sscanf(dev, "%u:%u", &major, &minor);
	/* An empty floppy drive takes seconds to say so: floppies are not read. */
	if (size > 0 && major != FLOPPY_MAJOR) {
		char *node = path_join("/dev", name);
		fstype_probe_path(node, &fs);
		free(node);
	}
	t->rows = xrealloc(t->rows, (t->count + 1) * sizeof *t->rows);
	r = &t->rows[t->count++];
	if (is_partition)
		snprintf(buf, sizeof buf, "%s", last ? "`-" : "|-");
	else
		buf[0] = '\0';
	r->cell[0] = xmalloc(strlen(buf) + strlen(name) + 1);
	sprintf(r->cell[0], "%s%s", buf, name);
	r->cell[1] = dev;
	if (t->bytes)
		snprintf(buf, sizeof buf, "%llu", size);
	else
		human_size(buf, size);
	r->cell[2] = xstrdup(buf);
	r->cell[3] = xstrdup(device_type(name, major, is_partition, sysdir));
	r->cell[4] = xstrdup(strcmp(fs.type, "dos") == 0 ? "" : fs.type);
	r->cell[5] = xstrdup(strcmp(fs.type, "dos") == 0 ? "" : fs.label);
	r->cell[6] = mount_point(makedev(major, minor));
	/* -f shows the UUID where the others show MAJ:MIN, SIZE and TYPE. */
	if (t->filesystems) {
		free(r->cell[1]);
		r->cell[1] = xstrdup(strcmp(fs.type, "dos") == 0 ? "" : fs.uuid);
	}
	free(size_text);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of dir that pass keep(), sorted; *count gets how many. */
static char **sorted_entries(const char *dir, int (*keep)(const char *dir, const char *name), int *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;

	*count = 0;
	if (d == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !keep(dir, e->d_name))
			continue;
		names = xrealloc(names, (*count + 1) * sizeof *names);
		names[(*count)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*count)
		qsort(names, *count, sizeof *names, compare_names);
	return names;
}

/* A partition of a disk is a directory of it holding a "partition" file. */
static int is_partition_dir(const char *dir, const char *name)
{
	char *path = path_join(dir, name), *file = path_join(path, "partition");
	struct stat st;
	int yes = stat(file, &st) == 0;

	free(file);
	free(path);
	return yes;
}

/* RAM disks are left out, and loop devices with nothing attached (size 0). */
static int is_listed_device(const char *dir, const char *name)
{
	char *path, *size;
	int yes;

	if (starts_with(name, "ram") || starts_with(name, "zram"))
		return 0;
	if (!starts_with(name, "loop"))
		return 1;
	path = path_join(dir, name);
	size = sys_line(path, "size");
	yes = strcmp(size, "0") != 0 && size[0] != '\0';
	free(size);
	free(path);
	return yes;
}

static void add_disk(struct table *t, const char *name)
{
	char *sysdir = path_join("/sys/block", name);
	int count;
	char **parts = sorted_entries(sysdir, is_partition_dir, &count);

	add_device(t, sysdir, name, 0, 0);
	for (int i = 0; i < count; i++) {
		char *partdir = path_join(sysdir, parts[i]);
		add_device(t, partdir, parts[i], 1, i == count - 1);
		free(partdir);
		free(parts[i]);
	}
	free(parts);
	free(sysdir);
}

static void print_table(const struct table *t, int heading)
{
	static const char *const headings[COLUMNS] = { "NAME", "MAJ:MIN", "SIZE", "TYPE", "FSTYPE", "LABEL", "MOUNTPOINT" };
	static const int normal[] = { 0, 1, 2, 3, 4, 5, 6, -1 }, filesystems[] = { 0, 4, 5, 1, 6, -1 };
	const int *shown = t->filesystems ? filesystems : normal;
	size_t width[COLUMNS];

	for (int c = 0; c < COLUMNS; c++) {
		width[c] = heading ? strlen(c == 1 && t->filesystems ? "UUID" : headings[c]) : 0;
		for (int i = 0; i < t->count; i++)
			if (strlen(t->rows[i].cell[c]) > width[c])
				width[c] = strlen(t->rows[i].cell[c]);
	}
	for (int i = heading ? -1 : 0; i < t->count; i++) {
		char line[1024];
		size_t len = 0;
		for (int k = 0; shown[k] >= 0; k++) {
			int c = shown[k], right = c == 2 && !t->filesystems;	/* sizes right-aligned */
			const char *text = i < 0 ? (c == 1 && t->filesystems ? "UUID" : headings[c]) : t->rows[i].cell[c];
			len += snprintf(line + len, sizeof line - len, right ? "%*s " : "%-*s ", (int)width[c], text);
			if (len >= sizeof line)
				len = sizeof line - 1;
		}
		while (len > 0 && line[len - 1] == ' ')
			len--;		/* no padding after the last column */
		printf("%.*s\n", (int)len, line);
	}
}

int lsblk_main(int argc, char **argv)
{
	struct options o;
	struct table t = { NULL, 0, 0, 0 };
	int c, heading = 1, count;
	char **names;

	wait_for_drivers();
	options_start(&o, argc, argv, "bfn", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'b': t.bytes = 1; break;
		case 'f': t.filesystems = 1; break;
		case 'n': heading = 0; break;
		}
	}
	argv += o.index;
	if (*argv) {
		for (; *argv; argv++) {
			const char *name = base_name(*argv);
			char *sysdir = path_join("/sys/block", name);
			struct stat st;
			if (stat(sysdir, &st) < 0)
				die("%s: not a disk (no /sys/block/%s)", *argv, name);
			free(sysdir);
			add_disk(&t, name);
		}
	} else {
		names = sorted_entries("/sys/block", is_listed_device, &count);
		for (int i = 0; i < count; i++)
			add_disk(&t, names[i]);
	}
	print_table(&t, heading);
	return flush_stdout() < 0;
}
