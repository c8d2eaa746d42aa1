/*
 * syslogd: the system log. Programs send their messages to /dev/log: a UNIX
 * datagram socket (syslog(3)) when the kernel has them, else a FIFO (see
 * libmini/logs.c); the kernel's messages come from /dev/kmsg. syslogd writes them
 * all to /var/log/messages, one line each:
 *
 *	Nov 25 19:40:02 mini auth.info login[52]: root logged in on /dev/ttyS0
 *
 * The file lives in RAM, so it is kept small: past the size limit it becomes
 * messages.0 (the one before is dropped) and a new file starts. `logread` shows both.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include "mini.h"
#include "logs.h"

static const char usage[] =
	"Usage: syslogd [-n] [-O FILE] [-s SIZE]\n"
	"Collect the messages of programs (/dev/log) and of the kernel (/dev/kmsg) in FILE.\n"
	"  -n       stay in the foreground\n"
	"  -O FILE  the log file (default /var/log/messages)\n"
	"  -s SIZE  start a new file past SIZE kilobytes (default 32); the old one is FILE.0\n";

static const char *log_path = "/var/log/messages";
static long long max_size = 32 * 1024;
static int log_fd = -1;
static char hostname[64] = "mini";

/* Past the limit, FILE becomes FILE.0 and a new FILE starts. */
static void rotate_if_full(void)
{
	struct stat st;
	char *old;

	if (fstat(log_fd, &st) < 0 || st.st_size < max_size)
		return;
	old = xmalloc(strlen(log_path) + 3);
	sprintf(old, "%s.0", log_path);
	rename(log_path, old);
	free(old);
	close(log_fd);
	log_fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0640);
}

/* One message, as text "tag: message" with priority pri, stamped with the time now. */
static void log_message(int pri, const char *text)
{
	char stamp[32], name[32], line[1200];
	time_t now = time(NULL);
	int len;

	strftime(stamp, sizeof stamp, "%b %e %H:%M:%S", localtime(&now));
	syslog_priority_name(pri, name, sizeof name);
	len = snprintf(line, sizeof line, "%s %s %s %s\n", stamp, hostname, name, text);
	if (len >= (int)sizeof line) {
		len = sizeof line - 1;
		line[len - 1] = '\n';
	}
	if (log_fd < 0)
		return;
	write_all(log_fd, line, len);
	rotate_if_full();
}

/* "<13>Nov 25 19:40:02 tag: text" from syslog(3): the priority, and no time of its own. */
static void got_datagram(char *msg)
{
	int pri = 13;	/* user.notice when a sender gives none */
	char *text = msg;

	msg[strcspn(msg, "\n")] = '\0';
	if (msg[0] == '<') {
		pri = strtol(msg + 1, &text, 10) & 0x3ff;
		text = strchr(text, '>') ? strchr(text, '>') + 1 : msg;
	}
	if (strlen(text) >= 16 && text[3] == ' ' && text[6] == ' ' && text[9] == ':' && text[12] == ':'
	    && text[15] == ' ')
		text += 16;
	log_message(pri, text);
}

/* A /dev/kmsg record: "6,339,5140900,-;the message" and maybe " KEY=value" lines. */
static void got_kernel_record(char *record)
{
	char *text = strchr(record, ';'), line[1100];

	if (text == NULL)
		return;
	text[strcspn(text, "\n")] = '\0';
	snprintf(line, sizeof line, "kernel: %s", text + 1);
	log_message(atoi(record) & 0x3ff, line);
}

/*
 * Messages come through the FIFO as lines, several at once or one in parts:
 * keep what follows the last newline for the next read.
 */
static void got_fifo_data(int fd)
{
	static char pending[2048];
	static size_t used;
	ssize_t n = read(fd, pending + used, sizeof pending - 1 - used);
	char *line, *end;

	if (n <= 0)
		return;
	used += n;
	pending[used] = '\0';
	for (line = pending; (end = strchr(line, '\n')) != NULL; line = end + 1) {
		*end = '\0';
		got_datagram(line);
	}
	used -= line - pending;
	memmove(pending, line, used);
	if (used == sizeof pending - 1)
		used = 0;	/* a line longer than the buffer: drop it */
}

/* /dev/log: a datagram socket, or a FIFO when the kernel has no UNIX sockets. */
static int open_dev_log(int *is_fifo)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = "/dev/log" };
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0);

	unlink(addr.sun_path);
	*is_fifo = fd < 0;
	if (*is_fifo) {
		/* Opened for writing too, so that the last writer leaving is no end of file. */
		if (mkfifo(addr.sun_path, 0666) < 0 || (fd = open(addr.sun_path, O_RDWR | O_NONBLOCK)) < 0)
			die("%s:", addr.sun_path);
	} else if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
		die("%s:", addr.sun_path);
	}
	chmod(addr.sun_path, 0666);	/* every program may log */
	return fd;
}

int syslogd_main(int argc, char **argv)
{
	struct options o;
	struct pollfd fds[2];
	char buf[1024];
	int c, foreground = 0, is_fifo;
	ssize_t n;

	options_start(&o, argc, argv, "nO:s:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'n')
			foreground = 1;
		else if (c == 'O')
			log_path = o.arg;
		else if (parse_long(o.arg, &max_size) < 0 || max_size <= 0)
			usage_error(usage, "bad size '%s'", o.arg);
		else
			max_size *= 1024;
	}
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);

	gethostname(hostname, sizeof hostname);
	fds[0].fd = open_dev_log(&is_fifo);
	fds[1].fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);	/* -1 when absent: poll skips it */
	fds[0].events = fds[1].events = POLLIN;
	log_fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0640);
	if (log_fd < 0)
		die("%s:", log_path);
	/* Started in a terminal's session, syslogd must outlive its hang-up. */
	signal(SIGHUP, SIG_IGN);
	if (!foreground && daemon(0, 0) < 0)
		die("daemon:");

	for (;;) {
		if (poll(fds, 2, -1) < 0)
			continue;
		if ((fds[0].revents & POLLIN) && is_fifo) {
			got_fifo_data(fds[0].fd);
		} else if (fds[0].revents & POLLIN) {
			n = recv(fds[0].fd, buf, sizeof buf - 1, 0);
			if (n > 0) {
				buf[n] = '\0';
				got_datagram(buf);
			}
		}
		/* Each read of /dev/kmsg returns one record, until EAGAIN. */
		while ((fds[1].revents & POLLIN) && (n = read(fds[1].fd, buf, sizeof buf - 1)) != 0) {
			if (n < 0 && errno != EPIPE)	/* EPIPE: records lost to overwriting */
				break;
			if (n > 0) {
				buf[n] = '\0';
				got_kernel_record(buf);
			}
		}
	}
}
