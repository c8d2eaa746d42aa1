/*
 * df: free disk space of mounted file systems (POSIX df, GNU's column layout).
 *
 * The mounted file systems are listed in /proc/mounts; statfs(2) tells the
 * size and free blocks of each. Pseudo file systems (proc, sysfs: no blocks)
 * are left out, as GNU df does by default.
 */
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include "mini.h"

static const char usage[] =
	"Usage: df [-hkT] [FILE]...\n"
	"Show the size, use and free space of each mounted file system\n"
	"(or of the ones the FILEs are on).\n"
	"  -h  sizes like 1.5K 20M    -k  sizes in KiB (the default)\n"
	"  -T  show the file system type\n";

enum { SOURCE, TYPE, SIZE, USED, AVAIL, PERCENT, TARGET, COLUMNS };

/* The table to print: a row of texts per file system, and the widest of each column. */
static char *(*rows)[COLUMNS];
static size_t row_count;
static int width[COLUMNS];
static int human, show_type;

static void add_row(const char *cells[COLUMNS])
{
	rows = xrealloc(rows, (row_count + 1) * sizeof *rows);
	for (int i = 0; i < COLUMNS; i++) {
		int len = strlen(cells[i]);
		rows[row_count][i] = xstrdup(cells[i]);
		if (len > width[i])
			width[i] = len;
	}
	row_count++;
}

/* Bytes as the size columns show them: KiB rounded up, or 1.5K with -h. */
static const char *amount(unsigned long long bytes, char *buf)
{
	if (human)
		return human_size(buf, bytes);
	sprintf(buf, "%llu", (bytes + 1023) / 1024);
	return buf;
}

static void add_file_system(const struct mntent *m, const struct statfs *fs)
{
	unsigned long long unit = fs->f_frsize ? fs->f_frsize : fs->f_bsize;
	unsigned long long used = (fs->f_blocks - fs->f_bfree) * unit;
	unsigned long long avail = fs->f_bavail * unit;
	char size[24], used_text[24], avail_text[24], percent[8];
	const char *cells[COLUMNS] = { m->mnt_fsname, m->mnt_type, size, used_text, avail_text,
				       percent, m->mnt_dir };

	amount(fs->f_blocks * unit, size);
	amount(used, used_text);
	amount(avail, avail_text);
	/* Use% counts what ordinary users may use (root's reserve is left out), rounded up. */
	if (used + avail == 0)
		strcpy(percent, "-");
	else
		sprintf(percent, "%llu%%", (used * 100 + used + avail - 1) / (used + avail));
	add_row(cells);
}

static void print_table(void)
{
	for (size_t r = 0; r < row_count; r++) {
		char **cell = rows[r];
		printf("%-*s ", width[SOURCE], cell[SOURCE]);
		if (show_type)
			printf("%-*s ", width[TYPE], cell[TYPE]);
		printf("%*s %*s %*s %*s %s\n", width[SIZE], cell[SIZE], width[USED], cell[USED],
		       width[AVAIL], cell[AVAIL], width[PERCENT], cell[PERCENT], cell[TARGET]);
	}
}

/* Is the file system mounted at dir the one that holds file (same device)? */
static int holds(const char *dir, const struct stat *file)
{
	struct stat st;

	return stat(dir, &st) == 0 && st.st_dev == file->st_dev;
}

/* The last mount of the device file is on: later mounts hide earlier ones. */
static int add_mount_of(const char *file)
{
	struct stat st;
	struct mntent *m, found = { 0 };
	struct statfs fs;
	FILE *mounts;
	int status = 0;

	if (stat(file, &st) < 0) {
		warn("%s:", file);
		return 1;
	}
	mounts = setmntent("/proc/mounts", "r");
	while (mounts && (m = getmntent(mounts)) != NULL) {
		if (!holds(m->mnt_dir, &st))
			continue;
		free(found.mnt_fsname);
		free(found.mnt_dir);
		free(found.mnt_type);
		found.mnt_fsname = xstrdup(m->mnt_fsname);
		found.mnt_dir = xstrdup(m->mnt_dir);
		found.mnt_type = xstrdup(m->mnt_type);
	}
	if (mounts)
		endmntent(mounts);
	if (found.mnt_dir && statfs(found.mnt_dir, &fs) == 0) {
		add_file_system(&found, &fs);
	} else {
		warn("%s: no file system found", file);
		status = 1;
	}
	free(found.mnt_fsname);
	free(found.mnt_dir);
	free(found.mnt_type);
	return status;
}

/* A mount point listed twice (mounted over, or /proc/mounts repeating it) is shown once. */
static int listed(const char *dir)
{
	for (size_t r = 1; r < row_count; r++)
		if (strcmp(rows[r][TARGET], dir) == 0)
			return 1;
	return 0;
}

static int add_all_mounts(void)
{
	FILE *mounts = setmntent("/proc/mounts", "r");
	struct mntent *m;
	struct statfs fs;

	if (mounts == NULL) {
		warn("/proc/mounts:");
		return 1;
	}
	while ((m = getmntent(mounts)) != NULL)
		if (!listed(m->mnt_dir) && statfs(m->mnt_dir, &fs) == 0 && fs.f_blocks > 0)
			add_file_system(m, &fs);
	endmntent(mounts);
	return 0;
}

int df_main(int argc, char **argv)
{
	struct options o;
	int c, status = 0;
	const char *header[COLUMNS] = { "Filesystem", "Type", "1K-blocks", "Used", "Available",
					"Use%", "Mounted on" };

	human = show_type = 0;
	options_start(&o, argc, argv, "hkT", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'h')
			human = 1;
		else if (c == 'k')
			human = 0;
		else
			show_type = 1;
	}
	if (human) {
		header[SIZE] = "Size";
		header[AVAIL] = "Avail";
	}
	/* GNU's narrowest columns */
	width[SOURCE] = 14;
	width[SIZE] = width[USED] = width[AVAIL] = 5;
	add_row(header);
	argv += o.index;
	if (*argv == NULL)
		status = add_all_mounts();
	for (; *argv; argv++)
		status |= add_mount_of(*argv);
	print_table();
	return status;
}
