/* net.c: addresses, connecting, interface and route ioctls, rtnetlink (see net.h). */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <net/route.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include "mini.h"
#include "net.h"

/* ---- addresses ---- */

int parse_ipv4(const char *s, struct in_addr *out)
{
	unsigned parts[4];
	int used = 0;

	/* inet_aton would take "1", "1.2" and "0x7f.1" too: too much for a typo to hit. */
	if (sscanf(s, "%3u.%3u.%3u.%3u%n", &parts[0], &parts[1], &parts[2], &parts[3], &used) != 4
	    || s[used] != '\0' || s[0] < '0' || s[0] > '9')
		return -1;
	for (int i = 0; i < 4; i++)
		if (parts[i] > 255)
			return -1;
	out->s_addr = htonl(parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3]);
	return 0;
}

int parse_ipv4_prefix(const char *s, struct in_addr *addr, int *prefix_len)
{
	const char *slash = strchr(s, '/');
	char head[16];
	long long n;

	*prefix_len = 32;
	if (slash == NULL)
		return parse_ipv4(s, addr);
	if (slash - s >= (long)sizeof head || parse_long(slash + 1, &n) < 0 || n < 0 || n > 32
	    || slash[1] == '+' || slash[1] == '-')
		return -1;
	memcpy(head, s, slash - s);
	head[slash - s] = '\0';
	*prefix_len = (int)n;
	return parse_ipv4(head, addr);
}

struct in_addr prefix_to_netmask(int prefix_len)
{
	struct in_addr mask;

	mask.s_addr = prefix_len <= 0 ? 0 : htonl(0xffffffffu << (32 - prefix_len));
	return mask;
}

int netmask_to_prefix(struct in_addr mask)
{
	unsigned long m = ntohl(mask.s_addr);
	int len = 0;

	while (m & 0x80000000u) {
		len++;
		m = (m << 1) & 0xffffffffu;
	}
	return m ? -1 : len;
}

int parse_mac(const char *s, unsigned char mac[6])
{
	unsigned b[6];
	int used = 0;

	if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%n", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &used) != 6
	    || s[used] != '\0')
		return -1;
	for (int i = 0; i < 6; i++)
		mac[i] = b[i];
	return 0;
}

const char *ipv4_text(struct in_addr a)
{
	static char buffers[4][INET_ADDRSTRLEN];
	static int next;
	char *buf = buffers[next++ & 3];

	return inet_ntop(AF_INET, &a, buf, INET_ADDRSTRLEN);
}

/* ---- connecting ---- */

int wait_ready(int fd, short events, int timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = events };
	int n;

	while ((n = poll(&p, 1, timeout_ms)) < 0 && errno == EINTR)
		;
	if (n == 0)
		errno = ETIMEDOUT;
	return n > 0 ? 0 : -1;
}

int connect_within(int fd, const struct sockaddr *addr, socklen_t len, int timeout_ms)
{
	int err = 0;
	socklen_t err_len = sizeof err;

	/* Non-blocking, so that the wait is ours: poll says when the handshake is done,
	 * and SO_ERROR how it went. */
	fcntl(fd, F_SETFL, O_NONBLOCK);
	if (connect(fd, addr, len) < 0) {
		if (errno != EINPROGRESS || wait_ready(fd, POLLOUT, timeout_ms) < 0)
			err = errno;
		else if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &err_len) < 0)
			err = errno;
	}
	fcntl(fd, F_SETFL, 0);
	errno = err;
	return err ? -1 : 0;
}

int connect_address(const struct addrinfo *a, int timeout_ms)
{
	int fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol), saved;

	if (fd < 0 || connect_within(fd, a->ai_addr, a->ai_addrlen, timeout_ms) == 0)
		return fd;
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

struct addrinfo *resolve_tcp(const char *host, const char *port)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *list;
	int err = getaddrinfo(host, port, &hints, &list);

	if (err) {
		warn("%s: %s", host, gai_strerror(err));
		return NULL;
	}
	return list;
}

int connect_host(const char *host, const char *port, int timeout_ms)
{
	struct addrinfo *list = resolve_tcp(host, port), *a;
	int fd = -1;

	if (list == NULL)
		return -1;
	for (a = list; a && fd < 0; a = a->ai_next)
		fd = connect_address(a, timeout_ms);
	if (fd < 0)
		warn("can't connect to %s port %s:", host, port);
	freeaddrinfo(list);
	return fd;
}

int tcp_listen(struct in_addr addr, int port, int backlog)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr = addr, .sin_port = htons(port) };
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;

	if (fd < 0)
		die("socket:");
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0)
		die("bind port %d:", port);
	if (listen(fd, backlog) < 0)
		die("listen:");
	return fd;
}

