/*
 * inittab.c: what init runs, read from /etc/inittab (format like BusyBox's).
 *
 * Each line is  TTY:RUNLEVELS:ACTION:PROCESS
 *   TTY       the terminal the process gets as stdin/stdout/stderr and controlling
 *             terminal ("tty1", "ttyS0"); empty means /dev/console
 *   RUNLEVELS ignored (mini has one), kept so BusyBox inittabs read the same
 *   ACTION    sysinit, wait, once, respawn, askfirst, ctrlaltdel or shutdown
 *   PROCESS   the command; a leading '-' makes it a login shell
 * '#' starts a comment line. The file is documented for users in /etc/inittab.
 *
 * What the file does not say, init fills in:
 *   no sysinit line                 run "/bin/sh /etc/rc" when /etc/rc exists;
 *   no respawn and no askfirst line shells (or with mini.login=1 on the kernel's
 *                                   command line, getty) on every console, and
 *                                   on the first serial port if it answers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "init.h"

struct entry entries[MAX_ENTRIES];
int entry_count;

static const char *const action_names[] = {
	"sysinit", "wait", "once", "respawn", "askfirst", "ctrlaltdel", "shutdown"
};

static int has_action(enum action action)
{
	for (int i = 0; i < entry_count; i++)
		if (entries[i].action == action)
			return 1;
	return 0;
}

static void add_entry(const char *tty, enum action action, const char *process)
{
	struct entry *e;

	if (entry_count == MAX_ENTRIES) {
		say("inittab: more than %d entries; '%s' left out", MAX_ENTRIES, process);
		return;
	}
	e = &entries[entry_count++];
	memset(e, 0, sizeof *e);
	e->action = action;
	snprintf(e->tty, sizeof e->tty, "/dev/%s", *tty ? tty : "console");
	snprintf(e->process, sizeof e->process, "%s", process);
}

/* One line "tty:runlevels:action:process"; complains about (and skips) a bad one. */
static void parse_line(char *line, int number)
{
	char *tty = line, *runlevels, *action, *process;
	size_t a;
	struct entry *e;

	line[strcspn(line, "\n")] = '\0';
	if (line[strspn(line, " \t")] == '#' || line[strspn(line, " \t")] == '\0')
		return;
	if (strlen(line) > MAX_INITTAB_LINE) {
		say("/etc/inittab:%d: longer than %d characters; left out", number, MAX_INITTAB_LINE);
		return;
	}
	runlevels = strchr(tty, ':');
	action = runlevels ? strchr(runlevels + 1, ':') : NULL;
	process = action ? strchr(action + 1, ':') : NULL;
	if (process == NULL) {
		say("/etc/inittab:%d: not tty:runlevels:action:process", number);
		return;
	}
	*runlevels = '\0';
	*action++ = '\0';
	*process++ = '\0';
	for (a = 0; a < sizeof action_names / sizeof action_names[0]; a++)
		if (strcmp(action, action_names[a]) == 0)
			break;
	if (a == sizeof action_names / sizeof action_names[0]) {
		say("/etc/inittab:%d: unknown action '%s'", number, action);
		return;
	}
	if (strlen(process) >= sizeof e->process || strlen(tty) + strlen("/dev/") >= sizeof e->tty) {
		say("/etc/inittab:%d: a command may have at most %d characters, a terminal name %d; left out",
		    number, (int)sizeof e->process - 1, (int)(sizeof e->tty - 1 - strlen("/dev/")));
		return;
	}
	add_entry(tty, (enum action)a, process);
}

/* True when the kernel's command line holds the word `word` ("mini.login=1"). */
static int kernel_option(const char *word)
{
	char *cmdline = read_file("/proc/cmdline", NULL);
	int found = 0;

	if (cmdline == NULL)
		return 0;
	for (char *w = strtok(cmdline, " \n"); w && !found; w = strtok(NULL, " \n"))
		found = strcmp(w, word) == 0;
	free(cmdline);
	return found;
}

