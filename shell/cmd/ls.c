/*
 * ls: list directory contents (POSIX ls, with the GNU/BusyBox options people type).
 *
 * How ls works:
 *  1. Every operand is looked at with stat(2). Files are listed first, together,
 *     then each directory in turn, under a "name:" header when there are several.
 *  2. A directory is read (read_directory, libmini/tree.c) into an array of
 *     entries, and each entry gets its status from statx(2), as lstat would give
 *     it (a symlink is shown as itself), when the listing needs more than the names.
 *  3. The array is sorted: by name (strcmp, like the C locale), by time (-t) or
 *     by size (-S), newest or largest first; -r turns any order around; -f
 *     leaves it in the order of the directory.
 *  4. It is printed in one of four formats: one name a line (the default when
 *     the output is not a terminal, and -1), columns that fill the terminal's
 *     width (-C down, the default on a terminal, or -x across), names separated
 *     by commas (-m), or the long format (-l):
 *       -rw-r--r-- 1 root root 1234 Nov 25 19:28 name
 *     mode, links, owner, group, size, time of last change, name. Every column is
 *     as wide as its widest value in this listing, so the columns line up.
 *     In every format -i and -s put the inode number and the disk space before
 *     the name.
 *  5. With -R, every subdirectory is then listed the same way, recursively.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <linux/stat.h>
#include "mini.h"
#include "lines.h"
#include "modes.h"
#include "timefmt.h"
#include "tree.h"
#include "users.h"

static const char usage[] =
	"Usage: ls [-1aACcdFfgHhikLlmnopqRrSstux] [--color[=WHEN]] [FILE]...\n"
	"List the FILEs, and the contents of directories (. when none is given).\n"
	"  -1  one name a line             -C  columns (the default on a terminal)\n"
	"  -x  columns, sorted across      -m  names separated by commas\n"
	"  -l  long format                 -n  long format with numeric user and group\n"
	"  -g  long format without owner   -o  long format without group\n"
	"  -a  show names starting with .  -A  the same, without . and ..\n"
	"  -d  list directories themselves, not their contents\n"
	"  -F  mark types: / dir, * executable, @ link, | fifo, = socket\n"
	"  -p  mark only directories, with /\n"
	"  -s  show the disk space used, in KiB (-k: the same)\n"
	"  -h  sizes like 1.5K 20M         -i  show inode numbers\n"
	"  -q  show control characters as ? (the default on a terminal)\n"
	"  -L  show what symlinks point to, not the links\n"
	"  -H  the same, for symlinks named on the command line only\n"
	"  -R  list subdirectories recursively\n"
	"  -t  sort by time, newest first  -S  sort by size, largest first\n"
	"  -r  reverse the order           -c  use the status change time\n"
	"  -u  use the access time         -f  do not sort, show all (-a)\n"
	"  --color[=always|auto|never]  color the names by type (auto: on a terminal)\n";

/* One name to list, with what ls needs to know about it. */
struct entry {
	char *name;		/* as shown: the operand, or the name inside its directory */
	char *path;		/* where to find it: the operand, or directory/name */
	char *link;		/* the target of a symlink (long format only), or NULL */
	struct stat st;
	long long seconds;	/* the time shown and sorted by, in full (st's is 32-bit) */
};

/* The options, set once by main and read everywhere below. */
static struct {
	char format;		/* '1' one a line, 'C' columns down, 'x' columns across,
				   'm' commas, 'l' long */
	char sort;		/* 'n' by name, 't' by time, 'S' by size, 'f' not at all */
	char time;		/* which time: 'm' modified, 'c' status changed, 'a' accessed */
	char marks;		/* after names: 'F' every type's mark, 'p' / for directories, 0 none */
	int all, almost_all, directories_as_files, dereference, follow_operands;
	int recursive, reverse, unsorted;
	int human, inode, disk_space, numeric, color, terminal, hide_control;
	int show_owner, show_group;	/* in the long format; -g and -o leave one out */
	int width;		/* of the terminal, for columns */
	time_t now;
} opt = { .format = '1', .sort = 'n', .time = 'm', .show_owner = 1, .show_group = 1 };

