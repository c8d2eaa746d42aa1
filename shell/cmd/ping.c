/*
 * ping, ping6: send ICMP echo requests and report the replies (BusyBox's ping and
 * its output). The requests go through the kernel's unprivileged ICMP sockets
 * (socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)), so ping needs no setuid bit: the
 * kernel fills in the identifier and checksum and hands back only our own
 * replies. It allows the groups in net.ipv4.ping_group_range (/etc/rc opens it).
 */
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/icmp6.h>
#include <netinet/ip_icmp.h>
#include <sys/socket.h>
#include "mini.h"
#include "duration.h"

static const char usage[] =
	"Usage: ping [-46q] [-c COUNT] [-i SEC] [-W SEC] [-w SEC] [-s SIZE] [-t TTL] [-I IFACE] HOST\n"
	"Send ICMP echo requests to HOST and show the replies.\n"
	"  -4, -6    IPv4 or IPv6 only (ping6 is ping -6)\n"
	"  -c COUNT  stop after COUNT requests\n"
	"  -i SEC    seconds between requests (default 1)\n"
	"  -W SEC    how long to wait for replies after the last request (default 10)\n"
	"  -w SEC    stop after SEC seconds in all\n"
	"  -s SIZE   data bytes in each request (default 56)\n"
	"  -t TTL    time to live of the requests\n"
	"  -I IFACE  send through IFACE\n"
	"  -q        only the summary\n"
	"Exit status: 0 when a reply came, 1 when none did, 2 on an error.\n";

#define MAX_DATA 65500
#define ICMP_HEADER 8

struct ping {
	int fd, family, quiet, data_size;
	long long count, interval, wait_after, deadline;	/* nanoseconds; count 0: no end */
	const char *host;
	char addr_text[INET6_ADDRSTRLEN];
	struct sockaddr_storage to;
	socklen_t to_len;
	unsigned long transmitted, received, duplicates;
	long long rtt_min, rtt_max, rtt_sum;		/* microseconds */
	unsigned char seen[65536 / 8];			/* which sequence numbers had replies */
};

static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void fail(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", program_name);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(2);
}

static long long seconds_option(const char *text, const char *what)
{
	long long ns;

	if (parse_duration(text, &ns) < 0)
		fail("bad %s", what);
	return ns;
}

static long long number_option(const char *text, long long low, long long high, const char *what)
{
	long long n;

	if (parse_long(text, &n) < 0 || n < low || n > high)
		fail("bad %s", what);
	return n;
}

static void resolve(struct ping *p)
{
	struct addrinfo hints = { 0 }, *res;
	int err;

	hints.ai_family = p->family;
	hints.ai_socktype = SOCK_DGRAM;
	err = getaddrinfo(p->host, NULL, &hints, &res);
	if (err) {
		fprintf(stderr, "%s: bad address '%s'\n", program_name, p->host);
		exit(2);
	}
	memcpy(&p->to, res->ai_addr, res->ai_addrlen);
	p->to_len = res->ai_addrlen;
	p->family = res->ai_family;
	getnameinfo(res->ai_addr, res->ai_addrlen, p->addr_text, sizeof p->addr_text, NULL, 0,
		    NI_NUMERICHOST);
	freeaddrinfo(res);
}

static void open_socket(struct ping *p, const char *iface, int ttl)
{
	int on = 1, v6 = p->family == AF_INET6;

	p->fd = socket(p->family, SOCK_DGRAM | SOCK_CLOEXEC, v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP);
	if (p->fd < 0) {
		int e = errno;
		fprintf(stderr, "%s: socket: %s%s\n", program_name, strerror(e),
			e == EACCES ? " (ping is allowed to the groups in net.ipv4.ping_group_range)" : "");
		exit(2);
	}
	/* The TTL (hop limit) of each reply comes with it as a control message. */
	if (v6)
		setsockopt(p->fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &on, sizeof on);
	else
		setsockopt(p->fd, IPPROTO_IP, IP_RECVTTL, &on, sizeof on);
	if (ttl > 0 && setsockopt(p->fd, v6 ? IPPROTO_IPV6 : IPPROTO_IP,
				  v6 ? IPV6_UNICAST_HOPS : IP_TTL, &ttl, sizeof ttl) < 0)
		fail("setting the TTL: %s", strerror(errno));
	if (iface && setsockopt(p->fd, SOL_SOCKET, SO_BINDTODEVICE, iface, strlen(iface) + 1) < 0)
		fail("%s", strerror(errno));
}

