/*
 * udhcpc: a DHCP client (RFC 2131, options from RFC 2132), with BusyBox udhcpc's
 * options. It leases an address for one interface, configures it (or lets a -s
 * script do that, with BusyBox's variables and events), renews the lease at T1,
 * rebinds at T2, and runs in the background meanwhile.
 *
 * Sockets. Before the lease the interface has no address, and the IP layer may
 * drop what comes in for an address it does not know (a unicast reply to the
 * offered address) or from a source it cannot route back to (rp_filter). So the
 * replies are read from a packet socket (AF_PACKET, SOCK_DGRAM, ETH_P_IP) bound to
 * the interface, which sees IP packets before any of that; their IP and UDP
 * headers are checked here. Sending needs no such care: a UDP socket bound to port
 * 68 and to the device (SO_BINDTODEVICE, SO_BROADCAST) sends from 0.0.0.0 to
 * 255.255.255.255 without an address, and unicast to the server once bound. Both
 * are open only during an exchange: while bound, the packet socket would wake us
 * for every packet the machine receives.
 *
 * Every reply is checked whole: its IP and UDP headers and checksums, op, xid,
 * client hardware address, magic cookie, each option's length against the packet
 * and against what that option must hold. A reply failing any of it is ignored
 * with a line saying why.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "mini.h"
#include "daemon.h"
#include "copy.h"
#include "duration.h"
#include "logs.h"
#include "net.h"
#include "module.h"

static const char usage[] =
	"Usage: udhcpc [-fbnqRS] [-i IFACE] [-s SCRIPT] [-p PIDFILE] [-r IP] [-x hostname:NAME]\n"
	"              [-t N] [-T SEC] [-A SEC]\n"
	"Lease an IPv4 address with DHCP and configure IFACE with it.\n"
	"  -i IFACE    the interface (default eth0)\n"
	"  -f          stay in the foreground (default: go to the background once bound)\n"
	"  -b          go to the background if no lease comes at once\n"
	"  -n          exit with status 1 if no lease comes\n"
	"  -q          exit once a lease is obtained\n"
	"  -R          release the lease on exit\n"
	"  -S          also log to syslogd\n"
	"  -t N        discover requests per try (default 3)\n"
	"  -T SEC      seconds to wait for each reply (default 3)\n"
	"  -A SEC      seconds to wait before trying again after a failed try (default 20)\n"
	"  -r IP       ask for this address\n"
	"  -x hostname:NAME  send NAME as this host's name (option 12)\n"
	"  -s SCRIPT   run SCRIPT deconfig|bound|renew|leasefail|nak with $interface $ip\n"
	"              $subnet $mask $broadcast $router $dns $domain $hostname $lease\n"
	"              $serverid in the environment, instead of configuring IFACE itself\n"
	"  -p PIDFILE  write the process id there\n"
	"Without -s: the address, netmask, broadcast address and default route are set,\n"
	"/etc/resolv.conf is written (the environment variable RESOLV_CONF names another\n"
	"file), and the host name is set if the server names one and the host's name is\n"
	"still the one in /etc/hostname.\n"
	"Signals: SIGUSR1 renews now, SIGUSR2 releases the lease, SIGTERM ends.\n";

enum { BOOTREQUEST = 1, BOOTREPLY = 2 };
enum { DISCOVER = 1, OFFER, REQUEST, DECLINE, ACK, NAK, RELEASE };
enum {
	OPT_PAD = 0, OPT_SUBNET = 1, OPT_ROUTER = 3, OPT_DNS = 6, OPT_HOSTNAME = 12,
	OPT_DOMAIN = 15, OPT_BROADCAST = 28, OPT_REQUESTED = 50, OPT_LEASE = 51,
	OPT_TYPE = 53, OPT_SERVER = 54, OPT_PARAMS = 55, OPT_MAX_SIZE = 57, OPT_T1 = 58,
	OPT_T2 = 59, OPT_CLIENT_ID = 61, OPT_END = 255
};

#define CLIENT_PORT 68
#define SERVER_PORT 67
#define FIXED_PART 236		/* op ... file: the BOOTP message before the options */
#define MAX_LIST 4		/* routers and name servers kept */

struct dhcp_message {
	uint8_t op, htype, hlen, hops;
	uint32_t xid;
	uint16_t secs, flags;
	uint32_t ciaddr, yiaddr, siaddr, giaddr;
	uint8_t chaddr[16];
	char sname[64], file[128];
	uint8_t cookie[4];
	uint8_t options[308];
} __attribute__((packed));

static const uint8_t magic_cookie[4] = { 99, 130, 83, 99 };

