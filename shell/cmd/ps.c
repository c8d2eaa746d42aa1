/*
 * ps: report processes, from /proc (POSIX ps with -e -f -o -p; output as procps's).
 *
 * Without options ps shows, like procps, the processes of this user on this
 * terminal as "PID TTY TIME CMD"; -e shows every process in the same columns;
 * -f the full "UID PID PPID C STIME TTY TIME CMD" with the command lines.
 * -o picks the columns; "-o pid=" leaves a column's header empty (no header
 * line at all when every one is empty), for scripts. The BSD form everyone
 * types, "ps aux", is understood too: every process, in procps's user format.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "mini.h"
#include "proc.h"
#include "users.h"

static const char usage[] =
	"Usage: ps [-e | -A] [-f] [-p PID,...] [-o COLUMN[=HEADER],...]\n"
	"       ps aux    (BSD style: a and x for every process, u for the user format)\n"
	"Report processes: by default those of this user on this terminal.\n"
	"  -e, -A  every process\n"
	"  -f      full listing: UID PID PPID C STIME TTY TIME CMD (with arguments)\n"
	"  -p LIST only the processes of the ids in LIST\n"
	"  -o LIST these columns: pid ppid pgid sid user uid comm args stat tty time\n"
	"          etime nice pri vsz rss pcpu pmem c stime (\"pid=\" for no header)\n";

/* The columns ps knows: name for -o, default header, width, and which side it aligns to. */
enum column_id { PID, PPID, PGID, SID, USER, UID, COMM, ARGS, STAT, TTY, TIME, ETIME,
		 NICE, PRI, VSZ, RSS, PCPU, PMEM, C, STIME };

static const struct {
	const char *name, *header;
	signed char width;	/* negative: left-aligned */
} columns[] = {
	[PID] = { "pid", "PID", 5 }, [PPID] = { "ppid", "PPID", 5 }, [PGID] = { "pgid", "PGID", 5 },
	[SID] = { "sid", "SID", 5 }, [USER] = { "user", "USER", -8 }, [UID] = { "uid", "UID", 5 },
	[COMM] = { "comm", "COMMAND", -15 }, [ARGS] = { "args", "COMMAND", -27 },
	[STAT] = { "stat", "STAT", -4 }, [TTY] = { "tty", "TT", -8 }, [TIME] = { "time", "TIME", 8 },
	[ETIME] = { "etime", "ELAPSED", 11 }, [NICE] = { "nice", "NI", 3 },
	[PRI] = { "pri", "PRI", 3 }, [VSZ] = { "vsz", "VSZ", 6 }, [RSS] = { "rss", "RSS", 5 },
	[PCPU] = { "pcpu", "%CPU", 4 }, [PMEM] = { "pmem", "%MEM", 4 }, [C] = { "c", "C", 2 },
	[STIME] = { "stime", "STIME", 5 },
};
#define COLUMN_COUNT (sizeof columns / sizeof columns[0])
#define MAX_SHOWN 32

/* The columns chosen, with their headers. */
struct layout {
	int count;
	enum column_id id[MAX_SHOWN];
	const char *header[MAX_SHOWN];
	int any_header;
};

/* Facts about the system every row needs. */
struct clock_facts {
	long ticks_per_second;
	time_t boot_time;
	time_t now;
	long page_kib;
	unsigned long long memory_kib;	/* MemTotal, for %MEM */
};

/*
 * Add the columns of a list like "pid,user,args=COMMAND LINE" to the layout.
 * As in procps, everything after an '=' is the header of the column before it.
 */
static void add_columns(struct layout *l, char *list)
{
	char *header = strchr(list, '='), *word, *rest = list;

	if (header)
		*header++ = '\0';
	while ((word = strsep(&rest, ", ")) != NULL) {
		unsigned i;
		if (*word == '\0')
			continue;
		for (i = 0; i < COLUMN_COUNT && strcmp(word, columns[i].name) != 0; i++)
			;
		if (i == COLUMN_COUNT)
			usage_error(usage, "unknown column '%s'", word);
		if (l->count == MAX_SHOWN)
			usage_error(usage, "too many columns");
		l->id[l->count] = i;
		l->header[l->count] = columns[i].header;
		l->count++;
	}
	if (header && l->count > 0)
		l->header[l->count - 1] = header;
	l->any_header = 0;
	for (int i = 0; i < l->count; i++) {
		if (*l->header[i])
			l->any_header = 1;
	}
}

