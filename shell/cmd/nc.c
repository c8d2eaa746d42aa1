/*
 * nc: netcat, as BusyBox's: connect to HOST PORT (or listen with -l) and copy standard
 * input to the socket and the socket to standard output.
 *
 * When standard input ends, a TCP connection is half-closed (shutdown SHUT_WR), so the
 * other side sees the end of the data and `nc host port < file` delivers the whole file;
 * nc goes on copying until the other side closes. With -e the socket becomes PROG's
 * standard input and output instead.
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "runcmd.h"
#include "mini.h"
#include "net.h"

static const char usage[] =
	"Usage: nc [-nuvz] [-w SEC] [-s ADDR] [-p PORT] HOST PORT[-PORT] [-e PROG [ARG]...]\n"
	"       nc -l [-nuvk] [-w SEC] [-s ADDR] [-p PORT | PORT] [-e PROG [ARG]...]\n"
	"Copy standard input to a network connection and the connection to standard output.\n"
	"  -l       listen for one connection (-k: one after another, forever)\n"
	"  -p PORT  the local port      -s ADDR  the local address\n"
	"  -u       UDP instead of TCP  -n       numeric addresses only (no DNS)\n"
	"  -w SEC   give up connecting, or end when nothing moves, after SEC seconds\n"
	"  -z       only see whether the port(s) accept a connection (no data)\n"
	"  -v       say what is happening on stderr\n"
	"  -e PROG  run PROG with the connection as its standard input and output (must be last)\n";

static struct {
	int listen, keep, udp, numeric, scan, verbose;
	int timeout_ms;		/* -1: none */
	const char *local_addr, *local_port;
	char **program;		/* -e: the command, or NULL */
} opt = { .timeout_ms = -1 };

/* getaddrinfo with nc's socket type; dies with a clear message when host is unknown. */
static struct addrinfo *resolve(const char *host, const char *port, int passive)
{
	struct addrinfo hints = { 0 }, *list;
	int err;

	hints.ai_socktype = opt.udp ? SOCK_DGRAM : SOCK_STREAM;
	hints.ai_flags = (opt.numeric ? AI_NUMERICHOST : 0) | (passive ? AI_PASSIVE : 0) | AI_NUMERICSERV;
	if (passive && !host)
		hints.ai_family = AF_INET;	/* "any address": IPv4, which every kernel has */
	err = getaddrinfo(host, port, &hints, &list);
	if (err)
		die("%s%s%s: %s", host ? host : "", host ? ":" : "", port ? port : "", gai_strerror(err));
	return list;
}

static int check_port(const char *port)
{
	long long n;

	return parse_long(port, &n) == 0 && n >= 0 && n <= 65535 ? 0 : -1;
}

/* A socket bound to -s ADDR / -p PORT (when given), of the family of a. */
static int new_socket(int family)
{
	int fd = socket(family, opt.udp ? SOCK_DGRAM : SOCK_STREAM, 0), one = 1;

	if (fd < 0)
		die("socket:");
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (opt.local_addr || opt.local_port) {
		struct addrinfo *local = resolve(opt.local_addr, opt.local_port ? opt.local_port : "0", 1);
		if (bind(fd, local->ai_addr, local->ai_addrlen) < 0)
			die("bind %s:%s:", opt.local_addr ? opt.local_addr : "*",
			    opt.local_port ? opt.local_port : "0");
		freeaddrinfo(local);
	}
	return fd;
}