static int status;		/* the exit status: 1 once anything went wrong */
static int printed_any;		/* a blank line goes between directory listings */

/* ---- sorting ---- */

/* The order of two entries before -r: negative when a comes first. */
static int natural_order(const struct entry *a, const struct entry *b)
{
	if (opt.sort == 't') {
		const struct timespec *ta = stat_time(&a->st, opt.time), *tb = stat_time(&b->st, opt.time);
		if (a->seconds != b->seconds)
			return a->seconds < b->seconds ? 1 : -1;
		if (ta->tv_nsec != tb->tv_nsec)
			return ta->tv_nsec < tb->tv_nsec ? 1 : -1;
	} else if (opt.sort == 'S' && a->st.st_size != b->st.st_size) {
		return a->st.st_size < b->st.st_size ? 1 : -1;
	}
	return strcmp(a->name, b->name);	/* ties go by name */
}

/* qsort's comparison, on pointers to entries. */
static int compare_entries(const void *a, const void *b)
{
	int order = natural_order(*(const struct entry *const *)a, *(const struct entry *const *)b);

	return opt.reverse ? -order : order;
}

/*
 * Sort pointers to the entries, then move each entry once into its place: uClibc's
 * qsort swaps its elements a byte at a time, and an entry is over a hundred bytes.
 */
static void sort_entries(struct entry *list, size_t count)
{
	struct entry **order, *sorted;

	if (opt.sort == 'f' || count < 2)
		return;		/* -f: as the directory (or the command line) has them */
	order = xmalloc(count * sizeof *order);
	sorted = xmalloc(count * sizeof *sorted);
	for (size_t i = 0; i < count; i++)
		order[i] = &list[i];
	qsort(order, count, sizeof *order, compare_entries);
	for (size_t i = 0; i < count; i++)
		sorted[i] = *order[i];
	memcpy(list, sorted, count * sizeof *list);
	free(order);
	free(sorted);
}

/*
 * ---- numbers and padding, without printf ----
 * ls -l writes some ten numbers and names a line, and a printf call costs uClibc
 * a couple of thousand instructions (it clears its whole state first): for ls -lR
 * of 10,000 files that was over half of the time. These do the same work directly.
 */

/* n in decimal, written backwards from end (a buffer of at least 21 bytes ending
 * there); returns where the digits start. */
static char *decimal(char *end, unsigned long long n)
{
	unsigned long small;

	*end = '\0';
	/* 32-bit division once n fits: the 64-bit one is a call to libgcc.c on the i486. */
	for (; n > 0xffffffffULL; n /= 10)
		*--end = '0' + n % 10;
	small = n;
	do
		*--end = '0' + small % 10;
	while ((small /= 10) != 0);
	return end;
}

static void put_spaces(int count)
{
	while (count-- > 0)
		putchar(' ');
}

/* text after spaces, to be width wide (right-aligned); left: the spaces after it. */
static void put_padded(const char *text, int width, int left)
{
	int spaces = width - (int)strlen(text);

	if (!left)
		put_spaces(spaces);
	fputs(text, stdout);
	if (left)
		put_spaces(spaces);
}

static void put_number(unsigned long long n, int width)
{
	char buf[24];

	put_padded(decimal(buf + sizeof buf - 1, n), width, 0);
}

/* ---- one name: with -F or -p its type mark, with --color its color ---- */

/* The mark after a name of this mode (-F: every type, -p: directories), or 0 for none. */
static char type_mark(mode_t mode)
{
	if (S_ISDIR(mode))
		return '/';
	if (opt.marks != 'F')
		return 0;
	if (S_ISLNK(mode))
		return '@';
	if (S_ISFIFO(mode))
		return '|';
	if (S_ISSOCK(mode))
		return '=';
	if (S_ISREG(mode) && (mode & 0111))
		return '*';
	return 0;
}

