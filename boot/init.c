/*
 * init: the first process (PID 1), started by the kernel from the initramfs.
 *
 * What it does, in order:
 *   1. mounts /proc, /sys, /dev (devtmpfs), /dev/pts, /tmp and /run, makes the
 *      /dev/fd and /dev/std* links, and sets the host name from /etc/hostname;
 *   2. reads /etc/inittab (inittab.c), runs its sysinit lines (/etc/rc) and its
 *      wait lines one after the other, starts its once lines, and prints how long
 *      the boot took;
 *   3. starts the respawn and askfirst lines: shells or getty on the consoles;
 *   4. waits: reaps every process that dies (orphans are re-parented to PID 1) and
 *      restarts respawn lines, holding back one that dies again and again;
 *   5. on SIGHUP reads /etc/inittab again; on SIGUSR1 (halt), SIGUSR2 (poweroff),
 *      SIGTERM (reboot) or Ctrl-Alt-Del (the kernel sends SIGINT: the ctrlaltdel
 *      lines run, or else a reboot) it runs the shutdown lines, stops every process,
 *      syncs and unmounts the file systems, and ends the machine.
 *
 * PID 1 must never exit: if it does, the kernel panics. So every failure here is
 * reported and survived.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/wait.h>
#include "mini.h"
#include "init.h"
#include "loop.h"
#include "utmpfile.h"

/* A respawn line that dies this soon after starting, this many times in a row, ... */
#define QUICK_EXIT_SECONDS 2
#define QUICK_EXITS_ALLOWED 5
/* ... is held back this long, so that a broken command cannot eat the machine. */
#define HOLD_BACK_SECONDS 10
/* At shutdown, how long processes get to exit by themselves before SIGKILL. */
#define STOP_TENTHS 30
/* At shutdown, how long init waits for each shutdown line before it goes on without it. */
#define SHUTDOWN_LINE_SECONDS 10

/* The signals init handles, one at a time, in its main loop and while it waits for a line. */
static sigset_t handled;
/* A shutdown has begun: a second request changes nothing. */
static int shutting_down;
/* SIGHUP came while a boot line ran: /etc/inittab is read again once the waiting is over. */
static int reload_wanted;

static void handle(int sig);

void say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);		/* init's stderr is /dev/console */
	va_end(ap);
}

/* Milliseconds since the kernel started (the clock runs from boot). */
static long uptime_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_BOOTTIME, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static long uptime_seconds(void)
{
	return uptime_ms() / 1000;
}

/* ---- 1. early boot ---- */

static void mount_early(const char *source, const char *dir, const char *type,
			unsigned long flags, const char *options)
{
	mkdir(dir, 0755);
	if (mount(source, dir, type, flags, options) < 0 && errno != EBUSY)
		say("mounting %s on %s:", type, dir);
}

static void set_hostname(void)
{
	char *name = read_file("/etc/hostname", NULL);

	if (name == NULL)
		return;
	name[strcspn(name, " \t\n")] = '\0';
	if (name[0] && sethostname(name, strlen(name)) < 0)
		say("sethostname:");
	free(name);
}

/*
 * The kernel's protections for world-writable sticky folders such as /tmp: no
 * following another user's symbolic link there, no hard link to a file one cannot
 * write, no opening with O_CREAT another user's FIFO (1) or regular file (2: in
 * group-writable sticky folders too) that is already there.
 */
static void protect_shared_folders(void)
{
	static const char *const settings[][2] = {
		{ "/proc/sys/fs/protected_symlinks", "1" }, { "/proc/sys/fs/protected_hardlinks", "1" },
		{ "/proc/sys/fs/protected_fifos", "1" }, { "/proc/sys/fs/protected_regular", "2" },
	};

	for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++) {
		int fd = open(settings[i][0], O_WRONLY | O_CLOEXEC);
		if (fd < 0 || write(fd, settings[i][1], 1) != 1)
			say("%s:", settings[i][0]);
		if (fd >= 0)
			close(fd);
	}
}