/* What a server's reply says. */
struct reply {
	int type;
	struct in_addr addr, server, subnet, broadcast;
	struct in_addr routers[MAX_LIST], dns[MAX_LIST];
	int n_routers, n_dns, have_subnet, have_broadcast;
	unsigned long lease, t1, t2;		/* seconds; t1, t2 0: not given */
	char domain[256], hostname[64];
};

struct client {
	const char *iface, *script, *pidfile, *send_hostname;
	int ifindex;
	unsigned char mac[6];
	int retries;
	long long reply_wait, retry_pause;	/* nanoseconds */
	int foreground, background_if_none, exit_if_none, quit_after_lease, release_on_exit;
	int use_syslog, in_background;
	struct in_addr requested;
	uint32_t xid;
	int packet_fd, udp_fd;
	struct reply lease;			/* the lease we hold (lease.addr 0: none) */
	long long lease_start;			/* monotonic nanoseconds */
};

/* ---- signals and messages ---- */

static volatile sig_atomic_t got_renew, got_release, got_term;

static void on_signal(int sig)
{
	if (sig == SIGUSR1)
		got_renew = 1;
	else if (sig == SIGUSR2)
		got_release = 1;
	else
		got_term = 1;
}

static int use_syslog;

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	char text[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: %s\n", program_name, text);
	if (use_syslog)
		log_send(LOG_DAEMON | LOG_INFO, "udhcpc", "%s", text);
}

/* ---- sockets ---- */

static void open_sockets(struct client *c)
{
	struct sockaddr_ll ll = { 0 };
	struct sockaddr_in me = { 0 };
	int on = 1;

	c->packet_fd = socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, htons(ETH_P_IP));
	if (c->packet_fd < 0)
		die("packet socket:");
	ll.sll_family = AF_PACKET;
	ll.sll_protocol = htons(ETH_P_IP);
	ll.sll_ifindex = c->ifindex;
	if (bind(c->packet_fd, (struct sockaddr *)&ll, sizeof ll) < 0)
		die("%s: bind:", c->iface);
	/* Each packet then says whether its checksum is still to be filled in. */
	setsockopt(c->packet_fd, SOL_PACKET, PACKET_AUXDATA, &on, sizeof on);
	c->udp_fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (c->udp_fd < 0)
		die("socket:");
	setsockopt(c->udp_fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	setsockopt(c->udp_fd, SOL_SOCKET, SO_BROADCAST, &on, sizeof on);
	if (setsockopt(c->udp_fd, SOL_SOCKET, SO_BINDTODEVICE, c->iface, strlen(c->iface) + 1) < 0)
		die("%s: SO_BINDTODEVICE:", c->iface);
	me.sin_family = AF_INET;
	me.sin_port = htons(CLIENT_PORT);
	if (bind(c->udp_fd, (struct sockaddr *)&me, sizeof me) < 0)
		die("bind to port %d:", CLIENT_PORT);
}

static void close_sockets(struct client *c)
{
	if (c->packet_fd >= 0)
		close(c->packet_fd);
	if (c->udp_fd >= 0)
		close(c->udp_fd);
	c->packet_fd = c->udp_fd = -1;
}

/* ---- building and sending requests ---- */

static uint8_t *add_option(uint8_t *p, int code, const void *data, int len)
{
	*p++ = code;
	*p++ = len;
	memcpy(p, data, len);
	return p + len;
}

/* Send a message of type; ciaddr is ours when renewing, rebinding or releasing;
 * requested and server go into options 50 and 54 when not 0; to is where. */
static void send_message(struct client *c, int type, struct in_addr ciaddr, struct in_addr requested,
			 struct in_addr server, struct in_addr to)
{
	static const uint8_t wanted[] = { OPT_SUBNET, OPT_ROUTER, OPT_DNS, OPT_HOSTNAME, OPT_DOMAIN,
					  OPT_BROADCAST, OPT_LEASE, OPT_T1, OPT_T2 };
	struct dhcp_message m;
	struct sockaddr_in dest = { 0 };
	uint8_t *p = m.options, client_id[7] = { 1 }, type_byte = type;
	uint16_t max_size = htons(576);