static void send_request(struct ping *p)
{
	unsigned char packet[ICMP_HEADER + MAX_DATA];
	unsigned seq = p->transmitted & 0xffff;
	long long now = monotonic_nanoseconds();

	memset(packet, 0, ICMP_HEADER + p->data_size);
	packet[0] = p->family == AF_INET6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO;
	/* The identifier and checksum are the kernel's to fill in. */
	packet[6] = seq >> 8;
	packet[7] = seq & 0xff;
	if (p->data_size >= (int)sizeof now)
		memcpy(packet + ICMP_HEADER, &now, sizeof now);
	for (int i = sizeof now; i < p->data_size; i++)
		packet[ICMP_HEADER + i] = i;
	if (sendto(p->fd, packet, ICMP_HEADER + p->data_size, 0, (struct sockaddr *)&p->to,
		   p->to_len) < 0) {
		if (errno != EHOSTUNREACH && errno != ENETUNREACH && errno != EAGAIN)
			fail("sendto: %s", strerror(errno));
		warn("sendto: %s", strerror(errno));
	}
	p->transmitted++;
}

/* The TTL or hop limit from a received message's control data, or -1. */
static int reply_ttl(struct msghdr *msg)
{
	for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c))
		if ((c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TTL)
		    || (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_HOPLIMIT)) {
			int ttl;
			memcpy(&ttl, CMSG_DATA(c), sizeof ttl);
			return ttl;
		}
	return -1;
}

static void note_rtt(struct ping *p, long long usec)
{
	if (p->received == 1 || usec < p->rtt_min)
		p->rtt_min = usec;
	if (usec > p->rtt_max)
		p->rtt_max = usec;
	p->rtt_sum += usec;
}

/* Read one reply from the socket and report it. */
static void receive_reply(struct ping *p)
{
	unsigned char packet[ICMP_HEADER + MAX_DATA + 64];
	char control[256], from_text[INET6_ADDRSTRLEN];
	struct sockaddr_storage from;
	struct iovec iov = { packet, sizeof packet };
	struct msghdr msg = { &from, sizeof from, &iov, 1, control, sizeof control, 0 };
	long long sent, usec = -1;
	ssize_t n = recvmsg(p->fd, &msg, 0);
	unsigned seq;
	int dup;

	/* An error (an ICMP "unreachable" for our socket) is not a reply. */
	if (n < ICMP_HEADER)
		return;
	if (packet[0] != (p->family == AF_INET6 ? ICMP6_ECHO_REPLY : ICMP_ECHOREPLY))
		return;
	seq = packet[6] << 8 | packet[7];
	dup = (p->seen[seq / 8] >> (seq % 8)) & 1;
	p->seen[seq / 8] |= 1 << (seq % 8);
	if (dup) {
		p->duplicates++;
	} else {
		p->received++;
	}
	if (n >= ICMP_HEADER + (ssize_t)sizeof sent && p->data_size >= (int)sizeof sent) {
		memcpy(&sent, packet + ICMP_HEADER, sizeof sent);
		usec = (monotonic_nanoseconds() - sent) / 1000;
		if (usec < 0)
			usec = 0;
		if (!dup)
			note_rtt(p, usec);
	}
	if (p->quiet)
		return;
	getnameinfo((struct sockaddr *)&from, msg.msg_namelen, from_text, sizeof from_text, NULL, 0,
		    NI_NUMERICHOST);
	printf("%d bytes from %s: seq=%u ttl=%d", (int)n, from_text, seq, reply_ttl(&msg));
	if (usec >= 0)
		printf(" time=%lld.%03lld ms", usec / 1000, usec % 1000);
	printf("%s\n", dup ? " (DUP!)" : "");
	fflush(stdout);
}