/* The color of a name, as SGR numbers: GNU ls's default colors. */
static const char *color_of(const struct entry *e)
{
	mode_t mode = e->st.st_mode;
	struct stat target;

	if (S_ISDIR(mode))
		return "01;34";
	if (S_ISLNK(mode))
		return stat(e->path, &target) == 0 ? "01;36" : "40;31;01";	/* dangling: red */
	if (S_ISFIFO(mode))
		return "40;33";
	if (S_ISSOCK(mode))
		return "01;35";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "40;33;01";
	if (mode & 0111)
		return "01;32";
	return NULL;
}

/* Print a name; with -q (the default on a terminal) control characters become '?'. */
static void print_text(const char *s)
{
	for (; *s; s++) {
		int control = (unsigned char)*s < ' ' || *s == 0x7f;
		putchar(opt.hide_control && control ? '?' : *s);
	}
}

/* The name, colored, with its -F or -p mark; returns the width it took. */
static int print_name(const struct entry *e)
{
	const char *color = opt.color ? color_of(e) : NULL;
	char mark = opt.marks ? type_mark(e->st.st_mode) : 0;

	if (color) {
		fputs("\033[", stdout);
		fputs(color, stdout);
		putchar('m');
	}
	print_text(e->name);
	if (color)
		fputs("\033[0m", stdout);
	/* In the long format a symlink shows "-> target" instead of its '@'. */
	if (mark && !(opt.format == 'l' && S_ISLNK(e->st.st_mode)))
		putchar(mark);
	return strlen(e->name) + (mark != 0);
}

/* ---- the long format ---- */

/* How wide each column of a long listing is: its widest value. */
struct widths {
	int inode, disk_space, links, owner, group, size, major, minor;
};

static int number_width(unsigned long long n)
{
	char buf[24];

	return strlen(decimal(buf + sizeof buf - 1, n));
}

static void widen(int *width, int len)
{
	if (len > *width)
		*width = len;
}

static const char *owner_of(const struct stat *st)
{
	static char buf[24];

	if (opt.numeric)
		return decimal(buf + sizeof buf - 1, st->st_uid);
	return user_name(st->st_uid);
}

static const char *group_of(const struct stat *st)
{
	static char buf[24];

	if (opt.numeric)
		return decimal(buf + sizeof buf - 1, st->st_gid);
	return group_name(st->st_gid);
}

/*
 * Disk space, given in blocks of 512 bytes as st_blocks counts them: in KiB
 * rounded up (the unit of GNU and BusyBox ls, and of -k), or 4.0K with -h.
 * buf: at least 32 bytes.
 */
static const char *disk_space_text(unsigned long long blocks, char *buf)
{
	if (opt.human)
		return human_size(buf, blocks * 512);
	return decimal(buf + 31, (blocks + 1) / 2);
}

/* The size column: bytes, or 1.5K with -h. buf: at least 32 bytes. */
static const char *size_text(const struct stat *st, char *buf)
{
	if (opt.human)
		return human_size(buf, st->st_size);
	return decimal(buf + 31, st->st_size);
}

static void measure(const struct entry *list, size_t count, struct widths *w)
{
	char buf[32];

	memset(w, 0, sizeof *w);
	for (size_t i = 0; i < count; i++) {
		const struct stat *st = &list[i].st;
		widen(&w->inode, number_width(st->st_ino));
		if (opt.disk_space)
			widen(&w->disk_space, strlen(disk_space_text(st->st_blocks, buf)));
		if (opt.format != 'l')
			continue;	/* the other columns are only in the long format */
		widen(&w->links, number_width(st->st_nlink));
		widen(&w->owner, strlen(owner_of(st)));
		widen(&w->group, strlen(group_of(st)));
		if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
			widen(&w->major, number_width(major(st->st_rdev)));
			widen(&w->minor, number_width(minor(st->st_rdev)));
		} else {
			widen(&w->size, strlen(size_text(st, buf)));
		}
	}
	/* A device shows "major, minor" in the size column. */
	if (w->major)
		widen(&w->size, w->major + 2 + w->minor);
}

