/*
 * init: the first process (PID 1), started by the kernel from the initramfs.
 *
 * What it does, in order:
 *   1. mounts /proc, /sys and /dev (devtmpfs), so that the rest of the system can
 *      find processes, devices and the console;
 *   2. starts a login shell on each console the kernel writes to (the VGA screen,
 *      the serial line, or both), each with its own controlling terminal so that
 *      job control works;
 *   3. waits: reaps every process that dies (orphans are re-parented to PID 1),
 *      and starts a console shell again when it exits;
 *   4. on SIGUSR1 (halt), SIGUSR2 (poweroff), SIGTERM or Ctrl-Alt-Del (reboot),
 *      stops every process, syncs and unmounts the disks, and ends the machine.
 *
 * PID 1 must never exit: if it does, the kernel panics. So every failure here is
 * reported and survived.
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "mini.h"

#define MAX_CONSOLES 4

struct console {
	char device[32];	/* "/dev/ttyS0" */
	pid_t shell;		/* its shell's pid, 0 when none runs */
	time_t started;		/* when that shell started, to hold back a respawn loop */
};

static struct console consoles[MAX_CONSOLES];
static int console_count;

/* Print a message on the console; init's stderr is /dev/console. */
static void say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

static void mount_early(const char *source, const char *dir, const char *type)
{
	mkdir(dir, 0755);
	if (mount(source, dir, type, 0, NULL) < 0 && errno != EBUSY)
		say("mounting %s on %s:", type, dir);
}

/*
 * Find the terminals behind /dev/console: the kernel lists them in
 * /sys/class/tty/console/active ("tty0 ttyS0"). tty0 means "the current virtual
 * terminal"; a shell needs a fixed one, tty1. Without sysfs, use /dev/console.
 */
static void find_consoles(void)
{
	char names[128], *name;
	int fd = open("/sys/class/tty/console/active", O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, names, sizeof names - 1) : -1;

	if (fd >= 0)
		close(fd);
	names[n > 0 ? n : 0] = '\0';
	for (name = strtok(names, " \n"); name && console_count < MAX_CONSOLES; name = strtok(NULL, " \n")) {
		struct console *c = &consoles[console_count++];
		snprintf(c->device, sizeof c->device, "/dev/%s", strcmp(name, "tty0") == 0 ? "tty1" : name);
	}
	if (console_count == 0)
		strcpy(consoles[console_count++].device, "/dev/console");
}

/* In the child: make the terminal ours (controlling tty) and run a login shell on it. */
static void run_shell_on(const char *device)
{
	sigset_t none;
	int fd;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	setsid();
	fd = open(device, O_RDWR);
	if (fd < 0) {
		say("%s:", device);
		_exit(1);
	}
	ioctl(fd, TIOCSCTTY, 0);
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
	setenv("HOME", "/root", 1);
	setenv("PATH", "/bin:/sbin:/usr/bin:/usr/sbin", 1);
	setenv("SHELL", "/bin/sh", 1);
	setenv("TERM", strncmp(device, "/dev/ttyS", 9) == 0 ? "vt100" : "linux", 0);
	chdir("/root");
	execl("/bin/sh", "-sh", (char *)NULL);
	say("/bin/sh:");
	_exit(127);
}

static void start_shell(struct console *c)
{
	pid_t pid;
	time_t now = time(NULL);

	/* A shell that dies at once, again and again, must not eat the machine. */
	if (c->started && now - c->started < 1) {
		say("shell on %s exits too fast; waiting before the next one", c->device);
		sleep(2);
	}
	pid = fork();
	if (pid < 0) {
		say("fork:");
		return;
	}
	if (pid == 0)
		run_shell_on(c->device);
	c->shell = pid;
	c->started = time(NULL);
}

/* A child died: reap every dead one, restarting console shells. */
static void reap_children(void)
{
	pid_t pid;

	while ((pid = waitpid(-1, NULL, WNOHANG)) > 0) {
		for (int i = 0; i < console_count; i++) {
			if (consoles[i].shell == pid)
				start_shell(&consoles[i]);
		}
	}
}

/* Unmount everything but the root, the last mounted first (/proc goes last of all). */
static void unmount_all(void)
{
	char dirs[32][128], device[128], dir[128], line[512];
	int count = 0;
	FILE *f = fopen("/proc/mounts", "r");

	if (f == NULL)
		return;
	while (count < 32 && fgets(line, sizeof line, f)) {
		if (sscanf(line, "%127s %127s", device, dir) == 2 && strcmp(dir, "/") != 0)
			strcpy(dirs[count++], dir);
	}
	fclose(f);
	while (count-- > 0) {
		if (umount(dirs[count]) < 0)
			mount(NULL, dirs[count], NULL, MS_REMOUNT | MS_RDONLY, NULL);
	}
}

/* Stop every process, put the disks in order and end the machine as asked. */
static void shut_down(int how)
{
	say("the system is going down");
	kill(-1, SIGTERM);
	for (int tenths = 0; tenths < 20; tenths++) {	/* up to 2 s to exit by themselves */
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		if (kill(-1, 0) < 0 && errno == ESRCH)
			break;
		usleep(100000);
	}
	kill(-1, SIGKILL);
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	sync();
	unmount_all();
	sync();
	reboot(how);
	say("reboot:");	/* only when the kernel refused */
}

/* Milliseconds since the kernel started, for the boot-time line. */
static long uptime_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_BOOTTIME, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int init_main(int argc, char **argv)
{
	sigset_t handled;
	int sig;

	(void)argc;
	(void)argv;
	if (getpid() != 1)
		die("must run as process 1 (the kernel starts it)");

	/* Signals are handled in the main loop, one at a time: no handler races. */
	sigemptyset(&handled);
	sigaddset(&handled, SIGCHLD);
	sigaddset(&handled, SIGTERM);
	sigaddset(&handled, SIGUSR1);
	sigaddset(&handled, SIGUSR2);
	sigaddset(&handled, SIGINT);	/* what the kernel sends for Ctrl-Alt-Del */
	sigprocmask(SIG_BLOCK, &handled, NULL);
	reboot(RB_DISABLE_CAD);

	mount_early("proc", "/proc", "proc");
	mount_early("sysfs", "/sys", "sysfs");
	mount_early("devtmpfs", "/dev", "devtmpfs");
	fprintf(stderr, "mini: booted in %ld ms\n", uptime_ms());

	find_consoles();
	for (int i = 0; i < console_count; i++)
		start_shell(&consoles[i]);

	for (;;) {
		sig = sigwaitinfo(&handled, NULL);
		if (sig == SIGCHLD)
			reap_children();
		else if (sig == SIGUSR1)
			shut_down(RB_HALT_SYSTEM);
		else if (sig == SIGUSR2)
			shut_down(RB_POWER_OFF);
		else if (sig == SIGTERM || sig == SIGINT)
			shut_down(RB_AUTOBOOT);
	}
}
