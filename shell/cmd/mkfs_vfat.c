/*
 * mkfs.vfat (aliases mkfs.fat, mkdosfs): make a FAT12, FAT16 or FAT32 file system
 * (the everyday options of dosfstools' mkfs.fat and BusyBox's mkfs.vfat).
 *
 * Written from Microsoft's "FAT: General Overview of On-Disk Format" (the FAT32
 * specification): the disk is [reserved sectors: boot sector with the BIOS
 * parameter block (BPB), on FAT32 also FSInfo and a backup boot sector] [FAT 1]
 * [FAT 2] [root directory, FAT12/16 only] [data clusters, numbered from 2].
 * The FAT type is not written anywhere that counts: it follows from the number of
 * clusters alone (below 4085: FAT12, below 65525: FAT16, else FAT32), so the
 * cluster size is chosen to give the type its count.
 */
#include <ctype.h>
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
	"Usage: mkfs.vfat [-Iv] [-F 12|16|32] [-n LABEL] [-s SECTORS_PER_CLUSTER] [-i VOLUME_ID]\n"
	"                 DEVICE [BLOCKS]\n"
	"Make a FAT file system on DEVICE (a partition or an image file).\n"
	"  -F BITS   FAT12, FAT16 or FAT32 (default: by size, FAT32 from 512 MiB)\n"
	"  -n LABEL  volume label (at most 11 characters)\n"
	"  -s N      sectors per cluster (1, 2, 4 ... 128; default: by size)\n"
	"  -i ID     volume serial number, 8 hex digits (default: from the clock)\n"
	"  -I        accepted for mkfs.fat compatibility (whole disks are always allowed)\n"
	"  -v        say what is made\n"
	"  BLOCKS    size in KiB (default: all of DEVICE; an image file is created or grown)\n";

enum {
	SECTOR = 512,
	DIR_ENTRY = 32,
	FAT12_MAX_CLUSTERS = 4084,	/* cluster counts that decide the type */
	FAT16_MAX_CLUSTERS = 65524,
	FAT32_MAX_CLUSTERS = 0x0ffffff5,
	FSINFO_SECTOR = 1,
	BACKUP_BOOT_SECTOR = 6,
};

struct fat_layout {
	int bits;				/* 12, 16 or 32 */
	uint32_t total_sectors, sectors_per_cluster, reserved_sectors;
	uint32_t fat_sectors, root_entries, root_sectors, clusters;
	uint8_t media;
};

struct fat_request {
	int bits;			/* 0: by size */
	uint32_t sectors_per_cluster;	/* 0: by size */
	uint32_t volume_id;
	char label[12];			/* 11 characters, space-padded */
	int verbose;
};

/* Clusters left once the FATs and root directory are placed; the FAT size is found
 * by growing it until it holds an entry for every cluster. */
static int fit_fats(struct fat_layout *l)
{
	uint32_t meta;

	for (l->fat_sectors = 1;; l->fat_sectors++) {
		uint64_t fat_bytes;
		meta = l->reserved_sectors + 2 * l->fat_sectors + l->root_sectors;
		if (meta >= l->total_sectors)
			return -1;
		l->clusters = (l->total_sectors - meta) / l->sectors_per_cluster;
		fat_bytes = ((uint64_t)l->clusters + 2) * l->bits / 8 + 1;
		if (fat_bytes <= (uint64_t)l->fat_sectors * SECTOR)
			return 0;
	}
}

/* True when the cluster count is right for the FAT type. */
static int clusters_fit_type(const struct fat_layout *l)
{
	switch (l->bits) {
	case 12: return l->clusters >= 1 && l->clusters <= FAT12_MAX_CLUSTERS;
	case 16: return l->clusters > FAT12_MAX_CLUSTERS && l->clusters <= FAT16_MAX_CLUSTERS;
	default: return l->clusters > FAT16_MAX_CLUSTERS && l->clusters <= FAT32_MAX_CLUSTERS;
	}
}

