/*
 * fstype.c: recognise a file system from its superblock (see fstype.h).
 *
 * Where each one keeps what we look for (all numbers little-endian unless said):
 *   ext2/3/4  superblock at byte 1024: magic 0xEF53 at +56, feature words at +92
 *             (compat), +96 (incompat), +100 (read-only compat), UUID at +104,
 *             volume name at +120 (16 bytes).
 *   FAT       the boot sector's BIOS parameter block; the label is the root
 *             directory's volume-label entry, else the boot sector's copy; the
 *             serial number is the UUID, printed XXXX-XXXX.
 *   ISO9660   volume descriptors from sector 16 (2048-byte sectors): the primary
 *             one (type 1, "CD001") has the volume id at +40 and its creation date
 *             at +813; a Joliet one (type 2, escape "%/@" "%/C" or "%/E" at +88)
 *             has the volume id in UCS-2 big-endian.
 *   swap      "SWAPSPACE2" in the last 10 bytes of the first 4096-byte page; the
 *             UUID at 1036 and the label at 1052.
 * Nothing read is trusted: every count and offset is checked before use.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "disk.h"
#include "fstype.h"

/*
 * disk_read, but a disk that ends before offset + len is no error here: the image is
 * too small to hold that file system (-1 with errno 0).
 */
static int read_at(int fd, void *buf, size_t len, uint64_t offset)
{
	uint64_t size;

	if (disk_read(fd, buf, len, offset) == 0)
		return 0;
	/* disk_read's EIO is also a short read: then say which it was. */
	if (errno == EIO && disk_size(fd, &size) == 0 && (offset > size || len > size - offset))
		errno = 0;
	return -1;
}

/* Copy a fixed-size name field: up to the first NUL, trailing spaces dropped,
 * control characters made '?'. */
static void copy_name(char *dest, size_t size, const unsigned char *src, size_t len)
{
	size_t n = 0;

	while (n < len && src[n] != '\0')
		n++;
	while (n > 0 && src[n - 1] == ' ')
		n--;
	if (n >= size)
		n = size - 1;
	for (size_t i = 0; i < n; i++)
		dest[i] = src[i] < 0x20 || src[i] == 0x7f ? '?' : src[i];
	dest[n] = '\0';
}

/* 16 bytes as 8-4-4-4-12 hexadecimal digits; "" when all are zero (no UUID). */
static void format_uuid(char *dest, const unsigned char *u)
{
	static const unsigned char none[16];

	if (memcmp(u, none, sizeof none) == 0)
		dest[0] = '\0';
	else
		disk_format_uuid(u, dest);
}

/* ---- ext2, ext3, ext4 ---- */

enum {
	EXT_HAS_JOURNAL = 0x4,			/* compat */
	EXT_INCOMPAT_FILETYPE = 0x2, EXT_INCOMPAT_RECOVER = 0x4,
	EXT_INCOMPAT_JOURNAL_DEV = 0x8, EXT_INCOMPAT_META_BG = 0x10,
	EXT_RO_SPARSE_SUPER = 0x1, EXT_RO_LARGE_FILE = 0x2, EXT_RO_BTREE_DIR = 0x4,
};
/* What ext3 understands; anything more (extents, 64bit, flex_bg, huge_file,
 * metadata_csum...) makes it ext4, as blkid names it. */
#define EXT3_INCOMPAT (EXT_INCOMPAT_FILETYPE | EXT_INCOMPAT_RECOVER | EXT_INCOMPAT_META_BG)
#define EXT3_RO_COMPAT (EXT_RO_SPARSE_SUPER | EXT_RO_LARGE_FILE | EXT_RO_BTREE_DIR)

static int probe_ext(int fd, struct fstype *fs)
{
	unsigned char sb[136];
	uint32_t compat, incompat, ro_compat;

	if (read_at(fd, sb, sizeof sb, 1024) < 0 || get_le16(sb + 56) != 0xEF53)
		return 0;
	if (get_le32(sb + 24) > 6)		/* log2(block size) - 10: 1 KB to 64 KB only */
		return 0;
	compat = get_le32(sb + 92);
	incompat = get_le32(sb + 96);
	ro_compat = get_le32(sb + 100);
	if (incompat & EXT_INCOMPAT_JOURNAL_DEV)
		strcpy(fs->type, "jbd");	/* an external journal, no file system */
	else if ((incompat & ~EXT3_INCOMPAT) || (ro_compat & ~EXT3_RO_COMPAT))
		strcpy(fs->type, "ext4");
	else if (compat & EXT_HAS_JOURNAL)
		strcpy(fs->type, "ext3");
	else
		strcpy(fs->type, "ext2");
	format_uuid(fs->uuid, sb + 104);
	copy_name(fs->label, sizeof fs->label, sb + 120, 16);
	return 1;
}