	memset(&m, 0, sizeof m);
	m.op = BOOTREQUEST;
	m.htype = 1;		/* Ethernet */
	m.hlen = 6;
	m.xid = c->xid;
	m.ciaddr = ciaddr.s_addr;
	/* Without an address we cannot take a unicast reply: ask for a broadcast one. */
	if (ciaddr.s_addr == 0)
		m.flags = htons(0x8000);
	memcpy(m.chaddr, c->mac, 6);
	memcpy(m.cookie, magic_cookie, 4);
	p = add_option(p, OPT_TYPE, &type_byte, 1);
	memcpy(client_id + 1, c->mac, 6);
	p = add_option(p, OPT_CLIENT_ID, client_id, sizeof client_id);
	if (requested.s_addr)
		p = add_option(p, OPT_REQUESTED, &requested, 4);
	if (server.s_addr)
		p = add_option(p, OPT_SERVER, &server, 4);
	if (type != RELEASE) {
		p = add_option(p, OPT_MAX_SIZE, &max_size, 2);
		p = add_option(p, OPT_PARAMS, wanted, sizeof wanted);
		if (c->send_hostname)
			p = add_option(p, OPT_HOSTNAME, c->send_hostname, strlen(c->send_hostname));
	}
	*p = OPT_END;
	dest.sin_family = AF_INET;
	dest.sin_port = htons(SERVER_PORT);
	dest.sin_addr = to;
	/* The whole 300-byte BOOTP minimum goes out: some old servers want no less. */
	if (sendto(c->udp_fd, &m, sizeof m, 0, (struct sockaddr *)&dest, sizeof dest) < 0)
		say("sending: %s", strerror(errno));
}

/* ---- checking replies ---- */

static unsigned get16(const uint8_t *p)
{
	return p[0] << 8 | p[1];
}

/* The Internet checksum's running sum (RFC 1071) of len bytes. */
static uint32_t sum_bytes(uint32_t sum, const uint8_t *p, size_t len)
{
	for (; len > 1; p += 2, len -= 2)
		sum += get16(p);
	if (len)
		sum += p[0] << 8;
	return sum;
}

static unsigned fold_sum(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum;
}

/* Check the IP and UDP headers of a packet read from the packet socket. The DHCP
 * message's place and length on success, else NULL and why in *why. */
static const uint8_t *udp_payload(const uint8_t *pkt, size_t len, int checksum_unfinished,
				  size_t *out_len, const char **why)
{
	size_t header, total, udp_len;
	const uint8_t *udp;
	uint32_t sum;

	*why = NULL;	/* not for us: said nothing about */
	if (len < 20 || pkt[0] >> 4 != 4 || pkt[9] != IPPROTO_UDP)
		return NULL;
	header = (pkt[0] & 15) * 4;
	total = get16(pkt + 2);
	if (header < 20 || total < header + 8 || total > len)
		return NULL;
	if (get16(pkt + 6) & 0x3fff)	/* a fragment: DHCP replies are never sent so */
		return NULL;
	udp = pkt + header;
	if (get16(udp + 2) != CLIENT_PORT)
		return NULL;
	if (fold_sum(sum_bytes(0, pkt, header)) != 0xffff) {
		*why = "bad IP header checksum";
		return NULL;
	}
	udp_len = get16(udp + 4);
	if (udp_len < 8 || udp_len > total - header) {
		*why = "bad UDP length";
		return NULL;
	}
	/* A packet from this machine (a veth pair, say) may carry a checksum the
	 * hardware was to finish: the kernel says so, and it cannot be checked. */
	if (get16(udp + 6) != 0 && !checksum_unfinished) {
		/* The pseudo header: addresses, protocol, UDP length. */
		sum = sum_bytes(0, pkt + 12, 8) + IPPROTO_UDP + udp_len;
		if (fold_sum(sum_bytes(sum, udp, udp_len)) != 0xffff) {
			*why = "bad UDP checksum";
			return NULL;
		}
	}
	*out_len = udp_len - 8;
	return udp + 8;
}

/* The length an option must have: exact (>0), a multiple of 4 (-4), at least 1 (-1), or 0: any. */
static int option_length_rule(int code)
{
	switch (code) {
	case OPT_TYPE: return 1;
	case OPT_SUBNET: case OPT_BROADCAST: case OPT_LEASE: case OPT_SERVER:
	case OPT_T1: case OPT_T2: case OPT_REQUESTED: return 4;
	case OPT_ROUTER: case OPT_DNS: return -4;
	case OPT_HOSTNAME: case OPT_DOMAIN: return -1;
	default: return 0;
	}
}

static int length_ok(int code, int len)
{
	int rule = option_length_rule(code);

	if (rule > 0)
		return len == rule;
	if (rule == -4)
		return len >= 4 && len % 4 == 0;
	if (rule == -1)
		return len >= 1;
	return 1;
}

/* A name for the shell and resolv.conf: letters, digits, '-', '.', '_' only. */
static void copy_name(char *to, size_t size, const uint8_t *from, int len)
{
	if ((size_t)len >= size)
		return;
	for (int i = 0; i < len; i++)
		if (!(from[i] == '-' || from[i] == '.' || from[i] == '_' || (from[i] >= '0' && from[i] <= '9')
		      || ((from[i] | 32) >= 'a' && (from[i] | 32) <= 'z')))
			return;
	memcpy(to, from, len);
	to[len] = '\0';
}