/* The cluster size Microsoft's tables suggest for a size (FAT16/FAT32), or 1. */
static uint32_t suggested_cluster_size(int bits, uint32_t sectors)
{
	if (bits == 16)
		return sectors <= 32680 ? 2 : sectors <= 262144 ? 4 : sectors <= 524288 ? 8 :
		       sectors <= 1048576 ? 16 : sectors <= 2097152 ? 32 : 64;
	if (bits == 32)
		return sectors <= 532480 ? 1 : sectors <= 16777216 ? 8 : sectors <= 33554432 ? 16 :
		       sectors <= 67108864 ? 32 : 64;
	return 1;
}

/* Try one FAT type with the cluster size asked for, or the suggested one and then
 * every other power of two. Returns 0 when a layout of that type fits. */
static int try_type(struct fat_layout *l, int bits, uint32_t total, uint32_t asked_spc)
{
	uint32_t first = asked_spc ? asked_spc : suggested_cluster_size(bits, total);

	memset(l, 0, sizeof *l);
	l->bits = bits;
	l->total_sectors = total;
	l->reserved_sectors = bits == 32 ? 32 : 1;
	l->root_entries = bits == 32 ? 0 : total <= 5760 ? 224 : 512;	/* a floppy's 224 */
	l->root_sectors = l->root_entries * DIR_ENTRY / SECTOR;
	l->media = total <= 5760 ? 0xf0 : 0xf8;	/* floppy sizes, or a fixed disk */
	for (uint32_t i = 0; i < 9; i++) {
		/* first the preferred size, then 1, 2, 4 ... 128 */
		uint32_t spc = i == 0 ? first : 1u << (i - 1);
		if (i > 0 && (asked_spc || spc == first))
			continue;
		l->sectors_per_cluster = spc;
		if (fit_fats(l) == 0 && clusters_fit_type(l))
			return 0;
	}
	return -1;
}

static void plan_fat(struct fat_layout *l, const struct fat_request *r, uint64_t sectors)
{
	uint32_t total = sectors > UINT32_MAX ? UINT32_MAX : (uint32_t)sectors;
	int bits = r->bits;

	if (bits == 0)	/* by size, as mkfs.fat: FAT32 from 512 MiB, FAT12 for floppy sizes */
		bits = sectors >= 1048576 ? 32 : sectors <= 8400 ? 12 : 16;
	if (try_type(l, bits, total, r->sectors_per_cluster) == 0)
		return;
	if (r->bits == 0 && bits == 16 && try_type(l, 12, total, r->sectors_per_cluster) == 0)
		return;
	if (r->bits == 0 && bits == 12 && try_type(l, 16, total, r->sectors_per_cluster) == 0)
		return;
	die("a FAT%d file system does not fit in %llu sectors%s", bits, (unsigned long long)sectors,
	    bits == 32 ? " (FAT32 needs at least 65525 clusters: try -F 16)" :
	    bits == 16 ? " (FAT16 needs 4085 to 65524 clusters)" : "");
}

/* ---- the boot sector ---- */

