/*
 * telnetd: the TELNET server (RFC 854), as BusyBox's: every connection gets a
 * pseudo-terminal with the login program (/bin/login) on it.
 *
 * The server offers to echo and to suppress go-ahead (RFC 857, RFC 858), which puts a
 * client in character mode with the server echoing; any other option is refused
 * (RFC 855). A process relays between the socket and the pty's master side, taking the
 * TELNET commands out of the client's bytes and doubling 0xFF bytes going out. When the
 * connection dies the pty is closed, and the session gets its hang-up.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "mini.h"
#include "net.h"
#include "daemon.h"
#include "utmpfile.h"

static const char usage[] =
	"Usage: telnetd [-Fi] [-p PORT] [-b ADDR] [-l LOGIN]\n"
	"Let people log in over the network with telnet.\n"
	"  -p PORT   the port to listen on (default 23)\n"
	"  -b ADDR   the address to listen on (default: every address)\n"
	"  -l LOGIN  the program to run on each connection's terminal (default /bin/login)\n"
	"  -F        stay in the foreground\n"
	"  -i        inetd mode: serve the one connection on standard input and output\n";

enum { IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240 };
enum { OPT_ECHO = 1, OPT_SGA = 3 };

static const char *login_program = "/bin/login";

/* ---- from the client: TELNET commands out, the data to the pty ---- */

struct telnet_input {
	enum { DATA, GOT_IAC, GOT_VERB, IN_SB, SB_IAC, AFTER_CR } state;
	int verb;
};

/*
 * Answer the client's DO/DONT/WILL/WONT. We WILL echo and suppress go-ahead and asked
 * to DO suppress go-ahead: agreeing to those needs no answer; the rest is refused.
 * Refusals are sent only for requests to enable, so two programs never loop.
 */
static void answer_option(int sock, int verb, int option)
{
	unsigned char reply[3] = { IAC, 0, option };

	if (verb == DO && option != OPT_ECHO && option != OPT_SGA)
		reply[1] = WONT;
	else if (verb == WILL && option != OPT_SGA)
		reply[1] = DONT;
	else
		return;
	write_all(sock, reply, sizeof reply);
}

/* Take the TELNET commands out of buf in place; returns the bytes left for the pty. */
static size_t filter_input(struct telnet_input *t, int sock, unsigned char *buf, size_t n)
{
	size_t out = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = buf[i];
		switch (t->state) {
		case AFTER_CR:	/* CR LF and CR NUL both mean the Enter key: CR alone */
			t->state = DATA;
			if (c == '\n' || c == '\0')
				break;
			/* fall through */
		case DATA:
			if (c == IAC)
				t->state = GOT_IAC;
			else {
				buf[out++] = c;
				if (c == '\r')
					t->state = AFTER_CR;
			}
			break;
		case GOT_IAC:
			if (c == IAC) {	/* a doubled 0xFF is the byte itself */
				buf[out++] = c;
				t->state = DATA;
			} else if (c >= WILL) {
				t->verb = c;
				t->state = GOT_VERB;
			} else
				t->state = c == SB ? IN_SB : DATA;	/* NOP, AYT, ...: ignored */
			break;
		case GOT_VERB:
			answer_option(sock, t->verb, c);
			t->state = DATA;
			break;
		case IN_SB:	/* a subnegotiation we never asked for: skipped */
			if (c == IAC)
				t->state = SB_IAC;
			break;
		case SB_IAC:
			t->state = c == SE ? DATA : IN_SB;
			break;
		}
	}
	return out;
}

/* ---- to the client: 0xFF doubled ---- */

static int send_escaped(int sock, const unsigned char *buf, size_t n)
{
	unsigned char out[2 * 4096];
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		out[len++] = buf[i];
		if (buf[i] == IAC)
			out[len++] = IAC;
	}
	return write_all(sock, out, len);
}

/* ---- one session ---- */

