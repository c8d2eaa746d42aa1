/*
 * fdisk: list and edit MBR ("DOS") partition tables (the classic fdisk menu of
 * util-linux and BusyBox; the keys can be fed on standard input as a script).
 *
 * The format: sector 0 of the disk ends in four 16-byte entries at byte 446 and the
 * signature 55 AA. An entry is: boot flag (0x80), start as cylinder/head/sector,
 * type, end as CHS, start sector (LBA, 32 bits), sector count (32 bits). One entry
 * may be an "extended" partition (type 05, 0f or 85): a container holding a chain
 * of extended boot records (EBRs), one sector each, laid out like the MBR: entry 0
 * is a logical partition (its start relative to this EBR), entry 1 links the next
 * EBR (its start relative to the extended partition's start). Partitions 1-4 are
 * the MBR's entries, 5 and up the logical ones in chain order.
 *
 * Nothing is written before 'w'. A table that is damaged (overlapping entries, out
 * of the disk) is shown with warnings and kept as it is: fdisk never fixes silently.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "disk.h"
#include "module.h"

static const char usage[] =
	"Usage: fdisk [-u] [-H HEADS] [-S SECTORS] DISK     edit the partition table of DISK\n"
	"       fdisk -l [DISK]...                            list tables (all disks if none)\n"
	"Edit an MBR (DOS) partition table with one-letter commands (m lists them); the\n"
	"table is written only by 'w'. The commands may come from a script on standard\n"
	"input, one answer a line (an empty line takes the default):\n"
	"    printf 'n\\np\\n1\\n\\n+10M\\nw\\n' | fdisk disk.img\n"
	"  -l         list the partition tables and exit\n"
	"  -u         sectors as units (the only units; accepted for compatibility)\n"
	"  -H, -S     heads and sectors per track for the CHS fields (default: the disk's or 255/63)\n";

enum {
	SECTOR = 512,
	TABLE_OFFSET = 446,
	MAX_LOGICAL = 60,	/* more EBRs than this is a loop or nonsense */
	MAX_PARTS = 4 + MAX_LOGICAL,
};

struct partition {
	uint8_t type, boot;
	uint32_t start, size;	/* absolute sectors; type 0: an empty slot */
	uint32_t ebr;		/* logical partitions: where their EBR lies */
};

struct disk {
	const char *path;
	int fd;
	uint32_t sectors;		/* usable by an MBR: at most 2^32 - 1 */
	uint64_t bytes;
	struct disk_geometry geo;
	uint8_t mbr[SECTOR];		/* sector 0 as read: boot code and disk id are kept */
	struct partition primary[4];
	struct partition logical[MAX_LOGICAL];
	int nlogical;
	int extended;			/* index of the extended primary, or -1 */
	int changed;
};

/* ---- partition types ---- */

static const struct {
	uint8_t id;
	const char *name;
} types[] = {
	{ 0x00, "Empty" }, { 0x01, "FAT12" }, { 0x04, "FAT16 <32M" }, { 0x05, "Extended" },
	{ 0x06, "FAT16" }, { 0x07, "HPFS/NTFS/exFAT" }, { 0x0b, "W95 FAT32" },
	{ 0x0c, "W95 FAT32 (LBA)" }, { 0x0e, "W95 FAT16 (LBA)" }, { 0x0f, "W95 Ext'd (LBA)" },
	{ 0x11, "Hidden FAT12" }, { 0x14, "Hidden FAT16 <32M" }, { 0x16, "Hidden FAT16" },
	{ 0x17, "Hidden HPFS/NTFS" }, { 0x1b, "Hidden W95 FAT32" }, { 0x1c, "Hidden W95 FAT32 (LBA)" },
	{ 0x1e, "Hidden W95 FAT16 (LBA)" }, { 0x42, "SFS" }, { 0x63, "GNU HURD or SysV" },
	{ 0x80, "Old Minix" }, { 0x81, "Minix / old Linux" }, { 0x82, "Linux swap / Solaris" },
	{ 0x83, "Linux" }, { 0x85, "Linux extended" }, { 0x8e, "Linux LVM" }, { 0xa5, "FreeBSD" },
	{ 0xa6, "OpenBSD" }, { 0xa8, "Darwin UFS" }, { 0xa9, "NetBSD" }, { 0xaf, "HFS / HFS+" },
	{ 0xbe, "Solaris boot" }, { 0xbf, "Solaris" }, { 0xda, "Non-FS data" }, { 0xee, "GPT" },
	{ 0xef, "EFI (FAT-12/16/32)" }, { 0xfb, "VMware VMFS" }, { 0xfd, "Linux raid autodetect" },
};