static void fill_boot_sector(uint8_t *b, const struct fat_layout *l, const struct fat_request *r,
			     const struct disk_geometry *geo)
{
	/* The BPB's "extended" part lies at 36 on FAT12/16 and at 64 on FAT32. */
	uint8_t *ext = b + (l->bits == 32 ? 64 : 36);
	/* Boot code for a disk that is not bootable: "int 18h" asks the BIOS to try the
	 * next device; if that returns, loop forever ("jmp $"). */
	static const uint8_t boot_code[] = { 0xcd, 0x18, 0xeb, 0xfe };
	uint8_t *code = ext + 26;
	char type[9];

	memset(b, 0, SECTOR);
	b[0] = 0xeb;					/* jmp short over the BPB, to code */
	b[1] = (uint8_t)(code - b - 2);
	b[2] = 0x90;
	memcpy(b + 3, "MSWIN4.1", 8);	/* the OEM name the specification recommends */
	put_le16(b + 11, SECTOR);
	b[13] = (uint8_t)l->sectors_per_cluster;
	put_le16(b + 14, (uint16_t)l->reserved_sectors);
	b[16] = 2;					/* number of FATs */
	put_le16(b + 17, (uint16_t)l->root_entries);
	if (l->total_sectors < 65536)
		put_le16(b + 19, (uint16_t)l->total_sectors);
	else
		put_le32(b + 32, l->total_sectors);
	b[21] = l->media;
	if (l->bits != 32)
		put_le16(b + 22, (uint16_t)l->fat_sectors);
	put_le16(b + 24, (uint16_t)geo->sectors_per_track);
	put_le16(b + 26, (uint16_t)geo->heads);
	put_le32(b + 28, (uint32_t)geo->start);		/* hidden sectors: where the partition starts */
	if (l->bits == 32) {
		put_le32(b + 36, l->fat_sectors);
		put_le32(b + 44, 2);			/* the root directory's first cluster */
		put_le16(b + 48, FSINFO_SECTOR);
		put_le16(b + 50, BACKUP_BOOT_SECTOR);
	}
	ext[0] = l->media == 0xf0 ? 0x00 : 0x80;	/* BIOS drive: floppy or hard disk */
	ext[2] = 0x29;				/* the next three fields are valid */
	put_le32(ext + 3, r->volume_id);
	memcpy(ext + 7, r->label, 11);
	snprintf(type, sizeof type, "FAT%-5d", l->bits);
	memcpy(ext + 18, type, 8);
	memcpy(code, boot_code, sizeof boot_code);
	b[510] = 0x55;
	b[511] = 0xaa;
}

/* FAT32's FSInfo sector: a hint of the free cluster count and where to look next. */
static void fill_fsinfo(uint8_t *s, const struct fat_layout *l)
{
	memset(s, 0, SECTOR);
	put_le32(s + 0, 0x41615252);
	put_le32(s + 484, 0x61417272);
	put_le32(s + 488, l->clusters - 1);	/* all free but the root directory's */
	put_le32(s + 492, 3);
	put_le32(s + 508, 0xaa550000);
}

/* The first sector of a FAT: entries 0 and 1 are reserved (the media byte, then
 * "end of chain"); on FAT32 entry 2 ends the root directory's one-cluster chain. */
static void fill_fat_start(uint8_t *s, const struct fat_layout *l)
{
	memset(s, 0, SECTOR);
	if (l->bits == 12) {
		s[0] = l->media, s[1] = 0xff, s[2] = 0xff;
	} else if (l->bits == 16) {
		put_le16(s, 0xff00 | l->media);
		put_le16(s + 2, 0xffff);
	} else {
		put_le32(s, 0x0fffff00 | l->media);
		put_le32(s + 4, 0x0fffffff);
		put_le32(s + 8, 0x0fffffff);
	}
}

/* ---- writing ---- */

static void write_or_die(int fd, const char *path, const void *buf, uint64_t offset)
{
	if (disk_write(fd, buf, SECTOR, offset) < 0)
		die("%s: write error:", path);
}

static void make_fat(int fd, const char *path, const struct fat_layout *l, const struct fat_request *r,
		     const struct disk_geometry *geo)
{
	uint8_t sector[SECTOR];
	uint64_t fat_start = (uint64_t)l->reserved_sectors * SECTOR;
	uint64_t root = fat_start + 2ull * l->fat_sectors * SECTOR;
	uint64_t root_bytes = l->bits == 32 ? (uint64_t)l->sectors_per_cluster * SECTOR
					    : (uint64_t)l->root_sectors * SECTOR;

	/* Clear what the file system's tables will be: reserved sectors, FATs, root. */
	if (disk_zero(fd, 0, root + root_bytes) < 0)
		die("%s: write error:", path);
	fill_fat_start(sector, l);
	write_or_die(fd, path, sector, fat_start);
	write_or_die(fd, path, sector, fat_start + (uint64_t)l->fat_sectors * SECTOR);
	if (strcmp(r->label, "NO NAME    ") != 0) {
		/* The label also as the root directory's first entry (attribute 0x08). */
		memset(sector, 0, SECTOR);
		memcpy(sector, r->label, 11);
		sector[11] = 0x08;
		write_or_die(fd, path, sector, root);
	}
	if (l->bits == 32) {
		fill_fsinfo(sector, l);
		write_or_die(fd, path, sector, FSINFO_SECTOR * SECTOR);
		write_or_die(fd, path, sector, (BACKUP_BOOT_SECTOR + 1) * SECTOR);
		fill_boot_sector(sector, l, r, geo);
		write_or_die(fd, path, sector, BACKUP_BOOT_SECTOR * SECTOR);
	}
	fill_boot_sector(sector, l, r, geo);
	write_or_die(fd, path, sector, 0);	/* last: until now the disk was not a FAT */
	if (fsync(fd) < 0)
		die("%s: write error:", path);
}