static void early_boot(void)
{
	mount_early("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	mount_early("sysfs", "/sys", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	/* The kernel does not mount devtmpfs by itself when it boots an initramfs. */
	mount_early("devtmpfs", "/dev", "devtmpfs", MS_NOSUID, NULL);
	/* Terminals of ssh-like programs and `script`: group tty (5), not world-writable. */
	mount_early("devpts", "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC, "gid=5,mode=620,ptmxmode=666");
	mount_early("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777");
	mount_early("tmpfs", "/run", "tmpfs", MS_NOSUID | MS_NODEV, "mode=755");
	/* Programs name their open files as /dev/fd/N and /dev/stdin (the kernel's /proc). */
	symlink("/proc/self/fd", "/dev/fd");
	symlink("/proc/self/fd/0", "/dev/stdin");
	symlink("/proc/self/fd/1", "/dev/stdout");
	symlink("/proc/self/fd/2", "/dev/stderr");
	set_hostname();
	utmp_boot();	/* /run/utmp and /var/log/wtmp, with the boot's record */
}

/* ---- starting an inittab line (the child's side) ---- */

/*
 * Give the child its terminal as stdin, stdout and stderr, and for a console (not a
 * boot script) as controlling terminal too, so that job control and Ctrl-C work.
 * A boot script gets none: when the leader of a session with a terminal ends, the
 * kernel hangs the terminal up and what rc started in the background would die.
 */
static void open_terminal(const char *tty, int controlling)
{
	int fd;

	setsid();
	fd = open(tty, O_RDWR | O_NOCTTY);
	if (fd < 0) {
		say("%s:", tty);
		_exit(1);
	}
	if (controlling)
		ioctl(fd, TIOCSCTTY, 0);
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
}

/* What a root shell on a console expects; login sets its own for other users. */
static void set_environment(const char *tty)
{
	setenv("PATH", "/bin:/sbin:/usr/bin:/usr/sbin", 1);
	setenv("HOME", "/root", 1);
	setenv("SHELL", "/bin/sh", 1);
	setenv("USER", "root", 1);
	setenv("LOGNAME", "root", 1);
	if (strncmp(tty, "/dev/ttyS", 9) == 0)
		setenv("TERM", "vt100", 1);
	else if (strncmp(tty, "/dev/tty", 8) == 0)
		setenv("TERM", "linux", 1);
}

/* askfirst: a console nobody uses costs no shell until someone presses Enter. */
static void wait_for_enter(void)
{
	static const char prompt[] = "\nPlease press Enter to activate this console. ";
	char c;

	/* Not "init" in ps and pidof while it waits: it is the console's future shell. */
	prctl(PR_SET_NAME, "askfirst", 0, 0, 0);
	write_all(1, prompt, sizeof prompt - 1);
	while (read(0, &c, 1) == 1 && c != '\n')
		continue;
}

static int count_words(const char *s)
{
	int words = 0;

	for (s += strspn(s, " \t"); *s; s += strspn(s, " \t")) {
		words++;
		s += strcspn(s, " \t");
	}
	return words;
}

/* Run a command line: as words when it is plain, else with the shell. Never returns. */
static void exec_process(const char *process)
{
	char line[sizeof ((struct entry *)0)->process], name[40], *argv[16], *path;
	int argc = 0, login = process[0] == '-';

	if (login)
		process++;
	/* Quotes, $, redirections... or more words than argv holds: the shell runs it. */
	if (strpbrk(process, "\"'\\$`;&|<>(){}*?[]~") != NULL || count_words(process) >= 16) {
		execl("/bin/sh", "sh", "-c", process, (char *)NULL);
	} else {
		snprintf(line, sizeof line, "%s", process);
		for (char *w = strtok(line, " \t"); w && argc < 15; w = strtok(NULL, " \t"))
			argv[argc++] = w;
		argv[argc] = NULL;
		if (argc == 0)
			_exit(0);
		/* A login shell is told so by a '-' before its name: "-sh". */
		path = argv[0];
		snprintf(name, sizeof name, "%s%s", login ? "-" : "", base_name(path));
		argv[0] = name;
		execv(path, argv);
	}
	say("%s:", process);
	_exit(127);
}

/* Start the process of an entry; returns its pid, or 0 when fork failed. */
static pid_t start(struct entry *e)
{
	sigset_t none;
	pid_t pid = fork();

	if (pid < 0) {
		say("cannot start '%s':", e->process);
		return 0;
	}
	if (pid == 0) {
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);	/* init blocks them; a child must not */
		open_terminal(e->tty, e->action == RESPAWN || e->action == ASKFIRST);
		set_environment(e->tty);
		if (e->process[0] == '-')
			chdir("/root");
		if (e->action == ASKFIRST)
			wait_for_enter();
		exec_process(e->process);
	}
	e->pid = pid;
	e->started = uptime_seconds();
	return pid;
}

/* ---- 2. and 3. running the inittab lines ---- */

static void note_exit(pid_t pid);

/*
 * Wait until process pid has ended, handling init's signals meanwhile: a reboot or
 * poweroff asked for while a boot line hangs must still happen. With limit >= 0,
 * give up after that many seconds. Returns 0 when it ended, -1 when time ran out.
 */
static int wait_for(pid_t pid, long limit)
{
	long deadline = uptime_seconds() + limit;
	struct timespec second = { 1, 0 };
	pid_t dead;
	int sig;

	for (;;) {
		while ((dead = waitpid(-1, NULL, WNOHANG)) > 0) {
			if (dead == pid)
				return 0;
			note_exit(dead);
		}
		/* Reaped elsewhere (a shutdown reaps everything): it is gone all the same. */
		if (kill(pid, 0) < 0 && errno == ESRCH)
			return 0;
		if (limit >= 0 && uptime_seconds() >= deadline)
			return -1;
		sig = limit >= 0 ? sigtimedwait(&handled, NULL, &second) : sigwaitinfo(&handled, NULL);
		if (sig == SIGHUP)
			reload_wanted = 1;	/* not now: the table is being run through */
		else if (sig > 0 && sig != SIGCHLD)
			handle(sig);
	}
}

/* Run every line of this action, one after the other, each to its end. */
static int run_and_wait(enum action action)
{
	int count = 0;

	for (int i = 0; i < entry_count; i++) {
		struct entry *e = &entries[i];
		pid_t pid;
		if (e->action != action)
			continue;
		count++;
		if ((pid = start(e)) == 0)
			continue;
		if (wait_for(pid, action == SHUTDOWN ? SHUTDOWN_LINE_SECONDS : -1) < 0)
			say("'%s' still runs after %d seconds: going on without it", e->process, SHUTDOWN_LINE_SECONDS);
		e->pid = 0;
	}
	return count;
}

/* Start the once lines: they run alongside, and are not restarted. */
static void start_once_lines(void)
{
	for (int i = 0; i < entry_count; i++)
		if (entries[i].action == ONCE)
			start(&entries[i]);
}

/* Start every respawn and askfirst line that has no process (unless held back). */
static void start_consoles(void)
{
	long now = uptime_seconds();

	for (int i = 0; i < entry_count; i++) {
		struct entry *e = &entries[i];
		if ((e->action == RESPAWN || e->action == ASKFIRST) && e->pid == 0 && e->held_until <= now) {
			if (start(e) == 0)
				e->held_until = now + HOLD_BACK_SECONDS;	/* fork failed: try later */
		}
	}
}

/* Seconds until the first held-back line may start again, or -1 when none waits. */
static long seconds_to_next_start(void)
{
	long now = uptime_seconds(), wait = -1;

	for (int i = 0; i < entry_count; i++) {
		struct entry *e = &entries[i];
		if (e->pid == 0 && e->held_until > now && (wait < 0 || e->held_until - now < wait))
			wait = e->held_until - now;
	}
	return wait;
}

/* ---- 4. reaping ---- */

/* A child died: forget it, and hold back a respawn line that keeps dying at once. */
static void note_exit(pid_t pid)
{
	long now = uptime_seconds();

	for (int i = 0; i < entry_count; i++) {
		struct entry *e = &entries[i];
		if (e->pid != pid)
			continue;
		/* getty, login and the shell were this one process: its session is over */
		if (e->action == RESPAWN || e->action == ASKFIRST)
			utmp_mark_dead(pid, e->tty);
		e->pid = 0;
		e->quick_exits = now - e->started < QUICK_EXIT_SECONDS ? e->quick_exits + 1 : 0;
		if (e->quick_exits >= QUICK_EXITS_ALLOWED) {
			say("'%s' on %s keeps exiting: held back for %d seconds",
			    e->process, e->tty, HOLD_BACK_SECONDS);
			e->held_until = now + HOLD_BACK_SECONDS;
			e->quick_exits = 0;
		}
	}
}

/* Reap every dead child: our own and the orphans the kernel gave us. */
static void reap_children(void)
{
	pid_t pid;

	while ((pid = waitpid(-1, NULL, WNOHANG)) > 0)
		note_exit(pid);
}

/* ---- 5. shutdown ---- */

/*
 * Ask every process to exit, then force the rest. SIGHUP as well as SIGTERM:
 * an interactive shell ignores SIGTERM but leaves on a hang-up, as when its
 * terminal goes away. SIGCONT wakes stopped jobs so that they can exit.
 * Every process left has a parent up to init, so no child of init means none left.
 */
static void stop_every_process(void)
{
	pid_t pid;

	kill(-1, SIGTERM);
	kill(-1, SIGHUP);
	kill(-1, SIGCONT);
	for (int tenths = 0; tenths < STOP_TENTHS; tenths++) {
		while ((pid = waitpid(-1, NULL, WNOHANG)) > 0)
			continue;
		if (pid < 0 && errno == ECHILD)
			return;
		usleep(100000);
	}
	say("killing the processes still running");
	kill(-1, SIGKILL);
	while (waitpid(-1, NULL, WNOHANG) > 0)
		continue;
}

/* Stop using every swap area (/proc/swaps), so that no disk stays busy with one. */
static void swap_off_all(void)
{
	char line[512], name[256];
	FILE *f = fopen("/proc/swaps", "r");

	if (f == NULL)
		return;
	while (fgets(line, sizeof line, f))	/* the heading ("Filename ...") is skipped */
		if (sscanf(line, "%255s", name) == 1 && name[0] == '/')
			swapoff(name);
	fclose(f);
}

/* Free every loop device still attached (losetup's), so the disk its file is on can go. */
static void detach_loops(void)
{
	DIR *d = opendir("/sys/block");
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char device[300];
		if (!starts_with(e->d_name, "loop"))
			continue;
		snprintf(device, sizeof device, "/dev/%s", e->d_name);
		loop_detach(device);	/* fails quietly for a free one */
	}
	closedir(d);
}

