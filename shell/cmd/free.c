/*
 * free: show the memory in use and free, from /proc/meminfo, in the layout of
 * procps-ng's free (KiB by default; "available" is the kernel's MemAvailable).
 */
#include <stdio.h>
#include <string.h>
#include "mini.h"

static const char usage[] =
	"Usage: free [-h | -k | -m]\n"
	"Show the memory and swap space in use and free.\n"
	"  -k  in KiB (the default)   -m  in MiB\n"
	"  -h  human-readable: B, Ki, Mi, Gi with up to 3 digits\n";

enum { KIB = 1, MIB = 2, HUMAN = 3 };

/* The value of "Name:   1234 kB" in /proc/meminfo's text, in KiB; 0 when absent. */
static unsigned long long meminfo(const char *text, const char *name)
{
	size_t len = strlen(name);
	unsigned long long value = 0;

	for (const char *line = text; line; line = strchr(line, '\n')) {
		if (*line == '\n')
			line++;
		if (strncmp(line, name, len) == 0 && line[len] == ':') {
			sscanf(line + len + 1, "%llu", &value);
			break;
		}
	}
	return value;
}

/* procps's -h: 3 significant digits at most: "23Gi", "499Mi", "8.6Mi", "0B". */
static const char *human(char *buf, unsigned long long kib)
{
	static const char units[] = "KMGTP";
	unsigned long long tenths = kib * 10;
	int u = 0;

	if (kib == 0)
		return "0B";
	while (tenths >= 10240 && u < 4) {
		tenths /= 1024;
		u++;
	}
	if (tenths < 100)
		sprintf(buf, "%llu.%lluKi", tenths / 10, tenths % 10);
	else
		sprintf(buf, "%lluKi", tenths / 10);
	buf[strlen(buf) - 2] = units[u];
	return buf;
}

/* One row: the label, then every value in the unit asked for, 12 columns each. */
static void print_row(const char *label, const unsigned long long *kib, int count, int unit)
{
	char buf[32];

	printf("%-8s", label);
	for (int i = 0; i < count; i++) {
		if (unit == HUMAN)
			printf("%12s", human(buf, kib[i]));
		else
			printf("%12llu", unit == MIB ? kib[i] / 1024 : kib[i]);
	}
	putchar('\n');
}

int free_main(int argc, char **argv)
{
	struct options o;
	int c, unit = KIB;
	char *text;
	unsigned long long mem[6], swap[3], total, available, buffers_cache;

	options_start(&o, argc, argv, "hkm", usage);
	while ((c = options_next(&o)) != -1)
		unit = c == 'h' ? HUMAN : c == 'm' ? MIB : KIB;
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	text = read_file("/proc/meminfo", NULL);
	if (text == NULL)
		die("/proc/meminfo:");
	total = meminfo(text, "MemTotal");
	buffers_cache = meminfo(text, "Buffers") + meminfo(text, "Cached") + meminfo(text, "SReclaimable");
	available = meminfo(text, "MemAvailable");
	mem[0] = total;
	mem[2] = meminfo(text, "MemFree");
	mem[3] = meminfo(text, "Shmem");
	mem[4] = buffers_cache;
	mem[5] = available ? available : mem[2];	/* old kernels lack MemAvailable */
	/* "used" is what cannot be had back: all but the available memory (as procps 4 counts). */
	mem[1] = total - mem[5];
	swap[0] = meminfo(text, "SwapTotal");
	swap[2] = meminfo(text, "SwapFree");
	swap[1] = swap[0] - swap[2];
	printf("               total        used        free      shared  buff/cache   available\n");
	print_row("Mem:", mem, 6, unit);
	print_row("Swap:", swap, 3, unit);
	return flush_stdout() < 0;
}
