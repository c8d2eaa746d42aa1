/*
 * who, w: who is logged in, from /run/utmp (libmini/utmpfile.h says who writes it).
 *
 * who prints coreutils' lines (NAME LINE TIME [(HOST)]); w prints uptime's line and
 * then what each user is doing (procps' columns without the CPU times).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "proc.h"
#include "utmpfile.h"

static const char who_usage[] =
	"Usage: who [-abHmqu] [FILE | am i]\n"
	"Show who is logged in: NAME LINE TIME [(HOST)], from FILE (default " UTMP_PATH ").\n"
	"  -a  all: the boot time, terminals waiting for a login, ended sessions (with -u)\n"
	"  -b  the time of the last boot\n"
	"  -H  a line of column headings first\n"
	"  -m  only the terminal on standard input (so does `who am i`)\n"
	"  -q  only the names, and their count\n"
	"  -u  the idle time (. under a minute, old after a day) and the process id\n";

static const char w_usage[] =
	"Usage: w [-h] [USER]\n"
	"Show the time, the uptime, the number of users and the load averages, then for\n"
	"each logged-in user (or only USER): the terminal, the remote host, the login\n"
	"time, the time since the terminal's last key, and the command in its foreground.\n"
	"  -h  no header lines\n"
	"The environment variable UTMP names another file to read than " UTMP_PATH ".\n";

/* Every whole record of a utmp file, malloc'd; *count of them. Dies when it cannot be read. */
static struct utmp *read_utmp(const char *path, size_t *count)
{
	struct utmp *all = NULL, u;
	size_t n = 0, cap = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		die("%s:", path);
	/* utmp holds a record per terminal: a few hundred is a crafted file, not a machine */
	while (n < 4096 && utmp_read(fd, &u)) {
		if (n == cap)
			all = xrealloc(all, (cap = cap ? cap * 2 : 16) * sizeof *all);
		all[n++] = u;
	}
	close(fd);
	*count = n;
	return all;
}

/* Seconds since the terminal's last input (its access time); -1 when unknown. */
static long idle_seconds(const char *line)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof path, "/dev/%s", line);
	if (line[0] == '\0' || strstr(line, "..") || stat(path, &st) < 0)
		return -1;
	return time(NULL) > st.st_atime ? (long)(time(NULL) - st.st_atime) : 0;
}

static time_t record_time(const struct utmp *u)
{
	return (time_t)u->ut_tv.tv_sec;
}

/* ---- who ---- */

struct who {
	int all, boot, heading, mine, quick, idle;
	char my_line[UT_LINESIZE + 1];	/* for -m: the short name of stdin's terminal */
};

/* coreutils' idle column: "." under a minute, "old" after a day, else HH:MM. */
static void format_who_idle(char *buf, size_t size, const char *line)
{
	long idle = idle_seconds(line);

	if (idle < 0)
		snprintf(buf, size, "?");
	else if (idle < 60)
		snprintf(buf, size, ".");
	else if (idle >= 24 * 3600)
		snprintf(buf, size, "old");
	else
		snprintf(buf, size, "%02ld:%02ld", idle / 3600, idle / 60 % 60);
}