/*
 * Unmount everything but the root, the last mounted first (a file system mounted
 * inside another goes before it). In the last round a file system still in use
 * (init's console is open on /dev) is made read-only instead: its data is then on
 * the disk all the same. The first round keeps /proc and /sys, which the next steps read.
 */
static void unmount_all(int last_round)
{
	char dirs[64][256], device[256], dir[256], line[600];
	int count = 0;
	FILE *f = fopen("/proc/mounts", "r");

	if (f == NULL)
		return;
	while (count < 64 && fgets(line, sizeof line, f)) {
		if (sscanf(line, "%255s %255s", device, dir) != 2 || strcmp(dir, "/") == 0)
			continue;
		if (!last_round && (strcmp(dir, "/proc") == 0 || strcmp(dir, "/sys") == 0))
			continue;
		strcpy(dirs[count++], dir);
	}
	fclose(f);
	while (count-- > 0) {
		if (umount(dirs[count]) < 0 && last_round)
			mount(NULL, dirs[count], NULL, MS_REMOUNT | MS_RDONLY, NULL);
	}
}

/* Put every disk in order: nothing written may be lost when the power goes. */
static void release_disks(void)
{
	swap_off_all();
	sync();
	unmount_all(0);
	detach_loops();
	unmount_all(1);
	sync();
}

