/*
 * lsusb: list the USB devices, from /sys/bus/usb/devices (in lsusb's layout
 * "Bus 001 Device 001: ID 1d6b:0002", without the names of usb.ids).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"

static const char usage[] =
	"Usage: lsusb\n"
	"List the USB devices: bus, device number, and vendor:product ids.\n";

/* The first line of a sysfs file (without its newline) into buf; "" when unreadable. */
static char *read_line(const char *dir, const char *file, char *buf, size_t size)
{
	char *path = path_join(dir, file), *text = read_file(path, NULL);

	snprintf(buf, size, "%s", text ? text : "");
	buf[strcspn(buf, "\n")] = '\0';
	free(text);
	free(path);
	return buf;
}

static int compare_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int lsusb_main(int argc, char **argv)
{
	struct options o;
	const char *top = "/sys/bus/usb/devices";
	DIR *dir;
	struct dirent *entry;
	char **lines = NULL;
	int count = 0;

	options_start(&o, argc, argv, "", usage);
	options_next(&o);
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	dir = opendir(top);
	if (dir == NULL)
		return 0;	/* no USB in this machine: nothing to list */
	while ((entry = readdir(dir)) != NULL) {
		char *path = path_join(top, entry->d_name), bus[16], device[16], vendor[16], product[16];
		/* Interfaces ("1-0:1.0") have no busnum; only devices are listed. */
		if (entry->d_name[0] != '.' && !strchr(entry->d_name, ':') &&
		    *read_line(path, "busnum", bus, sizeof bus)) {
			lines = xrealloc(lines, (count + 1) * sizeof *lines);
			lines[count] = xmalloc(64);
			snprintf(lines[count++], 64, "Bus %03d Device %03d: ID %s:%s", atoi(bus),
				 atoi(read_line(path, "devnum", device, sizeof device)),
				 read_line(path, "idVendor", vendor, sizeof vendor),
				 read_line(path, "idProduct", product, sizeof product));
		}
		free(path);
	}
	closedir(dir);
	qsort(lines, count, sizeof *lines, compare_lines);
	for (int i = 0; i < count; i++)
		puts(lines[i]);
	return flush_stdout() < 0;
}
