/*
 * mkfs.ext2 (alias mke2fs): make an ext2 file system, revision 1 (the options of
 * e2fsprogs' and BusyBox's mke2fs that matter on a live system).
 * The file is named mkfs_ext2.c because a '.' has no place in a C name.
 *
 * Written from the on-disk layout (the kernel's Documentation/filesystems/ext2.rst
 * and the layout of struct ext2_super_block, ext2_group_desc and ext2_inode):
 * the disk is cut into block groups of 8 x block-size blocks (one bitmap block's
 * worth of bits). Every group holds, in this order:
 *	[superblock + group descriptor table]	only in groups 0, 1 and powers of 3, 5, 7
 *						(the "sparse_super" feature)
 *	block bitmap, inode bitmap, inode table, then data blocks.
 * The superblock itself always lies at byte 1024 of the disk; with 1 KiB blocks that
 * is block 1 (the file system starts there, s_first_data_block = 1), with bigger
 * blocks it is inside block 0. Group 0 also holds the root directory (inode 2) and
 * lost+found (inode 11, the first inode that is not reserved).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "disk.h"
#include "module.h"

static const char usage[] =
	"Usage: mkfs.ext2 [-Fq] [-b BLOCK_SIZE] [-i BYTES_PER_INODE] [-N INODES] [-m PERCENT]\n"
	"                 [-L LABEL] DEVICE [BLOCKS]\n"
	"Make an ext2 file system on DEVICE (a partition or an image file).\n"
	"  -b SIZE   block size: 1024 (the default), 2048 or 4096\n"
	"  -i BYTES  one inode per BYTES of space (default 4096 up to 512 MiB, 8192 under\n"
	"            3 MiB, 16384 above)\n"
	"  -N COUNT  at least COUNT inodes (instead of -i)\n"
	"  -m PCT    blocks reserved for root, in percent (default 5)\n"
	"  -L LABEL  volume label (at most 16 bytes)\n"
	"  -F        accepted for mke2fs compatibility (a mounted device is always refused)\n"
	"  -q        quiet: print nothing but errors\n"
	"  BLOCKS    size of the file system in blocks (default: all of DEVICE; an image\n"
	"            file is created or grown to it)\n";

enum {
	SUPERBLOCK_OFFSET = 1024,
	SUPERBLOCK_SIZE = 1024,
	INODE_SIZE = 128,	/* revision 1's smallest; all an ext2 needs */
	DESC_SIZE = 32,		/* one group descriptor */
	ROOT_INODE = 2,
	FIRST_INODE = 11,	/* 1-10 are reserved; 11 is lost+found */
	LOST_FOUND_BYTES = 12288,	/* lost+found made big enough for e2fsck to use */
	MIN_GROUP_DATA = 50,	/* a last group with less room than this is left out */
	/* Feature bits (ext2.rst, "Features"). */
	INCOMPAT_FILETYPE = 0x0002,	/* directory entries hold the file type */
	RO_COMPAT_SPARSE_SUPER = 0x0001,
	RO_COMPAT_LARGE_FILE = 0x0002,
};

/* Everything the layout of the file system depends on. */
struct layout {
	uint32_t block_size, log_block_size;	/* block_size = 1024 << log_block_size */
	uint32_t blocks, first_data_block, blocks_per_group, groups;
	uint32_t inodes_per_group, inode_table_blocks, gdt_blocks;
	uint32_t reserved_blocks, lost_found_blocks;
};

/* What the user asked for. */
struct request {
	uint32_t block_size, bytes_per_inode, inodes, reserved_percent;
	const char *label;
	int quiet;
};

/* sparse_super: groups 0 and 1 and the powers of 3, 5 and 7 hold a superblock copy. */
static int power_of(uint32_t n, uint32_t base)
{
	while (n > 1 && n % base == 0)
		n /= base;
	return n == 1;
}

static int has_superblock(uint32_t group)
{
	return group <= 1 || power_of(group, 3) || power_of(group, 5) || power_of(group, 7);
}

static uint32_t group_first_block(const struct layout *l, uint32_t group)
{
	return l->first_data_block + group * l->blocks_per_group;
}

static uint32_t group_block_count(const struct layout *l, uint32_t group)
{
	if (group == l->groups - 1)
		return l->blocks - group_first_block(l, group);
	return l->blocks_per_group;
}