/* "01:02:03" for a CPU time; "1-02:03:04" past a day, as procps writes TIME. */
static void format_cpu_time(char *buf, size_t size, unsigned long seconds)
{
	if (seconds >= 86400)
		snprintf(buf, size, "%lu-%02lu:%02lu:%02lu", seconds / 86400, seconds / 3600 % 24,
			 seconds / 60 % 60, seconds % 60);
	else
		snprintf(buf, size, "%02lu:%02lu:%02lu", seconds / 3600, seconds / 60 % 60, seconds % 60);
}

/* "[[dd-]hh:]mm:ss", the form of ELAPSED. */
static void format_elapsed(char *buf, size_t size, long seconds)
{
	long days = seconds / 86400, hours = seconds / 3600 % 24;

	if (days)
		snprintf(buf, size, "%ld-%02ld:%02ld:%02ld", days, hours, seconds / 60 % 60, seconds % 60);
	else if (hours)
		snprintf(buf, size, "%02ld:%02ld:%02ld", hours, seconds / 60 % 60, seconds % 60);
	else
		snprintf(buf, size, "%02ld:%02ld", seconds / 60, seconds % 60);
}

/* STAT: the state letter, then < high priority, N low, s session leader, l threads, + foreground. */
static void format_stat(char *buf, const struct proc_info *p)
{
	char *b = buf;

	*b++ = p->state;
	if (p->nice < 0)
		*b++ = '<';
	else if (p->nice > 0)
		*b++ = 'N';
	if (p->session == p->pid)
		*b++ = 's';
	if (p->threads > 1)
		*b++ = 'l';
	if (p->tty && p->tty_pgrp == p->pgrp)
		*b++ = '+';
	*b = '\0';
}

/* The text of one column of process p into buf. */
static void format_column(enum column_id id, const struct proc_info *p, const struct clock_facts *f,
			  char *buf, size_t size)
{
	unsigned long cpu_seconds = (p->utime + p->stime) / f->ticks_per_second;
	time_t started = f->boot_time + p->start_time / f->ticks_per_second;
	long alive = f->now - started > 0 ? f->now - started : 1;

	switch (id) {
	case PID: snprintf(buf, size, "%d", p->pid); break;
	case PPID: snprintf(buf, size, "%d", p->ppid); break;
	case PGID: snprintf(buf, size, "%d", p->pgrp); break;
	case SID: snprintf(buf, size, "%d", p->session); break;
	case USER: snprintf(buf, size, "%s", user_name(p->uid)); break;
	case UID: snprintf(buf, size, "%u", (unsigned)p->uid); break;
	case COMM: snprintf(buf, size, "%s", p->comm); break;
	case ARGS:
		/* Kernel threads have no command line: procps shows their name in brackets. */
		if (proc_cmdline(p->pid, buf, size) == 0)
			snprintf(buf, size, "[%s]", p->comm);
		break;
	case STAT: format_stat(buf, p); break;
	case TTY: proc_tty_name(p->tty, buf, size); break;
	case TIME: format_cpu_time(buf, size, cpu_seconds); break;
	case ETIME: format_elapsed(buf, size, alive); break;
	case NICE: snprintf(buf, size, "%ld", p->nice); break;
	case PRI: snprintf(buf, size, "%ld", p->priority); break;
	case VSZ: snprintf(buf, size, "%llu", p->vsize / 1024); break;
	case RSS: snprintf(buf, size, "%ld", p->rss * f->page_kib); break;
	case PCPU: {
		unsigned long tenths = cpu_seconds * 1000 / alive;
		snprintf(buf, size, "%lu.%lu", tenths / 10, tenths % 10);
		break;
	}
	case PMEM: {
		unsigned long long tenths = f->memory_kib ? p->rss * f->page_kib * 1000ULL / f->memory_kib : 0;
		snprintf(buf, size, "%llu.%llu", tenths / 10, tenths % 10);
		break;
	}
	case C: snprintf(buf, size, "%lu", cpu_seconds * 100 / alive); break;
	case STIME:
		/* Today's processes show the hour, older ones the day ("Nov25"), as procps does. */
		strftime(buf, size, f->now - started < 86400 ? "%H:%M" : "%b%d", localtime(&started));
		break;
	}
}

/* Print one line: each column padded to its width, the last one not; cut to max_width. */
static void print_line(const struct layout *l, const char **texts, int max_width)
{
	char line[4096];
	int len = 0;

	for (int i = 0; i < l->count && len < (int)sizeof line - 1; i++) {
		int width = columns[l->id[i]].width, last = i == l->count - 1;
		int header_width = strlen(l->header[i]);
		if (header_width > abs(width))	/* a long header widens its column */
			width = width < 0 ? -header_width : header_width;
		if (last && width < 0)
			width = 0;	/* a left-aligned last column needs no padding */
		len += snprintf(line + len, sizeof line - len, "%s%*s", i ? " " : "", width, texts[i]);
		if (len >= (int)sizeof line)
			len = sizeof line - 1;
	}
	if (max_width > 0 && len > max_width)
		len = max_width;
	printf("%.*s\n", len, line);
}

