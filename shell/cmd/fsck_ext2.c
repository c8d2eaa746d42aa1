/*
 * fsck.ext2 (alias e2fsck): check an ext2 file system and report what is wrong
 * (e2fsck's passes, read-only: nothing is ever written; repairs are refused).
 *
 * The layout (the kernel's Documentation/filesystems/ext2.rst): superblock at byte
 * 1024, group descriptors after it, and per group a block bitmap, an inode bitmap
 * and an inode table. The check recomputes both bitmaps from what the inodes and
 * directories say, and compares:
 *   1. inodes: every block an inode uses (direct, indirect, double, triple) lies in
 *      the file system and belongs to no one else; i_blocks matches;
 *   2. directories: entries are well formed and point to inodes in use;
 *   4. link counts match the entries found;
 *   5. the bitmaps and the free counts match what was found.
 * Every number read from the disk is bounded before use: a block is claimed at most
 * once (a second claim is an error and is not followed), so a crafted image cannot
 * make the walk loop or grow without end.
 */
#include <ctype.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "disk.h"
#include "module.h"

static const char usage[] =
	"Usage: fsck.ext2 [-nf] DEVICE\n"
	"Check the ext2 file system on DEVICE and report its errors (nothing is changed).\n"
	"  -n   open read-only, answer no to every repair (what this fsck always does)\n"
	"  -f   check even a file system marked clean (always done)\n"
	"  -p, -a, -y   repairing is not supported: refused\n"
	"Exit status: 0 no errors, 4 errors found (left uncorrected), 8 not an ext2 or\n"
	"unreadable, 16 usage error.\n";

enum {
	EXIT_CLEAN = 0, EXIT_ERRORS = 4, EXIT_OPERATIONAL = 8, EXIT_USAGE = 16,
	MAX_SHOWN = 60,		/* problems printed; the rest are only counted */
	ROOT_INODE = 2,
	S_TYPE = 0170000, S_DIR = 0040000, S_REG = 0100000, S_LNK = 0120000,
	INCOMPAT_FILETYPE = 0x0002,
	RO_COMPAT_SPARSE_SUPER = 0x0001,
	RO_COMPAT_KNOWN = 0x0001 | 0x0002 | 0x0004,	/* sparse_super, large_file, btree_dir */
};

struct fs {
	const char *path;
	int fd;
	uint8_t sb[1024];
	uint32_t block_size, blocks, first_data_block, blocks_per_group, inodes_per_group;
	uint32_t groups, inodes, inode_size, first_ino, inode_table_blocks, gdt_blocks;
	int sparse;
	uint8_t *gdt;
	uint8_t *group_ok;		/* its tables lie inside the file system */
	uint8_t *block_used;		/* bitmaps as found by the walk */
	uint8_t *inode_used;
	uint8_t *is_dir;
	uint16_t *links_found, *links_said;
	uint32_t *dir_blocks;		/* pairs (directory inode, data block) for pass 2 */
	size_t ndir_blocks, dir_blocks_cap;
	uint8_t *buf;			/* one block */
	long problems;
};

/* ---- reporting ---- */