/*
 * localtime(t), remembered: files unpacked or made together share their time, and
 * uClibc's localtime reads the TZ variable anew at each call.
 */
static const struct tm *local_time(time_t t)
{
	static struct tm last;
	static time_t last_time;
	static int known;
	struct tm *tm;

	if (known && t == last_time)
		return &last;
	if ((tm = localtime(&t)) == NULL)
		return NULL;
	last = *tm;
	last_time = t;
	known = 1;
	return &last;
}

/* 0 to 99 as two digits. */
static void put_two_digits(int n)
{
	putchar('0' + n / 10);
	putchar('0' + n % 10);
}

/*
 * "Nov 25 19:28" for the last six months, "Nov 25  2025" for older or future times.
 * Written by hand, not with strftime: uClibc's strftime looks for the time zone
 * file again for each field, and ls -l formats a time for every file.
 * A time past the 32-bit time_t shows as "?", said on stderr, and ls fails at the end.
 */
static void print_time(const struct entry *e)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	const time_t half_year = 31556952 / 2;	/* seconds in half a Gregorian year */
	time_t t = (time_t)e->seconds;
	int recent = t > opt.now - half_year && t <= opt.now;
	const struct tm *tm;

	if (!time_fits(e->seconds) || (tm = local_time(t)) == NULL) {
		put_padded("?", 12, 0);
		warn("%s: %s", e->path, TIME_RANGE_MESSAGE);
		status = 1;
		return;
	}
	fwrite(months + 3 * tm->tm_mon, 1, 3, stdout);
	put_number(tm->tm_mday, 3);
	putchar(' ');
	if (recent) {
		put_two_digits(tm->tm_hour);
		putchar(':');
		put_two_digits(tm->tm_min);
	} else {
		put_number(tm->tm_year + 1900, 5);
	}
}

/* What goes before a name in every format: the -i and -s columns. */
static void print_prefix(const struct entry *e, const struct widths *w)
{
	char buf[32];

	if (opt.inode) {
		put_number(e->st.st_ino, w->inode);
		putchar(' ');
	}
	if (opt.disk_space) {
		put_padded(disk_space_text(e->st.st_blocks, buf), w->disk_space, 0);
		putchar(' ');
	}
}

/* An owner or group column: names line up on the left, numbers on the right (as GNU's). */
static void print_id(const char *id, int width)
{
	put_padded(id, width, strspn(id, "0123456789") != strlen(id));
	putchar(' ');
}

static void print_long(const struct entry *e, const struct widths *w)
{
	const struct stat *st = &e->st;
	char mode[11], buf[32];

	print_prefix(e, w);
	mode_string(st->st_mode, mode);
	fputs(mode, stdout);
	put_number(st->st_nlink, w->links + 1);
	putchar(' ');
	if (opt.show_owner)
		print_id(owner_of(st), w->owner);
	if (opt.show_group)
		print_id(group_of(st), w->group);
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
		put_number(major(st->st_rdev), w->size - 2 - w->minor);
		fputs(", ", stdout);
		put_number(minor(st->st_rdev), w->minor);
	} else {
		put_padded(size_text(st, buf), w->size, 0);
	}
	putchar(' ');
	print_time(e);
	putchar(' ');
	print_name(e);
	if (e->link) {
		struct stat target;
		fputs(" -> ", stdout);
		print_text(e->link);
		if (opt.marks == 'F' && stat(e->path, &target) == 0 && type_mark(target.st_mode))
			putchar(type_mark(target.st_mode));
	}
	putchar('\n');
}