static unsigned long get32(const uint8_t *p)
{
	return (unsigned long)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

static void take_list(struct in_addr *list, int *n, const uint8_t *data, int len)
{
	for (*n = 0; *n < MAX_LIST && len >= 4; data += 4, len -= 4)
		memcpy(&list[(*n)++], data, 4);
}

static void take_option(struct reply *r, int code, const uint8_t *data, int len)
{
	switch (code) {
	case OPT_TYPE: r->type = data[0]; break;
	case OPT_SUBNET: memcpy(&r->subnet, data, 4); r->have_subnet = 1; break;
	case OPT_BROADCAST: memcpy(&r->broadcast, data, 4); r->have_broadcast = 1; break;
	case OPT_SERVER: memcpy(&r->server, data, 4); break;
	case OPT_LEASE: r->lease = get32(data); break;
	case OPT_T1: r->t1 = get32(data); break;
	case OPT_T2: r->t2 = get32(data); break;
	case OPT_ROUTER: take_list(r->routers, &r->n_routers, data, len); break;
	case OPT_DNS: take_list(r->dns, &r->n_dns, data, len); break;
	case OPT_HOSTNAME: copy_name(r->hostname, sizeof r->hostname, data, len); break;
	case OPT_DOMAIN: copy_name(r->domain, sizeof r->domain, data, len); break;
	}
}

/* Read the options of a reply into r. NULL, or what is wrong with them. */
static const char *parse_options(struct reply *r, const uint8_t *opt, size_t len)
{
	static char why[64];
	size_t i = 0;

	while (i < len) {
		int code = opt[i], olen;
		if (code == OPT_END)
			return NULL;
		if (code == OPT_PAD) {
			i++;
			continue;
		}
		if (i + 1 >= len || i + 2 + opt[i + 1] > len) {
			snprintf(why, sizeof why, "option %d overruns the packet", code);
			return why;
		}
		olen = opt[i + 1];
		if (!length_ok(code, olen)) {
			snprintf(why, sizeof why, "option %d has a bad length (%d)", code, olen);
			return why;
		}
		take_option(r, code, opt + i + 2, olen);
		i += 2 + olen;
	}
	return "no end option";
}

/* Check a DHCP message for us (xid, mac); NULL and r filled, or why it is not acceptable. */
static const char *check_reply(const uint8_t *msg, size_t len, uint32_t xid, const uint8_t *mac,
			       struct reply *r)
{
	const struct dhcp_message *m = (const struct dhcp_message *)msg;
	const char *why;
	uint32_t addr;

	memset(r, 0, sizeof *r);
	if (len < FIXED_PART + 4)
		return "too short";
	if (m->op != BOOTREPLY)
		return "not a reply";
	if (m->xid != xid)
		return "wrong transaction id";
	if (m->hlen != 6 || memcmp(m->chaddr, mac, 6) != 0)
		return "for another hardware address";
	if (memcmp(m->cookie, magic_cookie, 4) != 0)
		return "no DHCP magic cookie";
	why = parse_options(r, msg + FIXED_PART + 4, len - FIXED_PART - 4);
	if (why)
		return why;
	if (r->type != OFFER && r->type != ACK && r->type != NAK)
		return r->type ? "an unexpected message type" : "no message type";
	if (r->type == NAK)
		return NULL;
	memcpy(&r->addr, &m->yiaddr, 4);
	addr = ntohl(m->yiaddr);
	if (addr == 0 || addr == 0xffffffffu || addr >> 24 == 127 || addr >> 28 >= 14)
		return "an unusable address offered";
	if (r->server.s_addr == 0)
		return "no server identifier";
	return NULL;
}

enum { NOT_FOR_US = 0, GOOD_REPLY = 1, BAD_PACKET = -1, BAD_REPLY = -2 };

/*
 * Everything a packet from the packet socket must pass, bytes in and verdict out (the
 * fuzz target tests/fuzz/udhcpc.c calls it too): GOOD_REPLY and r filled for a DHCP
 * reply to xid and mac; NOT_FOR_US for another machine's or protocol's packet; a bad
 * IP/UDP packet or a bad reply, and in *why what is wrong with it.
 */
static int check_packet(const uint8_t *pkt, size_t len, int checksum_unfinished, uint32_t xid,
			const uint8_t *mac, struct reply *r, const char **why)
{
	const uint8_t *msg;
	size_t msg_len;

	msg = udp_payload(pkt, len, checksum_unfinished, &msg_len, why);
	if (msg == NULL)
		return *why ? BAD_PACKET : NOT_FOR_US;
	*why = check_reply(msg, msg_len, xid, mac, r);
	return *why ? BAD_REPLY : GOOD_REPLY;
}

/* ---- waiting ---- */

/* Read a packet; *unfinished tells whether its checksum was left to the hardware. */
static ssize_t receive_packet(int fd, uint8_t *buf, size_t size, int *unfinished)
{
	char control[CMSG_SPACE(sizeof(struct tpacket_auxdata))];
	struct iovec iov = { buf, size };
	struct msghdr msg = { NULL, 0, &iov, 1, control, sizeof control, 0 };
	ssize_t n = recvmsg(fd, &msg, MSG_DONTWAIT);

	*unfinished = 0;
	for (struct cmsghdr *cm = CMSG_FIRSTHDR(&msg); n > 0 && cm; cm = CMSG_NXTHDR(&msg, cm))
		if (cm->cmsg_level == SOL_PACKET && cm->cmsg_type == PACKET_AUXDATA) {
			struct tpacket_auxdata aux;
			memcpy(&aux, CMSG_DATA(cm), sizeof aux);
			*unfinished = (aux.tp_status & TP_STATUS_CSUMNOTREADY) != 0;
		}
	return n;
}

enum { GOT_REPLY = 1, TIMED_OUT = 0, INTERRUPTED = -1 };

/* Wait up to nanoseconds for a reply of one of the types (a bit mask of 1 << type). */
static int wait_reply(struct client *c, unsigned types, long long nanoseconds, struct reply *r)
{
	long long until = monotonic_nanoseconds() + nanoseconds;
	uint8_t pkt[1600];

	for (;;) {
		long long left = until - monotonic_nanoseconds();
		struct pollfd fds[2] = { { c->packet_fd, POLLIN, 0 }, { c->udp_fd, POLLIN, 0 } };
		const char *why;
		ssize_t n;
		int unfinished, verdict;

		if (got_term || got_release || got_renew)
			return INTERRUPTED;
		if (left <= 0)
			return TIMED_OUT;
		if (poll(fds, 2, left / 1000000 + 1) <= 0)
			continue;
		if (fds[1].revents)	/* the UDP socket's copies: the packet socket has them too */
			recv(c->udp_fd, pkt, sizeof pkt, MSG_DONTWAIT);
		if (!fds[0].revents)
			continue;
		n = receive_packet(c->packet_fd, pkt, sizeof pkt, &unfinished);
		if (n <= 0)
			continue;
		verdict = check_packet(pkt, n, unfinished, c->xid, c->mac, r, &why);
		if (verdict == GOOD_REPLY && !(types & (1u << r->type))) {
			verdict = BAD_REPLY;
			why = "an unexpected message type";
		}
		if (verdict == BAD_PACKET)
			say("ignoring a packet: %s", why);
		else if (verdict == BAD_REPLY)
			say("ignoring a reply: %s", why);
		if (verdict == GOOD_REPLY)
			return GOT_REPLY;
	}
}

/* ---- using a lease ---- */

static void set_env_address(const char *name, struct in_addr a)
{
	setenv(name, ipv4_text(a), 1);
}

static void set_env_list(const char *name, const struct in_addr *list, int n)
{
	char text[MAX_LIST * 16] = "";

	for (int i = 0; i < n; i++) {
		if (i)
			strcat(text, " ");
		strcat(text, ipv4_text(list[i]));
	}
	if (n)
		setenv(name, text, 1);
}

/* Run the -s script with an event and the lease in its environment. */
static void run_script(struct client *c, const char *event)
{
	const struct reply *r = &c->lease;
	pid_t pid = fork();
	char number[16];

	if (pid < 0) {
		say("fork: %s", strerror(errno));
		return;
	}
	if (pid > 0) {
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			continue;
		return;
	}
	setenv("interface", c->iface, 1);
	if (r->addr.s_addr && strcmp(event, "deconfig") && strcmp(event, "leasefail")) {
		set_env_address("ip", r->addr);
		set_env_address("serverid", r->server);
		if (r->have_subnet) {
			set_env_address("subnet", r->subnet);
			sprintf(number, "%d", netmask_to_prefix(r->subnet));
			setenv("mask", number, 1);
		}
		if (r->have_broadcast)
			set_env_address("broadcast", r->broadcast);
		set_env_list("router", r->routers, r->n_routers);
		set_env_list("dns", r->dns, r->n_dns);
		if (r->domain[0])
			setenv("domain", r->domain, 1);
		if (r->hostname[0])
			setenv("hostname", r->hostname, 1);
		sprintf(number, "%lu", r->lease);
		setenv("lease", number, 1);
	}
	execl(c->script, c->script, event, (char *)NULL);
	say("%s: %s", c->script, strerror(errno));
	_exit(127);
}

static int write_resolv(int out, void *data)
{
	const struct reply *r = data;
	FILE *f = fdopen(dup(out), "w");

	if (f == NULL)
		return 1;
	fprintf(f, "# written by udhcpc\n");
	if (r->domain[0])
		fprintf(f, "search %s\n", r->domain);
	for (int i = 0; i < r->n_dns; i++)
		fprintf(f, "nameserver %s\n", ipv4_text(r->dns[i]));
	return fclose(f) != 0;
}

static void write_resolv_conf(const struct reply *r)
{
	const char *path = getenv("RESOLV_CONF");
	struct stat like = { 0 };

	if (r->n_dns == 0 && r->domain[0] == '\0')
		return;
	if (path == NULL || *path == '\0')
		path = "/etc/resolv.conf";
	like.st_mode = 0644;
	clock_gettime(CLOCK_REALTIME, &like.st_mtim);
	like.st_atim = like.st_mtim;
	write_new_file(path, &like, write_resolv, (void *)r);
}

/* The server's name for us, if our name is still the one /etc/hostname gave. */
static void maybe_set_hostname(const char *name)
{
	char now[256] = "", *boot = read_file("/etc/hostname", NULL);

	gethostname(now, sizeof now - 1);
	if (boot)
		boot[strcspn(boot, " \t\n")] = '\0';
	if (!strcmp(now, "(none)") || !strcmp(now, "") || (boot && !strcmp(now, boot))) {
		if (sethostname(name, strlen(name)) < 0)
			say("sethostname: %s", strerror(errno));
	}
	free(boot);
}

static void set_default_route(struct client *c, struct in_addr router)
{
	struct route4 r = { { 0 }, { 0 }, router, c->iface, 0 };
	struct route4 none = { { 0 }, { 0 }, { 0 }, c->iface, 0 };

	/* Old default routes through this interface go first (at most a few). */
	for (int i = 0; i < 8 && route4_change(0, &none) == 0; i++)
		continue;
	if (route4_change(1, &r) == 0)
		return;
	if (errno == ENETUNREACH) {
		/* A router outside the subnet: reach it through the interface first. */
		struct route4 host = { router, { 0xffffffffu }, { 0 }, c->iface, 0 };
		route4_change(1, &host);
		if (route4_change(1, &r) == 0)
			return;
	}
	say("adding the default route via %s: %s", ipv4_text(router), strerror(errno));
}

/* Configure the interface from the lease ourselves (no -s script). */
static void configure(struct client *c, const struct reply *old)
{
	const struct reply *r = &c->lease;
	struct in_addr mask = r->have_subnet ? r->subnet : prefix_to_netmask(24), brd;

	if (if_set_ipv4(c->iface, SIOCSIFADDR, r->addr) < 0
	    || if_set_ipv4(c->iface, SIOCSIFNETMASK, mask) < 0)
		say("setting the address %s: %s", ipv4_text(r->addr), strerror(errno));
	brd.s_addr = r->have_broadcast ? r->broadcast.s_addr : (r->addr.s_addr | ~mask.s_addr);
	if_set_ipv4(c->iface, SIOCSIFBRDADDR, brd);
	if_change_flags(c->iface, IFF_UP, 0);
	if (r->n_routers && (old->addr.s_addr != r->addr.s_addr || old->n_routers == 0
			     || old->routers[0].s_addr != r->routers[0].s_addr))
		set_default_route(c, r->routers[0]);
	write_resolv_conf(r);
	if (r->hostname[0])
		maybe_set_hostname(r->hostname);
}

static void deconfigure(struct client *c)
{
	struct in_addr zero = { 0 };

	if (c->script) {
		run_script(c, "deconfig");
		return;
	}
	if (c->lease.addr.s_addr)
		if_set_ipv4(c->iface, SIOCSIFADDR, zero);
	if_change_flags(c->iface, IFF_UP, 0);
}

/* Take the ACK r as our lease (event "bound" or "renew"). */
static void take_lease(struct client *c, const struct reply *r, const char *event)
{
	struct reply old = c->lease;

	c->lease = *r;
	if (c->lease.lease < 10)
		c->lease.lease = 10;	/* a zero lease would have us ask again at once, forever */
	c->lease_start = monotonic_nanoseconds();
	say("lease of %s obtained from %s, lease time %lu", ipv4_text(r->addr), ipv4_text(r->server),
	    r->lease);
	if (c->script)
		run_script(c, event);
	else
		configure(c, &old);
}

static void release(struct client *c)
{
	struct in_addr zero = { 0 };

	if (c->lease.addr.s_addr == 0)
		return;
	say("releasing %s", ipv4_text(c->lease.addr));
	open_sockets(c);
	send_message(c, RELEASE, c->lease.addr, zero, c->lease.server, c->lease.server);
	close_sockets(c);
	deconfigure(c);
	c->lease.addr.s_addr = 0;
}

/* ---- the states ---- */

static uint32_t random_xid(void)
{
	uint32_t x = (uint32_t)monotonic_nanoseconds() ^ (uint32_t)getpid() << 16;
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		if (read(fd, &x, sizeof x) != sizeof x) {
			/* keep the clock's bits */
		}
		close(fd);
	}
	return x;
}