/* Blocks at the start of a group taken by the superblock copy and the tables. */
static uint32_t group_overhead(const struct layout *l, uint32_t group)
{
	uint32_t sb = has_superblock(group) ? 1 + l->gdt_blocks : 0;
	return sb + 2 + l->inode_table_blocks;
}

/* Blocks of group 0 holding the directories, after its tables. */
static uint32_t directory_blocks(const struct layout *l)
{
	return 1 + l->lost_found_blocks;
}

static uint32_t round_up(uint32_t n, uint32_t unit)
{
	return (n + unit - 1) / unit * unit;
}

/* Inodes per group: enough for the request, whole inode table blocks, at most a bitmap's worth. */
static void size_inode_tables(struct layout *l, uint64_t total_inodes)
{
	uint32_t per_block = l->block_size / INODE_SIZE;
	uint64_t per_group = (total_inodes + l->groups - 1) / l->groups;

	if (per_group < FIRST_INODE + 5)
		per_group = FIRST_INODE + 5;
	if (per_group > l->block_size * 8)
		per_group = l->block_size * 8;
	l->inodes_per_group = round_up((uint32_t)per_group, per_block > 8 ? per_block : 8);
	if (l->inodes_per_group > l->block_size * 8)
		l->inodes_per_group = l->block_size * 8;
	l->inode_table_blocks = l->inodes_per_group / per_block;
}

static uint32_t default_bytes_per_inode(uint64_t bytes)
{
	if (bytes < 3u << 20)
		return 8192;
	return bytes <= 512u << 20 ? 4096 : 16384;
}

/* Work out the layout for a disk of `blocks` blocks; dies when it cannot hold a file system. */
static void plan_layout(struct layout *l, const struct request *r, uint64_t blocks)
{
	uint64_t total_inodes;
	uint32_t last;

	memset(l, 0, sizeof *l);
	l->block_size = r->block_size;
	while ((1024u << l->log_block_size) < l->block_size)
		l->log_block_size++;
	l->first_data_block = l->block_size == 1024 ? 1 : 0;
	l->blocks_per_group = l->block_size * 8;
	l->blocks = blocks > UINT32_MAX ? UINT32_MAX : (uint32_t)blocks;
	l->lost_found_blocks = LOST_FOUND_BYTES / l->block_size;
	if (l->lost_found_blocks > 12)
		l->lost_found_blocks = 12;	/* direct blocks only */
	if (l->lost_found_blocks == 0)
		l->lost_found_blocks = 1;
	for (;;) {
		if (l->blocks < l->first_data_block + 16)
			break;
		l->groups = (l->blocks - l->first_data_block + l->blocks_per_group - 1) / l->blocks_per_group;
		l->gdt_blocks = (l->groups * DESC_SIZE + l->block_size - 1) / l->block_size;
		total_inodes = r->inodes ? r->inodes : (uint64_t)l->blocks * l->block_size / r->bytes_per_inode;
		size_inode_tables(l, total_inodes);
		/* A last group too small for its own tables and some data is left out. */
		last = l->groups - 1;
		if (l->groups > 1 && group_block_count(l, last) < group_overhead(l, last) + MIN_GROUP_DATA) {
			l->blocks = group_first_block(l, last);
			continue;
		}
		break;
	}
	if (l->groups == 0 || l->blocks < l->first_data_block + 16 ||
	    group_block_count(l, 0) < group_overhead(l, 0) + directory_blocks(l) + 8)
		die("the device is too small for an ext2 file system (%llu blocks of %u bytes)",
		    (unsigned long long)blocks, l->block_size);
	if (r->inodes && (uint64_t)l->inodes_per_group * l->groups < r->inodes)
		die("%u inodes do not fit: at most %u with this block size", r->inodes,
		    l->inodes_per_group * l->groups);
	l->reserved_blocks = (uint32_t)((uint64_t)l->blocks * r->reserved_percent / 100);
}

static uint32_t free_blocks_in_group(const struct layout *l, uint32_t group)
{
	uint32_t used = group_overhead(l, group) + (group == 0 ? directory_blocks(l) : 0);
	return group_block_count(l, group) - used;
}

static uint32_t free_inodes_in_group(const struct layout *l, uint32_t group)
{
	return l->inodes_per_group - (group == 0 ? FIRST_INODE : 0);
}