/* ---- interfaces ---- */

int net_ioctl_socket(void)
{
	static int fd = -1;

	if (fd < 0) {
		fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
		if (fd < 0)
			die("socket:");
	}
	return fd;
}

/* An ifreq naming ifname; a name too long for the kernel is refused here. */
static int ifreq_for(struct ifreq *ifr, const char *ifname)
{
	memset(ifr, 0, sizeof *ifr);
	if (strlen(ifname) >= IFNAMSIZ) {
		errno = ENODEV;
		return -1;
	}
	strcpy(ifr->ifr_name, ifname);
	return 0;
}

int if_get_flags(const char *ifname)
{
	struct ifreq ifr;

	if (ifreq_for(&ifr, ifname) < 0 || ioctl(net_ioctl_socket(), SIOCGIFFLAGS, &ifr) < 0)
		return -1;
	return ifr.ifr_flags & 0xffff;
}

int if_change_flags(const char *ifname, int set, int clear)
{
	struct ifreq ifr;
	int flags = if_get_flags(ifname);

	if (flags < 0 || ifreq_for(&ifr, ifname) < 0)
		return -1;
	ifr.ifr_flags = (flags | set) & ~clear;
	return ioctl(net_ioctl_socket(), SIOCSIFFLAGS, &ifr);
}

int if_set_ipv4(const char *ifname, unsigned long request, struct in_addr a)
{
	struct ifreq ifr;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;

	if (ifreq_for(&ifr, ifname) < 0)
		return -1;
	sin->sin_family = AF_INET;
	sin->sin_addr = a;
	return ioctl(net_ioctl_socket(), request, &ifr);
}

int if_get_ipv4(const char *ifname, unsigned long request, struct in_addr *a)
{
	struct ifreq ifr;

	if (ifreq_for(&ifr, ifname) < 0 || ioctl(net_ioctl_socket(), request, &ifr) < 0)
		return -1;
	*a = ((struct sockaddr_in *)&ifr.ifr_addr)->sin_addr;
	return 0;
}

int if_get_hwaddr(const char *ifname, unsigned char mac[6])
{
	struct ifreq ifr;

	if (ifreq_for(&ifr, ifname) < 0 || ioctl(net_ioctl_socket(), SIOCGIFHWADDR, &ifr) < 0)
		return -1;
	memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
	return ifr.ifr_hwaddr.sa_family;
}

int if_index_or_warn(const char *ifname)
{
	int index = strlen(ifname) < IFNAMSIZ ? (int)if_nametoindex(ifname) : 0;

	if (index == 0)
		warn("%s: no such interface", ifname);
	return index;
}

/* ---- routes ---- */

static void put_ipv4(struct sockaddr *sa, struct in_addr a)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)sa;

	sin->sin_family = AF_INET;
	sin->sin_addr = a;
}

int route4_change(int add, const struct route4 *r)
{
	struct rtentry rt;
	char dev[IFNAMSIZ];

	memset(&rt, 0, sizeof rt);
	put_ipv4(&rt.rt_dst, r->dst);
	put_ipv4(&rt.rt_genmask, r->mask);
	put_ipv4(&rt.rt_gateway, r->gateway);
	rt.rt_flags = RTF_UP;
	if (r->gateway.s_addr)
		rt.rt_flags |= RTF_GATEWAY;
	if (r->mask.s_addr == 0xffffffffu)
		rt.rt_flags |= RTF_HOST;
	/* The ioctl's metric is one more than the one shown (0 means "the default"). */
	rt.rt_metric = r->metric + 1;
	if (r->dev) {
		if (strlen(r->dev) >= IFNAMSIZ) {
			errno = ENODEV;
			return -1;
		}
		strcpy(dev, r->dev);
		rt.rt_dev = dev;
	}
	return ioctl(net_ioctl_socket(), add ? SIOCADDRT : SIOCDELRT, &rt);
}

/* The letters route prints for a route's flags. */
static void route_flag_letters(unsigned flags, char *out)
{
	static const struct { unsigned bit; char letter; } letters[] = {
		{ RTF_UP, 'U' }, { RTF_GATEWAY, 'G' }, { RTF_HOST, 'H' }, { RTF_REINSTATE, 'R' },
		{ RTF_DYNAMIC, 'D' }, { RTF_MODIFIED, 'M' }, { RTF_REJECT, '!' },
	};

	for (size_t i = 0; i < sizeof letters / sizeof letters[0]; i++)
		if (flags & letters[i].bit)
			*out++ = letters[i].letter;
	*out = '\0';
}

