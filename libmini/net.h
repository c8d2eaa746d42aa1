/*
 * net.h: what the network commands share (ifconfig, route, ip, udhcpc, netstat,
 * arp, ping, wget, nc...): parsing addresses and netmasks, connecting with a
 * timeout, the classic interface and route ioctls, the kernel's routing table as `route -n` prints it, and rtnetlink
 * (NETLINK_ROUTE) requests for `ip`.
 *
 * Addresses are kept as struct in_addr (network byte order), as the kernel has them.
 */
#ifndef NET_H
#define NET_H

#include <netinet/in.h>
#include <sys/socket.h>
#include <linux/netlink.h>

/* ---- addresses ---- */

/* A dotted quad "192.0.2.1" (nothing else: no short forms). Returns 0 or -1. */
int parse_ipv4(const char *s, struct in_addr *out);
/* "A.B.C.D/N" or "A.B.C.D" (prefix_len then 32). Returns 0 or -1. */
int parse_ipv4_prefix(const char *s, struct in_addr *addr, int *prefix_len);
/* The netmask of a prefix length 0..32, and back (-1 for a mask with holes). */
struct in_addr prefix_to_netmask(int prefix_len);
int netmask_to_prefix(struct in_addr mask);
/* "52:54:00:12:34:56" into 6 bytes. Returns 0 or -1. */
int parse_mac(const char *s, unsigned char mac[6]);
/* An address as text, in a static buffer (one per call site is not needed:
 * the buffer is one of four, so up to four may be used in one printf). */
const char *ipv4_text(struct in_addr a);

/* ---- connecting (wget, nc, telnet, rdate) ---- */

struct addrinfo;
/* Wait until fd is ready for events (POLLIN, POLLOUT), at most timeout_ms (-1: no
 * limit). Returns 0, or -1 with errno set (ETIMEDOUT when the time ran out). */
int wait_ready(int fd, short events, int timeout_ms);
/* Connect the socket fd to addr, waiting at most timeout_ms (-1: as long as the
 * kernel tries). Returns 0, or -1 with errno set (ETIMEDOUT when the wait ran out).
 * fd is left blocking. */
int connect_within(int fd, const struct sockaddr *addr, socklen_t len, int timeout_ms);
/* A new socket of a's family, type and protocol, connected to a by connect_within.
 * Returns it, or -1 with errno set. */
int connect_address(const struct addrinfo *a, int timeout_ms);
/* The TCP addresses of host (a name or an address) and port (a number or a service
 * name), for freeaddrinfo; NULL after saying "HOST: why" (the resolver's words). */
struct addrinfo *resolve_tcp(const char *host, const char *port);
/* Connect over TCP to host:port, trying each of its addresses for timeout_ms.
 * Returns the socket, or -1 after saying why ("can't connect to HOST port PORT: why"). */
int connect_host(const char *host, const char *port, int timeout_ms);

/* A TCP socket listening on addr:port (INADDR_ANY: every address), backlog
 * connections waiting at most, SO_REUSEADDR set. Dies when it cannot be made. */
int tcp_listen(struct in_addr addr, int port, int backlog);

/* ---- interfaces, through ioctls on an AF_INET datagram socket ---- */

/* The socket the interface ioctls go through (opened once; dies if it cannot be). */
int net_ioctl_socket(void);
/* The interface's flags (IFF_UP...), or -1 with errno set. */
int if_get_flags(const char *ifname);
/* Set the flags in set and clear those in clear. Returns 0 or -1 (errno set). */
int if_change_flags(const char *ifname, int set, int clear);
/* SIOCSIFADDR, SIOCSIFNETMASK, SIOCSIFBRDADDR... with an IPv4 address. 0 or -1. */
int if_set_ipv4(const char *ifname, unsigned long request, struct in_addr a);
/* SIOCGIFADDR, SIOCGIFNETMASK... : the address, or -1 (e.g. EADDRNOTAVAIL: none). */
int if_get_ipv4(const char *ifname, unsigned long request, struct in_addr *a);
/* The hardware address (SIOCGIFHWADDR): its ARPHRD_ type, or -1. */
int if_get_hwaddr(const char *ifname, unsigned char mac[6]);
/* The interface's index (if_nametoindex), or 0 with a message said. */
int if_index_or_warn(const char *ifname);

/* ---- routes (IPv4, SIOCADDRT / SIOCDELRT) ---- */

struct route4 {
	struct in_addr dst, mask, gateway;	/* gateway 0: none */
	const char *dev;			/* NULL: the kernel picks */
	int metric;
};
/* Add (add != 0) or delete a route. Returns 0 or -1 (errno set). */
int route4_change(int add, const struct route4 *r);
/* Print /proc/net/route as `route -n` does (route, netstat -r). Returns 0 or 1. */
int print_route_table(void);

/* ---- rtnetlink ---- */

/* A NETLINK_ROUTE socket (dies if none can be opened). */
int rtnl_open(void);
/* Append the attribute type with len bytes of data to the message in buf (room:
 * size bytes). Dies when it does not fit: the callers' buffers are sized for them. */
void rtnl_add_attr(struct nlmsghdr *n, size_t size, int type, const void *data, int len);
/* Send the request n (NLM_F_ACK is added) and wait for the kernel's answer.
 * Returns 0, or -1 with errno set to the kernel's error. */
int rtnl_request(int fd, struct nlmsghdr *n);
/* Dump every object of a kind (RTM_GETLINK, RTM_GETADDR, RTM_GETROUTE,
 * RTM_GETNEIGH) for family: each message goes to each(), which returns 0 to go on.
 * Returns 0, or -1 with errno set. */
int rtnl_dump(int fd, int type, int family, int (*each)(struct nlmsghdr *n, void *ctx), void *ctx);
/* Split the attributes starting at rta (len bytes) into table[0..max]. */
struct rtattr;
void rtnl_parse_attrs(struct rtattr **table, int max, struct rtattr *rta, int len);

#endif
