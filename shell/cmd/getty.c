/*
 * getty: make a terminal ready for a login, show /etc/issue and ask the user's name,
 * then run login with it (the options of BusyBox's getty).
 *
 * init runs it on each console with mini.login=1 on the kernel's command line
 * (GRUB entry "mini (login)"). In /etc/issue, \n is the host name, \l the terminal,
 * \s \r \m \v the system name, release, machine and version (uname), \\ a backslash.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/utsname.h>
#include "mini.h"
#include "accounts.h"
#include "sanemode.h"
#include "utmpfile.h"

static const char usage[] =
	"Usage: getty [-in] [-l LOGIN] SPEED TTY [TERM]\n"
	"Set up terminal TTY (tty1, ttyS0, /dev/ttyS0, or - for the one already open) at\n"
	"SPEED bits per second (0 keeps the speed; of a list like 115200,9600 the first\n"
	"is used), show /etc/issue, ask the login name and run login with it.\n"
	"  -i        do not show /etc/issue\n"
	"  -l LOGIN  run LOGIN instead of /bin/login\n"
	"  -n        do not ask the name (login asks it)\n"
	"TERM is put in the environment (vt100 for a serial line, linux for the screen).\n";

static const struct {
	long bits;
	speed_t code;
} speeds[] = {
	{ 0, B0 }, { 1200, B1200 }, { 2400, B2400 }, { 4800, B4800 }, { 9600, B9600 },
	{ 19200, B19200 }, { 38400, B38400 }, { 57600, B57600 }, { 115200, B115200 },
};

static speed_t speed_code(const char *list)
{
	long long bits;
	char *first = xstrndup(list, strcspn(list, ","));

	if (parse_long(first, &bits) == 0) {
		for (size_t i = 0; i < sizeof speeds / sizeof speeds[0]; i++)
			if (speeds[i].bits == bits)
				return speeds[i].code;
	}
	usage_error(usage, "unknown speed '%s'", first);
}

/*
 * Hang the line up (vhangup) so that no process of an earlier session keeps it: every
 * descriptor still open on it stops working, and the next user's keys go to login
 * only. vhangup acts on our controlling terminal, so the line becomes that first;
 * its SIGHUP must not end us.
 */
static void hang_up(const char *path)
{
	int fd = open(path, O_RDWR | O_NOCTTY);

	if (fd < 0)
		die("%s:", path);
	ioctl(fd, TIOCSCTTY, 1);	/* 1: take it from another session if need be (root) */
	signal(SIGHUP, SIG_IGN);
	if (vhangup() < 0)
		warn("vhangup %s:", path);
	close(fd);
	signal(SIGHUP, SIG_DFL);
}

/* Make tty our stdin, stdout, stderr and controlling terminal, owned by root again. */
static void open_terminal(const char *tty)
{
	char path[64];
	int fd;

	if (strcmp(tty, "-") == 0)
		return;
	snprintf(path, sizeof path, tty[0] == '/' ? "%s" : "/dev/%s", tty);
	setsid();	/* fails harmlessly when init made us a session leader already */
	hang_up(path);
	fd = open(path, O_RDWR);
	if (fd < 0)
		die("%s:", path);
	ioctl(fd, TIOCSCTTY, 0);
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
	/* The last user's login made it theirs. */
	if (fchown(0, 0, 0) < 0 || fchmod(0, 0600) < 0)
		warn("%s:", path);
}

/* The everyday modes (line editing, echo, Ctrl-C...) and 8-bit characters. */
static void set_terminal(speed_t speed)
{
	struct termios t;

	if (tcgetattr(0, &t) < 0) {
		warn("not a terminal:");
		return;
	}
	if (speed != B0)
		cfsetspeed(&t, speed);
	tty_sane(&t);
	t.c_cflag = (t.c_cflag & ~(CSIZE | PARENB)) | CS8 | CREAD | HUPCL;
	tcflush(0, TCIFLUSH);	/* what was typed before the prompt is noise */
	if (tcsetattr(0, TCSADRAIN, &t) < 0)
		warn("tcsetattr:");
}

static void show_issue(const char *tty)
{
	FILE *f = fopen("/etc/issue", "r");
	struct utsname u;
	int c;

	if (f == NULL)
		return;
	uname(&u);
	while ((c = getc(f)) != EOF) {
		if (c != '\\') {
			putchar(c);
			continue;
		}
		switch (c = getc(f)) {
		case 'n': fputs(u.nodename, stdout); break;
		case 'l': fputs(base_name(tty), stdout); break;
		case 's': fputs(u.sysname, stdout); break;
		case 'r': fputs(u.release, stdout); break;
		case 'm': fputs(u.machine, stdout); break;
		case 'v': fputs(u.version, stdout); break;
		case '\\': putchar('\\'); break;
		case EOF: break;
		default: putchar('\\'); putchar(c); break;
		}
	}
	fclose(f);
	fflush(stdout);
}

int getty_main(int argc, char **argv)
{
	struct options o;
	const char *login = "/bin/login", *speed, *tty;
	char name[64];
	int c, issue = 1, ask = 1;

	options_start(&o, argc, argv, "inl:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'i')
			issue = 0;
		else if (c == 'n')
			ask = 0;
		else if (c == 'l')
			login = o.arg;
	}
	argv += o.index;
	argc -= o.index;
	if (argc < 2)
		usage_error(usage, "a speed and a terminal are needed");
	if (argc > 3)
		usage_error(usage, "extra operand '%s'", argv[3]);
	/* Like BusyBox, take the speed and the terminal in either order. */
	speed = argv[0][0] >= '0' && argv[0][0] <= '9' ? argv[0] : argv[1];
	tty = speed == argv[0] ? argv[1] : argv[0];

	open_terminal(tty);
	if (argc == 3)
		setenv("TERM", argv[2], 1);
	set_terminal(speed_code(speed));
	if (strcmp(tty, "-") == 0)
		tty = ttyname(0) ? ttyname(0) : "-";
	if (strcmp(tty, "-") != 0)
		utmp_mark(LOGIN_PROCESS, getpid(), tty, "LOGIN", NULL);	/* who -a: waiting for a login */
	if (issue)
		show_issue(tty);
	if (!ask) {
		execl(login, base_name(login), (char *)NULL);
		die("%s:", login);
	}
	if (ask_login_name(name, sizeof name) < 0)
		return 1;
	/* "--": a name like "-f root" must not become an option of login. */
	execl(login, base_name(login), "--", name, (char *)NULL);
	die("%s:", login);
}
