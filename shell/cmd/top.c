/*
 * top: show the busiest processes, refreshed every few seconds (as procps top,
 * much reduced). CPU use is measured, not averaged over a lifetime: top reads
 * the CPU ticks of every process in /proc/PID/stat twice and shows the difference.
 *
 * On a terminal it redraws the screen until 'q' (and puts the terminal back as
 * it was however it ends); -b writes plain frames one after another, for logs.
 */
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "mini.h"
#include "duration.h"
#include "proc.h"
#include "users.h"

static const char usage[] =
	"Usage: top [-b] [-n COUNT] [-d SECONDS]\n"
	"Show the processes using the most CPU, refreshed every SECONDS (3).\n"
	"Keys: q quits, space refreshes now.\n"
	"  -b          batch mode: plain text frames, no keys, every process\n"
	"  -n COUNT    stop after COUNT frames\n"
	"  -d SECONDS  the delay between frames; fractions allowed\n";

/* One process as one frame shows it. */
struct row {
	struct proc_info info;
	unsigned long ticks;		/* utime + stime now */
	unsigned long recent;		/* ticks used since the previous frame */
};

/* A frame's worth of processes, and the whole machine's CPU ticks at that time. */
struct sample {
	struct row *rows;
	int count;
	unsigned long long cpu[5];	/* user, nice, system, idle, iowait */
};

/* The terminal's modes before top changed them; restored on every way out. */
static struct termios saved_modes;
static int modes_changed;

static void restore_terminal(void)
{
	if (modes_changed)
		tcsetattr(STDIN_FILENO, TCSADRAIN, &saved_modes);
	modes_changed = 0;
}

static void on_signal(int sig)
{
	restore_terminal();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Keys without Enter and without echo; signals (Ctrl-C) still work and restore it all. */
static void keys_mode(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &saved_modes) < 0)
		return;
	t = saved_modes;
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	modes_changed = 1;
	atexit(restore_terminal);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	tcsetattr(STDIN_FILENO, TCSADRAIN, &t);
}

/* Read the "cpu" line of /proc/stat: the machine's ticks in each state. */
static void read_cpu(unsigned long long *cpu)
{
	char *text = read_file("/proc/stat", NULL);

	memset(cpu, 0, 5 * sizeof *cpu);
	if (text)
		sscanf(text, "cpu %llu %llu %llu %llu %llu", &cpu[0], &cpu[1], &cpu[2], &cpu[3], &cpu[4]);
	free(text);
}

static int by_pid(const void *a, const void *b)
{
	return ((const struct row *)a)->info.pid - ((const struct row *)b)->info.pid;
}

static int by_recent_cpu(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->recent != y->recent)
		return x->recent < y->recent ? 1 : -1;
	return x->info.pid - y->info.pid;
}

/* Read every process; the ticks each used since `before` (or since it started). */
static void take_sample(struct sample *now, const struct sample *before)
{
	DIR *all = proc_open();
	int pid, capacity = 0;

	now->rows = NULL;
	now->count = 0;
	while ((pid = proc_next(all)) > 0) {
		struct row r, *old;
		if (proc_read(pid, &r.info) < 0)
			continue;
		r.ticks = r.info.utime + r.info.stime;
		old = before ? bsearch(&r, before->rows, before->count, sizeof r, by_pid) : NULL;
		r.recent = old && old->ticks <= r.ticks ? r.ticks - old->ticks : r.ticks;
		if (now->count == capacity)
			now->rows = xrealloc(now->rows, (capacity = capacity * 2 + 64) * sizeof r);
		now->rows[now->count++] = r;
	}
	closedir(all);
	qsort(now->rows, now->count, sizeof *now->rows, by_pid);	/* for the next bsearch */
	read_cpu(now->cpu);
}

/* "12.3" : part / whole as a percentage with one decimal. */
static char *percent(char *buf, unsigned long long part, unsigned long long whole)
{
	unsigned long long tenths = whole ? part * 1000 / whole : 0;

	sprintf(buf, "%llu.%llu", tenths / 10, tenths % 10);
	return buf;
}

