/*
 * init.h: what the two halves of init share.
 *
 * inittab.c decides WHAT to run (from /etc/inittab, or the built-in defaults);
 * init.c RUNS it: starts, reaps, restarts, and shuts the machine down.
 */
#ifndef INIT_H
#define INIT_H

#include <sys/types.h>

/* The actions of an inittab line, in the order init runs them at boot. */
enum action { SYSINIT, WAIT, ONCE, RESPAWN, ASKFIRST, CTRLALTDEL, SHUTDOWN };

struct entry {
	enum action action;
	char tty[32];		/* "/dev/ttyS0"; "/dev/console" when the line names none */
	char process[128];	/* the command line; a leading '-' makes it a login shell */
	pid_t pid;		/* its running process, 0 when none runs */
	long started;		/* when that process started (seconds since boot) */
	int quick_exits;	/* how many times in a row it died soon after starting */
	long held_until;	/* respawning too fast: not restarted before this time */
};

#define MAX_ENTRIES 16
/* A longer /etc/inittab line is refused whole (said on the console with its number). */
#define MAX_INITTAB_LINE 255
extern struct entry entries[MAX_ENTRIES];
extern int entry_count;

/*
 * Fill entries[] from /etc/inittab, then with defaults for what the file lacks.
 * Called again on SIGHUP: running processes of unchanged lines are kept.
 */
void read_inittab(void);

/* Print "init: message" on the console (a format ending in ':' adds strerror). */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