/* ---- FAT12, FAT16, FAT32 ---- */

/* The boot sector's numbers, checked. */
struct fat_layout {
	unsigned sector_size, cluster_sectors, root_entries;
	uint32_t fat_start, fat_sectors, root_start, data_start, clusters, root_cluster;
	int bits;		/* 12, 16 or 32 */
};

static int is_power_of_two(unsigned n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

/* Fill *l from boot sector b; 0 when b is no FAT boot sector. The FAT type follows
 * from the number of clusters alone, as Microsoft's specification says. */
static int fat_read_layout(const unsigned char *b, struct fat_layout *l)
{
	unsigned reserved = get_le16(b + 14), fats = b[16], media = b[21];
	uint32_t total = get_le16(b + 19) ? get_le16(b + 19) : get_le32(b + 32);
	uint32_t fat_size = get_le16(b + 22) ? get_le16(b + 22) : get_le32(b + 36), root_sectors;

	l->sector_size = get_le16(b + 11);
	l->cluster_sectors = b[13];
	l->root_entries = get_le16(b + 17);
	if (l->sector_size < 512 || l->sector_size > 4096 || !is_power_of_two(l->sector_size) ||
	    !is_power_of_two(l->cluster_sectors) || reserved == 0 || fats == 0 || fats > 4 ||
	    (media != 0xF0 && media < 0xF8) || fat_size == 0 || total == 0)
		return 0;
	root_sectors = (l->root_entries * 32 + l->sector_size - 1) / l->sector_size;
	l->fat_start = reserved;
	l->fat_sectors = fat_size;
	/* 64-bit sums: crafted sizes must not wrap around to look valid. */
	if ((uint64_t)reserved + (uint64_t)fats * fat_size + root_sectors >= total)
		return 0;
	l->root_start = reserved + fats * fat_size;
	l->data_start = l->root_start + root_sectors;
	l->clusters = (total - l->data_start) / l->cluster_sectors;
	l->bits = l->clusters < 4085 ? 12 : l->clusters < 65525 ? 16 : 32;
	l->root_cluster = get_le32(b + 44);
	/* FAT32 keeps its root directory in clusters and has no fixed root area. */
	if (l->bits == 32 && (l->root_entries != 0 || l->root_cluster < 2 ||
	    l->root_cluster >= l->clusters + 2))
		return 0;
	if (l->bits != 32 && l->root_entries == 0)
		return 0;
	return 1;
}

/* The volume-label entry among the directory entries in dir (len bytes). */
static int fat_label_in_dir(const unsigned char *dir, size_t len, char *label, size_t size)
{
	for (size_t at = 0; at + 32 <= len; at += 32) {
		const unsigned char *e = dir + at;
		if (e[0] == 0x00)
			break;		/* the end of the directory */
		if (e[0] == 0xE5 || e[11] == 0x0F)
			continue;	/* deleted, or a piece of a long name */
		if (e[11] & 0x08) {
			copy_name(label, size, e, 11);
			return 1;
		}
	}
	return 0;
}

/* Look at the first sectors of the root directory (at most 32 KB) for the label. */
static int fat_root_label(int fd, const struct fat_layout *l, char *label, size_t size)
{
	uint64_t start_sector, bytes;
	unsigned char *dir;
	int found = 0;

	if (l->bits == 32) {
		start_sector = l->data_start + (uint64_t)(l->root_cluster - 2) * l->cluster_sectors;
		bytes = (uint64_t)l->cluster_sectors * l->sector_size;
	} else {
		start_sector = l->root_start;
		bytes = l->root_entries * 32;
	}
	if (bytes > 32768)
		bytes = 32768;
	dir = xmalloc(bytes);
	if (read_at(fd, dir, bytes, start_sector * l->sector_size) == 0)
		found = fat_label_in_dir(dir, bytes, label, size);
	free(dir);
	return found;
}

static int probe_fat(int fd, struct fstype *fs)
{
	unsigned char b[512];
	struct fat_layout l;
	const unsigned char *ext;	/* the extended BPB: signature, serial, label */

	if (read_at(fd, b, sizeof b, 0) < 0 || !fat_read_layout(b, &l))
		return 0;
	ext = l.bits == 32 ? b + 66 : b + 38;
	strcpy(fs->type, "vfat");
	sprintf(fs->version, "FAT%d", l.bits);
	if (ext[0] != 0x29 && ext[0] != 0x28)
		return 1;	/* a DOS 3 disk: no serial number, no label */
	sprintf(fs->uuid, "%04X-%04X", (unsigned)(get_le32(ext + 1) >> 16), get_le32(ext + 1) & 0xFFFF);
	if (!fat_root_label(fd, &l, fs->label, sizeof fs->label) && ext[0] == 0x29)
		copy_name(fs->label, sizeof fs->label, ext + 5, 11);
	if (strcmp(fs->label, "NO NAME") == 0)
		fs->label[0] = '\0';
	return 1;
}

/* ---- ISO9660 with Joliet ---- */

/* UCS-2 big-endian (len bytes) to UTF-8, trailing spaces dropped. */
static void ucs2_to_utf8(char *dest, size_t size, const unsigned char *src, size_t len)
{
	size_t n = 0, keep = 0;

	for (size_t i = 0; i + 1 < len && n + 4 < size; i += 2) {
		unsigned c = src[i] << 8 | src[i + 1];
		if (c == 0)
			break;
		if (c < 0x20)
			c = '?';
		if (c < 0x80) {
			dest[n++] = c;
		} else if (c < 0x800) {
			dest[n++] = 0xC0 | c >> 6;
			dest[n++] = 0x80 | (c & 0x3F);
		} else {
			dest[n++] = 0xE0 | c >> 12;
			dest[n++] = 0x80 | ((c >> 6) & 0x3F);
			dest[n++] = 0x80 | (c & 0x3F);
		}
		if (c != ' ')
			keep = n;
	}
	dest[keep] = '\0';
}

/* The creation date "YYYYMMDDHHMMSScc" as blkid's UUID: YYYY-MM-DD-HH-MM-SS-cc. */
static void iso_date_uuid(char *dest, const unsigned char *d)
{
	static const int widths[] = { 4, 2, 2, 2, 2, 2, 2 };
	int zero = 1;

	for (int i = 0; i < 16; i++) {
		if (!isdigit(d[i])) {
			dest[0] = '\0';		/* "not specified" is all '0' or all NUL */
			return;
		}
		zero &= d[i] == '0';
	}
	if (zero) {
		dest[0] = '\0';
		return;
	}
	for (int i = 0; i < 7; i++) {
		memcpy(dest, d, widths[i]);
		dest += widths[i];
		d += widths[i];
		*dest++ = i < 6 ? '-' : '\0';
	}
}

static int is_joliet(const unsigned char *vd)
{
	return vd[0] == 2 && vd[88] == '%' && vd[89] == '/' &&
	       (vd[90] == '@' || vd[90] == 'C' || vd[90] == 'E');
}

static int probe_iso9660(int fd, struct fstype *fs)
{
	unsigned char vd[2048];
	char primary_label[33];

	if (read_at(fd, vd, sizeof vd, 16 * 2048) < 0 || vd[0] != 1 ||
	    memcmp(vd + 1, "CD001", 5) != 0)
		return 0;
	strcpy(fs->type, "iso9660");
	copy_name(primary_label, sizeof primary_label, vd + 40, 32);
	strcpy(fs->label, primary_label);
	iso_date_uuid(fs->uuid, vd + 813);
	/* The descriptors after the primary one, up to the terminator (type 255). */
	for (int sector = 17; sector < 17 + 16; sector++) {
		if (read_at(fd, vd, sizeof vd, (uint64_t)sector * 2048) < 0 ||
		    memcmp(vd + 1, "CD001", 5) != 0 || vd[0] == 255)
			break;
		if (is_joliet(vd)) {
			ucs2_to_utf8(fs->label, sizeof fs->label, vd + 40, 32);
			/* Joliet's 16 characters may cut a long name the primary one has whole. */
			if (strlen(fs->label) < strlen(primary_label) &&
			    strncasecmp(fs->label, primary_label, strlen(fs->label)) == 0)
				strcat(fs->label, primary_label + strlen(fs->label));
			break;
		}
	}
	return 1;
}

/* ---- swap ---- */

static int probe_swap(int fd, struct fstype *fs)
{
	unsigned char magic[10], header[44];

	if (read_at(fd, magic, sizeof magic, 4096 - 10) < 0)
		return 0;
	if (memcmp(magic, "SWAPSPACE2", 10) != 0 && memcmp(magic, "SWAP-SPACE", 10) != 0)
		return 0;
	strcpy(fs->type, "swap");
	/* Version 1 headers carry a UUID and a label; version 0 has neither. */
	if (memcmp(magic, "SWAPSPACE2", 10) == 0 && read_at(fd, header, sizeof header, 1024) == 0) {
		format_uuid(fs->uuid, header + 12);
		copy_name(fs->label, sizeof fs->label, header + 28, 16);
	}
	return 1;
}

/* ---- an MBR partition table (a whole disk) ---- */

static int probe_mbr(int fd, struct fstype *fs)
{
	unsigned char s[512];
	int used = 0;

	if (read_at(fd, s, sizeof s, 0) < 0 || s[510] != 0x55 || s[511] != 0xAA)
		return 0;
	for (int i = 0; i < 4; i++) {
		const unsigned char *p = s + 446 + 16 * i;
		if (p[0] != 0x00 && p[0] != 0x80)
			return 0;	/* the boot flag is one of these two or no table at all */
		used += p[4] != 0;
	}
	if (!used)
		return 0;
	strcpy(fs->type, "dos");
	if (get_le32(s + 440))
		sprintf(fs->uuid, "%08x", get_le32(s + 440));
	return 1;
}

int fstype_probe(int fd, struct fstype *fs)
{
	/* ISO9660 first: a hybrid boot CD also has an MBR and maybe a FAT-like sector 0. */
	static int (*const probes[])(int, struct fstype *) = {
		probe_iso9660, probe_ext, probe_swap, probe_fat, probe_mbr,
	};

	memset(fs, 0, sizeof *fs);
	for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
		errno = 0;
		if (probes[i](fd, fs))
			return 1;
		if (errno != 0)
			return -1;	/* a read error, not just a small image */
		memset(fs, 0, sizeof *fs);
	}
	return 0;
}

