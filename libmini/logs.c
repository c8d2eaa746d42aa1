/*
 * logs.c: sending messages to syslogd, making what they say safe to show, and the
 * facility and level names of syslog(3) (from <syslog.h>'s own tables).
 */
#define SYSLOG_NAMES
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include "mini.h"
#include "logs.h"

#define LOG_PATH "/dev/log"	/* syslogd's socket, or its FIFO */

/*
 * Send a message to syslogd's socket with our credentials: the effective uid, so that
 * su and passwd (setuid root, run by a user) are known as root, which they are. The
 * kernel checks them: a process may name only its own pid and its real, effective or
 * saved uid. Returns 0, or -1 when there is no socket (or syslogd never took it).
 */
static int send_to_socket(const char *message, size_t len)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = LOG_PATH };
	struct ucred cred = { .pid = getpid(), .uid = geteuid(), .gid = getegid() };
	union { struct cmsghdr header; char space[CMSG_SPACE(sizeof(struct ucred))]; } control;
	struct iovec iov = { .iov_base = (void *)message, .iov_len = len };
	struct msghdr msg = { .msg_name = &addr, .msg_namelen = sizeof addr, .msg_iov = &iov,
			      .msg_iovlen = 1, .msg_control = &control, .msg_controllen = sizeof control };
	/* A full queue (someone's flood) makes us wait our turn, so no record of root's is
	 * lost to it; but not for ever: syslogd may be stopped. */
	struct timeval patience = { .tv_sec = 5 };
	struct cmsghdr *c;
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0), sent;

	if (fd < 0)
		return -1;
	memset(&control, 0, sizeof control);
	c = CMSG_FIRSTHDR(&msg);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_CREDENTIALS;
	c->cmsg_len = CMSG_LEN(sizeof cred);
	memcpy(CMSG_DATA(c), &cred, sizeof cred);
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &patience, sizeof patience);
	sent = sendmsg(fd, &msg, MSG_NOSIGNAL);
	close(fd);
	return sent < 0 ? -1 : 0;
}

/* The FIFO of a kernel without sockets: one line, in one write of at most PIPE_BUF
 * bytes, so never mixed with another program's. Only root may open it. */
static void send_to_fifo(const char *line, size_t len)
{
	int fd = open(LOG_PATH, O_WRONLY | O_NONBLOCK | O_NOCTTY);

	if (fd < 0)
		return;
	write_all(fd, line, len);
	close(fd);
}

void log_send(int pri, const char *tag, const char *fmt, ...)
{
	char text[900], safe[1000], line[1024];
	va_list ap;
	int len;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);

	len = snprintf(line, sizeof line, "<%d>%s: %s", pri, tag, text);
	if (len >= (int)sizeof line)
		len = sizeof line - 1;
	if (send_to_socket(line, len) == 0)
		return;
	/* In the FIFO a newline ends the record: a user's name with one in it (login
	 * logs what was typed) must not start a second, forged record. */
	log_escape(safe, sizeof safe, text, strlen(text));
	len = snprintf(line, sizeof line, "<%d>%s: %s", pri, tag, safe);
	if (len >= (int)sizeof line)
		len = sizeof line - 1;
	line[len++] = '\n';
	send_to_fifo(line, len);
}

/*
 * The length of the valid UTF-8 character at s (len bytes left) and its code point,
 * or 0 for a byte that starts none: a stray continuation byte, a cut or overlong
 * sequence, a surrogate, or past U+10FFFF.
 */
static size_t utf8_length(const unsigned char *s, size_t len, unsigned long *code)
{
	static const unsigned long smallest[] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 0;
	unsigned long c;

	if (n == 0 || n > len || s[0] > 0xf4)
		return 0;
	c = s[0] & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < smallest[n] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*code = c;
	return n;
}

/* How the character of n bytes at s shows in the log, into piece; returns its length. */
static size_t escape_character(char *piece, const unsigned char *s, size_t n, int plain)
{
	size_t len = 0;

	if (plain) {
		memcpy(piece, s, n);
		return n;
	}
	if (n == 1 && (s[0] < 0x20 || s[0] == 0x7f))
		return sprintf(piece, "^%c", s[0] ^ 0x40);	/* ^@ .. ^_, and ^? for DEL */
	for (size_t i = 0; i < n; i++)
		len += sprintf(piece + len, "\\%03o", s[i]);
	return len;
}

size_t log_escape(char *out, size_t size, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t used = 0, n, piece_len;
	unsigned long code;
	char piece[16];
	int plain;

	if (size == 0)
		return 0;
	for (size_t i = 0; i < len; i += n) {
		n = 1;
		plain = s[i] >= 0x20 && s[i] < 0x7f;
		if (s[i] >= 0x80 && (n = utf8_length(s + i, len - i, &code)) != 0)
			plain = code >= 0xa0;	/* C1 controls are escape sequences to a terminal */
		else if (n == 0)
			n = 1;
		piece_len = escape_character(piece, s + i, n, plain);
		if (used + piece_len >= size)
			break;
		memcpy(out + used, piece, piece_len);
		used += piece_len;
	}
	out[used] = '\0';
	return used;
}

static int code_of(const CODE *table, const char *name, size_t len)
{
	for (; table->c_name; table++)
		if (strlen(table->c_name) == len && strncmp(table->c_name, name, len) == 0)
			return table->c_val;
	return -1;
}

static const char *name_of(const CODE *table, int value)
{
	for (; table->c_name; table++)
		if (table->c_val == value)
			return table->c_name;
	return "?";
}

int syslog_priority(const char *text)
{
	const char *dot = strchr(text, '.');
	int facility = LOG_USER, level;

	if (dot) {
		facility = code_of(facilitynames, text, dot - text);
		text = dot + 1;
	}
	level = code_of(prioritynames, text, strlen(text));
	return facility < 0 || level < 0 ? -1 : facility | level;
}

void syslog_priority_name(int pri, char *buf, size_t size)
{
	snprintf(buf, size, "%s.%s", name_of(facilitynames, LOG_FAC(pri) << 3),
		 name_of(prioritynames, LOG_PRI(pri)));
}
