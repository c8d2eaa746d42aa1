/*
 * lspci: list the PCI devices, from /sys/bus/pci/devices (in BusyBox lspci's
 * layout: "00:01.0 Class 0601: 8086:7000"; the numbers, no names).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"

static const char usage[] =
	"Usage: lspci [-n]\n"
	"List the PCI devices: slot, class, and vendor:device ids.\n"
	"  -n  numbers only (mini always shows numbers)\n";

/* A number from a sysfs file like .../vendor ("0x8086"); 0 when unreadable. */
static unsigned long read_number(const char *dir, const char *file)
{
	char *path = path_join(dir, file), *text = read_file(path, NULL);
	unsigned long n = text ? strtoul(text, NULL, 16) : 0;

	free(text);
	free(path);
	return n;
}

int lspci_main(int argc, char **argv)
{
	struct options o;
	struct dirent **entries;
	const char *top = "/sys/bus/pci/devices";
	int count;

	options_start(&o, argc, argv, "n", usage);
	while (options_next(&o) != -1)
		;
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	count = scandir(top, &entries, NULL, alphasort);
	if (count < 0)
		die("%s:", top);
	for (int i = 0; i < count; i++) {
		const char *slot = entries[i]->d_name;
		char *dir = path_join(top, slot);
		if (slot[0] != '.') {
			/* Slots are "0000:00:01.0"; the domain 0000 is left out, as lspci does. */
			if (starts_with(slot, "0000:"))
				slot += 5;
			printf("%s Class %04lx: %04lx:%04lx\n", slot, read_number(dir, "class") >> 8,
			       read_number(dir, "vendor"), read_number(dir, "device"));
		}
		free(dir);
		free(entries[i]);
	}
	free(entries);
	return flush_stdout() < 0;
}
