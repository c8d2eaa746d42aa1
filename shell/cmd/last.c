/*
 * last: the logins, logouts and boots of /var/log/wtmp, newest first (the lines of
 * util-linux's last). libmini/utmpfile.h says who writes wtmp.
 *
 * wtmp is read backwards, a record at a time, so that a big file costs no memory:
 * going back in time, a logout is seen before its login. So each terminal's last
 * logout seen is kept until its login comes, and the last boot or shutdown seen
 * ends every session older than it ("down", or "crash" when no shutdown came).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "utmpfile.h"

static const char usage[] =
	"Usage: last [-n N] [-f FILE] [USER]...\n"
	"Show the logins (user, terminal, host, from - to (how long)) and the boots\n"
	"recorded in FILE (default " WTMP_PATH "), newest first.\n"
	"  -n N     only the N newest lines (-N works too)\n"
	"  -f FILE  read FILE\n";

/* Terminals whose logout was seen and whose login was not yet. A crafted file may
 * name many: the oldest one kept is then forgotten ("gone" instead of its time). */
#define PENDING_MAX 64

struct pending {
	char line[UT_LINESIZE];
	time_t logout;
};

struct last {
	struct pending pending[PENDING_MAX];
	int pending_count, next_slot;
	time_t down;		/* the newest boot or shutdown seen so far (0: none) */
	int crashed;		/* that was a boot with no shutdown before it */
	long printed, limit;	/* limit < 0: no limit */
	char **users;		/* only these users (NULL: all) */
};

static time_t record_time(const struct utmp *u)
{
	return (time_t)u->ut_tv.tv_sec;
}

/* "Fri Dec  4 21:05", as util-linux shows a login. */
static void format_when(char *buf, size_t size, time_t when, const char *format)
{
	struct tm *tm = localtime(&when);

	if (tm == NULL || strftime(buf, size, format, tm) == 0)
		snprintf(buf, size, "?");
}

/* " - 21:30  (00:25)" or "(1+02:03)" for a session of more than a day. */
static void format_end(char *buf, size_t size, time_t from, time_t to)
{
	char clock[16];
	long span = to > from ? (long)(to - from) : 0;

	format_when(clock, sizeof clock, to, "%H:%M");
	if (span >= 86400)
		snprintf(buf, size, "- %s  (%ld+%02ld:%02ld)", clock, span / 86400, span / 3600 % 24, span / 60 % 60);
	else
		snprintf(buf, size, "- %s  (%02ld:%02ld)", clock, span / 3600, span / 60 % 60);
}

static int wanted_user(const struct last *l, const char *user)
{
	if (l->users == NULL || l->users[0] == NULL)
		return 1;
	for (char **u = l->users; *u; u++)
		if (strcmp(*u, user) == 0)
			return 1;
	return 0;
}

static void print_line(struct last *l, const struct utmp *u, const char *line, const char *end)
{
	char user[UT_NAMESIZE + 1], host[UT_HOSTSIZE + 1], when[32];

	utmp_text(user, u->ut_user, sizeof u->ut_user);
	if (!wanted_user(l, user) || (l->limit >= 0 && l->printed >= l->limit))
		return;
	utmp_text(host, u->ut_host, sizeof u->ut_host);
	format_when(when, sizeof when, record_time(u), "%a %b %e %H:%M");
	printf("%-8.8s %-12.12s %-16.16s %s %s\n", user, line, host, when, end);
	l->printed++;
}

/* The logout time kept for line (and forget it), or 0 when none is kept. */
static time_t take_logout(struct last *l, const char *line)
{
	for (int i = 0; i < l->pending_count; i++) {
		struct pending *p = &l->pending[i];
		if (strncmp(p->line, line, UT_LINESIZE) == 0 && p->logout) {
			time_t t = p->logout;
			p->logout = 0;
			return t;
		}
	}
	return 0;
}