/* INIT, SELECTING, REQUESTING: 0 once bound, -1 when the tries are over or a
 * signal came. */
static int obtain_lease(struct client *c)
{
	struct in_addr zero = { 0 }, broadcast = { 0xffffffffu };
	struct reply offer, answer;

	open_sockets(c);
	for (int attempt = 0; attempt < c->retries && !got_term; attempt++) {
		c->xid = random_xid();
		say("sending discover");
		send_message(c, DISCOVER, zero, c->requested, zero, broadcast);
		if (wait_reply(c, 1u << OFFER, c->reply_wait, &offer) != GOT_REPLY)
			continue;
		say("sending select for %s", ipv4_text(offer.addr));
		send_message(c, REQUEST, zero, offer.addr, offer.server, broadcast);
		if (wait_reply(c, 1u << ACK | 1u << NAK, c->reply_wait, &answer) != GOT_REPLY)
			continue;
		if (answer.type == NAK) {
			say("received DHCP NAK");
			if (c->script)
				run_script(c, "nak");
			continue;
		}
		close_sockets(c);
		take_lease(c, &answer, "bound");
		return 0;
	}
	close_sockets(c);
	return -1;
}

/* One REQUEST with our address, unicast (renewing) or broadcast (rebinding), and
 * its answer within wait. 1: renewed; 0: no answer; -1: NAK (the lease is gone). */
