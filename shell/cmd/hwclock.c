/*
 * hwclock: read or set the hardware clock (the battery-backed RTC) through the
 * ioctls of rtc(4) on /dev/rtc or /dev/rtc0 (as util-linux/BusyBox hwclock).
 * The RTC keeps no time zone: -u (the default) says it runs on UTC, -l on local time.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <linux/rtc.h>
#include "mini.h"

static const char usage[] =
	"Usage: hwclock [-r | -s | -w] [-u | -l] [-f DEVICE]\n"
	"Read or set the hardware clock.\n"
	"  -r  show its time (the default)\n"
	"  -s  set the system time from it\n"
	"  -w  set it from the system time\n"
	"  -u  it keeps UTC (the default)    -l  it keeps local time\n"
	"  -f DEVICE  the clock's device (/dev/rtc, else /dev/rtc0)\n"
	"Also --show, --hctosys, --systohc, --utc, --localtime (-r -s -w -u -l).\n";

/* util-linux's long option names, as the letters the option parser knows. */
static void translate_long_options(int argc, char **argv)
{
	static const char *const names[][2] = {
		{ "--show", "-r" }, { "--hctosys", "-s" }, { "--systohc", "-w" },
		{ "--utc", "-u" }, { "--localtime", "-l" },
	};

	for (int i = 1; i < argc; i++) {
		for (unsigned j = 0; j < sizeof names / sizeof names[0]; j++) {
			if (strcmp(argv[i], names[j][0]) == 0)
				argv[i] = (char *)names[j][1];
		}
	}
}

static int open_clock(const char *device, int flags)
{
	int fd;

	if (device) {
		fd = open(device, flags);
		if (fd < 0)
			die("%s:", device);
		return fd;
	}
	fd = open("/dev/rtc", flags);
	if (fd < 0)
		fd = open("/dev/rtc0", flags);
	if (fd < 0)
		die("no hardware clock: /dev/rtc0:");
	return fd;
}

/* The RTC's time as seconds since the epoch. */
static time_t read_clock(int fd, int local)
{
	struct rtc_time rtc;
	struct tm tm;

	if (ioctl(fd, RTC_RD_TIME, &rtc) < 0)
		die("cannot read the hardware clock:");
	memset(&tm, 0, sizeof tm);
	tm.tm_sec = rtc.tm_sec;
	tm.tm_min = rtc.tm_min;
	tm.tm_hour = rtc.tm_hour;
	tm.tm_mday = rtc.tm_mday;
	tm.tm_mon = rtc.tm_mon;
	tm.tm_year = rtc.tm_year;
	tm.tm_isdst = -1;
	return local ? mktime(&tm) : timegm(&tm);
}

static void write_clock(int fd, int local)
{
	struct rtc_time rtc;
	time_t now = time(NULL);
	struct tm *tm = local ? localtime(&now) : gmtime(&now);

	memset(&rtc, 0, sizeof rtc);
	rtc.tm_sec = tm->tm_sec;
	rtc.tm_min = tm->tm_min;
	rtc.tm_hour = tm->tm_hour;
	rtc.tm_mday = tm->tm_mday;
	rtc.tm_mon = tm->tm_mon;
	rtc.tm_year = tm->tm_year;
	if (ioctl(fd, RTC_SET_TIME, &rtc) < 0)
		die("cannot set the hardware clock:");
}

int hwclock_main(int argc, char **argv)
{
	struct options o;
	const char *device = NULL;
	int c, action = 'r', local = 0, fd;
	struct timeval tv;
	char text[64];

	translate_long_options(argc, argv);
	options_start(&o, argc, argv, "rswulf:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'u' || c == 'l')
			local = c == 'l';
		else if (c == 'f')
			device = o.arg;
		else
			action = c;
	}
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	fd = open_clock(device, action == 'w' ? O_WRONLY : O_RDONLY);
	if (action == 'w') {
		write_clock(fd, local);
	} else if (action == 's') {
		tv.tv_sec = read_clock(fd, local);
		tv.tv_usec = 0;
		if (settimeofday(&tv, NULL) < 0)
			die("cannot set the system time:");
	} else {
		time_t t = read_clock(fd, local);
		strftime(text, sizeof text, "%a %b %e %H:%M:%S %Y", localtime(&t));
		printf("%s  0.000000 seconds\n", text);
	}
	close(fd);
	return flush_stdout() < 0;
}
