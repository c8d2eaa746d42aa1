/*
 * syslogd: the system log. Programs send their messages to /dev/log: a UNIX
 * datagram socket (syslog(3), libmini/logs.c) when the kernel has them, else a FIFO;
 * the kernel's messages come from /dev/kmsg. syslogd writes them all to
 * /var/log/messages, one line each:
 *
 *	Nov 25 19:40:02 mini auth.info login: root logged in on /dev/ttyS0
 *	Nov 25 19:41:17 mini user.notice uid=1000 pid=345 su: root logged in
 *
 * Who sent a message, the kernel says: on the socket each one comes with its sender's
 * uid and pid (SCM_CREDENTIALS, which nobody can fake). Root's records and the
 * kernel's are shown as they come; a user's carry "uid=N pid=N" after the priority,
 * so a user's "su: ..." is told apart from su's own (the second line above). A FIFO
 * cannot say who wrote: it is root's alone (mode 600). Everything a message says is
 * made safe for a terminal first (^[ for ESC, \ooo for a byte that is no UTF-8).
 *
 * The log lives in RAM, so it is kept small, in two files: FILE, to which each record
 * is added, and FILE.0, the older records kept. When FILE passes the size limit, the
 * records of both are sorted out: those kept go to FILE.0, and FILE starts empty.
 * What is kept is at most the size limit, and shared, so that one sender's flood
 * cannot push out the others' records:
 *   - root's and the kernel's records are sure of half of it;
 *   - the users share the rest: the one with the most bytes loses his oldest first.
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
	"  -s SIZE  past SIZE kilobytes (default 32) the records move to FILE.0, which keeps\n"
	"           SIZE of them: half sure for root's and the kernel's, the rest shared by\n"
	"           the users, the biggest sender losing his oldest first\n";

static const char *log_path = "/var/log/messages";
static char *old_path;			/* log_path.0 */
static long long max_size = 32 * 1024;
static int log_fd = -1;
static char hostname[64] = "mini";

/* The owner of root's and the kernel's records; a user's records are owned by the uid. */
#define ROOT_OWNER (-1L)

/* ---- keeping the log small, and fair ---- */

struct record {
	const char *line;	/* in the text read back, with its newline */
	size_t length;
	long owner;		/* the sender's uid, or ROOT_OWNER */
	int kept;
};

/* One sender, and how many bytes of the log are his. */
struct owner {
	long id;
	size_t bytes;
	size_t oldest;		/* no record of his before this index is still kept */
};

/*
 * Whose record a line is: a user's line has "uid=N" after the host and the priority
 * ("Nov 25 19:41:17 mini user.notice uid=1000 ..."); the 15 characters of the time
 * come first. Any other line is root's or the kernel's.
 */
static long owner_of(const char *line, size_t length)
{
	const char *p = line + 16, *end = line + length;
	char *after;
	long uid;

	if (length < 16)
		return ROOT_OWNER;
	for (int field = 0; field < 2; field++) {	/* the host name, the priority */
		while (p < end && *p != ' ')
			p++;
		p++;
	}
	if (p + 4 >= end || strncmp(p, "uid=", 4) != 0)
		return ROOT_OWNER;
	uid = strtol(p + 4, &after, 10);
	return after > p + 4 && after < end && *after == ' ' && uid > 0 ? uid : ROOT_OWNER;
}

static struct owner *find_owner(struct owner *owners, size_t *count, long id)
{
	for (size_t i = 0; i < *count; i++)
		if (owners[i].id == id)
			return &owners[i];
	owners[*count] = (struct owner){ .id = id };
	return &owners[(*count)++];
}

/*
 * Who gives way when the log is too big: root (with the kernel) only past its half,
 * otherwise the user with the most bytes.
 */
static struct owner *who_gives_way(struct owner *owners, size_t count, size_t half)
{
	struct owner *biggest = NULL;