static void print_process(const struct layout *l, const struct proc_info *p,
			  const struct clock_facts *f, int max_width)
{
	static char texts[MAX_SHOWN][1024];
	const char *pointers[MAX_SHOWN];

	for (int i = 0; i < l->count; i++) {
		format_column(l->id[i], p, f, texts[i], sizeof texts[i]);
		pointers[i] = texts[i];
	}
	print_line(l, pointers, max_width);
}

/* The total memory in KiB, from the MemTotal line of /proc/meminfo. */
static unsigned long long memory_total(void)
{
	char *text = read_file("/proc/meminfo", NULL);
	unsigned long long kib = 0;

	if (text)
		sscanf(text, "MemTotal: %llu", &kib);
	free(text);
	return kib;
}

/*
 * "ps aux": BSD options are letters without a dash. Returns the number of
 * argv words it took (0 or 1); sets every and user_format.
 */
static int bsd_options(char **argv, int *every, int *user_format)
{
	const char *word = argv[1];

	if (word == NULL || word[0] == '-' || strspn(word, "auxw") != strlen(word))
		return 0;
	*every = strchr(word, 'a') || strchr(word, 'x');
	*user_format = strchr(word, 'u') != NULL;
	return 1;
}

/* The boot time from the "btime" line of /proc/stat. */
static time_t boot_time(void)
{
	char *text = read_file("/proc/stat", NULL), *line;
	long btime = 0;

	if (text && (line = strstr(text, "\nbtime ")) != NULL)
		btime = atol(line + 7);
	free(text);
	return btime;
}

/* Whether pid is in a comma-separated list of ids. */
static int in_list(const char *list, int pid)
{
	for (const char *p = list; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL) {
		if (atoi(p) == pid)
			return 1;
	}
	return 0;
}

int ps_main(int argc, char **argv)
{
	struct options o;
	struct layout layout;
	struct clock_facts facts;
	struct proc_info self, p;
	/* Lists of columns: each "=HEADER" ends a list, so the defaults come in pieces. */
	static const char *const default_columns[] = { "pid", "tty=TTY", "time", "comm=CMD", NULL };
	static const char *const full_columns[] = { "user=UID", "pid,ppid,c,stime", "tty=TTY", "time", "args=CMD", NULL };
	static const char *const user_columns[] = { "user,pid,pcpu,pmem,vsz,rss", "tty=TTY", "stat",
		"stime=START", "time", "args=COMMAND", NULL };
	const char *pid_list = NULL;
	int c, every = 0, full = 0, user_format = 0, rows, max_width = 0, pid, bsd;
	DIR *all;

	memset(&layout, 0, sizeof layout);
	bsd = bsd_options(argv, &every, &user_format);
	argc -= bsd;
	argv += bsd;
	options_start(&o, argc, argv, "eAfp:o:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'e': case 'A': every = 1; break;
		case 'f': full = 1; break;
		case 'p': pid_list = o.arg; break;
		case 'o': add_columns(&layout, o.arg); break;
		}
	}
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	if (layout.count == 0) {
		const char *const *lists = user_format ? user_columns : full ? full_columns : default_columns;
		for (const char *const *list = lists; *list; list++)
			add_columns(&layout, xstrdup(*list));
	}
	facts.ticks_per_second = sysconf(_SC_CLK_TCK);
	facts.page_kib = sysconf(_SC_PAGESIZE) / 1024;
	facts.boot_time = boot_time();
	facts.now = time(NULL);
	facts.memory_kib = memory_total();
	if (isatty(STDOUT_FILENO))
		terminal_size(STDOUT_FILENO, &rows, &max_width);
	if (layout.any_header)
		print_line(&layout, layout.header, max_width);
	if (proc_read(getpid(), &self) < 0)
		die("/proc/self:");
	all = proc_open();
	while ((pid = proc_next(all)) > 0) {
		if (proc_read(pid, &p) < 0)
			continue;
		if (pid_list ? !in_list(pid_list, pid) :
		    !every && (p.uid != geteuid() || p.tty != self.tty))
			continue;
		print_process(&layout, &p, &facts, max_width);
	}
	closedir(all);
	return flush_stdout() < 0;
}