/* The value of "Name:  1234 kB" in /proc/meminfo's text. */
static unsigned long long meminfo(const char *text, const char *name)
{
	const char *at = strstr(text, name);

	return at ? strtoull(at + strlen(name) + 1, NULL, 10) : 0;
}

/* "up 3 min", "up 1:05", "up 2 days, 1:05": as uptime(1) writes it. */
static void print_uptime(long up)
{
	long days = up / 86400, hours = up / 3600 % 24, minutes = up / 60 % 60;

	fputs(" up ", stdout);
	if (days)
		printf("%ld day%s, ", days, days == 1 ? "" : "s");
	if (hours)
		printf("%ld:%02ld", hours, minutes);
	else
		printf("%ld min", minutes);
}

/* The header: time, uptime and load; tasks by state; CPU use; memory. Returns its lines. */
static int print_header(const struct sample *now, const struct sample *before)
{
	char *uptime = read_file("/proc/uptime", NULL), *loadavg = read_file("/proc/loadavg", NULL);
	char *mem = read_file("/proc/meminfo", NULL), clock[16], load[3][16];
	char a[16], b[16], c[16], d[16], e[16];
	unsigned long long diff[5], total = 0;
	int states[4] = { 0, 0, 0, 0 };
	time_t t = time(NULL);

	strftime(clock, sizeof clock, "%H:%M:%S", localtime(&t));
	printf("top - %s", clock);
	print_uptime(uptime ? atol(uptime) : 0);
	if (loadavg && sscanf(loadavg, "%15s %15s %15s", load[0], load[1], load[2]) == 3)
		printf(",  load average: %s, %s, %s", load[0], load[1], load[2]);
	putchar('\n');
	for (int i = 0; i < now->count; i++) {
		char s = now->rows[i].info.state;
		states[s == 'R' ? 0 : s == 'T' || s == 't' ? 2 : s == 'Z' ? 3 : 1]++;
	}
	printf("Tasks: %d total, %d running, %d sleeping, %d stopped, %d zombie\n",
	       now->count, states[0], states[1], states[2], states[3]);
	for (int i = 0; i < 5; i++)
		total += diff[i] = now->cpu[i] - (before ? before->cpu[i] : 0);
	printf("%%Cpu(s): %s us, %s sy, %s ni, %s id, %s wa\n", percent(a, diff[0], total),
	       percent(b, diff[2], total), percent(c, diff[1], total), percent(d, diff[3], total),
	       percent(e, diff[4], total));
	if (mem) {
		unsigned long long all = meminfo(mem, "MemTotal:"), free_kib = meminfo(mem, "MemFree:");
		unsigned long long cache = meminfo(mem, "Buffers:") + meminfo(mem, "\nCached:");
		printf("KiB Mem: %llu total, %llu free, %llu used, %llu buff/cache\n",
		       all, free_kib, all - free_kib - cache, cache);
	}
	free(uptime);
	free(loadavg);
	free(mem);
	return 4;
}