	for (size_t i = 0; i < count; i++) {
		if (owners[i].id == ROOT_OWNER && owners[i].bytes > half)
			return &owners[i];
		if (owners[i].id != ROOT_OWNER && owners[i].bytes > 0
		    && (biggest == NULL || owners[i].bytes > biggest->bytes))
			biggest = &owners[i];
	}
	return biggest;
}

/* Mark which records stay, so that they take at most room bytes (see the top). */
static void choose_kept(struct record *records, size_t count, size_t room)
{
	struct owner *owners = xmalloc((count + 1) * sizeof *owners), *o;
	size_t owner_count = 0, total = 0;

	for (size_t i = 0; i < count; i++) {
		records[i].kept = 1;
		find_owner(owners, &owner_count, records[i].owner)->bytes += records[i].length;
		total += records[i].length;
	}
	/* Each turn drops a record, so this ends; while total > room someone has bytes. */
	while (total > room && (o = who_gives_way(owners, owner_count, room / 2)) != NULL) {
		while (!records[o->oldest].kept || records[o->oldest].owner != o->id)
			o->oldest++;
		records[o->oldest].kept = 0;
		o->bytes -= records[o->oldest].length;
		total -= records[o->oldest].length;
	}
	free(owners);
}

/*
 * The last cap bytes at most of the log file at path, malloc'd, from the start of a
 * line and ending with a newline; NULL (and *length 0) when there is none.
 */
static char *read_log(const char *path, size_t cap, size_t *length)
{
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	char *text, *start;
	struct stat st;
	size_t want;
	ssize_t n = 0, got;

	*length = 0;
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return NULL;
	}
	want = st.st_size > (off_t)cap ? cap : (size_t)st.st_size;
	if (st.st_size > (off_t)cap)
		lseek(fd, st.st_size - cap, SEEK_SET);
	text = xmalloc(want + 2);
	while ((size_t)n < want && (got = read(fd, text + n, want - n)) > 0)
		n += got;
	close(fd);
	start = text;
	if (st.st_size > (off_t)cap) {	/* begun inside a line: skip its end */
		start = memchr(text, '\n', n);
		start = start ? start + 1 : text + n;
	}
	*length = text + n - start;
	memmove(text, start, *length);
	if (*length > 0 && text[*length - 1] != '\n')
		text[(*length)++] = '\n';
	return text;
}

/* Cut text into records, appended to records (*count of them so far). */
static void split_records(const char *text, size_t length, struct record *records, size_t *count)
{
	const char *end = text + length, *newline;

	for (; text < end; text = newline + 1) {
		newline = memchr(text, '\n', end - text);
		records[*count] = (struct record){ text, newline + 1 - text, owner_of(text, newline - text), 1 };
		(*count)++;
	}
}

static size_t count_lines(const char *text, size_t length)
{
	size_t lines = 0;

	for (size_t i = 0; i < length; i++)
		lines += text[i] == '\n';
	return lines;
}

/*
 * Make path hold text, by a new file renamed over it (never a half-written log).
 * Returns the new file open for appending, or -1.
 */
static int replace_file(const char *path, const char *text, size_t length)
{
	char *temp = xmalloc(strlen(path) + 5);
	int fd;

	sprintf(temp, "%s.new", path);
	unlink(temp);
	fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_NOCTTY, 0640);
	if (fd >= 0 && (write_all(fd, text, length) < 0 || rename(temp, path) < 0)) {
		close(fd);
		unlink(temp);
		fd = -1;
	}
	free(temp);
	return fd;
}

/*
 * FILE has passed the size limit: the records of FILE.0 and FILE that are kept go to
 * FILE.0, and FILE starts empty. (logread -f, following FILE, sees a new file.)
 */