static void print_who_line(const struct who *w, const char *name, const char *line, time_t when,
			   const char *idle, long pid, const char *comment)
{
	char stamp[32];
	struct tm *tm = localtime(&when);

	if (tm == NULL || strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M", tm) == 0)
		snprintf(stamp, sizeof stamp, "?");
	printf("%-8s %-12s %-16s", name, line, stamp);
	if (w->idle) {
		if (pid > 0)
			printf(" %-6s %10ld", idle, pid);
		else
			printf(" %-6s %10s", idle, "");
	}
	if (comment[0])
		printf(" %s", comment);
	putchar('\n');
}

/* One record as who shows it, if the options want it. */
static void who_record(const struct who *w, const struct utmp *u)
{
	char user[UT_NAMESIZE + 1], line[UT_LINESIZE + 1], host[UT_HOSTSIZE + 1];
	char idle[16] = "", comment[UT_HOSTSIZE + 8] = "";
	int type = u->ut_type;

	utmp_text(user, u->ut_user, sizeof u->ut_user);
	utmp_text(line, u->ut_line, sizeof u->ut_line);
	utmp_text(host, u->ut_host, sizeof u->ut_host);
	if (type == BOOT_TIME) {
		if (w->boot || w->all)
			print_who_line(w, "", "system boot", record_time(u), "", 0, "");
		return;
	}
	if (w->boot && !w->all)
		return;
	if (type == USER_PROCESS) {
		if (w->mine && strcmp(line, w->my_line) != 0)
			return;
		if (w->idle)
			format_who_idle(idle, sizeof idle, line);
		if (host[0])
			snprintf(comment, sizeof comment, "(%s)", host);
		print_who_line(w, user, line, record_time(u), idle, u->ut_pid, comment);
	} else if (w->all && (type == LOGIN_PROCESS || type == DEAD_PROCESS)) {
		snprintf(comment, sizeof comment, "id=%.4s", u->ut_id);
		print_who_line(w, type == LOGIN_PROCESS ? "LOGIN" : "", line, record_time(u),
			       type == LOGIN_PROCESS ? " " : "", u->ut_pid, comment);
	}
}

/* -q: the names on one line, then their count. */
static void who_quick(const struct utmp *all, size_t count)
{
	char user[UT_NAMESIZE + 1];
	int users = 0;

	for (size_t i = 0; i < count; i++) {
		if (all[i].ut_type != USER_PROCESS)
			continue;
		printf("%s%s", users++ ? " " : "", utmp_text(user, all[i].ut_user, sizeof all[i].ut_user));
	}
	printf("\n# users=%d\n", users);
}

static int who(int argc, char **argv)
{
	struct options o;
	struct who w = { 0 };
	const char *path = UTMP_PATH;
	struct utmp *all;
	size_t count;
	int c;

	options_start(&o, argc, argv, "abHmqu", who_usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'a': w.all = w.idle = 1; break;
		case 'b': w.boot = 1; break;
		case 'H': w.heading = 1; break;
		case 'm': w.mine = 1; break;
		case 'q': w.quick = 1; break;
		case 'u': w.idle = 1; break;
		}
	}
	argc -= o.index;
	argv += o.index;
	if (argc == 1)
		path = argv[0];
	else if (argc == 2)
		w.mine = 1;	/* "who am i", "who mom likes": any two words, as POSIX says */
	else if (argc > 2)
		usage_error(who_usage, "extra operand '%s'", argv[2]);
	if (w.mine) {
		const char *tty = ttyname(0);
		if (tty == NULL)
			return flush_stdout() < 0;	/* not on a terminal: nobody to show */
		snprintf(w.my_line, sizeof w.my_line, "%s", starts_with(tty, "/dev/") ? tty + 5 : tty);
	}
	all = read_utmp(path, &count);
	if (w.quick) {
		who_quick(all, count);
		return flush_stdout() < 0;
	}
	if (w.heading)
		printf(w.idle ? "%-8s %-12s %-16s %-6s %10s %s\n" : "%-8s %-12s %-16s%.0s%.0s %s\n",
		       "NAME", "LINE", "TIME", "IDLE", "PID", "COMMENT");
	for (size_t i = 0; i < count; i++)
		who_record(&w, &all[i]);
	free(all);
	return flush_stdout() < 0;
}

/* ---- w ---- */

/* procps' idle column: 12.00s, 4:05 (minutes:seconds), 2:03m (hours:minutes), 3days. */
static void format_w_idle(char *buf, size_t size, const char *line)
{
	long idle = idle_seconds(line);

	if (idle < 0)
		snprintf(buf, size, "?");
	else if (idle < 60)
		snprintf(buf, size, "%ld.00s", idle);
	else if (idle < 3600)
		snprintf(buf, size, "%ld:%02ld", idle / 60, idle % 60);
	else if (idle < 86400)
		snprintf(buf, size, "%ld:%02ldm", idle / 3600, idle / 60 % 60);
	else
		snprintf(buf, size, "%lddays", idle / 86400);
}