/* Connect to one address, within the -w timeout. Returns the socket, or -1 with errno. */
static int connect_to(const struct addrinfo *a)
{
	int fd = new_socket(a->ai_family), saved;

	if (connect_within(fd, a->ai_addr, a->ai_addrlen, opt.timeout_ms) == 0)
		return fd;
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

static int open_connection(const char *host, const char *port)
{
	struct addrinfo *list = resolve(host, port, 0), *a;
	int fd = -1;

	for (a = list; a && fd < 0; a = a->ai_next)
		fd = connect_to(a);
	if (fd < 0) {
		if (!opt.scan || opt.verbose)
			warn("can't connect to %s:%s:", host, port);
	} else if (opt.verbose)
		fprintf(stderr, "nc: connected to %s:%s\n", host, port);
	freeaddrinfo(list);
	return fd;
}

/* -z HOST PORT[-PORT]: 0 when at least one port accepted a connection. */
static int scan_ports(const char *host, const char *ports)
{
	long long first, last;
	char *dash = strchr(ports, '-'), text[24];
	int found = 0;

	if (dash)
		*dash = '\0';
	if (parse_long(ports, &first) < 0 || (dash ? parse_long(dash + 1, &last) : (last = first, 0)) < 0 ||
	    first < 1 || last > 65535 || first > last)
		usage_error(usage, "bad port '%s'", ports);
	for (long long p = first; p <= last; p++) {
		snprintf(text, sizeof text, "%lld", p);
		int fd = open_connection(host, text);
		if (fd >= 0) {
			found = 1;
			if (opt.verbose)
				fprintf(stderr, "nc: %s:%s open\n", host, text);
			close(fd);
		}
	}
	return found ? 0 : 1;
}

/* -l: wait for a connection (TCP) or a first datagram (UDP); returns the connected socket. */
static int listen_once(int fd, int *listener)
{
	if (*listener < 0) {
		if (!opt.udp && listen(fd, 5) < 0)
			die("listen:");
		*listener = fd;
		if (opt.verbose) {
			struct sockaddr_in me;
			socklen_t len = sizeof me;
			getsockname(fd, (struct sockaddr *)&me, &len);
			fprintf(stderr, "nc: listening on port %d\n", ntohs(me.sin_port));
		}
	}
	if (opt.timeout_ms >= 0 && wait_ready(*listener, POLLIN, opt.timeout_ms) < 0)
		die("no connection within the timeout");
	if (opt.udp) {	/* the first datagram's sender becomes the peer; the datagram stays queued */
		struct sockaddr_storage from;
		socklen_t len = sizeof from;
		char byte;
		if (recvfrom(*listener, &byte, 1, MSG_PEEK, (struct sockaddr *)&from, &len) < 0 ||
		    connect(*listener, (struct sockaddr *)&from, len) < 0)
			die("udp:");
		return *listener;
	}
	struct sockaddr_in peer;
	socklen_t len = sizeof peer;
	int conn = accept(*listener, (struct sockaddr *)&peer, &len);
	if (conn < 0)
		die("accept:");
	if (opt.verbose)
		fprintf(stderr, "nc: connection from %s:%d\n", inet_ntoa(peer.sin_addr), ntohs(peer.sin_port));
	return conn;
}

/* Copy what is ready on from to to. Returns bytes moved, 0 at the end, -1 on error. */
static ssize_t move(int from, int to)
{
	char buf[16384];
	ssize_t n = read(from, buf, sizeof buf);

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 1;
	if (n > 0 && write_all(to, buf, n) < 0)
		return -1;
	return n;
}

/*
 * The two-way copy. Each direction ends on its own: the end of standard input is passed
 * on as a half-close, the other side's half-close ends the output; nc is done when both
 * have ended (or when -w passes with nothing moving).
 */
static int relay(int sock)
{
	struct pollfd p[2] = { { .fd = STDIN_FILENO, .events = POLLIN }, { .fd = sock, .events = POLLIN } };

	while (p[0].fd >= 0 || p[1].fd >= 0) {
		int n = poll(p, 2, opt.timeout_ms);	/* a negative fd is left out */
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			die("poll:");
		if (n == 0)
			return 0;	/* -w: idle too long */
		if (p[0].revents) {
			ssize_t moved = move(STDIN_FILENO, sock);
			if (moved < 0) {
				warn("sending:");
				return 1;
			}
			if (moved == 0) {	/* end of input: tell the other side */
				p[0].fd = -1;
				if (!opt.udp)
					shutdown(sock, SHUT_WR);
			}
		}
		if (p[1].revents) {
			ssize_t moved = move(sock, STDOUT_FILENO);
			if (moved == 0 && !opt.udp)	/* (an empty datagram ends nothing) */
				p[1].fd = -1;
			if (moved < 0) {
				if (errno == ECONNREFUSED && opt.udp)
					continue;	/* nobody listening yet on the UDP port */
				warn(errno == EPIPE ? "write error:" : "receiving:");
				return 1;
			}
		}
	}
	return 0;
}

/* Serve one connection: run -e PROG on it, or copy both ways. */
static int handle(int sock)
{
	if (!opt.program)
		return relay(sock);
	if (dup2(sock, STDIN_FILENO) < 0 || dup2(sock, STDOUT_FILENO) < 0)
		die("dup2:");
	if (sock > STDERR_FILENO)
		close(sock);
	signal(SIGPIPE, SIG_DFL);
	exec_command(opt.program);
}

/* -k with -e: a child per connection. */
static void serve_forever(int listener)
{
	int l = listener;

	signal(SIGCHLD, SIG_IGN);	/* children are reaped by the kernel */
	for (;;) {
		int conn = listen_once(listener, &l);
		pid_t pid = fork();
		if (pid == 0) {
			close(listener);
			exit(handle(conn));
		}
		if (pid < 0)
			warn("fork:");
		close(conn);
	}
}

/* The -e PROG part of argv: everything from it on belongs to PROG. */
static char **split_program(int *argc, char **argv)
{
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "-e") == 0) {
			if (i + 1 >= *argc)
				usage_error(usage, "option requires an argument -- 'e'");
			argv[i] = NULL;
			*argc = i;
			return argv + i + 1;
		}
	}
	return NULL;
}