static void compact_log(void)
{
	size_t cap = 2 * max_size, old_length, recent_length, count = 0, kept_length = 0;
	char *old = read_log(old_path, cap, &old_length), *recent = read_log(log_path, cap, &recent_length);
	struct record *records;
	char *kept;
	int fd;

	records = xmalloc((count_lines(old, old_length) + count_lines(recent, recent_length) + 1) * sizeof *records);
	split_records(old, old_length, records, &count);
	split_records(recent, recent_length, records, &count);
	choose_kept(records, count, max_size);
	kept = xmalloc(old_length + recent_length + 1);
	for (size_t i = 0; i < count; i++) {
		if (records[i].kept) {
			memcpy(kept + kept_length, records[i].line, records[i].length);
			kept_length += records[i].length;
		}
	}
	/* If FILE.0 cannot be written (RAM full), FILE stays and it is tried again later. */
	fd = replace_file(old_path, kept, kept_length);
	if (fd >= 0) {
		close(fd);
		fd = replace_file(log_path, "", 0);
		if (fd >= 0) {
			close(log_fd);
			log_fd = fd;
		}
	}
	free(kept);
	free(records);
	free(old);
	free(recent);
}

/* ---- the records ---- */

/*
 * One message: text (length bytes, "tag: message") with priority pri, from sender
 * (NULL: the kernel or root through the FIFO), stamped with the time now.
 */
static void log_message(int pri, const struct ucred *sender, const char *text, size_t length)
{
	char stamp[32], name[32], who[48] = "", safe[1024], line[1200];
	time_t now = time(NULL);
	struct stat st;
	int len;

	strftime(stamp, sizeof stamp, "%b %e %H:%M:%S", localtime(&now));
	syslog_priority_name(pri, name, sizeof name);
	if (sender && sender->uid != 0)
		snprintf(who, sizeof who, "uid=%u pid=%d ", (unsigned)sender->uid, (int)sender->pid);
	log_escape(safe, sizeof safe, text, length);
	len = snprintf(line, sizeof line, "%s %s %s %s%s\n", stamp, hostname, name, who, safe);
	if (len >= (int)sizeof line) {
		len = sizeof line - 1;
		line[len - 1] = '\n';
	}
	if (log_fd < 0)
		return;
	write_all(log_fd, line, len);
	if (fstat(log_fd, &st) == 0 && st.st_size >= max_size)
		compact_log();
}

/* "<13>" at the start of msg: a priority up to 191 (local7.debug), *rest after it; or -1. */
static int leading_priority(const char *msg, const char **rest)
{
	const char *p = msg + 1;
	int pri = 0;

	if (msg[0] != '<')
		return -1;
	for (; *p >= '0' && *p <= '9' && p < msg + 4; p++)
		pri = pri * 10 + *p - '0';
	if (p == msg + 1 || *p != '>' || pri > 191)
		return -1;
	*rest = p + 1;
	return pri;
}

/* "<13>Nov 25 19:40:02 tag: text" (syslog(3)) or "<13>tag: text" (log_send): the
 * priority, and maybe a time, which syslogd does not take from others. */
static void got_datagram(const char *msg, size_t length, const struct ucred *sender)
{
	const char *text = msg, *end = msg + length;
	int pri = leading_priority(msg, &text);

	if (pri < 0)
		pri = 13;	/* user.notice when a sender gives none */
	while (end > text && (end[-1] == '\n' || end[-1] == '\0'))
		end--;
	if (end - text >= 16 && text[3] == ' ' && text[6] == ' ' && text[9] == ':' && text[12] == ':'
	    && text[15] == ' ')
		text += 16;
	log_message(pri, sender, text, end - text);
}

/* A /dev/kmsg record: "6,339,5140900,-;the message" and maybe " KEY=value" lines. */
static void got_kernel_record(char *record)
{
	char *text = strchr(record, ';'), line[1100];
	int len;

	if (text == NULL)
		return;
	text[strcspn(text, "\n")] = '\0';
	len = snprintf(line, sizeof line, "kernel: %s", text + 1);
	if (len >= (int)sizeof line)
		len = sizeof line - 1;
	log_message(atoi(record) & 0x3ff, NULL, line, len);
}