static void print_summary(struct ping *p)
{
	fflush(stdout);
	printf("\n--- %s ping statistics ---\n", p->host);
	printf("%lu packets transmitted, %lu packets received, ", p->transmitted, p->received);
	if (p->duplicates)
		printf("%lu duplicates, ", p->duplicates);
	printf("%lu%% packet loss\n",
	       p->transmitted ? (p->transmitted - p->received) * 100 / p->transmitted : 0);
	if (p->received && p->data_size >= 8) {
		long long avg = p->rtt_sum / p->received;
		printf("round-trip min/avg/max = %lld.%03lld/%lld.%03lld/%lld.%03lld ms\n",
		       p->rtt_min / 1000, p->rtt_min % 1000, avg / 1000, avg % 1000,
		       p->rtt_max / 1000, p->rtt_max % 1000);
	}
}

/* Send and receive until the count, the deadline or Ctrl-C ends it. */
static void ping_loop(struct ping *p)
{
	long long start = monotonic_nanoseconds(), next_send = start, stop_at = -1;

	for (;;) {
		long long now = monotonic_nanoseconds(), wake;
		if (interrupted || (p->deadline && now - start >= p->deadline))
			return;
		if (p->count && p->received >= (unsigned long)p->count)
			return;
		if (stop_at >= 0 && now >= stop_at)
			return;
		if (stop_at < 0 && now >= next_send) {
			send_request(p);
			next_send += p->interval;
			if (p->count && p->transmitted >= (unsigned long)p->count)
				stop_at = now + p->wait_after;
		}
		wake = stop_at >= 0 ? stop_at : next_send;
		if (p->deadline && start + p->deadline < wake)
			wake = start + p->deadline;
		long long ms = (wake - monotonic_nanoseconds()) / 1000000 + 1;
		struct pollfd pfd = { p->fd, POLLIN, 0 };
		if (poll(&pfd, 1, ms < 0 ? 0 : ms > 60000 ? 60000 : (int)ms) > 0)
			receive_reply(p);
	}
}

int ping_main(int argc, char **argv)
{
	struct options o;
	struct ping *p = xzalloc(sizeof *p);
	const char *iface = NULL;
	int c, ttl = 0;

	p->family = !strcmp(program_name, "ping6") ? AF_INET6 : AF_UNSPEC;
	p->interval = NANOSECONDS_PER_SECOND;
	p->wait_after = 10 * NANOSECONDS_PER_SECOND;
	p->data_size = 56;
	options_start(&o, argc, argv, "46qc:i:W:w:s:t:I:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case '4': p->family = AF_INET; break;
		case '6': p->family = AF_INET6; break;
		case 'q': p->quiet = 1; break;
		case 'c': p->count = number_option(o.arg, 1, 1LL << 31, "count"); break;
		case 'i': p->interval = seconds_option(o.arg, "interval"); break;
		case 'W': p->wait_after = seconds_option(o.arg, "timeout"); break;
		case 'w': p->deadline = seconds_option(o.arg, "deadline"); break;
		case 's': p->data_size = number_option(o.arg, 0, MAX_DATA, "size"); break;
		case 't': ttl = number_option(o.arg, 1, 255, "TTL"); break;
		case 'I': iface = o.arg; break;
		}
	}
	if (o.index != argc - 1)
		usage_error(usage, o.index == argc ? "no host given" : "too many operands");
	p->host = argv[o.index];
	resolve(p);
	open_socket(p, iface, ttl);
	signal(SIGINT, on_interrupt);
	printf("PING %s (%s): %d data bytes\n", p->host, p->addr_text, p->data_size);
	fflush(stdout);
	ping_loop(p);
	print_summary(p);
	if (flush_stdout() < 0)
		return 2;
	return p->received ? 0 : 1;
}