/* "total 24": the disk space of a directory's entries, in the unit of -s. */
static void print_total(const struct entry *list, size_t count)
{
	unsigned long long blocks = 0;	/* of 512 bytes, as st_blocks counts */
	char buf[32];

	for (size_t i = 0; i < count; i++)
		blocks += list[i].st.st_blocks;
	fputs("total ", stdout);
	fputs(disk_space_text(blocks, buf), stdout);
	putchar('\n');
}

/* ---- columns, and the comma-separated stream of -m ---- */

/* The width of one entry outside the long format: inode, disk space, name and mark. */
static int cell_width(const struct entry *e, const struct widths *w)
{
	int width = strlen(e->name);

	if (opt.inode)
		width += w->inode + 1;
	if (opt.disk_space)
		width += w->disk_space + 1;
	if (opt.marks && type_mark(e->st.st_mode))
		width++;
	return width;
}

/*
 * A layout of rows and columns. -C fills it top to bottom, then left to right;
 * -x fills it left to right, then top to bottom.
 */
struct layout {
	size_t rows, columns;
	int *width;		/* of each column */
};

/* The index in the sorted list of the entry at row r, column c. */
static size_t cell_index(const struct layout *l, size_t r, size_t c)
{
	return opt.format == 'x' ? r * l->columns + c : c * l->rows + r;
}

/*
 * Shape the layout for count entries in about the wanted number of columns,
 * fill in each column's width and return the width of the whole. (Down the
 * columns, the rows needed may leave fewer columns than wanted.)
 */
static int shape_layout(struct layout *l, const int *cells, size_t count, size_t wanted)
{
	int total = 0;

	l->rows = (count + wanted - 1) / wanted;
	l->columns = opt.format == 'x' ? wanted : (count + l->rows - 1) / l->rows;
	for (size_t c = 0; c < l->columns; c++) {
		l->width[c] = 0;
		for (size_t r = 0; r < l->rows; r++) {
			size_t i = cell_index(l, r, c);
			if (i < count)
				widen(&l->width[c], cells[i]);
		}
		total += l->width[c] + (c + 1 < l->columns ? 2 : 0);	/* two spaces between */
	}
	return total;
}

/*
 * Columns, like GNU ls -C and -x: the most columns that fit in the width. A
 * column is at least 3 wide (a letter and two spaces), which bounds how many to try.
 */
static void print_columns(const struct entry *list, size_t count, const struct widths *w)
{
	int *cells = xmalloc(count * sizeof *cells);
	struct layout l = { .width = xmalloc(count * sizeof *l.width) };
	size_t columns = opt.width / 3;

	for (size_t i = 0; i < count; i++)
		cells[i] = cell_width(&list[i], w);
	if (columns > count)
		columns = count;
	if (columns < 1)
		columns = 1;
	for (; columns > 1; columns--)
		if (shape_layout(&l, cells, count, columns) < opt.width)
			break;
	shape_layout(&l, cells, count, columns);
	for (size_t r = 0; r < l.rows; r++) {
		for (size_t c = 0; c < l.columns; c++) {
			size_t i = cell_index(&l, r, c), next = cell_index(&l, r, c + 1);
			if (i >= count)
				break;
			print_prefix(&list[i], w);
			print_name(&list[i]);
			if (c + 1 < l.columns && next < count)
				put_spaces(l.width[c] + 2 - cells[i]);
		}
		putchar('\n');
	}
	free(cells);
	free(l.width);
}

/*
 * -m: "a, b, c" across the width; the line breaks after a comma when the next
 * name would not fit. Nothing is padded: each entry is measured on its own.
 */
static void print_stream(const struct entry *list, size_t count)
{
	int used = 0;		/* of the current line */

	for (size_t i = 0; i < count; i++) {
		struct widths w;
		measure(&list[i], 1, &w);
		int width = cell_width(&list[i], &w);
		if (i > 0 && used + 2 + width < opt.width) {
			fputs(", ", stdout);
			used += 2;
		} else if (i > 0) {
			fputs(",\n", stdout);
			used = 0;
		}
		print_prefix(&list[i], &w);
		print_name(&list[i]);
		used += width;
	}
	if (count > 0)
		putchar('\n');
}