static int renew_once(struct client *c, int rebinding, long long wait)
{
	struct in_addr zero = { 0 }, broadcast = { 0xffffffffu };
	struct reply answer;
	int got;

	open_sockets(c);
	c->xid = random_xid();
	say("sending renew to %s", rebinding ? "255.255.255.255" : ipv4_text(c->lease.server));
	send_message(c, REQUEST, c->lease.addr, zero, zero, rebinding ? broadcast : c->lease.server);
	got = wait_reply(c, 1u << ACK | 1u << NAK, wait, &answer);
	close_sockets(c);
	if (got != GOT_REPLY)
		return 0;
	if (answer.type == NAK) {
		say("received DHCP NAK");
		return -1;
	}
	take_lease(c, &answer, "renew");
	return 1;
}

/* Sleep until the monotonic time until, or a signal. */
static void sleep_until(long long until)
{
	long long left = until - monotonic_nanoseconds();

	while (left > 0 && !got_term && !got_renew && !got_release) {
		struct timespec ts = { left / NANOSECONDS_PER_SECOND, left % NANOSECONDS_PER_SECOND };
		if (ts.tv_sec > 3600)
			ts.tv_sec = 3600;
		nanosleep(&ts, NULL);
		left = until - monotonic_nanoseconds();
	}
}

