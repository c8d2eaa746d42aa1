/*
 * lsmod: the modules loaded in the kernel, from /proc/modules, one a line: its name,
 * its size in bytes, how many users it has, and which modules use it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"

static const char usage[] =
	"Usage: lsmod\n"
	"List the kernel's loaded modules: name, size, use count and users.\n";

/* One line of /proc/modules, "e1000 98304 0 - Live 0xc8800000" or
 * "8390 12288 1 ne2k_pci, Live 0x...", as "8390  12288  1 ne2k_pci". */
static void print_module(char *line)
{
	char *name = strtok(line, " "), *size = strtok(NULL, " ");
	char *uses = strtok(NULL, " "), *users = strtok(NULL, " ");
	size_t len;

	if (name == NULL || size == NULL || uses == NULL)
		return;
	if (users == NULL || strcmp(users, "-") == 0)
		users = "";
	len = strlen(users);
	if (len > 0 && users[len - 1] == ',')
		users[len - 1] = '\0';
	printf("%-19s %8s  %s%s%s\n", name, size, uses, *users ? " " : "", users);
}

int lsmod_main(int argc, char **argv)
{
	struct options o;
	size_t len;
	char *text, *line, *next;

	options_start(&o, argc, argv, "", usage);
	while (options_next(&o) != -1)
		;
	if (argv[o.index] != NULL)
		usage_error(usage, "no operands expected");
	text = read_file("/proc/modules", &len);
	if (text == NULL)
		die("/proc/modules:");
	printf("%-19s %8s  %s\n", "Module", "Size", "Used by");
	for (line = text; *line; line = next) {
		next = strchr(line, '\n');
		if (next == NULL)
			next = line + strlen(line);
		else
			*next++ = '\0';
		print_module(line);
	}
	free(text);
	return flush_stdout() < 0;
}