/* Print a sorted listing in the chosen format; in_directory adds "total". */
static void print_listing(const struct entry *list, size_t count, int in_directory)
{
	struct widths w;

	measure(list, count, &w);
	if ((opt.format == 'l' || opt.disk_space) && in_directory)
		print_total(list, count);
	if (opt.format == 'C' || opt.format == 'x') {
		if (count > 0)
			print_columns(list, count, &w);
	} else if (opt.format == 'm') {
		print_stream(list, count);
	} else {
		for (size_t i = 0; i < count; i++) {
			if (opt.format == 'l') {
				print_long(&list[i], &w);
				continue;
			}
			print_prefix(&list[i], &w);
			print_name(&list[i]);
			putchar('\n');
		}
	}
	printed_any = 1;
}

/* ---- reading directories ---- */

/*
 * Does the listing need to know more of a file than its name? Plain names in
 * name order do not, and then ls never calls lstat: in a big directory that
 * saves a system call for every file.
 */
static int status_needed(void)
{
	return opt.format == 'l' || opt.sort == 't' || opt.sort == 'S' || opt.marks ||
	       opt.color || opt.inode || opt.disk_space || opt.recursive;
}

/* The struct stat that stat(2) would give for what statx(2) said. */
static void stat_from_statx(struct stat *st, const struct statx *sx)
{
	memset(st, 0, sizeof *st);
	st->st_dev = makedev(sx->stx_dev_major, sx->stx_dev_minor);
	st->st_ino = sx->stx_ino;
	st->st_mode = sx->stx_mode;
	st->st_nlink = sx->stx_nlink;
	st->st_uid = sx->stx_uid;
	st->st_gid = sx->stx_gid;
	st->st_rdev = makedev(sx->stx_rdev_major, sx->stx_rdev_minor);
	st->st_size = sx->stx_size;
	st->st_blksize = sx->stx_blksize;
	st->st_blocks = sx->stx_blocks;
	st->st_atim.tv_sec = sx->stx_atime.tv_sec;	/* cut to 32 bits: e->seconds has it whole */
	st->st_atim.tv_nsec = sx->stx_atime.tv_nsec;
	st->st_mtim.tv_sec = sx->stx_mtime.tv_sec;
	st->st_mtim.tv_nsec = sx->stx_mtime.tv_nsec;
	st->st_ctim.tv_sec = sx->stx_ctime.tv_sec;
	st->st_ctim.tv_nsec = sx->stx_ctime.tv_nsec;
}

/*
 * The status of path into e (follow: of what a symlink points to), and the time ls
 * shows, in full: struct stat has 32 bits of seconds, so a file of 2040 would sort
 * and show as one of 1903. One statx(2) gives both, where lstat and then statx
 * took two system calls for every file. Returns 0, or -1 with errno set.
 */
static int look_at(struct entry *e, const char *path, int follow)
{
	struct statx sx;
	const struct statx_timestamp *t;

	if (syscall(__NR_statx, AT_FDCWD, path, follow ? 0 : AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &sx) < 0)
		return -1;
	stat_from_statx(&e->st, &sx);
	t = opt.time == 'a' ? &sx.stx_atime : opt.time == 'c' ? &sx.stx_ctime : &sx.stx_mtime;
	e->seconds = t->tv_sec;
	return 0;
}

/*
 * Fill in e for name at path (both malloc'd: e takes them), with its status when
 * look is set (follow: stat, not lstat). Returns -1 with errno set, and name and
 * path still the caller's, if it cannot be seen.
 */
static int make_entry(struct entry *e, char *name, char *path, int follow, int look)
{
	memset(e, 0, sizeof *e);
	/* (A symlink operand is followed, unless it is to be shown itself.) */
	if (look && !(follow && look_at(e, path, 1) == 0) && look_at(e, path, 0) < 0)
		return -1;
	e->name = name;
	e->path = path;
	if (S_ISLNK(e->st.st_mode) && opt.format == 'l') {
		char target[4096];
		ssize_t len = readlink(path, target, sizeof target - 1);
		if (len >= 0)
			e->link = xstrndup(target, len);
	}
	return 0;
}