static const char *type_name(uint8_t id)
{
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (types[i].id == id)
			return types[i].name;
	return "Unknown";
}

static int is_extended(uint8_t type)
{
	return type == 0x05 || type == 0x0f || type == 0x85;
}

static void list_types(void)
{
	size_t n = sizeof types / sizeof types[0], rows = (n + 2) / 3;

	for (size_t r = 0; r < rows; r++) {
		for (size_t c = r; c < n; c += rows)
			printf(" %02x  %-22s", types[c].id, types[c].name);
		putchar('\n');
	}
}

/* ---- numbering: 1-4 primary, 5... logical ---- */

static struct partition *part_by_number(struct disk *d, int n)
{
	if (n >= 1 && n <= 4)
		return &d->primary[n - 1];
	if (n >= 5 && n < 5 + d->nlogical)
		return &d->logical[n - 5];
	return NULL;
}

static int part_used(struct disk *d, int n)
{
	struct partition *p = part_by_number(d, n);
	return p && p->type != 0;
}

static uint32_t part_end(const struct partition *p)
{
	return p->size ? p->start + p->size - 1 : p->start;
}

/* ---- reading the table ---- */

static void read_entry(const uint8_t *e, uint32_t base, struct partition *p)
{
	p->boot = e[0];
	p->type = e[4];
	p->start = base + get_le32(e + 8);
	p->size = get_le32(e + 12);
}

static int has_signature(const uint8_t *s)
{
	return s[510] == 0x55 && s[511] == 0xaa;
}

/* Follow the chain of EBRs in the extended partition ext; stops (with a warning)
 * at anything that does not look like one, and after MAX_LOGICAL of them. */
static void read_logicals(struct disk *d, const struct partition *ext)
{
	uint8_t s[SECTOR];
	uint32_t pos = ext->start;

	while (d->nlogical < MAX_LOGICAL) {
		struct partition link;
		if (disk_read(d->fd, s, SECTOR, (uint64_t)pos * SECTOR) < 0) {
			warn("%s: cannot read the EBR at sector %u:", d->path, pos);
			return;
		}
		if (!has_signature(s)) {
			if (pos != ext->start)
				warn("%s: warning: the EBR at sector %u has no signature; the chain ends there", d->path, pos);
			return;
		}
		if (s[TABLE_OFFSET + 4] != 0) {
			struct partition *p = &d->logical[d->nlogical++];
			read_entry(s + TABLE_OFFSET, pos, p);
			p->ebr = pos;
		}
		read_entry(s + TABLE_OFFSET + 16, ext->start, &link);
		if (link.type == 0 || link.start == ext->start)
			return;
		if (link.start <= ext->start || link.start > part_end(ext) || link.start == pos) {
			warn("%s: warning: the EBR at sector %u links outside the extended partition; the chain ends there",
			     d->path, pos);
			return;
		}
		pos = link.start;
	}
	warn("%s: warning: more than %d logical partitions (an EBR loop?); the rest is ignored",
	     d->path, MAX_LOGICAL);
}

/* Read sector 0 and the EBR chain. Returns 1 when the disk had an MBR, 0 when not. */
static int read_table(struct disk *d)
{
	memset(d->primary, 0, sizeof d->primary);
	d->nlogical = 0;
	d->extended = -1;
	if (disk_read(d->fd, d->mbr, SECTOR, 0) < 0)
		die("%s: cannot read sector 0:", d->path);
	if (!has_signature(d->mbr))
		return 0;
	for (int i = 0; i < 4; i++) {
		read_entry(d->mbr + TABLE_OFFSET + 16 * i, 0, &d->primary[i]);
		if (d->primary[i].type == 0)
			continue;
		if (is_extended(d->primary[i].type)) {
			if (d->extended >= 0)
				warn("%s: warning: more than one extended partition; only partition %d's logical partitions are read",
				     d->path, d->extended + 1);
			else
				d->extended = i;
		}
	}
	if (d->extended >= 0)
		read_logicals(d, &d->primary[d->extended]);
	return 1;
}