static long long seconds(unsigned long s)
{
	return (long long)s * NANOSECONDS_PER_SECOND;
}

/* BOUND, RENEWING, REBINDING: returns when the lease is lost, released or we are told to end. */
static void keep_lease(struct client *c)
{
	while (!got_term && !got_release && c->lease.addr.s_addr) {
		const struct reply *r = &c->lease;
		long long now = monotonic_nanoseconds();
		long long end = c->lease_start + seconds(r->lease);
		long long t1 = c->lease_start + (r->t1 ? seconds(r->t1) : seconds(r->lease) / 2);
		long long t2 = c->lease_start + (r->t2 ? seconds(r->t2) : seconds(r->lease) / 8 * 7);
		long long until, wait;
		int rebinding = now >= t2, result;

		if (got_renew) {
			got_renew = 0;
			t1 = now;	/* renew now */
		}
		if (now < t1) {
			sleep_until(t1);
			continue;
		}
		if (now >= end) {
			say("lease lost, entering init state");
			deconfigure(c);
			c->lease.addr.s_addr = 0;
			return;
		}
		/* RFC 2131 4.4.5: wait half the time left, but no less than a minute. */
		until = rebinding ? end : t2;
		wait = (until - now) / 2;
		if (wait < seconds(60))
			wait = until - now < seconds(60) ? until - now : seconds(60);
		result = renew_once(c, rebinding, wait);
		if (result < 0) {
			deconfigure(c);
			c->lease.addr.s_addr = 0;
			return;
		}
	}
}

/* ---- the process ---- */