int print_route_table(void)
{
	FILE *f = fopen("/proc/net/route", "r");
	char line[256], iface[IFNAMSIZ + 1], flag_text[8];
	unsigned long dst, gw, mask;
	unsigned flags;
	int refcnt, use, metric;

	if (f == NULL) {
		warn("/proc/net/route:");
		return 1;
	}
	printf("Kernel IP routing table\n"
	       "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n");
	if (fgets(line, sizeof line, f) == NULL) {	/* the file's own heading */
		fclose(f);
		return 0;
	}
	while (fgets(line, sizeof line, f)) {
		struct in_addr d, g, m;
		/* Addresses are hexadecimal words in the kernel's (host) byte order. */
		if (sscanf(line, "%16s %lx %lx %x %d %d %d %lx", iface, &dst, &gw, &flags, &refcnt,
			   &use, &metric, &mask) != 8)
			continue;
		if (!(flags & RTF_UP))
			continue;
		d.s_addr = dst;
		g.s_addr = gw;
		m.s_addr = mask;
		route_flag_letters(flags, flag_text);
		printf("%-15s %-15s %-16s%-6s%-6d %-2d %7d %s\n", ipv4_text(d), ipv4_text(g),
		       ipv4_text(m), flag_text, metric, refcnt, use, iface);
	}
	fclose(f);
	return 0;
}

/* ---- rtnetlink ---- */

int rtnl_open(void)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);

	if (fd < 0)
		die("netlink socket:");
	return fd;
}

void rtnl_add_attr(struct nlmsghdr *n, size_t size, int type, const void *data, int len)
{
	struct rtattr *rta;

	if (NLMSG_ALIGN(n->nlmsg_len) + RTA_SPACE(len) > size)
		die("netlink message too long");
	rta = (struct rtattr *)((char *)n + NLMSG_ALIGN(n->nlmsg_len));
	rta->rta_type = type;
	rta->rta_len = RTA_LENGTH(len);
	memcpy(RTA_DATA(rta), data, len);
	n->nlmsg_len = NLMSG_ALIGN(n->nlmsg_len) + RTA_SPACE(len);
}

static unsigned rtnl_sequence;

int rtnl_request(int fd, struct nlmsghdr *n)
{
	char reply[1024];
	ssize_t got;

	n->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
	n->nlmsg_seq = ++rtnl_sequence;
	if (send(fd, n, n->nlmsg_len, 0) < 0)
		return -1;
	for (;;) {
		got = recv(fd, reply, sizeof reply, 0);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (struct nlmsghdr *h = (struct nlmsghdr *)reply; NLMSG_OK(h, (size_t)got);
		     h = NLMSG_NEXT(h, got)) {
			if (h->nlmsg_seq != rtnl_sequence || h->nlmsg_type != NLMSG_ERROR)
				continue;
			int error = ((struct nlmsgerr *)NLMSG_DATA(h))->error;
			if (error == 0)
				return 0;
			errno = -error;
			return -1;
		}
	}
}

int rtnl_dump(int fd, int type, int family, int (*each)(struct nlmsghdr *n, void *ctx), void *ctx)
{
	struct {
		struct nlmsghdr n;
		struct rtgenmsg g;
	} req;
	/* Big enough for a page of dump messages, which is what the kernel sends at most. */
	static char buf[16384];
	ssize_t got;

	memset(&req, 0, sizeof req);
	req.n.nlmsg_len = sizeof req;
	req.n.nlmsg_type = type;
	req.n.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.n.nlmsg_seq = ++rtnl_sequence;
	req.g.rtgen_family = family;
	if (send(fd, &req, sizeof req, 0) < 0)
		return -1;
	for (;;) {
		got = recv(fd, buf, sizeof buf, 0);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (got == 0)
			return 0;
		for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)got);
		     h = NLMSG_NEXT(h, got)) {
			if (h->nlmsg_seq != rtnl_sequence)
				continue;
			if (h->nlmsg_type == NLMSG_DONE)
				return 0;
			if (h->nlmsg_type == NLMSG_ERROR) {
				errno = -((struct nlmsgerr *)NLMSG_DATA(h))->error;
				return -1;
			}
			if (each(h, ctx) != 0)
				return 0;
		}
	}
}

void rtnl_parse_attrs(struct rtattr **table, int max, struct rtattr *rta, int len)
{
	memset(table, 0, sizeof *table * (max + 1));
	for (; RTA_OK(rta, len); rta = RTA_NEXT(rta, len))
		if (rta->rta_type <= max)
			table[rta->rta_type] = rta;
}