static void free_entries(struct entry *list, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(list[i].name);
		free(list[i].path);
		free(list[i].link);
	}
	free(list);
}

/* Names starting with '.' are hidden, but for -a, and for -A but . and .. */
static int shown(const char *name)
{
	if (name[0] != '.')
		return 1;
	if (opt.all)
		return 1;
	return opt.almost_all && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

/*
 * The entries of a directory, unsorted; NULL (errno set) if it cannot be read.
 * A file gone between the reading of the directory and the look at it (ENOENT)
 * is left out without a message, as GNU ls does: a listing of /proc meets many.
 */
static struct entry *read_entries(const char *dir, size_t *count)
{
	size_t names;
	struct dir_entry *found = read_directory(dir, opt.all, &names);
	struct entry *list;
	size_t n = 0;

	if (found == NULL)
		return NULL;
	list = xmalloc((names + 1) * sizeof *list);
	for (size_t i = 0; i < names; i++) {
		char *name = found[i].name, *path;
		if (!shown(name)) {
			free(name);
			continue;
		}
		path = path_join(dir, name);
		if (make_entry(&list[n], name, path, opt.dereference, status_needed()) == 0) {
			n++;
			continue;
		}
		if (errno != ENOENT) {
			warn("%s:", path);
			status = 1;
		}
		free(name);
		free(path);
	}
	free(found);	/* the names now belong to the entries */
	*count = n;
	return list;
}

/* List the directory dir; operand: named on the command line, not met by -R. */
static void list_directory(const char *dir, int with_header, int operand)
{
	size_t count;
	struct entry *list = read_entries(dir, &count);

	if (list == NULL && errno == ENOENT && !operand)
		return;		/* gone since its parent was read */
	if (printed_any)
		putchar('\n');
	if (with_header) {
		print_text(dir);
		fputs(":\n", stdout);
	}
	printed_any = 1;
	if (list == NULL) {
		warn("%s:", dir);
		status = 1;
		return;
	}
	sort_entries(list, count);
	print_listing(list, count, 1);
	for (size_t i = 0; opt.recursive && i < count; i++) {
		const char *name = list[i].name;
		int dot_or_dotdot = strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
		if (S_ISDIR(list[i].st.st_mode) && !dot_or_dotdot)
			list_directory(list[i].path, 1, 0);
	}
	free_entries(list, count);
}

/* ---- the command line ---- */

/* --color, --color=always|auto|never: mini's option parser knows no long options. */
static void take_color_option(const char *arg)
{
	const char *when = arg[7] == '=' ? arg + 8 : "always";

	if (strcmp(when, "always") == 0 || strcmp(when, "yes") == 0 || strcmp(when, "force") == 0)
		opt.color = 1;
	else if (strcmp(when, "auto") == 0 || strcmp(when, "tty") == 0 || strcmp(when, "if-tty") == 0)
		opt.color = opt.terminal;
	else if (strcmp(when, "never") == 0 || strcmp(when, "no") == 0 || strcmp(when, "none") == 0)
		opt.color = 0;
	else
		usage_error(usage, "invalid argument '%s' for '--color'", when);
}

/* Take out the --color options, so the rest can go to the option parser. */
static int remove_long_options(int argc, char **argv)
{
	int kept = 1;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < argc)
				argv[kept++] = argv[i++];
			break;
		}
		if (starts_with(argv[i], "--color") && (argv[i][7] == '\0' || argv[i][7] == '='))
			take_color_option(argv[i]);
		else
			argv[kept++] = argv[i];
	}
	argv[kept] = NULL;
	return kept;
}