/* ---- options ---- */

/* The label in the 11-byte space-padded form, upper case as DOS keeps it. */
static void set_label(struct fat_request *r, const char *label)
{
	size_t n = strlen(label);

	if (n > 11)
		usage_error(usage, "label '%s' is longer than 11 characters", label);
	memset(r->label, ' ', 11);
	r->label[11] = '\0';
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)label[i];
		if (c < 0x20 || strchr("\"*+,./:;<=>?[\\]|", c))
			usage_error(usage, "label '%s': '%c' is not allowed in a FAT label", label, c);
		r->label[i] = (char)toupper(c);
	}
}

int mkfs_vfat_main(int argc, char **argv)
{
	struct options o;
	struct fat_request r = { .volume_id = (uint32_t)time(NULL) ^ disk_random32() };
	struct fat_layout l;
	struct disk_geometry geo;
	uint64_t bytes, want_bytes = 0;
	long long v;
	char *end;
	int c, fd;

	wait_for_drivers();
	set_label(&r, "NO NAME");
	options_start(&o, argc, argv, "F:n:s:i:Iv", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'F':
			if (parse_long(o.arg, &v) < 0 || (v != 12 && v != 16 && v != 32))
				usage_error(usage, "-F takes 12, 16 or 32, not '%s'", o.arg);
			r.bits = (int)v;
			break;
		case 'n': set_label(&r, o.arg); break;
		case 's':
			if (parse_long(o.arg, &v) < 0 || v < 1 || v > 128 || (v & (v - 1)))
				usage_error(usage, "-s takes 1, 2, 4 ... 128, not '%s'", o.arg);
			r.sectors_per_cluster = (uint32_t)v;
			break;
		case 'i':
			r.volume_id = (uint32_t)strtoul(o.arg, &end, 16);
			if (!*o.arg || *end || strlen(o.arg) > 8)
				usage_error(usage, "invalid volume id '%s' (8 hex digits)", o.arg);
			break;
		case 'v': r.verbose = 1; break;
		}
	}
	argv += o.index;
	argc -= o.index;
	if (argc < 1)
		usage_error(usage, "no device given");
	if (argc > 2)
		usage_error(usage, "too many operands");
	if (argc == 2) {
		if (parse_long(argv[1], &v) < 0 || v < 1 || v > (long long)UINT32_MAX / 2)
			usage_error(usage, "invalid block count '%s'", argv[1]);
		want_bytes = (uint64_t)v * 1024;
	}

	disk_check_unused(argv[0]);
	fd = disk_open_to_format(argv[0], want_bytes, &bytes);
	disk_geometry(fd, &geo);
	plan_fat(&l, &r, bytes / SECTOR);
	if (r.verbose)
		printf("%s: FAT%d, %u sectors, %u clusters of %u bytes, FATs of %u sectors, "
		       "volume id %08x\n", argv[0], l.bits, l.total_sectors, l.clusters,
		       l.sectors_per_cluster * SECTOR, l.fat_sectors, r.volume_id);
	make_fat(fd, argv[0], &l, &r, &geo);
	close(fd);
	return flush_stdout() < 0 ? 1 : 0;
}