/* A new empty table with a random disk identifier (the 4 bytes at 440). */
static void new_table(struct disk *d)
{
	memset(d->mbr, 0, sizeof d->mbr);
	memset(d->primary, 0, sizeof d->primary);
	d->nlogical = 0;
	d->extended = -1;
	put_le32(d->mbr + 440, disk_random32());
	d->changed = 1;
	printf("Created a new DOS disklabel with disk identifier 0x%08x.\n", get_le32(d->mbr + 440));
}

/* ---- showing the table ---- */

/* "sda" + 1 = "sda1"; a name ending in a digit gets a 'p' ("mmcblk0p1", "loop0p1"). */
static void part_name(const struct disk *d, int n, char *buf, size_t size)
{
	size_t len = strlen(d->path);
	int digit = len > 0 && isdigit((unsigned char)d->path[len - 1]);
	snprintf(buf, size, "%s%s%d", d->path, digit ? "p" : "", n);
}

/* Say what is wrong with the table; returns the number of problems. */
static int verify(struct disk *d, int quiet_if_clean)
{
	int problems = 0, n = 4 + d->nlogical;

	for (int a = 1; a <= n; a++) {
		struct partition *p = part_by_number(d, a);
		if (p->type == 0)
			continue;
		if (p->size == 0 || p->start == 0 || (uint64_t)p->start + p->size > d->sectors) {
			printf("Warning: partition %d (sectors %u-%u) does not lie within the disk (sectors 1-%u).\n",
			       a, p->start, part_end(p), d->sectors - 1);
			problems++;
		}
		if (a > 4 && d->extended >= 0) {
			struct partition *e = &d->primary[d->extended];
			if (p->ebr < e->start || part_end(p) > part_end(e) || p->start <= p->ebr) {
				printf("Warning: logical partition %d lies outside the extended partition.\n", a);
				problems++;
			}
		}
		for (int b = a + 1; b <= n; b++) {
			struct partition *q = part_by_number(d, b);
			if (q->type == 0 || (a <= 4 && b > 4 && a - 1 == d->extended))
				continue;	/* a logical partition lies inside its extended one */
			if (p->start <= part_end(q) && q->start <= part_end(p)) {
				printf("Warning: partitions %d and %d overlap.\n", a, b);
				problems++;
			}
		}
	}
	if (problems == 0 && !quiet_if_clean)
		printf("No errors detected.\n");
	return problems;
}

static void print_table(struct disk *d)
{
	char size[16], name[256];
	int width = (int)strlen(d->path) + 3;

	printf("Disk %s: %s, %llu bytes, %u sectors\n", d->path, human_size(size, d->bytes),
	       (unsigned long long)d->bytes, d->sectors);
	printf("Geometry: %u heads, %u sectors/track\n", d->geo.heads, d->geo.sectors_per_track);
	printf("Units: sectors of 1 * 512 = 512 bytes\n");
	printf("Disklabel type: dos\nDisk identifier: 0x%08x\n", get_le32(d->mbr + 440));
	if (d->primary[0].type == 0 && d->primary[1].type == 0 && d->primary[2].type == 0 &&
	    d->primary[3].type == 0)
		return;
	printf("\n%-*s Boot %10s %10s %10s %6s Id Type\n", width, "Device", "Start", "End", "Sectors", "Size");
	for (int n = 1; n <= 4 + d->nlogical; n++) {
		struct partition *p = part_by_number(d, n);
		if (p->type == 0)
			continue;
		part_name(d, n, name, sizeof name);
		printf("%-*s %-4s %10u %10u %10u %6s %02x %s\n", width, name, p->boot == 0x80 ? "*" : "",
		       p->start, part_end(p), p->size, human_size(size, (uint64_t)p->size * SECTOR),
		       p->type, type_name(p->type));
	}
	verify(d, 1);
}

/* ---- opening a disk ---- */

/* -H and -S: the geometry to use instead of the disk's (0: the disk's). */
static unsigned forced_heads, forced_sectors;

static void open_disk(struct disk *d, const char *path, int writable)
{
	memset(d, 0, sizeof *d);
	d->path = path;
	d->fd = open(path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC);
	if (d->fd < 0)
		die("%s:", path);
	if (disk_size(d->fd, &d->bytes) < 0)
		die("%s: cannot get its size:", path);
	if (d->bytes / SECTOR < 2)
		die("%s: too small for a partition table (%llu bytes; the table and one partition need 2 sectors)",
		    path, (unsigned long long)d->bytes);
	d->sectors = d->bytes / SECTOR > UINT32_MAX ? UINT32_MAX : (uint32_t)(d->bytes / SECTOR);
	disk_geometry(d->fd, &d->geo);
	if (forced_heads)
		d->geo.heads = forced_heads;
	if (forced_sectors)
		d->geo.sectors_per_track = forced_sectors;
}