/* Where group's tables lie. */
static uint32_t block_bitmap_block(const struct layout *l, uint32_t group)
{
	return group_first_block(l, group) + (has_superblock(group) ? 1 + l->gdt_blocks : 0);
}

static uint32_t root_block(const struct layout *l)
{
	return group_first_block(l, 0) + group_overhead(l, 0);
}

/* ---- the on-disk structures ---- */

static void fill_superblock(uint8_t *sb, const struct layout *l, const struct request *r,
			    const uint8_t uuid[16], uint32_t now)
{
	uint64_t free_blocks = 0;

	for (uint32_t g = 0; g < l->groups; g++)
		free_blocks += free_blocks_in_group(l, g);
	memset(sb, 0, SUPERBLOCK_SIZE);
	put_le32(sb + 0, l->inodes_per_group * l->groups);	/* s_inodes_count */
	put_le32(sb + 4, l->blocks);
	put_le32(sb + 8, l->reserved_blocks);
	put_le32(sb + 12, (uint32_t)free_blocks);
	put_le32(sb + 16, l->inodes_per_group * l->groups - (FIRST_INODE));
	put_le32(sb + 20, l->first_data_block);
	put_le32(sb + 24, l->log_block_size);
	put_le32(sb + 28, l->log_block_size);	/* fragments are blocks */
	put_le32(sb + 32, l->blocks_per_group);
	put_le32(sb + 36, l->blocks_per_group);
	put_le32(sb + 40, l->inodes_per_group);
	put_le32(sb + 48, now);			/* s_wtime */
	put_le16(sb + 54, 0xffff);		/* s_max_mnt_count -1: no forced checks */
	put_le16(sb + 56, 0xef53);		/* s_magic */
	put_le16(sb + 58, 1);			/* s_state: cleanly unmounted */
	put_le16(sb + 60, 1);			/* s_errors: continue */
	put_le32(sb + 64, now);			/* s_lastcheck */
	put_le32(sb + 76, 1);			/* s_rev_level: dynamic (revision 1) */
	put_le32(sb + 84, FIRST_INODE);
	put_le16(sb + 88, INODE_SIZE);
	put_le32(sb + 96, INCOMPAT_FILETYPE);
	put_le32(sb + 100, RO_COMPAT_SPARSE_SUPER | RO_COMPAT_LARGE_FILE);
	memcpy(sb + 104, uuid, 16);
	if (r->label)
		memcpy(sb + 120, r->label, strlen(r->label));
}

/* The group descriptor table: where each group's tables are, its free counts. */
static uint8_t *make_descriptors(const struct layout *l)
{
	uint8_t *gdt = xzalloc((size_t)l->gdt_blocks * l->block_size);

	for (uint32_t g = 0; g < l->groups; g++) {
		uint8_t *d = gdt + g * DESC_SIZE;
		uint32_t bitmap = block_bitmap_block(l, g);
		put_le32(d + 0, bitmap);
		put_le32(d + 4, bitmap + 1);		/* inode bitmap */
		put_le32(d + 8, bitmap + 2);		/* inode table */
		put_le16(d + 12, (uint16_t)free_blocks_in_group(l, g));
		put_le16(d + 14, (uint16_t)free_inodes_in_group(l, g));
		put_le16(d + 16, g == 0 ? 2 : 0);	/* directories: / and lost+found */
	}
	return gdt;
}

/* A bitmap block with bits [0, used) set, and [valid, end of block) set too:
 * bits past the end of the group stand for blocks or inodes that do not exist. */
static void make_bitmap(uint8_t *map, uint32_t size, uint32_t used, uint32_t valid)
{
	memset(map, 0, size);
	for (uint32_t bit = 0; bit < size * 8; bit++)
		if (bit < used || bit >= valid)
			map[bit / 8] |= (uint8_t)(1 << bit % 8);
}

static void fill_inode(uint8_t *inode, uint16_t mode, uint16_t links, uint32_t first_block,
		       uint32_t nblocks, uint32_t block_size, uint32_t now)
{
	memset(inode, 0, INODE_SIZE);
	put_le16(inode + 0, mode);
	put_le32(inode + 4, nblocks * block_size);	/* i_size */
	put_le32(inode + 8, now);			/* atime, ctime, mtime */
	put_le32(inode + 12, now);
	put_le32(inode + 16, now);
	put_le16(inode + 26, links);
	put_le32(inode + 28, nblocks * (block_size / 512));	/* i_blocks: 512-byte units */
	for (uint32_t i = 0; i < nblocks; i++)
		put_le32(inode + 40 + 4 * i, first_block + i);	/* direct blocks */
}

