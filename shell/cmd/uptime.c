/*
 * uptime: how long the system has been running, and its load (as procps uptime,
 * without the user count: mini keeps no utmp).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "mini.h"

static const char usage[] =
	"Usage: uptime [-p]\n"
	"Print the time, how long the system has been up and the load averages\n"
	"(processes waiting to run, over 1, 5 and 15 minutes).\n"
	"  -p  only the time up, in words: \"up 2 hours, 5 minutes\"\n";

/* The seconds since boot, from /proc/uptime. */
static long seconds_up(void)
{
	char *text = read_file("/proc/uptime", NULL);
	long seconds = 0;

	if (text == NULL || sscanf(text, "%ld", &seconds) != 1)
		die("/proc/uptime:");
	return seconds;
}

/* "3 days, 4 hours, 1 minute": the parts that are not zero, for -p. */
static void print_pretty(long up)
{
	long parts[3] = { up / 86400, up / 3600 % 24, up / 60 % 60 };
	static const char *const names[3] = { "day", "hour", "minute" };
	int printed = 0;

	fputs("up ", stdout);
	for (int i = 0; i < 3; i++) {
		if (parts[i] == 0 && !(i == 2 && printed == 0))
			continue;
		printf("%s%ld %s%s", printed++ ? ", " : "", parts[i], names[i], parts[i] == 1 ? "" : "s");
	}
	putchar('\n');
}

int uptime_main(int argc, char **argv)
{
	struct options o;
	int pretty = 0;
	long up, days, hours, minutes;
	char *loadavg, *one, *five, *fifteen, clock[16];
	time_t now = time(NULL);

	options_start(&o, argc, argv, "p", usage);
	while (options_next(&o) != -1)
		pretty = 1;
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	up = seconds_up();
	if (pretty) {
		print_pretty(up);
		return flush_stdout() < 0;
	}
	/* /proc/loadavg: "0.20 0.18 0.12 1/80 1234"; the first three are the averages. */
	loadavg = read_file("/proc/loadavg", NULL);
	if (loadavg == NULL)
		die("/proc/loadavg:");
	one = strtok(loadavg, " ");
	five = strtok(NULL, " ");
	fifteen = strtok(NULL, " ");
	if (fifteen == NULL)
		die("/proc/loadavg: not understood");
	days = up / 86400;
	hours = up / 3600 % 24;
	minutes = up / 60 % 60;
	strftime(clock, sizeof clock, "%H:%M:%S", localtime(&now));
	printf(" %s up ", clock);
	if (days)
		printf("%ld day%s, ", days, days == 1 ? "" : "s");
	if (hours)
		printf("%2ld:%02ld,  ", hours, minutes);
	else
		printf("%ld min,  ", minutes);
	printf("load average: %s, %s, %s\n", one, five, fifteen);
	return flush_stdout() < 0;
}