/* The serial driver names the chip it found in sysfs; 0 means no chip answered. */
static int serial_port_answers(const char *name)
{
	char path[64], *type;
	int answers;

	snprintf(path, sizeof path, "/sys/class/tty/%s/type", name);
	type = read_file(path, NULL);
	answers = type != NULL && atoi(type) != 0;
	free(type);
	return answers;
}

/* What runs on a console: a root shell, or getty with mini.login=1. */
static const char *console_command(const char *tty, const char *term, int login)
{
	static char command[64];

	if (!login)
		return "-/bin/sh";
	snprintf(command, sizeof command, "/bin/getty 0 %s %s", tty, term);
	return command;
}

/*
 * A shell or getty on each console the kernel writes to. The kernel lists them in
 * /sys/class/tty/console/active ("tty0 ttyS0"): ttyN there means the VGA screen,
 * which gets tty1 at once and tty2-tty4 after a key press (Alt-F1...F4 switch).
 */
static void add_console_entries(void)
{
	char *active = read_file("/sys/class/tty/console/active", NULL);
	int login = kernel_option("mini.login=1"), screen = 0, serial = 0;

	for (char *name = active ? strtok(active, " \n") : NULL; name; name = strtok(NULL, " \n")) {
		if (strncmp(name, "tty", 3) == 0 && name[3] >= '0' && name[3] <= '9') {
			screen = 1;
			continue;
		}
		add_entry(name, RESPAWN, console_command(name, "vt100", login));
		serial = 1;
	}
	free(active);
	for (int n = 1; screen && n <= 4; n++) {
		char tty[8];
		snprintf(tty, sizeof tty, "tty%d", n);
		add_entry(tty, n == 1 || login ? RESPAWN : ASKFIRST, console_command(tty, "linux", login));
	}
	/* A serial port that answers gets one even when the kernel does not write there. */
	if (!serial && serial_port_answers("ttyS0")) {
		add_entry("ttyS0", RESPAWN, console_command("ttyS0", "vt100", login));
		serial = 1;
	}
	if (!screen && !serial)
		add_entry("", RESPAWN, "-/bin/sh");
}

/*
 * After a reload: a line that is still there (same terminal, same command) keeps its
 * running process; a running process whose line is gone stays in the table as a
 * "once" line, so that it is not restarted, yet recognized if its line comes back.
 */
static void keep_running(struct entry *old, int old_count)
{
	for (int i = 0; i < entry_count; i++) {
		struct entry *e = &entries[i];
		for (int j = 0; j < old_count; j++) {
			if (old[j].pid && strcmp(old[j].tty, e->tty) == 0 && strcmp(old[j].process, e->process) == 0) {
				old[j].action = e->action;
				*e = old[j];
				old[j].pid = 0;
				break;
			}
		}
	}
	for (int j = 0; j < old_count && entry_count < MAX_ENTRIES; j++) {
		if (old[j].pid) {
			old[j].action = ONCE;
			entries[entry_count++] = old[j];
		}
	}
}

void read_inittab(void)
{
	static struct entry old[MAX_ENTRIES];
	int old_count = entry_count, number = 0;
	char *line = NULL;
	size_t size = 0;
	FILE *f = fopen("/etc/inittab", "r");

	memcpy(old, entries, sizeof old);
	entry_count = 0;
	/* Whole lines, however long: a long one is refused whole, never split in two. */
	while (f && getline(&line, &size, f) >= 0)
		parse_line(line, ++number);
	free(line);
	if (f)
		fclose(f);
	if (!has_action(SYSINIT) && access("/etc/rc", F_OK) == 0)
		add_entry("", SYSINIT, "/bin/sh /etc/rc");
	if (!has_action(RESPAWN) && !has_action(ASKFIRST))
		add_console_entries();
	keep_running(old, old_count);
}
