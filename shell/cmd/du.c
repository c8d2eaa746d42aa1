/*
 * du: disk usage of files and directory trees (POSIX du, with GNU's -h -d).
 *
 * Usage is what st_blocks says (units of 512 bytes, holes cost nothing),
 * printed in KiB rounded up, like GNU du. A file with several hard links is
 * counted once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "mini.h"
#include "longopts.h"
#include "tree.h"

static const char usage[] =
	"Usage: du [-achkmsx] [-d N] [FILE]...\n"
	"Show the disk space used by each FILE (. when none), and each directory in it.\n"
	"  -a    show files too, not only directories\n"
	"  -c    a grand total at the end\n"
	"  -s    only a total for each FILE (-d 0)\n"
	"  -d N  show directories at most N levels below FILE (also --max-depth=N)\n"
	"  -h    sizes like 1.5K 20M    -k  sizes in KiB (the default)  -m  in MiB\n"
	"  -x    stay on the file system of each FILE\n";

/* The walk of du: a running total for each directory open above the current file. */
struct du_walk {
	struct walk walk;
	unsigned long long *totals;	/* in 512-byte blocks, by depth */
	int size;			/* of totals */
	int all, max_depth;		/* max_depth -1: no limit */
	enum { KIB, MIB, HUMAN } unit;
	unsigned long long grand_total;	/* of all the operands, for -c */
};

/* Files with more than one link seen so far. A plain list: such files are few. */
static struct seen {
	dev_t dev;
	ino_t ino;
} *seen;
static size_t seen_count;

static int seen_before(const struct stat *st)
{
	if (S_ISDIR(st->st_mode) || st->st_nlink < 2)
		return 0;
	for (size_t i = 0; i < seen_count; i++)
		if (seen[i].dev == st->st_dev && seen[i].ino == st->st_ino)
			return 1;
	if (seen_count % 64 == 0)
		seen = xrealloc(seen, (seen_count + 64) * sizeof *seen);
	seen[seen_count].dev = st->st_dev;
	seen[seen_count++].ino = st->st_ino;
	return 0;
}

static void print_usage(struct du_walk *d, unsigned long long blocks, const char *path)
{
	char buf[16];

	/* Rounded up, as GNU du: a file of one byte uses 1 KiB, not 0. */
	if (d->unit == HUMAN)
		printf("%s\t%s\n", human_size(buf, blocks * 512), path);
	else if (d->unit == MIB)
		printf("%llu\t%s\n", (blocks + 2047) / 2048, path);
	else
		printf("%llu\t%s\n", (blocks + 1) / 2, path);
}

static int du_visit(struct walk *w, const char *path, const struct stat *st, enum walk_phase phase)
{
	struct du_walk *d = (struct du_walk *)w;
	int depth = w->depth;
	int shown = d->max_depth < 0 || depth <= d->max_depth;
	unsigned long long blocks;

	/* -x: what is on another file system is not counted at all, as in GNU du. */
	if (w->one_file_system && st->st_dev != w->root_device)
		return WALK_SKIP;
	blocks = seen_before(st) ? 0 : st->st_blocks;
	if (phase == WALK_DIR) {
		if (depth >= d->size) {
			d->size = depth + 16;
			d->totals = xrealloc(d->totals, d->size * sizeof *d->totals);
		}
		d->totals[depth] = blocks;
		return 0;
	}
	if (phase == WALK_DIR_DONE)
		blocks = d->totals[depth];
	/* A file named on the command line is always shown; inside a tree with -a. */
	if (shown && (phase == WALK_DIR_DONE || depth == 0 || d->all))
		print_usage(d, blocks, path);
	if (depth > 0)
		d->totals[depth - 1] += blocks;
	else
		d->grand_total += blocks;	/* an operand, for -c */
	return 0;
}

int du_main(int argc, char **argv)
{
	struct du_walk d = { .walk.visit = du_visit, .walk.skip_vanished = 1, .max_depth = -1 };
	struct options o;
	long long n;
	int c, status = 0, total = 0;
	static char *dot[] = { ".", NULL };

	static const struct long_option long_table[] = {
		{ "max-depth", 'd', 1 }, { "summarize", 's', 0 }, { "total", 'c', 0 },
		{ "human-readable", 'h', 0 }, { "one-file-system", 'x', 0 }, { "all", 'a', 0 },
		{ NULL, 0, 0 },
	};

	long_options(argc, argv, long_table);
	options_start(&o, argc, argv, "acd:hkmsx", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'a': d.all = 1; break;
		case 'c': total = 1; break;
		case 'd':
			if (parse_long(o.arg, &n) < 0 || n < 0)
				usage_error(usage, "invalid depth '%s'", o.arg);
			d.max_depth = n;
			break;
		case 'h': d.unit = HUMAN; break;
		case 'k': d.unit = KIB; break;
		case 'm': d.unit = MIB; break;
		case 's': d.max_depth = 0; break;
		case 'x': d.walk.one_file_system = 1; break;
		}
	}
	argv += o.index;
	if (*argv == NULL)
		argv = dot;
	for (; *argv; argv++) {
		d.walk.status = 0;
		status |= walk_tree(&d.walk, *argv);
	}
	if (total)
		print_usage(&d, d.grand_total, "total");
	free(d.totals);
	return status;
}