/* Stop every process, put the disks in order and end the machine as asked. */
static void shut_down(int how)
{
	if (shutting_down)
		return;
	shutting_down = 1;
	say("the system is going down to %s", how == RB_AUTOBOOT ? "reboot"
	    : how == RB_POWER_OFF ? "power off" : "halt");
	for (int i = 0; i < entry_count; i++)
		entries[i].pid = 0;	/* they are about to die: do not restart them */
	utmp_shutdown();	/* for last: the sessions still open end "down", not "crash" */
	run_and_wait(SHUTDOWN);
	stop_every_process();
	release_disks();
	reboot(how);
	say("reboot:");	/* only when the kernel refused: serve the consoles again */
	shutting_down = 0;
}

/* Wait for the next signal, waking up in time to restart a held-back line. */
static int next_signal(const sigset_t *handled)
{
	long wait = seconds_to_next_start();
	struct timespec timeout = { wait, 0 };

	return wait < 0 ? sigwaitinfo(handled, NULL) : sigtimedwait(handled, NULL, &timeout);
}

static void handle(int sig)
{
	if (sig == SIGCHLD)
		reap_children();
	else if (sig == SIGHUP)
		read_inittab();
	else if (sig == SIGUSR1)
		shut_down(RB_HALT_SYSTEM);
	else if (sig == SIGUSR2)
		shut_down(RB_POWER_OFF);
	else if (sig == SIGTERM)
		shut_down(RB_AUTOBOOT);
	else if (sig == SIGINT && run_and_wait(CTRLALTDEL) == 0)
		shut_down(RB_AUTOBOOT);
}

int init_main(int argc, char **argv)
{
	static const int signals[] = { SIGCHLD, SIGHUP, SIGINT, SIGTERM, SIGUSR1, SIGUSR2 };

	if (getpid() != 1)
		die("must run as process 1 (the kernel starts it)");

	/*
	 * Signals are taken one at a time in the main loop, not in handlers: no races.
	 * (The kernel delivers to PID 1 only signals it handles or blocks.)
	 * SIGINT is what the kernel sends for Ctrl-Alt-Del once RB_DISABLE_CAD is set.
	 */
	sigemptyset(&handled);
	for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++)
		sigaddset(&handled, signals[i]);
	sigprocmask(SIG_BLOCK, &handled, NULL);
	reboot(RB_DISABLE_CAD);
	umask(022);
	chdir("/");

	early_boot();
	protect_shared_folders();
	read_inittab();
	run_and_wait(SYSINIT);
	run_and_wait(WAIT);
	start_once_lines();
	fprintf(stderr, "mini: booted in %ld ms\n", uptime_ms());

	for (;;) {
		int sig;

		if (reload_wanted) {
			reload_wanted = 0;
			read_inittab();
		}
		start_consoles();
		sig = next_signal(&handled);
		if (sig < 0 && errno != EAGAIN && errno != EINTR) {
			say("waiting for signals:");	/* never seen; but do not spin */
			sleep(1);
		}
		handle(sig);
	}
}