/* procps' LOGIN@: HH:MM today, weekday and hour this week, else 04Dec26. */
static void format_login_time(char *buf, size_t size, time_t when)
{
	time_t now = time(NULL);
	struct tm *tm = localtime(&when);
	const char *format = now - when < 12 * 3600 ? "%H:%M" : now - when < 6 * 86400 ? "%a%H" : "%d%b%y";

	if (tm == NULL || strftime(buf, size, format, tm) == 0)
		snprintf(buf, size, "?");
}

/* What the session of pid runs in its terminal's foreground: /proc/PGRP/cmdline. */
static void foreground_command(char *buf, size_t size, pid_t pid)
{
	struct proc_info p;

	if (pid <= 0 || proc_read(pid, &p) < 0 || p.tty_pgrp <= 0
	    || proc_cmdline(p.tty_pgrp, buf, size) == 0)
		snprintf(buf, size, "-");
}

/* The first line, as uptime prints it, with the number of users. */
static void print_w_header(int users)
{
	char *uptime = read_file("/proc/uptime", NULL), *load = read_file("/proc/loadavg", NULL);
	char clock[16], one[16] = "?", five[16] = "?", fifteen[16] = "?";
	time_t now = time(NULL);
	long up = 0;

	if (uptime)
		sscanf(uptime, "%ld", &up);
	if (load)
		sscanf(load, "%15s %15s %15s", one, five, fifteen);
	strftime(clock, sizeof clock, "%H:%M:%S", localtime(&now));
	printf(" %s up ", clock);
	if (up >= 86400)
		printf("%ld day%s, ", up / 86400, up / 86400 == 1 ? "" : "s");
	if (up / 3600 % 24)
		printf("%2ld:%02ld,  ", up / 3600 % 24, up / 60 % 60);
	else
		printf("%ld min,  ", up / 60 % 60);
	printf("%d user%s,  load average: %s, %s, %s\n", users, users == 1 ? "" : "s", one, five, fifteen);
	free(uptime);
	free(load);
}

static void w_record(const struct utmp *u)
{
	char user[UT_NAMESIZE + 1], line[UT_LINESIZE + 1], host[UT_HOSTSIZE + 1];
	char login[16], idle[16], what[256];

	utmp_text(user, u->ut_user, sizeof u->ut_user);
	utmp_text(line, u->ut_line, sizeof u->ut_line);
	utmp_text(host, u->ut_host, sizeof u->ut_host);
	format_login_time(login, sizeof login, record_time(u));
	format_w_idle(idle, sizeof idle, line);
	foreground_command(what, sizeof what, u->ut_pid);
	printf("%-8.8s %-8.8s %-16.16s %-7s %6s  %s\n", user, line, host[0] ? host : "-", login, idle, what);
}

static int w(int argc, char **argv)
{
	struct options o;
	const char *path = getenv("UTMP") ? getenv("UTMP") : UTMP_PATH, *only = NULL;
	char user[UT_NAMESIZE + 1];
	struct utmp *all;
	size_t count;
	int header = 1, users = 0;

	options_start(&o, argc, argv, "h", w_usage);
	while (options_next(&o) != -1)
		header = 0;
	if (o.index < argc)
		only = argv[o.index];
	if (o.index + 1 < argc)
		usage_error(w_usage, "extra operand '%s'", argv[o.index + 1]);
	all = read_utmp(path, &count);
	for (size_t i = 0; i < count; i++)
		users += all[i].ut_type == USER_PROCESS;
	if (header) {
		print_w_header(users);
		printf("%-8s %-8s %-16s %-7s %6s  %s\n", "USER", "TTY", "FROM", "LOGIN@", "IDLE", "WHAT");
	}
	for (size_t i = 0; i < count; i++) {
		if (all[i].ut_type != USER_PROCESS)
			continue;
		if (only && strcmp(utmp_text(user, all[i].ut_user, sizeof all[i].ut_user), only) != 0)
			continue;
		w_record(&all[i]);
	}
	free(all);
	return flush_stdout() < 0;
}

int who_main(int argc, char **argv)
{
	return strcmp(program_name, "w") == 0 ? w(argc, argv) : who(argc, argv);
}