static void problem(struct fs *fs, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(struct fs *fs, const char *fmt, ...)
{
	va_list ap;

	if (fs->problems++ == MAX_SHOWN)
		printf("(more problems: not shown, only counted)\n");
	if (fs->problems > MAX_SHOWN)
		return;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static int test_bit(const uint8_t *map, uint32_t bit)
{
	return map[bit / 8] >> (bit % 8) & 1;
}

static void set_bit(uint8_t *map, uint32_t bit)
{
	map[bit / 8] |= (uint8_t)(1 << bit % 8);
}

static int read_block(struct fs *fs, uint32_t block, uint8_t *buf)
{
	if (disk_read(fs->fd, buf, fs->block_size, (uint64_t)block * fs->block_size) == 0)
		return 0;
	problem(fs, "Cannot read block %u.", block);
	return -1;
}

/* ---- the superblock and the group descriptors ---- */

static int has_superblock(const struct fs *fs, uint32_t group)
{
	uint32_t bases[] = { 3, 5, 7 };

	if (!fs->sparse || group <= 1)
		return 1;
	for (int i = 0; i < 3; i++) {
		uint32_t n = group;
		while (n % bases[i] == 0)
			n /= bases[i];
		if (n == 1)
			return 1;
	}
	return 0;
}

/*
 * The memory the check takes: a bit per block, two bits and two counts per inode, the
 * group descriptors. Counted in 64 bits: on a 32-bit machine, a crafted count of inodes
 * would wrap an allocation's size around to a few bytes.
 */
static uint64_t memory_needed(const struct fs *fs)
{
	return (uint64_t)fs->blocks / 8 + (uint64_t)fs->inodes / 4 +
	       ((uint64_t)fs->inodes + 1) * 2 * sizeof *fs->links_found +
	       (uint64_t)fs->gdt_blocks * fs->block_size;
}

/* Read and check the superblock; exits when the rest cannot be checked. */
static void load_superblock(struct fs *fs)
{
	uint8_t *sb = fs->sb;
	uint64_t bytes;
	uint32_t log, incompat, ro_compat;

	if (disk_size(fs->fd, &bytes) < 0 || disk_read(fs->fd, sb, 1024, 1024) < 0) {
		warn("%s: cannot read the superblock:", fs->path);
		exit(EXIT_OPERATIONAL);
	}
	if (get_le16(sb + 56) != 0xef53) {
		warn("%s: not an ext2 file system (no superblock magic number)", fs->path);
		exit(EXIT_OPERATIONAL);
	}
	log = get_le32(sb + 24);
	incompat = get_le32(sb + 96);
	ro_compat = get_le32(sb + 100);
	if (get_le32(sb + 76) >= 1 && ((incompat & ~INCOMPAT_FILETYPE) || (ro_compat & ~RO_COMPAT_KNOWN))) {
		warn("%s: features this ext2 check does not know (incompat 0x%x, ro_compat 0x%x): ext3/ext4?",
		     fs->path, incompat, ro_compat);
		exit(EXIT_OPERATIONAL);
	}
	fs->sparse = get_le32(sb + 76) >= 1 && (ro_compat & RO_COMPAT_SPARSE_SUPER);
	fs->block_size = log <= 6 ? 1024u << log : 0;
	fs->blocks = get_le32(sb + 4);
	fs->first_data_block = get_le32(sb + 20);
	fs->blocks_per_group = get_le32(sb + 32);
	fs->inodes_per_group = get_le32(sb + 40);
	fs->inodes = get_le32(sb + 0);
	fs->inode_size = get_le32(sb + 76) >= 1 ? get_le16(sb + 88) : 128;
	fs->first_ino = get_le32(sb + 76) >= 1 ? get_le32(sb + 84) : 11;

	/* Every number the rest relies on, checked before it is used. */
	if (fs->block_size == 0 ||
	    fs->first_data_block != (fs->block_size == 1024 ? 1u : 0u) ||
	    fs->blocks_per_group == 0 || fs->blocks_per_group > fs->block_size * 8 ||
	    fs->inodes_per_group == 0 || fs->inodes_per_group > fs->block_size * 8 ||
	    fs->inode_size < 128 || fs->inode_size > fs->block_size || (fs->inode_size & (fs->inode_size - 1)) ||
	    fs->blocks <= fs->first_data_block || fs->first_ino < 3 || fs->first_ino >= fs->inodes_per_group) {
		printf("%s: the superblock is corrupt (block size, group sizes or counts out of range).\n", fs->path);
		exit(EXIT_ERRORS);
	}
	fs->groups = (fs->blocks - fs->first_data_block + fs->blocks_per_group - 1) / fs->blocks_per_group;
	if ((uint64_t)fs->groups * fs->inodes_per_group != fs->inodes) {
		printf("%s: the superblock is corrupt: %u inodes, but %u groups of %u.\n", fs->path,
		       fs->inodes, fs->groups, fs->inodes_per_group);
		exit(EXIT_ERRORS);
	}
	if ((uint64_t)fs->blocks * fs->block_size > bytes) {
		printf("%s: the file system is %u blocks, but the device holds only %llu:\n"
		       "it is truncated (or the superblock or the partition table is wrong).\n",
		       fs->path, fs->blocks, (unsigned long long)(bytes / fs->block_size));
		exit(EXIT_ERRORS);
	}
	fs->inode_table_blocks = (uint32_t)(((uint64_t)fs->inodes_per_group * fs->inode_size
					     + fs->block_size - 1) / fs->block_size);
	fs->gdt_blocks = (uint32_t)(((uint64_t)fs->groups * 32 + fs->block_size - 1) / fs->block_size);
	/* Group 0 holds the superblock and every descriptor (ext2 has no meta_bg): this also
	 * keeps the claiming of each group's copy of them linear in the size of the disk. */
	if (1 + (uint64_t)fs->gdt_blocks > fs->blocks_per_group) {
		printf("%s: the superblock is corrupt: %u groups' descriptors do not fit in a group of %u blocks.\n",
		       fs->path, fs->groups, fs->blocks_per_group);
		exit(EXIT_ERRORS);
	}
	/* Every group's inode table lies in the file system: so the inodes, and with them the
	 * memory and time the check takes, are bounded by the size of the disk. */
	if ((uint64_t)fs->groups * fs->inode_table_blocks > fs->blocks) {
		printf("%s: the superblock is corrupt: %u inode tables of %u blocks do not fit in %u blocks.\n",
		       fs->path, fs->groups, fs->inode_table_blocks, fs->blocks);
		exit(EXIT_ERRORS);
	}
	if (memory_needed(fs) > SIZE_MAX / 2) {
		warn("%s: too big to check on this machine (%llu MB of memory needed)", fs->path,
		     (unsigned long long)(memory_needed(fs) >> 20));
		exit(EXIT_OPERATIONAL);
	}
	if (get_le16(sb + 58) & 2)
		problem(fs, "The file system is marked as having errors.");
}

/* Claim one block for `owner` (a description); errors say why it cannot be. */
static int claim(struct fs *fs, uint32_t block, const char *owner, uint32_t ino)
{
	if (block < fs->first_data_block || block >= fs->blocks) {
		problem(fs, "%s %u: block %u is outside the file system.", owner, ino, block);
		return -1;
	}
	if (test_bit(fs->block_used, block)) {
		problem(fs, "%s %u: block %u is used twice.", owner, ino, block);
		return -1;
	}
	set_bit(fs->block_used, block);
	return 0;
}

static uint32_t group_start(const struct fs *fs, uint32_t g)
{
	return fs->first_data_block + g * fs->blocks_per_group;
}

static uint32_t group_blocks(const struct fs *fs, uint32_t g)
{
	return g == fs->groups - 1 ? fs->blocks - group_start(fs, g) : fs->blocks_per_group;
}

/* Read the descriptors and claim every group's superblock copy and tables. */
static void load_groups(struct fs *fs)
{
	fs->gdt = xmalloc((size_t)fs->gdt_blocks * fs->block_size);
	fs->group_ok = xzalloc(fs->groups);
	for (uint32_t i = 0; i < fs->gdt_blocks; i++)
		if (read_block(fs, fs->first_data_block + 1 + i, fs->gdt + (size_t)i * fs->block_size) < 0) {
			printf("%s: the group descriptors cannot be read.\n", fs->path);
			exit(EXIT_ERRORS);
		}
	for (uint32_t g = 0; g < fs->groups; g++) {
		uint8_t *d = fs->gdt + g * 32;
		uint32_t bb = get_le32(d), ib = get_le32(d + 4), it = get_le32(d + 8);
		int ok = 1;
		if (has_superblock(fs, g))
			for (uint32_t b = 0; b <= fs->gdt_blocks; b++)
				ok &= claim(fs, group_start(fs, g) + b, "Superblock copy of group", g) == 0;
		ok &= claim(fs, bb, "Block bitmap of group", g) == 0;
		ok &= claim(fs, ib, "Inode bitmap of group", g) == 0;
		if (it >= fs->blocks || fs->blocks - it < fs->inode_table_blocks || it < fs->first_data_block) {
			problem(fs, "Inode table of group %u: blocks %u-%u are outside the file system.", g, it,
				it + fs->inode_table_blocks - 1);
			ok = 0;
		} else {
			for (uint32_t b = 0; b < fs->inode_table_blocks; b++)
				ok &= claim(fs, it + b, "Inode table of group", g) == 0;
		}
		fs->group_ok[g] = (uint8_t)ok;
	}
}

/* ---- pass 1: inodes and their blocks ---- */

struct walk {
	struct fs *fs;
	uint32_t ino, counted;
	int is_dir;
};

static void remember_dir_block(struct fs *fs, uint32_t ino, uint32_t block)
{
	if (fs->ndir_blocks + 2 > fs->dir_blocks_cap) {
		fs->dir_blocks_cap = fs->dir_blocks_cap ? fs->dir_blocks_cap * 2 : 256;
		fs->dir_blocks = xrealloc(fs->dir_blocks, fs->dir_blocks_cap * sizeof *fs->dir_blocks);
	}
	fs->dir_blocks[fs->ndir_blocks++] = ino;
	fs->dir_blocks[fs->ndir_blocks++] = block;
}

/* Claim block (at an indirection depth of 0-3) and, for depth > 0, what it lists. */
static void walk_block(struct walk *w, uint32_t block, int depth)
{
	struct fs *fs = w->fs;
	uint32_t per_block = fs->block_size / 4;
	uint8_t *list;

	if (block == 0)
		return;
	if (claim(fs, block, "Inode", w->ino) < 0)
		return;	/* not followed: a bad or shared block would walk someone else's data */
	w->counted++;
	if (depth == 0) {
		if (w->is_dir)
			remember_dir_block(fs, w->ino, block);
		return;
	}
	list = xmalloc(fs->block_size);
	if (read_block(fs, block, list) == 0)
		for (uint32_t i = 0; i < per_block; i++)
			walk_block(w, get_le32(list + 4 * i), depth - 1);
	free(list);
}

/* Does the inode's i_block hold block numbers? Not for device files, fifos and
 * sockets, nor for a short symbolic link, which keeps its target there ("fast"). */
static int inode_has_blocks(const struct fs *fs, const uint8_t *inode)
{
	uint16_t type = get_le16(inode) & S_TYPE;
	uint32_t acl_sectors = get_le32(inode + 104) ? fs->block_size / 512 : 0;

	if (type == S_DIR || type == S_REG)
		return 1;
	return type == S_LNK && get_le32(inode + 28) > acl_sectors;
}

static void check_inode(struct fs *fs, uint32_t ino, const uint8_t *inode)
{
	struct walk w = { fs, ino, 0, (get_le16(inode) & S_TYPE) == S_DIR };
	uint16_t links = get_le16(inode + 26);
	uint32_t acl = get_le32(inode + 104), said = get_le32(inode + 28);
	uint32_t sectors_per_block = fs->block_size / 512;

	if (ino < fs->first_ino)
		set_bit(fs->inode_used, ino - 1);	/* reserved: always marked in use */
	if (links == 0 && ino >= fs->first_ino)
		return;		/* free (or deleted) */
	if (ino < fs->first_ino && ino != ROOT_INODE && get_le16(inode) == 0 && said == 0)
		return;		/* an unused reserved inode */
	set_bit(fs->inode_used, ino - 1);
	fs->links_said[ino] = links;
	if (w.is_dir)
		set_bit(fs->is_dir, ino - 1);
	if (inode_has_blocks(fs, inode)) {
		for (int i = 0; i < 12; i++)
			walk_block(&w, get_le32(inode + 40 + 4 * i), 0);
		walk_block(&w, get_le32(inode + 88), 1);
		walk_block(&w, get_le32(inode + 92), 2);
		walk_block(&w, get_le32(inode + 96), 3);
	}
	if (acl && claim(fs, acl, "Extended attribute block of inode", ino) == 0)
		w.counted++;
	if ((uint64_t)w.counted * sectors_per_block != said)
		problem(fs, "Inode %u: i_blocks is %u, should be %llu.", ino, said,
			(unsigned long long)w.counted * sectors_per_block);
}

static void pass1_inodes(struct fs *fs)
{
	uint32_t per_block = fs->block_size / fs->inode_size;

	for (uint32_t g = 0; g < fs->groups; g++) {
		uint32_t table = get_le32(fs->gdt + g * 32 + 8);
		if (!fs->group_ok[g])
			continue;
		for (uint32_t b = 0; b < fs->inode_table_blocks; b++) {
			if (read_block(fs, table + b, fs->buf) < 0)
				continue;
			for (uint32_t i = 0; i < per_block; i++) {
				uint32_t index = b * per_block + i;
				if (index >= fs->inodes_per_group)
					break;
				check_inode(fs, g * fs->inodes_per_group + index + 1, fs->buf + i * fs->inode_size);
			}
		}
	}
	if (!test_bit(fs->inode_used, ROOT_INODE - 1) || !test_bit(fs->is_dir, ROOT_INODE - 1))
		problem(fs, "The root inode is not a directory.");
}

/* ---- pass 2: directory entries ---- */

/* The entry's name made printable. */
static void printable_name(const uint8_t *name, unsigned len, char *out)
{
	for (unsigned i = 0; i < len; i++)
		out[i] = isprint(name[i]) ? (char)name[i] : '?';
	out[len] = '\0';
}

static void check_dir_block(struct fs *fs, uint32_t dir, uint32_t block)
{
	char name[256];
	uint32_t pos = 0;

	if (read_block(fs, block, fs->buf) < 0)
		return;
	while (pos + 8 <= fs->block_size) {
		uint8_t *e = fs->buf + pos;
		uint32_t ino = get_le32(e), rec_len = get_le16(e + 4), name_len = e[6];
		if (rec_len < 8 || rec_len % 4 || rec_len > fs->block_size - pos || name_len + 8 > rec_len) {
			problem(fs, "Directory inode %u, block %u, offset %u: a damaged entry (length %u).",
				dir, block, pos, rec_len);
			return;
		}
		if (ino != 0) {
			printable_name(e + 8, name_len, name);
			if (ino > fs->inodes)
				problem(fs, "Entry '%s' in directory inode %u has a bad inode number %u.", name, dir, ino);
			else if (!test_bit(fs->inode_used, ino - 1))
				problem(fs, "Entry '%s' in directory inode %u points to unused inode %u.", name, dir, ino);
			else if (fs->links_found[ino] < UINT16_MAX)
				fs->links_found[ino]++;
		}
		pos += rec_len;
	}
}

static void pass2_directories(struct fs *fs)
{
	for (size_t i = 0; i < fs->ndir_blocks; i += 2)
		check_dir_block(fs, fs->dir_blocks[i], fs->dir_blocks[i + 1]);
}

/* ---- pass 4: link counts ---- */

static void pass4_links(struct fs *fs)
{
	for (uint32_t ino = 1; ino <= fs->inodes; ino++) {
		if (!test_bit(fs->inode_used, ino - 1) || (ino < fs->first_ino && ino != ROOT_INODE))
			continue;
		if (fs->links_found[ino] == 0)
			problem(fs, "Unattached inode %u (in use, but in no directory).", ino);
		else if (fs->links_found[ino] != fs->links_said[ino])
			problem(fs, "Inode %u ref count is %u, should be %u.", ino, fs->links_said[ino],
				fs->links_found[ino]);
	}
}

/* ---- pass 5: bitmaps and counts ---- */

/* Compare the bitmap block on disk with the one found; count the free entries found. */
static uint32_t compare_bitmap(struct fs *fs, const char *what, uint32_t group, uint32_t block,
			       const uint8_t *found, uint32_t first, uint32_t count, uint32_t number_base)
{
	uint32_t free_found = 0, differences = 0;

	if (read_block(fs, block, fs->buf) < 0)
		return 0;
	for (uint32_t i = 0; i < count; i++) {
		int used = test_bit(found, first + i), marked = test_bit(fs->buf, i);
		free_found += !used;
		if (used != marked && differences++ < 5)
			problem(fs, "%s bitmap differences: %s %u is %s but marked %s.", what, what,
				number_base + first + i, used ? "in use" : "free", marked ? "in use" : "free");
	}
	if (differences > 5)
		problem(fs, "%s bitmap of group %u: %u more differences.", what, group, differences - 5);
	for (uint32_t i = count; i < fs->block_size * 8; i++)
		if (!test_bit(fs->buf, i)) {
			problem(fs, "Padding at the end of the %s bitmap of group %u is not set.", what, group);
			break;
		}
	return free_found;
}

static void pass5_bitmaps(struct fs *fs)
{
	uint64_t free_blocks = 0, free_inodes = 0;

	for (uint32_t g = 0; g < fs->groups; g++) {
		uint8_t *d = fs->gdt + g * 32;
		uint32_t fb, fi, dirs = 0;
		if (!fs->group_ok[g])
			continue;
		fb = compare_bitmap(fs, "Block", g, get_le32(d), fs->block_used,
				    group_start(fs, g), group_blocks(fs, g), 0);
		fi = compare_bitmap(fs, "Inode", g, get_le32(d + 4), fs->inode_used,
				    g * fs->inodes_per_group, fs->inodes_per_group, 1);
		for (uint32_t i = 0; i < fs->inodes_per_group; i++)
			dirs += test_bit(fs->is_dir, g * fs->inodes_per_group + i);
		if (get_le16(d + 12) != fb)
			problem(fs, "Free blocks count wrong for group #%u (%u, counted=%u).", g, get_le16(d + 12), fb);
		if (get_le16(d + 14) != fi)
			problem(fs, "Free inodes count wrong for group #%u (%u, counted=%u).", g, get_le16(d + 14), fi);
		if (get_le16(d + 16) != dirs)
			problem(fs, "Directories count wrong for group #%u (%u, counted=%u).", g, get_le16(d + 16), dirs);
		free_blocks += fb;
		free_inodes += fi;
	}
	if (get_le32(fs->sb + 12) != free_blocks)
		problem(fs, "Free blocks count wrong (%u, counted=%llu).", get_le32(fs->sb + 12),
			(unsigned long long)free_blocks);
	if (get_le32(fs->sb + 16) != free_inodes)
		problem(fs, "Free inodes count wrong (%u, counted=%llu).", get_le32(fs->sb + 16),
			(unsigned long long)free_inodes);
}

static void summary(struct fs *fs)
{
	uint32_t used_inodes = 0, used_blocks = 0;
	char label[17];

	for (uint32_t i = 0; i < fs->inodes; i++)
		used_inodes += test_bit(fs->inode_used, i);
	for (uint32_t b = fs->first_data_block; b < fs->blocks; b++)
		used_blocks += test_bit(fs->block_used, b);
	memcpy(label, fs->sb + 120, 16);
	label[16] = '\0';
	printf("%s: %u/%u files, %u/%u blocks\n", label[0] ? label : fs->path, used_inodes, fs->inodes,
	       used_blocks + fs->first_data_block, fs->blocks);
	if (fs->problems)
		printf("\n%s: ***** %ld PROBLEM%s FOUND: THE FILE SYSTEM HAS ERRORS (nothing was changed) *****\n",
		       fs->path, fs->problems, fs->problems == 1 ? "" : "S");
}

int fsck_ext2_main(int argc, char **argv)
{
	struct options o;
	struct fs fs = { 0 };
	int c;

	wait_for_drivers();
	options_start(&o, argc, argv, "nfpayv", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'p' || c == 'a' || c == 'y') {
			warn("repairing is not supported, run with -n");
			return EXIT_USAGE;
		}
	}
	argv += o.index;
	argc -= o.index;
	if (argc != 1) {
		warn("%s\n%.*s", argc ? "too many operands" : "no device given",
		     (int)strcspn(usage, "\n"), usage);
		return EXIT_USAGE;
	}
	fs.path = argv[0];
	fs.fd = open(fs.path, O_RDONLY | O_CLOEXEC);
	if (fs.fd < 0) {
		warn("%s:", fs.path);
		return EXIT_OPERATIONAL;
	}
	load_superblock(&fs);
	fs.buf = xmalloc(fs.block_size);
	fs.block_used = xzalloc(fs.blocks / 8 + 1);
	fs.inode_used = xzalloc(fs.inodes / 8 + 1);
	fs.is_dir = xzalloc(fs.inodes / 8 + 1);
	fs.links_found = xzalloc(((size_t)fs.inodes + 1) * sizeof *fs.links_found);
	fs.links_said = xzalloc(((size_t)fs.inodes + 1) * sizeof *fs.links_said);
	if (fs.first_data_block)
		set_bit(fs.block_used, 0);	/* block 0 of a 1 KiB file system: not part of it */
	load_groups(&fs);
	pass1_inodes(&fs);
	pass2_directories(&fs);
	pass4_links(&fs);
	pass5_bitmaps(&fs);
	summary(&fs);
	close(fs.fd);
	if (flush_stdout() < 0)
		return EXIT_OPERATIONAL;
	return fs.problems ? EXIT_ERRORS : EXIT_CLEAN;
}