/* Append a directory entry at *pos; rec_len 0 means "the rest of the block". */
static void add_entry(uint8_t *block, uint32_t *pos, uint32_t inode, const char *name,
		      uint32_t block_size, int last)
{
	uint8_t *e = block + *pos;
	uint32_t len = (uint32_t)strlen(name);
	uint32_t rec_len = last ? block_size - *pos : (8 + len + 3) / 4 * 4;

	put_le32(e, inode);
	put_le16(e + 4, (uint16_t)rec_len);
	e[6] = (uint8_t)len;
	e[7] = 2;	/* file type: directory */
	memcpy(e + 8, name, len);
	*pos += rec_len;
}

/* ---- writing ---- */

struct target {
	int fd;
	const char *path;
};

static void write_at(const struct target *t, const void *buf, size_t len, uint64_t offset)
{
	if (disk_write(t->fd, buf, len, offset) < 0)
		die("%s: write error:", t->path);
}

static void write_group_tables(const struct target *t, const struct layout *l, uint32_t g,
			       uint8_t *block)
{
	uint64_t bs = l->block_size;
	uint32_t bitmap = block_bitmap_block(l, g);
	uint32_t used = group_overhead(l, g) + (g == 0 ? directory_blocks(l) : 0);

	make_bitmap(block, l->block_size, used, group_block_count(l, g));
	write_at(t, block, l->block_size, bitmap * bs);
	make_bitmap(block, l->block_size, g == 0 ? FIRST_INODE : 0, l->inodes_per_group);
	write_at(t, block, l->block_size, (bitmap + 1) * bs);
	if (disk_zero(t->fd, (bitmap + 2) * bs, (uint64_t)l->inode_table_blocks * bs) < 0)
		die("%s: write error:", t->path);
}

static void write_superblocks(const struct target *t, const struct layout *l, const uint8_t *sb_template)
{
	uint8_t *gdt = make_descriptors(l);
	uint8_t sb[SUPERBLOCK_SIZE];

	for (uint32_t g = 0; g < l->groups; g++) {
		uint64_t first = group_first_block(l, g);
		if (!has_superblock(g))
			continue;
		memcpy(sb, sb_template, sizeof sb);
		put_le16(sb + 90, (uint16_t)g);	/* s_block_group_nr */
		write_at(t, sb, sizeof sb, g == 0 ? SUPERBLOCK_OFFSET : first * l->block_size);
		write_at(t, gdt, (size_t)l->gdt_blocks * l->block_size, (first + 1) * l->block_size);
	}
	free(gdt);
}

static void write_directories(const struct target *t, const struct layout *l, uint32_t now)
{
	uint8_t *block = xzalloc(l->block_size), inode[INODE_SIZE];
	uint32_t pos = 0, root = root_block(l), bs = l->block_size;
	uint64_t table = (uint64_t)(block_bitmap_block(l, 0) + 2) * bs;

	add_entry(block, &pos, ROOT_INODE, ".", bs, 0);
	add_entry(block, &pos, ROOT_INODE, "..", bs, 0);
	add_entry(block, &pos, FIRST_INODE, "lost+found", bs, 1);
	write_at(t, block, bs, (uint64_t)root * bs);

	memset(block, 0, bs);
	pos = 0;
	add_entry(block, &pos, FIRST_INODE, ".", bs, 0);
	add_entry(block, &pos, ROOT_INODE, "..", bs, 1);
	write_at(t, block, bs, (uint64_t)(root + 1) * bs);
	memset(block, 0, bs);
	put_le16(block + 4, (uint16_t)bs);	/* the other blocks: one empty entry each */
	for (uint32_t i = 1; i < l->lost_found_blocks; i++)
		write_at(t, block, bs, (uint64_t)(root + 1 + i) * bs);

	fill_inode(inode, 040755, 3, root, 1, bs, now);
	write_at(t, inode, INODE_SIZE, table + (ROOT_INODE - 1) * INODE_SIZE);
	fill_inode(inode, 040700, 2, root + 1, l->lost_found_blocks, bs, now);
	write_at(t, inode, INODE_SIZE, table + (FIRST_INODE - 1) * INODE_SIZE);
	free(block);
}