static void keep_logout(struct last *l, const char *line, time_t when)
{
	struct pending *p = NULL;

	for (int i = 0; i < l->pending_count && p == NULL; i++)
		if (strncmp(l->pending[i].line, line, UT_LINESIZE) == 0)
			p = &l->pending[i];
	if (p == NULL && l->pending_count < PENDING_MAX)
		p = &l->pending[l->pending_count++];
	if (p == NULL) {	/* full: reuse the slots in turn */
		p = &l->pending[l->next_slot];
		l->next_slot = (l->next_slot + 1) % PENDING_MAX;
	}
	memcpy(p->line, line, UT_LINESIZE);
	p->logout = when;
}

static void boot_record(struct last *l, const struct utmp *u)
{
	char end[64];

	if (l->down)
		format_end(end, sizeof end, record_time(u), l->down);
	else
		snprintf(end, sizeof end, "  still running");
	print_line(l, u, "system boot", end);
	/* Sessions older than this boot ended with the machine: before it, they crashed. */
	l->down = record_time(u);
	l->crashed = 1;
	l->pending_count = 0;
}

static void login_record(struct last *l, const struct utmp *u)
{
	char line[UT_LINESIZE + 1], end[64];
	time_t logout = take_logout(l, u->ut_line);

	utmp_text(line, u->ut_line, sizeof u->ut_line);
	if (logout)
		format_end(end, sizeof end, record_time(u), logout);
	else if (l->down)
		snprintf(end, sizeof end, "- %s", l->crashed ? "crash" : "down ");
	else
		snprintf(end, sizeof end, "  still logged in");
	print_line(l, u, line, end);
}

static void one_record(struct last *l, const struct utmp *u)
{
	if (u->ut_type == BOOT_TIME) {
		boot_record(l, u);
	} else if (u->ut_type == RUN_LVL && strncmp(u->ut_user, "shutdown", UT_NAMESIZE) == 0) {
		l->down = record_time(u);
		l->crashed = 0;
		l->pending_count = 0;
	} else if (u->ut_type == USER_PROCESS && u->ut_user[0]) {
		login_record(l, u);
	} else if (u->ut_type == DEAD_PROCESS || (u->ut_type == USER_PROCESS && !u->ut_user[0])) {
		keep_logout(l, u->ut_line, record_time(u));
	}
}

int last_main(int argc, char **argv)
{
	static struct last l;
	struct options o;
	const char *path = WTMP_PATH;
	struct utmp u, first;
	struct stat st;
	char begins[40];
	off_t at;
	long long n;
	int c, fd, have_first = 0;

	l.limit = -1;
	/* -5 for -n 5, as util-linux and BusyBox take it */
	if (argc > 1 && argv[1][0] == '-' && parse_long(argv[1] + 1, &n) == 0 && n >= 0) {
		l.limit = n;
		argv++;
		argc--;
	}
	options_start(&o, argc, argv, "n:f:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'f')
			path = o.arg;
		else if (parse_long(o.arg, &n) < 0 || n < 0)
			usage_error(usage, "-n: not a count: '%s'", o.arg);
		else
			l.limit = n;
	}
	l.users = argv + o.index;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0)
		die("%s:", path);
	/* whole records only: a torn one at the end is left out */
	for (at = st.st_size - st.st_size % sizeof u; at > 0 && (l.limit < 0 || l.printed < l.limit);) {
		at -= sizeof u;
		if (pread(fd, &u, sizeof u, at) != (ssize_t)sizeof u)
			die("%s:", path);
		one_record(&l, &u);
	}
	if (st.st_size >= (off_t)sizeof first && pread(fd, &first, sizeof first, 0) == (ssize_t)sizeof first)
		have_first = 1;
	close(fd);
	format_when(begins, sizeof begins, have_first ? record_time(&first) : st.st_mtime, "%a %b %e %H:%M:%S %Y");
	printf("\n%s begins %s\n", base_name(path), begins);
	return flush_stdout() < 0;
}
