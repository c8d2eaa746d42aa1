/*
 * blkid: the type, label and UUID of the file systems on block devices (as
 * util-linux blkid prints them: /dev/sda1: LABEL="x" UUID="..." TYPE="ext2").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "fstype.h"
#include "module.h"

static const char usage[] =
	"Usage: blkid [-s TAG]... [-o FORMAT] [DEVICE]...\n"
	"       blkid -L LABEL | -U UUID\n"
	"Show the file system type, label and UUID of each DEVICE (a disk, a partition or an\n"
	"image file), or of every block device in /proc/partitions (floppy drives only when named).\n"
	"  -s TAG     show only this tag (TYPE, LABEL, UUID, PTTYPE, PTUUID)\n"
	"  -o FORMAT  full (the default), value (the values alone, one a line),\n"
	"             export (TAG=value lines), device (the device names only)\n"
	"  -L LABEL   print the device whose file system has this label\n"
	"  -U UUID    print the device whose file system has this UUID\n"
	"Exit status 2 when no device (or no asked tag) was found.\n";

enum format { FULL, VALUE, EXPORT, DEVICE };

struct request {
	enum format format;
	const char *tags[8];	/* -s */
	int ntags;
};

static int tag_wanted(const struct request *r, const char *tag)
{
	if (r->ntags == 0)
		return 1;
	for (int i = 0; i < r->ntags; i++)
		if (strcmp(r->tags[i], tag) == 0)
			return 1;
	return 0;
}

/* A value in double quotes; " and \ inside get a backslash, as blkid does. */
static void print_quoted(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putchar('\\');
		putchar(*s);
	}
	putchar('"');
}

/* Print the tags of one device; returns how many were printed. */
static int print_device(const char *device, const struct fstype *fs, const struct request *r)
{
	int is_table = strcmp(fs->type, "dos") == 0;
	const char *names[] = { "LABEL", "UUID", "TYPE" }, *table_names[] = { "", "PTUUID", "PTTYPE" };
	const char *values[] = { fs->label, fs->uuid, fs->type };
	int printed = 0;

	for (int i = 0; i < 3; i++) {
		const char *name = is_table ? table_names[i] : names[i];
		if (values[i][0] == '\0' || name[0] == '\0' || !tag_wanted(r, name))
			continue;
		printed++;
		if (r->format == VALUE) {
			printf("%s\n", values[i]);
		} else if (r->format == EXPORT) {
			if (printed == 1)
				printf("DEVNAME=%s\n", device);
			printf("%s=%s\n", name, values[i]);
		} else if (r->format == FULL) {
			printf(printed == 1 ? "%s: %s=" : " %s=", printed == 1 ? device : name, name);
			print_quoted(values[i]);
		}
	}
	if (printed && r->format == FULL)
		putchar('\n');
	if (printed && r->format == DEVICE)
		printf("%s\n", device);
	if (printed && r->format == EXPORT)
		putchar('\n');
	return printed;
}

/* Probe and print one device; 1 when something was printed. */
static int show(const char *device, const struct request *r, int named)
{
	struct fstype fs;
	int result = fstype_probe_path(device, &fs);

	if (result < 0 && named)
		warn("%s:", device);
	if (result == 0 && named)
		warn("%s: unknown file system", device);
	return result == 1 && print_device(device, &fs, r) > 0;
}

static enum format parse_format(const char *s)
{
	static const char *const names[] = { "full", "value", "export", "device" };

	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	usage_error(usage, "unknown output format '%s'", s);
}

/* blkid -L / -U: the device's name, or exit status 2. */
static int find(const char *tag, const char *value)
{
	char *device = fstype_find_device(tag, value);

	if (device == NULL)
		return 2;
	printf("%s\n", device);
	free(device);
	return flush_stdout() < 0 ? 1 : 0;
}

int blkid_main(int argc, char **argv)
{
	struct options o;
	struct request r = { FULL, { NULL }, 0 };
	int c, found = 0;

	wait_for_drivers();
	options_start(&o, argc, argv, "s:o:L:U:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 's':
			if (r.ntags == 8)
				usage_error(usage, "too many -s");
			r.tags[r.ntags++] = o.arg;
			break;
		case 'o': r.format = parse_format(o.arg); break;
		case 'L': return find("LABEL", o.arg);
		case 'U': return find("UUID", o.arg);
		}
	}
	argv += o.index;
	if (*argv) {
		for (; *argv; argv++)
			found |= show(*argv, &r, 1);
	} else {
		char **devices = fstype_all_devices();
		for (char **d = devices; *d; d++) {
			found |= show(*d, &r, 0);
			free(*d);
		}
		free(devices);
	}
	if (flush_stdout() < 0)
		return 1;
	return found ? 0 : 2;
}