/*
 * Messages come through the FIFO as lines, several at once or one in parts:
 * keep what follows the last newline for the next read. Only root can write there.
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
	for (line = pending; (end = memchr(line, '\n', pending + used - line)) != NULL; line = end + 1) {
		*end = '\0';
		got_datagram(line, end - line, NULL);
	}
	used -= line - pending;
	memmove(pending, line, used);
	if (used == sizeof pending - 1)
		used = 0;	/* a line longer than the buffer: drop it */
}

/* Close the descriptors a sender may have passed along (SCM_RIGHTS): never kept. */
static void close_passed_files(struct cmsghdr *c)
{
	size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
	int fd;

	for (size_t i = 0; i < count; i++) {
		memcpy(&fd, CMSG_DATA(c) + i * sizeof fd, sizeof fd);
		close(fd);
	}
}

/* One datagram from the socket, with the sender the kernel vouches for. */
static void receive_datagram(int fd)
{
	char buf[1100];
	union {
		struct cmsghdr header;
		char space[CMSG_SPACE(sizeof(struct ucred)) + CMSG_SPACE(4 * sizeof(int))];
	} control;
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof buf - 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = &control,
			      .msg_controllen = sizeof control };
	struct ucred sender;
	int known = 0;
	ssize_t n = recvmsg(fd, &msg, MSG_DONTWAIT);

	if (n < 0)
		return;
	buf[n] = '\0';
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS) {
			memcpy(&sender, CMSG_DATA(c), sizeof sender);
			known = 1;
		} else if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
			close_passed_files(c);
		}
	}
	/* SO_PASSCRED was on before bind(): every datagram says its sender. */
	if (known)
		got_datagram(buf, n, &sender);
}

/* /dev/log: a datagram socket, or a FIFO when the kernel has no UNIX sockets. */
static int open_dev_log(int *is_fifo)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = "/dev/log" };
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0), on = 1;

	unlink(addr.sun_path);
	*is_fifo = fd < 0;
	if (*is_fifo) {
		/* Root's alone: a FIFO cannot say who wrote. Opened for writing too, so
		 * that the last writer leaving is no end of file. */
		if (mkfifo(addr.sun_path, 0600) < 0 || (fd = open(addr.sun_path, O_RDWR | O_NONBLOCK)) < 0)
			die("%s:", addr.sun_path);
		chmod(addr.sun_path, 0600);
		return fd;
	}
	if (setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &on, sizeof on) < 0
	    || bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0)
		die("%s:", addr.sun_path);
	chmod(addr.sun_path, 0666);	/* every program may log */
	return fd;
}

/* The host name as one word: lines are read back by their fields (owner_of). */
static void read_hostname(void)
{
	char name[sizeof hostname];

	if (gethostname(name, sizeof name - 1) < 0 || name[0] == '\0')
		return;
	name[sizeof name - 1] = '\0';
	for (char *p = name; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			*p = '_';
	strcpy(hostname, name);
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
		else if (parse_long(o.arg, &max_size) < 0 || max_size <= 0 || max_size > 64 * 1024)
			usage_error(usage, "bad size '%s'", o.arg);
		else
			max_size *= 1024;
	}
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	old_path = xmalloc(strlen(log_path) + 3);
	sprintf(old_path, "%s.0", log_path);

	read_hostname();
	fds[0].fd = open_dev_log(&is_fifo);
	fds[1].fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);	/* -1 when absent: poll skips it */
	fds[0].events = fds[1].events = POLLIN;
	log_fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_NOCTTY, 0640);
	if (log_fd < 0)
		die("%s:", log_path);
	/* Started in a terminal's session, syslogd must outlive its hang-up. */
	signal(SIGHUP, SIG_IGN);
	if (!foreground && daemon(0, 0) < 0)
		die("daemon:");

	for (;;) {
		if (poll(fds, 2, -1) < 0)
			continue;
		if ((fds[0].revents & POLLIN) && is_fifo)
			got_fifo_data(fds[0].fd);
		else if (fds[0].revents & POLLIN)
			receive_datagram(fds[0].fd);
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