static int list_disk(const char *path)
{
	struct disk d;

	open_disk(&d, path, 0);
	if (!read_table(&d)) {
		printf("Disk %s: %llu bytes, %u sectors\nDisk %s does not contain a valid partition table\n",
		       path, (unsigned long long)d.bytes, d.sectors, path);
	} else {
		print_table(&d);
	}
	close(d.fd);
	return 0;
}

/* fdisk -l with no disk named: every whole disk in /proc/partitions. */
static int list_all_disks(void)
{
	FILE *f = fopen("/proc/partitions", "r");
	char line[256], name[64], sys[128], dev[80];
	unsigned long long blocks;
	unsigned major, minor;
	int first = 1;

	if (!f)
		die("/proc/partitions:");
	while (fgets(line, sizeof line, f)) {
		if (sscanf(line, " %u %u %llu %63s", &major, &minor, &blocks, name) != 4 || blocks == 0)
			continue;
		snprintf(sys, sizeof sys, "/sys/block/%s", name);
		if (access(sys, F_OK) != 0)
			continue;	/* a partition, not a disk */
		snprintf(dev, sizeof dev, "/dev/%s", name);
		if (access(dev, R_OK) != 0)
			continue;
		if (!first)
			putchar('\n');
		first = 0;
		list_disk(dev);
	}
	fclose(f);
	return 0;
}

/* ---- asking ---- */