int fstype_probe_path(const char *path, struct fstype *fs)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), result, saved;

	memset(fs, 0, sizeof *fs);
	if (fd < 0)
		return -1;
	result = fstype_probe(fd, fs);
	saved = errno;
	close(fd);
	errno = saved;
	return result;
}

/* ---- finding devices ---- */

enum { FLOPPY_MAJOR = 2 };

char **fstype_all_devices(void)
{
	FILE *f = fopen("/proc/partitions", "r");
	char line[256], name[64];
	unsigned major, minor;
	unsigned long long blocks;
	char **list = xzalloc(sizeof *list);
	size_t count = 0;

	if (f == NULL)
		return list;
	/* "major minor  #blocks  name", after a header line and a blank one. */
	while (fgets(line, sizeof line, f)) {
		if (sscanf(line, "%u %u %llu %63s", &major, &minor, &blocks, name) != 4)
			continue;
		if (blocks == 0 || major == FLOPPY_MAJOR)
			continue;
		list = xrealloc(list, (count + 2) * sizeof *list);
		list[count++] = path_join("/dev", name);
		list[count] = NULL;
	}
	fclose(f);
	return list;
}

char *fstype_find_device(const char *tag, const char *value)
{
	char **devices = fstype_all_devices(), *found = NULL;
	struct fstype fs;

	for (char **d = devices; *d; d++) {
		if (found == NULL && fstype_probe_path(*d, &fs) == 1) {
			const char *have = strcmp(tag, "UUID") == 0 ? fs.uuid : fs.label;
			/* UUIDs in either case: FAT's are upper case, ext2's lower. */
			if (have[0] && (strcmp(have, value) == 0 ||
			    (strcmp(tag, "UUID") == 0 && strcasecmp(have, value) == 0))) {
				found = *d;
				continue;
			}
		}
		free(*d);
	}
	free(devices);
	return found;
}

char *fstype_resolve_spec(const char *spec)
{
	const char *tag = starts_with(spec, "LABEL=") ? "LABEL" : starts_with(spec, "UUID=") ? "UUID" : NULL;
	const char *value;
	char *device;

	if (tag == NULL)
		return xstrdup(spec);
	value = spec + strlen(tag) + 1;
	/* Quotes as blkid prints them are allowed: LABEL="x". */
	if (value[0] == '"' && value[1] && value[strlen(value) - 1] == '"') {
		char *bare = xstrndup(value + 1, strlen(value) - 2);
		device = fstype_find_device(tag, bare);
		free(bare);
	} else {
		device = fstype_find_device(tag, value);
	}
	if (device == NULL)
		warn("no device with %s", spec);
	return device;
}