/* In the child: the pty's slave side becomes the controlling terminal, then LOGIN runs. */
static void __attribute__((noreturn)) start_login(const char *slave_name, const char *peer)
{
	int fd;

	setsid();
	fd = open(slave_name, O_RDWR);	/* the first terminal a session leader opens is its own */
	if (fd < 0)
		_exit(1);
	ioctl(fd, TIOCSCTTY, 0);
	dup2(fd, STDIN_FILENO);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	if (fd > STDERR_FILENO)
		close(fd);
	signal(SIGPIPE, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	/* login -h: who, w and last show where the user came from (other programs may not know -h) */
	if (strcmp(base_name(login_program), "login") == 0)
		execl(login_program, login_program, "-h", peer, (char *)NULL);
	else
		execl(login_program, login_program, (char *)NULL);
	fprintf(stderr, "telnetd: %s: %s\r\n", login_program, strerror(errno));
	_exit(127);
}

/* Copy between the socket and the pty until one side ends. */
static void relay(int sock, int master)
{
	struct pollfd p[2] = { { .fd = sock, .events = POLLIN }, { .fd = master, .events = POLLIN } };
	struct telnet_input in = { DATA, 0 };
	unsigned char buf[4096];

	for (;;) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		if (p[0].revents) {
			ssize_t n = read(sock, buf, sizeof buf);
			if (n <= 0)
				return;	/* the connection died: the session ends with it */
			size_t len = filter_input(&in, sock, buf, n);
			if (write_all(master, buf, len) < 0)
				return;
		}
		if (p[1].revents) {
			ssize_t n = read(master, buf, sizeof buf);
			if (n <= 0 || send_escaped(sock, buf, n) < 0)
				return;	/* EIO: the login program and its children are gone */
		}
	}
}

/* Serve one connection (sock) from login to logout. */
static void session(int sock)
{
	static const unsigned char offer[] = { IAC, WILL, OPT_ECHO, IAC, WILL, OPT_SGA, IAC, DO, OPT_SGA };
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	char *slave_name, peer[INET_ADDRSTRLEN] = "?";
	struct sockaddr_in a;
	socklen_t alen = sizeof a;
	pid_t pid;

	if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0 || !(slave_name = ptsname(master))) {
		warn("pty:");
		return;
	}
	if (getpeername(sock, (struct sockaddr *)&a, &alen) == 0 && a.sin_family == AF_INET)
		inet_ntop(AF_INET, &a.sin_addr, peer, sizeof peer);
	pid = fork();
	if (pid < 0) {
		warn("fork:");
		return;
	}
	if (pid == 0) {
		close(master);
		close(sock);
		start_login(slave_name, peer);
	}
	write_all(sock, offer, sizeof offer);
	relay(sock, master);
	close(master);	/* the session's terminal hangs up */
	close(sock);
	kill(-pid, SIGHUP);	/* its process group, in case one ignores the hang-up */
	waitpid(pid, NULL, 0);
	utmp_mark_dead(pid, slave_name);	/* login wrote the session's record with its pid */
}

static int listen_on(const char *addr, const char *port_text)
{
	struct in_addr a = { .s_addr = htonl(INADDR_ANY) };
	long long port;

	if (parse_long(port_text, &port) < 0 || port < 1 || port > 65535)
		usage_error(usage, "bad port '%s'", port_text);
	if (addr && inet_pton(AF_INET, addr, &a) != 1)
		usage_error(usage, "bad address '%s'", addr);
	return tcp_listen(a, (int)port, 8);
}

int telnetd_main(int argc, char **argv)
{
	struct options o;
	int c, foreground = 0, inetd = 0, listener;
	const char *port = "23", *addr = NULL;

	options_start(&o, argc, argv, "Fip:b:l:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'F': foreground = 1; break;
		case 'i': inetd = 1; break;
		case 'p': port = o.arg; break;
		case 'b': addr = o.arg; break;
		case 'l': login_program = o.arg; break;
		}
	}
	if (argv[o.index])
		usage_error(usage, "unexpected operand '%s'", argv[o.index]);
	if (access(login_program, X_OK) < 0)
		die("%s:", login_program);
	signal(SIGPIPE, SIG_IGN);
	if (inetd) {
		session(STDIN_FILENO);
		return 0;
	}
	listener = listen_on(addr, port);
	if (!foreground && become_daemon(0) < 0)
		die("fork:");
	signal(SIGCHLD, SIG_IGN);	/* sessions are reaped by the kernel */
	for (;;) {
		int conn = accept(listener, NULL, NULL);
		if (conn < 0)
			continue;
		pid_t pid = fork();
		if (pid == 0) {
			close(listener);
			signal(SIGCHLD, SIG_DFL);	/* this one waits for its login */
			session(conn);
			_exit(0);
		}
		close(conn);
	}
}