static void write_pidfile(struct client *c)
{
	FILE *f;

	if (c->pidfile == NULL)
		return;
	f = fopen(c->pidfile, "w");
	if (f == NULL) {
		say("%s: %s", c->pidfile, strerror(errno));
		return;
	}
	fprintf(f, "%d\n", (int)getpid());
	fclose(f);
}

static void go_to_background(struct client *c)
{
	if (c->in_background || c->foreground)
		return;
	if (become_daemon(1) < 0) {
		say("fork: %s", strerror(errno));
		return;
	}
	c->in_background = 1;
	write_pidfile(c);
}

static void finish(struct client *c, int status)
{
	if (c->release_on_exit)
		release(c);
	if (c->pidfile)
		unlink(c->pidfile);
	exit(status);
}

static long long seconds_option(const char *text, long long low, long long high)
{
	long long n;

	if (parse_long(text, &n) < 0 || n < low || n > high)
		die("%s: bad number", text);
	return n;
}

static void parse_x_option(struct client *c, const char *text)
{
	if (!starts_with(text, "hostname:") || text[9] == '\0' || strlen(text + 9) > 63)
		die("-x %s: only hostname:NAME is known", text);
	c->send_hostname = text + 9;
}

static void parse_options_into(struct client *c, int argc, char **argv)
{
	struct options o;
	int opt;

	options_start(&o, argc, argv, "i:fbnqRSs:p:r:x:t:T:A:", usage);
	while ((opt = options_next(&o)) != -1) {
		switch (opt) {
		case 'i': c->iface = o.arg; break;
		case 'f': c->foreground = 1; break;
		case 'b': c->background_if_none = 1; break;
		case 'n': c->exit_if_none = 1; break;
		case 'q': c->quit_after_lease = 1; break;
		case 'R': c->release_on_exit = 1; break;
		case 'S': use_syslog = 1; break;
		case 's': c->script = o.arg; break;
		case 'p': c->pidfile = o.arg; break;
		case 'x': parse_x_option(c, o.arg); break;
		case 't': c->retries = (int)seconds_option(o.arg, 1, 1000); break;
		case 'T': c->reply_wait = seconds(seconds_option(o.arg, 1, 3600)); break;
		case 'A': c->retry_pause = seconds(seconds_option(o.arg, 0, 86400)); break;
		case 'r':
			if (parse_ipv4(o.arg, &c->requested) < 0)
				die("%s: bad address", o.arg);
			break;
		}
	}
	if (o.index != argc)
		usage_error(usage, "unexpected operand '%s'", argv[o.index]);
}

static void catch_signals(void)
{
	struct sigaction sa = { 0 };

	sa.sa_handler = on_signal;	/* no SA_RESTART: a signal ends a poll or a sleep */
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

int udhcpc_main(int argc, char **argv)
{
	struct client *c = xzalloc(sizeof *c);

	wait_for_drivers();
	c->iface = "eth0";
	c->retries = 3;
	c->reply_wait = seconds(3);
	c->retry_pause = seconds(20);
	c->packet_fd = c->udp_fd = -1;
	parse_options_into(c, argc, argv);
	c->ifindex = if_index_or_warn(c->iface);
	if (c->ifindex == 0)
		return 1;
	if (if_get_hwaddr(c->iface, c->mac) != 1)	/* ARPHRD_ETHER */
		die("%s: not an Ethernet interface", c->iface);
	catch_signals();
	write_pidfile(c);
	say("started, %s", c->iface);
	/* Up first, script or not: nothing can be sent through a link that is down. */
	if (if_change_flags(c->iface, IFF_UP, 0) < 0)
		die("%s:", c->iface);
	deconfigure(c);
	while (!got_term) {
		if (got_release) {
			got_release = 0;
			release(c);
			say("entering released state");
			sleep_until(monotonic_nanoseconds() + seconds(86400 * 365));
			got_renew = 0;
			continue;
		}
		got_renew = 0;
		if (obtain_lease(c) == 0) {
			if (c->quit_after_lease)
				finish(c, 0);
			go_to_background(c);
			keep_lease(c);
			continue;
		}
		if (got_term || got_release || got_renew)
			continue;
		if (c->exit_if_none)
			say("no lease, failing");
		else if (c->background_if_none && !c->in_background && !c->foreground)
			say("no lease, forking to background");
		else
			say("no lease, trying again in %lld seconds", c->retry_pause / NANOSECONDS_PER_SECOND);
		if (c->script)
			run_script(c, "leasefail");
		if (c->exit_if_none)
			finish(c, 1);
		if (c->background_if_none)
			go_to_background(c);
		sleep_until(monotonic_nanoseconds() + c->retry_pause);
	}
	say("exiting");
	finish(c, 0);
	return 0;
}