/* One frame: the header, then the processes by recent CPU use, as many as fit. */
static void print_frame(struct sample *now, const struct sample *before, long long elapsed_ns,
			int max_rows, int max_cols)
{
	long ticks_per_second = sysconf(_SC_CLK_TCK), page_kib = sysconf(_SC_PAGESIZE) / 1024;
	unsigned long long elapsed_ticks = elapsed_ns * ticks_per_second / NANOSECONDS_PER_SECOND;
	char *mem = read_file("/proc/meminfo", NULL), line[512], cpu[16], memory[16];
	unsigned long long total_kib = mem ? meminfo(mem, "MemTotal:") : 0;
	struct row *sorted = xmalloc((now->count + 1) * sizeof *sorted);
	int shown;

	free(mem);
	shown = print_header(now, before);
	printf("\n%5s %-8s %3s %3s %7s %6s %c %5s %4s %9s %s\n", "PID", "USER", "PR", "NI", "VIRT",
	       "RES", 'S', "%CPU", "%MEM", "TIME+", "COMMAND");
	shown += 2;
	memcpy(sorted, now->rows, now->count * sizeof *sorted);
	qsort(sorted, now->count, sizeof *sorted, by_recent_cpu);
	for (int i = 0; i < now->count && (max_rows <= 0 || shown < max_rows); i++, shown++) {
		const struct proc_info *p = &sorted[i].info;
		unsigned long hundredths = sorted[i].ticks * 100 / ticks_per_second;
		snprintf(line, sizeof line, "%5d %-8.8s %3ld %3ld %7llu %6ld %c %5s %4s %3lu:%02lu.%02lu %s",
			 p->pid, user_name(p->uid), p->priority, p->nice, p->vsize / 1024,
			 p->rss * page_kib, p->state, percent(cpu, sorted[i].recent, elapsed_ticks),
			 percent(memory, p->rss * page_kib, total_kib), hundredths / 6000,
			 hundredths / 100 % 60, hundredths % 100, p->comm);
		printf("%.*s\n", max_cols > 0 ? max_cols : (int)sizeof line, line);
	}
	free(sorted);
}

/* Wait up to `wait` for a key; true when it is 'q' (or the input ended). */
static int wait_for_quit(long long wait)
{
	long long end = monotonic_nanoseconds() + wait;
	struct pollfd in = { STDIN_FILENO, POLLIN, 0 };
	long long left;
	char key;

	while ((left = end - monotonic_nanoseconds()) > 0) {
		if (poll(&in, 1, left / 1000000 + 1) <= 0)
			continue;
		if (read(STDIN_FILENO, &key, 1) != 1 || key == 'q' || key == 'Q')
			return 1;
		if (key == ' ')
			return 0;
	}
	return 0;
}

int top_main(int argc, char **argv)
{
	struct options o;
	struct sample before, now;
	long long delay = 3 * NANOSECONDS_PER_SECOND, taken;
	long long frames = -1;
	int c, batch = 0, keys, rows = 0, cols = 0;

	options_start(&o, argc, argv, "bn:d:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'b')
			batch = 1;
		else if (c == 'n' && (parse_long(o.arg, &frames) < 0 || frames < 1))
			usage_error(usage, "invalid count '%s'", o.arg);
		else if (c == 'd' && parse_duration(o.arg, &delay) < 0)
			usage_error(usage, "invalid delay '%s'", o.arg);
	}
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	if (!batch && !isatty(STDOUT_FILENO))
		batch = 1;	/* no screen to redraw: write frames, as -b */
	/* Keys only from a terminal top has in the foreground: a background process
	 * that touches its terminal is stopped (SIGTTIN, SIGTTOU). */
	keys = !batch && isatty(STDIN_FILENO) && tcgetpgrp(STDIN_FILENO) == getpgrp();
	if (keys)
		keys_mode();
	/* A first look, so that even the first frame shows recent CPU use. */
	take_sample(&before, NULL);
	taken = monotonic_nanoseconds();
	sleep_nanoseconds(NANOSECONDS_PER_SECOND / 5);
	for (;;) {
		take_sample(&now, &before);
		if (!batch) {
			terminal_size(STDOUT_FILENO, &rows, &cols);
			fputs("\033[H\033[J", stdout);
		}
		print_frame(&now, &before, monotonic_nanoseconds() - taken, batch ? 0 : rows - 1, batch ? 0 : cols);
		taken = monotonic_nanoseconds();
		free(before.rows);
		before = now;
		if (frames > 0 && --frames == 0)
			break;
		if (batch) {
			putchar('\n');
			fflush(stdout);
			sleep_nanoseconds(delay);
		} else {
			fflush(stdout);
			if (!keys)
				sleep_nanoseconds(delay);
			else if (wait_for_quit(delay))
				break;
		}
	}
	fflush(stdout);
	return 0;
}