static void make_file_system(const struct target *t, const struct layout *l,
			     const struct request *r, const uint8_t uuid[16])
{
	uint32_t now = (uint32_t)time(NULL);
	uint8_t sb[SUPERBLOCK_SIZE], *block = xmalloc(l->block_size);

	/* Old signatures in the first KiB (a FAT boot sector, an MBR) would confuse blkid. */
	if (disk_zero(t->fd, 0, SUPERBLOCK_OFFSET) < 0)
		die("%s: write error:", t->path);
	for (uint32_t g = 0; g < l->groups; g++)
		write_group_tables(t, l, g, block);
	write_directories(t, l, now);
	fill_superblock(sb, l, r, uuid, now);
	write_superblocks(t, l, sb);	/* last: until now the disk was not an ext2 */
	if (fsync(t->fd) < 0 && errno != EINVAL)
		die("%s: write error:", t->path);
	free(block);
}

static void report(const struct layout *l, const uint8_t uuid[16])
{
	char text[37];
	int shown = 0;

	disk_format_uuid(uuid, text);
	printf("Creating an ext2 file system: %u blocks of %u bytes, %u inodes, %u groups\n",
	       l->blocks, l->block_size, l->inodes_per_group * l->groups, l->groups);
	printf("File system UUID: %s\n", text);
	printf("%u blocks (%u%%) reserved for the super user\n", l->reserved_blocks,
	       l->blocks ? (uint32_t)((uint64_t)l->reserved_blocks * 100 / l->blocks) : 0);
	for (uint32_t g = 1; g < l->groups; g++) {
		if (!has_superblock(g))
			continue;
		printf("%s%u", shown++ ? ", " : "Superblock backups stored on blocks: ",
		       group_first_block(l, g));
	}
	if (shown)
		putchar('\n');
}

/* ---- options and the device ---- */

static uint32_t number_option(const char *arg, long long min, long long max, const char *what)
{
	long long v;

	if (parse_long(arg, &v) < 0 || v < min || v > max)
		usage_error(usage, "invalid %s '%s'", what, arg);
	return (uint32_t)v;
}

int mkfs_ext2_main(int argc, char **argv)
{
	struct options o;
	struct request r = { .block_size = 1024, .reserved_percent = 5 };
	struct layout l;
	struct target t;
	uint8_t uuid[16];
	uint64_t bytes, want_bytes = 0;
	int c;

	wait_for_drivers();
	options_start(&o, argc, argv, "b:i:N:m:L:Fq", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'b':
			r.block_size = number_option(o.arg, 1024, 4096, "block size");
			if (r.block_size != 1024 && r.block_size != 2048 && r.block_size != 4096)
				usage_error(usage, "block size must be 1024, 2048 or 4096");
			break;
		case 'i': r.bytes_per_inode = number_option(o.arg, 1024, 67108864, "bytes per inode"); break;
		case 'N': r.inodes = number_option(o.arg, 1, UINT32_MAX, "inode count"); break;
		case 'm': r.reserved_percent = number_option(o.arg, 0, 50, "reserved percentage"); break;
		case 'L': r.label = o.arg; break;
		case 'q': r.quiet = 1; break;
		}
	}
	argv += o.index;
	argc -= o.index;
	if (argc < 1)
		usage_error(usage, "no device given");
	if (argc > 2)
		usage_error(usage, "too many operands");
	if (r.label && strlen(r.label) > 16)
		usage_error(usage, "label '%s' is longer than 16 bytes", r.label);
	if (argc == 2)
		want_bytes = (uint64_t)number_option(argv[1], 1, UINT32_MAX, "block count") * r.block_size;

	t.path = argv[0];
	disk_check_unused(t.path);
	t.fd = disk_open_to_format(t.path, want_bytes, &bytes);
	if (r.bytes_per_inode == 0)
		r.bytes_per_inode = default_bytes_per_inode(bytes);
	plan_layout(&l, &r, bytes / r.block_size);
	disk_random_uuid(uuid);
	if (!r.quiet)
		report(&l, uuid);
	make_file_system(&t, &l, &r, uuid);
	close(t.fd);
	if (!r.quiet)
		printf("Done.\n");
	return flush_stdout() < 0 ? 1 : 0;
}