static void parse_options(int argc, char **argv, struct options *o)
{
	int c;

	options_start(o, argc, argv, "1aACcdFfgHhikLlmnopqRrSstux", usage);
	while ((c = options_next(o)) != -1) {
		switch (c) {
		case '1': case 'C': case 'l': case 'm': case 'x': opt.format = c; break;
		case 'n': opt.format = 'l'; opt.numeric = 1; break;
		case 'g': opt.format = 'l'; opt.show_owner = 0; break;
		case 'o': opt.format = 'l'; opt.show_group = 0; break;
		case 'a': opt.all = 1; break;
		case 'A': opt.almost_all = 1; break;
		case 'c': case 'u': opt.time = c == 'c' ? 'c' : 'a'; break;
		case 'd': opt.directories_as_files = 1; break;
		case 'F': case 'p': opt.marks = c; break;
		case 'f': opt.unsorted = 1; opt.all = 1; break;
		case 'H': opt.follow_operands = 1; break;
		case 'h': opt.human = 1; break;
		case 'i': opt.inode = 1; break;
		case 'k': break;	/* KiB for -s: the unit already */
		case 'L': opt.dereference = 1; break;
		case 'q': opt.hide_control = 1; break;
		case 'R': opt.recursive = 1; break;
		case 'r': opt.reverse = 1; break;
		case 'S': case 't': opt.sort = c; break;
		case 's': opt.disk_space = 1; break;
		}
	}
	/* -c and -u alone (without -l) also sort by that time, as POSIX says. */
	if (opt.time != 'm' && opt.format != 'l' && opt.sort == 'n')
		opt.sort = 't';
	/* -f wins over any sort order, and -r, as POSIX says. */
	if (opt.unsorted) {
		opt.sort = 'f';
		opt.reverse = 0;
	}
}

/* The terminal's width: $COLUMNS if set, else what the terminal says. */
static int output_width(void)
{
	const char *columns = getenv("COLUMNS");
	long long n;
	int rows, cols;

	if (columns && parse_long(columns, &n) == 0 && n > 0 && n < 10000)
		return n;
	terminal_size(STDOUT_FILENO, &rows, &cols);
	return cols;
}

int ls_main(int argc, char **argv)
{
	struct options o;
	struct entry *files, *dirs;
	size_t nfiles = 0, ndirs = 0, operands;
	static char *dot[] = { ".", NULL };
	int follow;

	opt.terminal = isatty(STDOUT_FILENO);
	opt.hide_control = opt.terminal;
	opt.format = opt.terminal ? 'C' : '1';
	opt.width = output_width();
	opt.now = time(NULL);
	stdout_big_buffer();	/* ls -lR writes much: 64 KB at a time, not 4 KB */
	argc = remove_long_options(argc, argv);
	parse_options(argc, argv, &o);
	argv += o.index;
	if (*argv == NULL)
		argv = dot;
	operands = argc - o.index;

	/* Sort the operands into files, listed together first, and directories. */
	follow = opt.dereference || opt.follow_operands ||
		 !(opt.format == 'l' || opt.directories_as_files || opt.marks == 'F');
	files = xmalloc((argc + 1) * sizeof *files);
	dirs = xmalloc((argc + 1) * sizeof *dirs);
	for (; *argv; argv++) {
		struct entry e;
		char *name = xstrdup(*argv), *path = xstrdup(*argv);
		if (make_entry(&e, name, path, follow, 1) < 0) {
			warn("%s:", *argv);
			status = 1;
			free(name);
			free(path);
			continue;
		}
		if (S_ISDIR(e.st.st_mode) && !opt.directories_as_files)
			dirs[ndirs++] = e;
		else
			files[nfiles++] = e;
	}
	sort_entries(files, nfiles);
	sort_entries(dirs, ndirs);
	if (nfiles > 0)
		print_listing(files, nfiles, 0);
	for (size_t i = 0; i < ndirs; i++)
		list_directory(dirs[i].path, operands > 1 || opt.recursive, 1);
	free_entries(files, nfiles);
	free_entries(dirs, ndirs);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