/* Print prompt and read one answer line, blanks trimmed. NULL at the end of input. */
static char *ask(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *ask(const char *fmt, ...)
{
	static char line[256];
	va_list ap;
	char *s, *end;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fflush(stdout);
	if (!fgets(line, sizeof line, stdin)) {
		putchar('\n');
		return NULL;
	}
	for (s = line; isspace((unsigned char)*s); s++)
		;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	if (!isatty(STDIN_FILENO))
		printf("%s\n", s);	/* a script's answers shown, as a terminal would echo them */
	return s;
}

/* A list of partition numbers as "1-4" or "1,3,5". */
static void format_numbers(const int *nums, int n, char *buf, size_t size)
{
	int contiguous = 1;
	size_t len = 0;

	for (int i = 1; i < n; i++)
		if (nums[i] != nums[i - 1] + 1)
			contiguous = 0;
	if (contiguous && n > 1) {
		snprintf(buf, size, "%d-%d", nums[0], nums[n - 1]);
		return;
	}
	buf[0] = '\0';
	for (int i = 0; i < n && len + 8 < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%d", i ? "," : "", nums[i]);
}

/* Ask for one of nums[] (default deflt). Returns it, or -1 at the end of input. */
static int ask_number(const char *what, const int *nums, int n, int deflt)
{
	char list[128], *answer, *end;
	long v;

	if (n == 1) {
		printf("Selected partition %d\n", nums[0]);
		return nums[0];
	}
	format_numbers(nums, n, list, sizeof list);
	for (;;) {
		answer = ask("%s (%s, default %d): ", what, list, deflt);
		if (!answer)
			return -1;
		if (!*answer)
			return deflt;
		v = strtol(answer, &end, 10);
		for (int i = 0; i < n && !*end; i++)
			if (nums[i] == v)
				return (int)v;
		printf("Value out of range.\n");
	}
}

/* Ask for a partition that exists (or, with primary_only, a primary one). */
static int ask_existing(struct disk *d, int primary_only)
{
	int nums[MAX_PARTS], n = 0;

	for (int i = 1; i <= (primary_only ? 4 : 4 + d->nlogical); i++)
		if (part_used(d, i))
			nums[n++] = i;
	if (n == 0) {
		printf("No partition is defined yet!\n");
		return -1;
	}
	return ask_number("Partition number", nums, n, nums[n - 1]);
}

/* "2048", "+100M", "+1G", "+4096" (sectors), "-10M" (from the end). Sizes in
 * K, M, G, T (powers of 1024; "KiB" "MiB" too). Returns 0, or -1 when not a value. */
static int parse_sector(const char *s, uint32_t first, uint32_t high, int is_last, uint64_t *out)
{
	char sign = 0, *end;
	unsigned long long v, unit = 0;
	const char *units = "KMGT";

	if (*s == '+' || *s == '-')
		sign = *s++;
	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return -1;
	if (*end) {
		const char *u = strchr(units, toupper((unsigned char)*end));
		if (!u || !sign || (end[1] && strcasecmp(end + 1, "iB") != 0 && strcasecmp(end + 1, "B") != 0))
			return -1;
		unit = 1024ull << (10 * (u - units));
		if (v > (1ull << 60) / unit)
			return -1;
		v = v * unit / SECTOR;	/* a size in sectors */
	}
	if (!sign)
		*out = v;
	else if (sign == '+')
		*out = (uint64_t)first + v - (is_last && v > 0 ? 1 : 0);
	else
		*out = v > high ? 0 : high - v;
	return 0;
}

/* Ask for a sector in [low, high]. Returns 0, or -1 at the end of input. */
static int ask_sector(const char *prompt, uint32_t low, uint32_t high, uint32_t deflt,
		      uint32_t first, int is_last, uint32_t *out)
{
	uint64_t v;
	char *answer;

	for (;;) {
		answer = ask("%s (%u-%u, default %u): ", prompt, low, high, deflt);
		if (!answer)
			return -1;
		if (!*answer) {
			*out = deflt;
			return 0;
		}
		if (parse_sector(answer, first, high, is_last, &v) < 0)
			printf("Invalid value '%s'.\n", answer);
		else if (v < low || v > high)
			printf("Value out of range.\n");
		else {
			*out = (uint32_t)v;
			return 0;
		}
	}
}

/* ---- free space ---- */

/* The sectors used in a region: the primaries (for the disk) or the logicals
 * with their EBRs (for the extended partition), sorted by start. */
struct span {
	uint32_t first, last;
};

static int used_spans(struct disk *d, int in_extended, struct span *spans)
{
	int n = 0;

	if (in_extended) {
		for (int i = 0; i < d->nlogical; i++)
			spans[n++] = (struct span){ d->logical[i].ebr, part_end(&d->logical[i]) };
	} else {
		for (int i = 0; i < 4; i++)
			if (d->primary[i].type)
				spans[n++] = (struct span){ d->primary[i].start, part_end(&d->primary[i]) };
	}
	for (int i = 1; i < n; i++)	/* insertion sort: a handful of entries */
		for (int j = i; j > 0 && spans[j].first < spans[j - 1].first; j--) {
			struct span t = spans[j];
			spans[j] = spans[j - 1];
			spans[j - 1] = t;
		}
	return n;
}

/* The run of free sectors in [low, high] that holds sector `at`, or the first one
 * after it, with its true bounds. Returns 0, or -1 when there is none. */
static int free_run(const struct span *used, int n, uint32_t low, uint32_t high, uint32_t at,
		    struct span *run)
{
	int64_t start = low;	/* the first sector not known to be used */

	for (int i = 0; i <= n && start <= high; i++) {
		int64_t stop = i < n ? (int64_t)used[i].first - 1 : (int64_t)high;
		if (stop > high)
			stop = high;
		if (stop >= start && stop >= at) {
			run->first = (uint32_t)start;
			run->last = (uint32_t)stop;
			return 0;
		}
		if (i < n && (int64_t)used[i].last + 1 > start)
			start = (int64_t)used[i].last + 1;
	}
	return -1;
}

/* 1 MiB alignment for defaults, as every partitioner does now (not on tiny disks). */
static uint32_t align_up(const struct disk *d, uint32_t s)
{
	uint32_t grain = d->sectors >= 8192 ? 2048 : 1;
	uint64_t a = ((uint64_t)s + grain - 1) / grain * grain;
	return a > UINT32_MAX ? s : (uint32_t)a;
}

/* The default first sector: the first aligned one in a free run with room after
 * it (and, for a logical partition, an EBR before it); else the lowest free one. */
static uint32_t default_start(const struct disk *d, const struct span *used, int n,
			      uint32_t low, uint32_t high, uint32_t lowest, uint32_t gap)
{
	struct span run;
	uint32_t search = lowest;

	while (free_run(used, n, low, high, search, &run) == 0) {
		uint32_t aligned = align_up(d, run.first + gap > search ? run.first + gap : search);
		if (aligned <= run.last)
			return aligned;
		if (run.last >= high)
			break;
		search = run.last + 1;
	}
	return lowest;
}

/* ---- the commands ---- */

/* Ask for the sectors of a new partition in [low, high] and fill p in. A logical
 * partition keeps the sector before its data for its EBR. Returns 0 or -1. */
static int ask_extent(struct disk *d, int logical, uint32_t low, uint32_t high, struct partition *p)
{
	struct span used[MAX_PARTS], run, first_run;
	int n = used_spans(d, logical, used);
	uint32_t first, last, lowest, deflt, gap = logical ? 1 : 0, search = low;

	for (;;) {	/* the first run with room for a sector of data (and an EBR) */
		if (free_run(used, n, low, high, search, &first_run) < 0) {
			printf("No free sectors available.\n");
			return -1;
		}
		if (first_run.last >= first_run.first + gap)
			break;
		search = first_run.last + 1;
	}
	lowest = first_run.first + gap;
	deflt = default_start(d, used, n, low, high, lowest, gap);
	for (;;) {
		if (ask_sector("First sector", lowest, high, deflt, lowest, 0, &first) < 0)
			return -1;
		/* The run holding `first` (and, for a logical partition, the sector before it). */
		if (free_run(used, n, low, high, first - gap, &run) == 0 && run.first + gap <= first)
			break;
		printf("Sector %u is already allocated.\n", first);
	}
	if (ask_sector("Last sector, +/-sectors or +/-size{K,M,G,T}", first, run.last, run.last,
		       first, 1, &last) < 0)
		return -1;
	p->start = first;
	p->size = last - first + 1;
	p->ebr = logical ? run.first : 0;	/* the EBR at the start of the free run */
	return 0;
}

static void announce(const struct partition *p, int number)
{
	char size[16];
	printf("Created a new partition %d of type '%s' and of size %s.\n", number,
	       type_name(p->type), human_size(size, (uint64_t)p->size * SECTOR));
}

static void add_logical(struct disk *d)
{
	struct partition *e = &d->primary[d->extended], p = { .type = 0x83 };
	int at;

	if (d->nlogical >= MAX_LOGICAL) {
		printf("Cannot make more than %d logical partitions.\n", MAX_LOGICAL);
		return;
	}
	printf("Adding logical partition %d\n", 5 + d->nlogical);
	if (ask_extent(d, 1, e->start, part_end(e), &p) < 0)
		return;
	/* Keep the chain in disk order: the new one goes before the first that lies after it. */
	for (at = 0; at < d->nlogical && d->logical[at].start < p.start; at++)
		;
	memmove(&d->logical[at + 1], &d->logical[at], (size_t)(d->nlogical - at) * sizeof p);
	d->logical[at] = p;
	d->nlogical++;
	d->changed = 1;
	announce(&p, 5 + at);
}

static void add_primary(struct disk *d, uint8_t type)
{
	int nums[4], n = 0, number;
	struct partition p = { .type = type };

	for (int i = 1; i <= 4; i++)
		if (!part_used(d, i))
			nums[n++] = i;
	number = ask_number("Partition number", nums, n, nums[0]);
	if (number < 0 || ask_extent(d, 0, 1, d->sectors - 1, &p) < 0)
		return;
	d->primary[number - 1] = p;
	d->changed = 1;
	if (is_extended(type))
		d->extended = number - 1;
	announce(&p, number);
}

static void new_partition(struct disk *d)
{
	int free_slots = 0;
	char choice = 0, *answer;

	for (int i = 1; i <= 4; i++)
		free_slots += !part_used(d, i);
	if (free_slots == 0 && d->extended < 0) {
		printf("All four primary partitions are in use: delete one first (an extended partition\n"
		       "in its place can hold logical ones).\n");
		return;
	}
	if (free_slots == 0)
		choice = 'l';
	while (!choice) {
		printf("Partition type\n   p   primary (%d primary, %d extended, %d free)\n",
		       4 - free_slots - (d->extended >= 0), d->extended >= 0, free_slots);
		printf(d->extended >= 0 ? "   l   logical (numbered from 5)\n"
					: "   e   extended (container for logical partitions)\n");
		answer = ask("Select (default p): ");
		if (!answer)
			return;
		choice = *answer ? (char)tolower((unsigned char)*answer) : 'p';
		if (answer[0] && answer[1])
			choice = 0;
		if (choice != 'p' && choice != (d->extended >= 0 ? 'l' : 'e')) {
			printf("Invalid partition type '%s'.\n", answer);
			choice = 0;
		}
	}
	if (choice == 'l')
		add_logical(d);
	else
		add_primary(d, choice == 'e' ? 0x05 : 0x83);
}

static void delete_partition(struct disk *d)
{
	int n = ask_existing(d, 0);

	if (n < 0)
		return;
	if (n > 4) {
		memmove(&d->logical[n - 5], &d->logical[n - 4], (size_t)(d->nlogical - (n - 4)) * sizeof d->logical[0]);
		d->nlogical--;
	} else {
		if (n - 1 == d->extended) {
			d->extended = -1;
			d->nlogical = 0;	/* the logical partitions go with their container */
		}
		memset(&d->primary[n - 1], 0, sizeof d->primary[0]);
	}
	d->changed = 1;
	printf("Partition %d has been deleted.\n", n);
}

static void change_type(struct disk *d)
{
	int n = ask_existing(d, 0);
	struct partition *p;
	unsigned long id;
	char *answer, *end;

	if (n < 0)
		return;
	p = part_by_number(d, n);
	for (;;) {
		answer = ask("Hex code (type L to list all codes): ");
		if (!answer)
			return;
		if (strcasecmp(answer, "l") == 0) {
			list_types();
			continue;
		}
		id = strtoul(answer, &end, 16);
		if (!*answer || *end || id > 0xff)
			printf("Invalid hex code '%s'.\n", answer);
		else if (id == 0)
			printf("Type 0 means a free slot; delete the partition with d instead.\n");
		else if (is_extended((uint8_t)id) != is_extended(p->type))
			printf("An extended partition is made with n, and stays one: type not changed.\n");
		else
			break;
	}
	printf("Changed type of partition '%s' to '%s'.\n", type_name(p->type), type_name((uint8_t)id));
	p->type = (uint8_t)id;
	d->changed = 1;
}

static void toggle_boot(struct disk *d)
{
	int n = ask_existing(d, 1);
	struct partition *p;

	if (n < 0)
		return;
	p = &d->primary[n - 1];
	p->boot = p->boot == 0x80 ? 0 : 0x80;
	d->changed = 1;
	printf("The bootable flag on partition %d is %s now.\n", n, p->boot ? "enabled" : "disabled");
}

/* ---- writing ---- */

/* Cylinder/head/sector of an LBA; past what CHS can say (cylinder 1023), its maximum. */
static void put_chs(uint8_t *chs, const struct disk *d, uint32_t lba)
{
	uint32_t heads = d->geo.heads, spt = d->geo.sectors_per_track;
	uint32_t c = lba / (heads * spt), h = lba / spt % heads, s = lba % spt + 1;

	if (c > 1023)
		c = 1023, h = heads - 1, s = spt;
	chs[0] = (uint8_t)h;
	chs[1] = (uint8_t)(s | (c >> 2 & 0xc0));
	chs[2] = (uint8_t)c;
}

static void put_entry(uint8_t *e, const struct disk *d, uint8_t boot, uint8_t type,
		      uint32_t start, uint32_t size, uint32_t base)
{
	memset(e, 0, 16);
	if (type == 0)
		return;
	e[0] = boot;
	put_chs(e + 1, d, start);
	e[4] = type;
	put_chs(e + 5, d, start + size - 1);
	put_le32(e + 8, start - base);
	put_le32(e + 12, size);
}

static void write_sector(struct disk *d, const uint8_t *s, uint32_t lba)
{
	if (disk_write(d->fd, s, SECTOR, (uint64_t)lba * SECTOR) < 0)
		die("%s: writing sector %u:", d->path, lba);
}

/* The EBR chain: one EBR per logical partition, each linking the next; the
 * chain starts at the extended partition's first sector, empty if need be. */
static void write_logicals(struct disk *d)
{
	struct partition *e = &d->primary[d->extended];
	uint8_t s[SECTOR];

	if (d->nlogical == 0 || d->logical[0].ebr != e->start) {
		memset(s, 0, sizeof s);
		if (d->nlogical > 0) {
			struct partition *next = &d->logical[0];
			put_entry(s + TABLE_OFFSET + 16, d, 0, 0x05, next->ebr,
				  part_end(next) - next->ebr + 1, e->start);
		}
		s[510] = 0x55, s[511] = 0xaa;
		write_sector(d, s, e->start);
	}
	for (int i = 0; i < d->nlogical; i++) {
		struct partition *p = &d->logical[i];
		memset(s, 0, sizeof s);
		put_entry(s + TABLE_OFFSET, d, p->boot, p->type, p->start, p->size, p->ebr);
		if (i + 1 < d->nlogical) {
			struct partition *next = &d->logical[i + 1];
			put_entry(s + TABLE_OFFSET + 16, d, 0, 0x05, next->ebr,
				  part_end(next) - next->ebr + 1, e->start);
		}
		s[510] = 0x55, s[511] = 0xaa;
		write_sector(d, s, p->ebr);
	}
}

static void write_table(struct disk *d)
{
	for (int i = 0; i < 4; i++) {
		struct partition *p = &d->primary[i];
		put_entry(d->mbr + TABLE_OFFSET + 16 * i, d, p->boot, p->type, p->start, p->size, 0);
	}
	d->mbr[510] = 0x55, d->mbr[511] = 0xaa;
	if (d->extended >= 0)
		write_logicals(d);
	write_sector(d, d->mbr, 0);
	if (fsync(d->fd) < 0 && errno != EINVAL)
		die("%s: write error:", d->path);
	printf("The partition table has been altered.\n");
	if (disk_reread_partitions(d->fd) == 0) {
		printf("Calling ioctl() to re-read partition table.\n");
	} else if (errno != ENOTTY && errno != EINVAL) {
		printf("Re-reading the partition table failed: %s.\n"
		       "The kernel still uses the old table. The new table will be used at the next reboot.\n",
		       strerror(errno));
	}
	printf("Syncing disks.\n");
}

static void help(void)
{
	printf("Help:\n"
	       "   a   toggle the bootable flag\n"
	       "   d   delete a partition\n"
	       "   l   list the known partition types\n"
	       "   n   add a new partition\n"
	       "   o   create a new empty DOS partition table\n"
	       "   p   print the partition table\n"
	       "   t   change a partition type\n"
	       "   v   verify the partition table\n"
	       "   m   print this menu\n"
	       "   w   write the table to disk and exit\n"
	       "   q   quit without saving changes\n");
}

/* The menu. Returns the exit status. */
static int edit(const char *path)
{
	struct disk d;
	char *answer;

	open_disk(&d, path, 1);
	printf("Welcome to fdisk (mini).\n"
	       "Changes will remain in memory only, until you decide to write them.\n\n");
	if (!read_table(&d)) {
		printf("Device does not contain a recognized partition table.\n");
		new_table(&d);
	}
	for (;;) {
		answer = ask("\nCommand (m for help): ");
		if (!answer) {
			if (!d.changed)
				return 0;
			warn("end of input: the changes were not written (use w)");
			return 1;
		}
		if (!*answer)
			continue;
		if (answer[1]) {
			printf("%s: unknown command\n", answer);
			continue;
		}
		switch (*answer) {
		case 'a': toggle_boot(&d); break;
		case 'd': delete_partition(&d); break;
		case 'l': list_types(); break;
		case 'm': help(); break;
		case 'n': new_partition(&d); break;
		case 'o': new_table(&d); break;
		case 'p': print_table(&d); break;
		case 't': change_type(&d); break;
		case 'v': verify(&d, 0); break;
		case 'w': write_table(&d); close(d.fd); return 0;
		case 'q': close(d.fd); return 0;
		default: printf("%c: unknown command\n", *answer); break;
		}
	}
}

int fdisk_main(int argc, char **argv)
{
	struct options o;
	int c, list = 0, status = 0;
	long long v;

	wait_for_drivers();
	options_start(&o, argc, argv, "luH:S:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'l')
			list = 1;
		if (c == 'H' || c == 'S') {
			if (parse_long(o.arg, &v) < 0 || v < 1 || v > (c == 'H' ? 255 : 63))
				usage_error(usage, "invalid %s '%s'", c == 'H' ? "head count (1-255)" :
					    "sectors per track (1-63)", o.arg);
			*(c == 'H' ? &forced_heads : &forced_sectors) = (unsigned)v;
		}
	}
	argv += o.index;
	argc -= o.index;
	if (list) {
		if (argc == 0)
			status = list_all_disks();
		for (int i = 0; i < argc; i++) {
			if (i > 0)
				putchar('\n');
			status |= list_disk(argv[i]);
		}
		return flush_stdout() < 0 ? 1 : status;
	}
	if (argc != 1)
		usage_error(usage, argc ? "too many operands" : "no disk given");
	status = edit(argv[0]);
	return flush_stdout() < 0 ? 1 : status;
}