int nc_main(int argc, char **argv)
{
	struct options o;
	int c, sock, listener = -1;
	long long seconds;
	const char *host = NULL, *port;

	opt.program = split_program(&argc, argv);
	options_start(&o, argc, argv, "lkunvzw:s:p:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'l': opt.listen = 1; break;
		case 'k': opt.keep = 1; break;
		case 'u': opt.udp = 1; break;
		case 'n': opt.numeric = 1; break;
		case 'v': opt.verbose = 1; break;
		case 'z': opt.scan = 1; break;
		case 's': opt.local_addr = o.arg; break;
		case 'p':
			if (check_port(o.arg) < 0)
				usage_error(usage, "bad port '%s'", o.arg);
			opt.local_port = o.arg;
			break;
		case 'w':
			if (parse_long(o.arg, &seconds) < 0 || seconds < 1 || seconds > 86400)
				usage_error(usage, "bad timeout '%s'", o.arg);
			opt.timeout_ms = seconds * 1000;
			break;
		}
	}
	argv += o.index;
	argc -= o.index;
	signal(SIGPIPE, SIG_IGN);

	if (opt.listen) {
		if (argc > 1 || (argc == 1 && opt.local_port))
			usage_error(usage, "nc -l takes a port only (-p PORT or PORT)");
		if (argc == 1) {
			if (check_port(argv[0]) < 0)
				usage_error(usage, "bad port '%s'", argv[0]);
			opt.local_port = argv[0];
		}
		if (!opt.local_port)
			usage_error(usage, "nc -l needs a port");
		sock = new_socket(AF_INET);
		if (opt.keep && !opt.udp)
			serve_forever(sock);
		sock = listen_once(sock, &listener);
		if (sock != listener && !opt.udp)
			close(listener);
		return handle(sock);
	}
	if (argc != 2)
		usage_error(usage, argc < 2 ? "need a host and a port" : "too many operands");
	host = argv[0];
	port = argv[1];
	if (opt.scan)
		return scan_ports(host, argv[1]);
	if (check_port(port) < 0)
		usage_error(usage, "bad port '%s'", port);
	sock = open_connection(host, port);
	if (sock < 0)
		return 1;
	return handle(sock);
}
