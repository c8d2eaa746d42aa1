/*
 * ip: show and change addresses, links, routes and neighbours, as iproute2's ip
 * does (its output format, its abbreviations: `ip a`, `ip r`, `ip l`, `ip n`).
 * Everything goes through rtnetlink (NETLINK_ROUTE, rtnetlink(7)); setting a link
 * up, down, its MTU, name or hardware address uses the interface ioctls.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <sys/ioctl.h>
#include <linux/if_addr.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include "mini.h"
#include "net.h"
#include "module.h"

static const char usage[] =
	"Usage: ip [-4|-6] OBJECT COMMAND [ARGS]\n"
	"  ip addr [show [dev] IFACE]\n"
	"  ip addr add|del ADDRESS[/PREFIX] [brd ADDRESS|+] [peer ADDRESS] [label NAME] dev IFACE\n"
	"  ip addr flush [dev] IFACE\n"
	"  ip link [show [dev] IFACE]\n"
	"  ip link set [dev] IFACE [up|down] [mtu N] [name NEW] [address MAC] [arp on|off]\n"
	"              [promisc on|off]\n"
	"  ip route [show]\n"
	"  ip route add|del|replace PREFIX|default [via ADDRESS] [dev IFACE] [metric N]\n"
	"              [src ADDRESS] [scope host|link|global]\n"
	"  ip neigh [show [dev IFACE] [nud STATE|all]]\n"
	"  ip neigh flush [dev IFACE | all]\n"
	"  ip neigh add|replace|change ADDRESS [lladdr MAC] dev IFACE [nud STATE]\n"
	"  ip neigh del ADDRESS dev IFACE\n"
	"              STATE: permanent (the default for add), reachable, stale, noarp\n"
	"Objects and commands may be abbreviated: ip a, ip r, ip l s, ip n.\n";

/* From linux/if.h, which clashes with net/if.h. */
#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#define IFF_DORMANT 0x20000
#endif

static int family = AF_UNSPEC;	/* -4, -6 */
static int rtnl;

/* word is a non-empty abbreviation of full. */
static int matches(const char *word, const char *full)
{
	size_t n = strlen(word);

	return n > 0 && strncmp(word, full, n) == 0;
}

static void bad_argument(const char *what, const char *word)
{
	fprintf(stderr, "%s: %s \"%s\"\n", program_name, what, word);
	exit(1);
}

static void need_value(char **words)
{
	if (words[1] == NULL)
		bad_argument("missing a value after", words[0]);
}

/* ---- addresses of either family ---- */

struct address {
	int family, bytes, prefix_len;
	unsigned char data[16];
};

/* "A.B.C.D[/N]" or an IPv6 address: 0, or -1. */
static int parse_address(const char *text, struct address *a)
{
	char head[64];
	const char *slash = strchr(text, '/');
	size_t len = slash ? (size_t)(slash - text) : strlen(text);
	long long n;

	if (len >= sizeof head)
		return -1;
	memcpy(head, text, len);
	head[len] = '\0';
	memset(a, 0, sizeof *a);
	if (inet_pton(AF_INET, head, a->data) == 1) {
		a->family = AF_INET;
		a->bytes = 4;
	} else if (inet_pton(AF_INET6, head, a->data) == 1) {
		a->family = AF_INET6;
		a->bytes = 16;
	} else {
		return -1;
	}
	a->prefix_len = a->bytes * 8;
	if (slash) {
		if (parse_long(slash + 1, &n) < 0 || n < 0 || n > a->bytes * 8 || !slash[1]
		    || slash[1] == '+' || slash[1] == '-')
			return -1;
		a->prefix_len = (int)n;
	}
	return 0;
}

static void parse_address_or_die(const char *text, struct address *a)
{
	if (parse_address(text, a) < 0)
		bad_argument("invalid address", text);
	if (family != AF_UNSPEC && a->family != family)
		bad_argument("address of the wrong family", text);
}

static const char *address_text(int af, const void *data)
{
	static char text[2][INET6_ADDRSTRLEN];
	static int next;
	char *buf = text[next++ & 1];

	return inet_ntop(af, data, buf, INET6_ADDRSTRLEN) ? buf : "?";
}

/* ---- the links, read once ---- */

struct link {
	int index, type, flags, mtu, operstate, txqlen, hw_len;
	char name[IFNAMSIZ], qdisc[32];
	unsigned char hw[32], brd[32];
};

static struct link *links;
static int n_links;

static int take_link(struct nlmsghdr *n, void *ctx)
{
	struct ifinfomsg *ifi = NLMSG_DATA(n);
	struct rtattr *tb[IFLA_MAX + 1];
	struct link *l;

	(void)ctx;
	if (n->nlmsg_type != RTM_NEWLINK)
		return 0;
	rtnl_parse_attrs(tb, IFLA_MAX, IFLA_RTA(ifi), IFLA_PAYLOAD(n));
	if (tb[IFLA_IFNAME] == NULL)
		return 0;
	links = xrealloc(links, (n_links + 1) * sizeof *links);
	l = memset(&links[n_links++], 0, sizeof *l);
	l->index = ifi->ifi_index;
	l->type = ifi->ifi_type;
	l->flags = ifi->ifi_flags;
	snprintf(l->name, sizeof l->name, "%s", (char *)RTA_DATA(tb[IFLA_IFNAME]));
	if (tb[IFLA_MTU])
		l->mtu = *(int *)RTA_DATA(tb[IFLA_MTU]);
	if (tb[IFLA_TXQLEN])
		l->txqlen = *(int *)RTA_DATA(tb[IFLA_TXQLEN]);
	if (tb[IFLA_OPERSTATE])
		l->operstate = *(unsigned char *)RTA_DATA(tb[IFLA_OPERSTATE]);
	if (tb[IFLA_QDISC])
		snprintf(l->qdisc, sizeof l->qdisc, "%s", (char *)RTA_DATA(tb[IFLA_QDISC]));
	if (tb[IFLA_ADDRESS] && RTA_PAYLOAD(tb[IFLA_ADDRESS]) <= sizeof l->hw) {
		l->hw_len = RTA_PAYLOAD(tb[IFLA_ADDRESS]);
		memcpy(l->hw, RTA_DATA(tb[IFLA_ADDRESS]), l->hw_len);
		if (tb[IFLA_BROADCAST] && (int)RTA_PAYLOAD(tb[IFLA_BROADCAST]) == l->hw_len)
			memcpy(l->brd, RTA_DATA(tb[IFLA_BROADCAST]), l->hw_len);
	}
	return 0;
}

static void load_links(void)
{
	if (links == NULL && rtnl_dump(rtnl, RTM_GETLINK, AF_PACKET, take_link, NULL) < 0)
		die("dumping the links:");
}

static const char *link_name(int index)
{
	static char unknown[16];

	load_links();
	for (int i = 0; i < n_links; i++)
		if (links[i].index == index)
			return links[i].name;
	snprintf(unknown, sizeof unknown, "if%d", index);
	return unknown;
}

static int link_index(const char *name)
{
	load_links();
	for (int i = 0; i < n_links; i++)
		if (!strcmp(links[i].name, name))
			return links[i].index;
	fprintf(stderr, "Cannot find device \"%s\"\n", name);
	exit(1);
}

/* ---- showing links ---- */

static void print_link_flags(int flags)
{
	static const struct { int bit; const char *name; } names[] = {
		{ IFF_LOOPBACK, "LOOPBACK" }, { IFF_BROADCAST, "BROADCAST" },
		{ IFF_POINTOPOINT, "POINTOPOINT" }, { IFF_MULTICAST, "MULTICAST" },
		{ IFF_NOARP, "NOARP" }, { IFF_ALLMULTI, "ALLMULTI" }, { IFF_PROMISC, "PROMISC" },
		{ IFF_MASTER, "MASTER" }, { IFF_SLAVE, "SLAVE" }, { IFF_DEBUG, "DEBUG" },
		{ IFF_DYNAMIC, "DYNAMIC" }, { IFF_NOTRAILERS, "NOTRAILERS" }, { IFF_UP, "UP" },
		{ IFF_LOWER_UP, "LOWER_UP" }, { IFF_DORMANT, "DORMANT" },
	};
	const char *sep = "";

	putchar('<');
	if ((flags & IFF_UP) && !(flags & IFF_RUNNING)) {
		printf("NO-CARRIER");
		sep = ",";
	}
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (flags & names[i].bit) {
			printf("%s%s", sep, names[i].name);
			sep = ",";
		}
	putchar('>');
}

static void print_hw(const unsigned char *hw, int len)
{
	for (int i = 0; i < len; i++)
		printf("%s%02x", i ? ":" : "", hw[i]);
}

static void print_link(const struct link *l)
{
	static const char *states[] = { "UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN",
					"TESTING", "DORMANT", "UP" };

	printf("%d: %s: ", l->index, l->name);
	print_link_flags(l->flags);
	printf(" mtu %d", l->mtu);
	if (l->qdisc[0])
		printf(" qdisc %s", l->qdisc);
	printf(" state %s qlen %d\n", l->operstate < 7 ? states[l->operstate] : "UNKNOWN", l->txqlen);
	if (l->type == ARPHRD_ETHER)
		printf("    link/ether ");
	else if (l->type == ARPHRD_LOOPBACK)
		printf("    link/loopback ");
	else if (l->hw_len == 0) {
		printf("    link/none\n");
		return;
	} else
		printf("    link/[%d] ", l->type);
	print_hw(l->hw, l->hw_len);
	printf(" brd ");
	print_hw(l->brd, l->hw_len);
	printf("\n");
}

/* ---- showing addresses ---- */

static const char *scope_name(int scope)
{
	static char number[8];

	switch (scope) {
	case RT_SCOPE_UNIVERSE: return "global";
	case RT_SCOPE_SITE: return "site";
	case RT_SCOPE_LINK: return "link";
	case RT_SCOPE_HOST: return "host";
	case RT_SCOPE_NOWHERE: return "nowhere";
	}
	snprintf(number, sizeof number, "%d", scope);
	return number;
}

static void print_lifetime(const char *what, unsigned seconds)
{
	if (seconds == 0xffffffffu)
		printf("%s forever", what);
	else
		printf("%s %usec", what, seconds);
}

struct addr_filter {
	int index;	/* 0: every link */
	int count;
};

static int print_addr(struct nlmsghdr *n, void *ctx)
{
	struct addr_filter *f = ctx;
	struct ifaddrmsg *ifa = NLMSG_DATA(n);
	struct rtattr *tb[IFA_MAX + 1];
	struct rtattr *local, *address;

	if (n->nlmsg_type != RTM_NEWADDR || (int)ifa->ifa_index != f->index)
		return 0;
	if (family != AF_UNSPEC && ifa->ifa_family != family)
		return 0;
	rtnl_parse_attrs(tb, IFA_MAX, IFA_RTA(ifa), IFA_PAYLOAD(n));
	local = tb[IFA_LOCAL] ? tb[IFA_LOCAL] : tb[IFA_ADDRESS];
	address = tb[IFA_ADDRESS];
	if (local == NULL)
		return 0;
	printf("    %s %s", ifa->ifa_family == AF_INET ? "inet" : "inet6",
	       address_text(ifa->ifa_family, RTA_DATA(local)));
	if (address && RTA_PAYLOAD(address) == RTA_PAYLOAD(local)
	    && memcmp(RTA_DATA(address), RTA_DATA(local), RTA_PAYLOAD(local)) != 0)
		printf(" peer %s", address_text(ifa->ifa_family, RTA_DATA(address)));
	printf("/%d", ifa->ifa_prefixlen);
	if (tb[IFA_BROADCAST])
		printf(" brd %s", address_text(ifa->ifa_family, RTA_DATA(tb[IFA_BROADCAST])));
	printf(" scope %s", scope_name(ifa->ifa_scope));
	if (ifa->ifa_flags & IFA_F_SECONDARY)
		printf(" secondary");
	if (!(ifa->ifa_flags & IFA_F_PERMANENT))
		printf(" dynamic");
	if (tb[IFA_LABEL])
		printf(" %s", (char *)RTA_DATA(tb[IFA_LABEL]));
	printf("\n       ");
	if (tb[IFA_CACHEINFO]) {
		struct ifa_cacheinfo *ci = RTA_DATA(tb[IFA_CACHEINFO]);
		print_lifetime("valid_lft", ci->ifa_valid);
		print_lifetime(" preferred_lft", ci->ifa_prefered);
	}
	printf("\n");
	f->count++;
	return 0;
}

/* "show [dev] IFACE" or nothing: the link named, or NULL for all. */
static const char *show_target(char **words)
{
	const char *name = NULL;

	if (*words && (matches(*words, "show") || matches(*words, "list")))
		words++;
	for (; *words; words++) {
		if (!strcmp(*words, "dev")) {
			need_value(words);
			words++;
		} else if (!strcmp(*words, "up") || !strcmp(*words, "scope") || !strcmp(*words, "label")) {
			bad_argument("not supported here", *words);
		}
		if (name)
			bad_argument("too many arguments, at", *words);
		name = *words;
	}
	if (name)
		link_index(name);
	return name;
}

static int show_links(char **words, int with_addresses)
{
	const char *only = show_target(words);

	load_links();
	for (int i = 0; i < n_links; i++) {
		struct addr_filter f = { links[i].index, 0 };
		if (only && strcmp(links[i].name, only))
			continue;
		print_link(&links[i]);
		if (with_addresses && rtnl_dump(rtnl, RTM_GETADDR, family, print_addr, &f) < 0)
			die("dumping the addresses:");
	}
	return 0;
}

/* ---- changing addresses ---- */

static int change_address(int cmd, char **words)
{
	struct {
		struct nlmsghdr n;
		struct ifaddrmsg ifa;
		char attrs[256];
	} req;
	struct address local = { 0 }, peer = { 0 }, brd = { 0 };
	const char *dev = NULL, *label = NULL;
	int have_local = 0, have_peer = 0, brd_auto = 0, have_brd = 0;

	memset(&req, 0, sizeof req);
	for (; *words; words++) {
		const char *w = *words;
		if (!strcmp(w, "dev") || !strcmp(w, "peer") || !strcmp(w, "brd") || !strcmp(w, "broadcast")
		    || !strcmp(w, "label") || !strcmp(w, "scope") || !strcmp(w, "local")) {
			need_value(words);
			words++;
		}
		if (!strcmp(w, "dev"))
			dev = *words;
		else if (!strcmp(w, "label"))
			label = *words;
		else if (!strcmp(w, "peer")) {
			parse_address_or_die(*words, &peer);
			have_peer = 1;
		} else if (!strcmp(w, "brd") || !strcmp(w, "broadcast")) {
			if (!strcmp(*words, "+"))
				brd_auto = 1;
			else if (strcmp(*words, "-") != 0) {
				parse_address_or_die(*words, &brd);
				have_brd = 1;
			}
		} else if (!strcmp(w, "scope")) {
			if (!strcmp(*words, "host"))
				req.ifa.ifa_scope = RT_SCOPE_HOST;
			else if (!strcmp(*words, "link"))
				req.ifa.ifa_scope = RT_SCOPE_LINK;
			else if (strcmp(*words, "global"))
				bad_argument("unknown scope", *words);
		} else if (!have_local) {
			parse_address_or_die(*words, &local);
			have_local = 1;
		} else {
			bad_argument("unknown argument", w);
		}
	}
	if (!have_local || dev == NULL) {
		fprintf(stderr, "%s: an address and \"dev IFACE\" are both needed\n", program_name);
		return 1;
	}
	req.n.nlmsg_len = NLMSG_LENGTH(sizeof req.ifa);
	req.n.nlmsg_type = cmd;
	req.n.nlmsg_flags = cmd == RTM_NEWADDR ? NLM_F_CREATE | NLM_F_EXCL : 0;
	req.ifa.ifa_family = local.family;
	req.ifa.ifa_prefixlen = local.prefix_len;
	req.ifa.ifa_index = link_index(dev);
	rtnl_add_attr(&req.n, sizeof req, IFA_LOCAL, local.data, local.bytes);
	rtnl_add_attr(&req.n, sizeof req, IFA_ADDRESS, have_peer ? peer.data : local.data, local.bytes);
	if (local.family == AF_INET && brd_auto && local.prefix_len < 31) {
		struct in_addr a, mask = prefix_to_netmask(local.prefix_len);
		memcpy(&a, local.data, 4);
		a.s_addr |= ~mask.s_addr;
		rtnl_add_attr(&req.n, sizeof req, IFA_BROADCAST, &a, 4);
	} else if (have_brd) {
		rtnl_add_attr(&req.n, sizeof req, IFA_BROADCAST, brd.data, brd.bytes);
	}
	if (label)
		rtnl_add_attr(&req.n, sizeof req, IFA_LABEL, label, strlen(label) + 1);
	if (rtnl_request(rtnl, &req.n) < 0) {
		fprintf(stderr, "RTNETLINK answers: %s\n", strerror(errno));
		return 2;
	}
	return 0;
}

/* Addresses to flush, gathered by a dump before any is deleted. */
struct flush_list {
	int index, count;
	struct nlmsghdr **messages;
};

static int gather_addr(struct nlmsghdr *n, void *ctx)
{
	struct flush_list *fl = ctx;
	struct ifaddrmsg *ifa = NLMSG_DATA(n);

	if (n->nlmsg_type != RTM_NEWADDR || (int)ifa->ifa_index != fl->index)
		return 0;
	if (family != AF_UNSPEC && ifa->ifa_family != family)
		return 0;
	fl->messages = xrealloc(fl->messages, (fl->count + 1) * sizeof *fl->messages);
	fl->messages[fl->count] = xmalloc(n->nlmsg_len);
	memcpy(fl->messages[fl->count++], n, n->nlmsg_len);
	return 0;
}

/* Delete each gathered object with the message the dump gave, turned into cmd. */
static int delete_gathered(struct flush_list *fl, int cmd)
{
	int status = 0;

	for (int i = 0; i < fl->count; i++) {
		struct nlmsghdr *m = fl->messages[i];
		m->nlmsg_type = cmd;
		m->nlmsg_flags = 0;
		if (rtnl_request(rtnl, m) < 0 && errno != EADDRNOTAVAIL && errno != ENOENT) {
			fprintf(stderr, "RTNETLINK answers: %s\n", strerror(errno));
			status = 2;
		}
		free(m);
	}
	free(fl->messages);
	return status;
}

static int flush_addresses(char **words)
{
	struct flush_list fl = { 0, 0, NULL };
	const char *dev = show_target(words);

	if (dev == NULL) {
		fprintf(stderr, "%s: flush needs \"dev IFACE\"\n", program_name);
		return 1;
	}
	fl.index = link_index(dev);
	if (rtnl_dump(rtnl, RTM_GETADDR, family, gather_addr, &fl) < 0)
		die("dumping the addresses:");
	return delete_gathered(&fl, RTM_DELADDR);
}

static int do_addr(char **words)
{
	if (*words == NULL || matches(*words, "show") || matches(*words, "list"))
		return show_links(words, 1);
	if (matches(*words, "add"))
		return change_address(RTM_NEWADDR, words + 1);
	if (matches(*words, "delete"))
		return change_address(RTM_DELADDR, words + 1);
	if (matches(*words, "flush"))
		return flush_addresses(words + 1);
	bad_argument("unknown command for ip addr:", *words);
	return 1;
}

/* ---- links ---- */

static int on_off(char **words)
{
	need_value(words);
	if (!strcmp(words[1], "on"))
		return 1;
	if (!strcmp(words[1], "off"))
		return 0;
	bad_argument("expected on or off, not", words[1]);
	return 0;
}

static void link_ioctl(unsigned long request, struct ifreq *ifr, const char *dev)
{
	if (ioctl(net_ioctl_socket(), request, ifr) < 0)
		die("%s:", dev);
}

static void set_link_flag(const char *dev, int flag, int on)
{
	if (if_change_flags(dev, on ? flag : 0, on ? 0 : flag) < 0)
		die("%s:", dev);
}

static int set_link(char **words)
{
	struct ifreq ifr;
	const char *dev = NULL;
	long long n;
	unsigned char mac[6];

	if (*words && !strcmp(*words, "dev")) {
		need_value(words);
		words++;
	}
	if ((dev = *words++) == NULL || strlen(dev) >= IFNAMSIZ)
		bad_argument("expected an interface, not", dev ? dev : "nothing");
	link_index(dev);
	for (; *words; words++) {
		memset(&ifr, 0, sizeof ifr);
		strcpy(ifr.ifr_name, dev);
		if (!strcmp(*words, "up") || !strcmp(*words, "down")) {
			set_link_flag(dev, IFF_UP, (*words)[0] == 'u');
			continue;
		}
		if (!strcmp(*words, "arp")) {
			set_link_flag(dev, IFF_NOARP, !on_off(words));
		} else if (!strcmp(*words, "promisc")) {
			set_link_flag(dev, IFF_PROMISC, on_off(words));
		} else if (!strcmp(*words, "mtu")) {
			need_value(words);
			if (parse_long(words[1], &n) < 0 || n < 68 || n > 65536)
				bad_argument("invalid MTU", words[1]);
			ifr.ifr_mtu = (int)n;
			link_ioctl(SIOCSIFMTU, &ifr, dev);
		} else if (!strcmp(*words, "address")) {
			need_value(words);
			if (parse_mac(words[1], mac) < 0)
				bad_argument("invalid address", words[1]);
			ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
			memcpy(ifr.ifr_hwaddr.sa_data, mac, 6);
			link_ioctl(SIOCSIFHWADDR, &ifr, dev);
		} else if (!strcmp(*words, "name")) {
			need_value(words);
			if (strlen(words[1]) >= IFNAMSIZ || !words[1][0])
				bad_argument("invalid name", words[1]);
			strcpy(ifr.ifr_newname, words[1]);
			link_ioctl(SIOCSIFNAME, &ifr, dev);
			dev = words[1];
		} else {
			bad_argument("unknown argument", *words);
		}
		words++;
	}
	return 0;
}

static int do_link(char **words)
{
	if (*words == NULL || matches(*words, "show") || matches(*words, "list"))
		return show_links(words, 0);
	if (matches(*words, "set"))
		return set_link(words + 1);
	bad_argument("unknown command for ip link:", *words);
	return 1;
}

/* ---- routes ---- */

static const char *protocol_name(int proto)
{
	static char number[8];

	switch (proto) {
	case RTPROT_REDIRECT: return "redirect";
	case RTPROT_KERNEL: return "kernel";
	case RTPROT_BOOT: return "boot";
	case RTPROT_STATIC: return "static";
	case 16: return "dhcp";
	case RTPROT_RA: return "ra";
	}
	snprintf(number, sizeof number, "%d", proto);
	return number;
}

static const char *route_type_name(int type)
{
	switch (type) {
	case RTN_LOCAL: return "local ";
	case RTN_BROADCAST: return "broadcast ";
	case RTN_UNREACHABLE: return "unreachable ";
	case RTN_PROHIBIT: return "prohibit ";
	case RTN_BLACKHOLE: return "blackhole ";
	case RTN_MULTICAST: return "multicast ";
	case RTN_ANYCAST: return "anycast ";
	default: return "";
	}
}

static int print_route(struct nlmsghdr *n, void *ctx)
{
	struct rtmsg *r = NLMSG_DATA(n);
	struct rtattr *tb[RTA_MAX + 1];
	int table;

	(void)ctx;
	if (n->nlmsg_type != RTM_NEWROUTE || (r->rtm_flags & RTM_F_CLONED))
		return 0;
	rtnl_parse_attrs(tb, RTA_MAX, RTM_RTA(r), RTM_PAYLOAD(n));
	table = tb[RTA_TABLE] ? *(int *)RTA_DATA(tb[RTA_TABLE]) : r->rtm_table;
	if (table != RT_TABLE_MAIN)
		return 0;
	printf("%s", route_type_name(r->rtm_type));
	if (tb[RTA_DST])
		printf("%s/%d", address_text(r->rtm_family, RTA_DATA(tb[RTA_DST])), r->rtm_dst_len);
	else
		printf("default");
	if (tb[RTA_GATEWAY])
		printf(" via %s", address_text(r->rtm_family, RTA_DATA(tb[RTA_GATEWAY])));
	if (tb[RTA_OIF])
		printf(" dev %s", link_name(*(int *)RTA_DATA(tb[RTA_OIF])));
	if (r->rtm_protocol != RTPROT_BOOT)
		printf(" proto %s", protocol_name(r->rtm_protocol));
	if (r->rtm_scope != RT_SCOPE_UNIVERSE)
		printf(" scope %s", scope_name(r->rtm_scope));
	if (tb[RTA_PREFSRC])
		printf(" src %s", address_text(r->rtm_family, RTA_DATA(tb[RTA_PREFSRC])));
	if (tb[RTA_PRIORITY] && *(unsigned *)RTA_DATA(tb[RTA_PRIORITY]))
		printf(" metric %u", *(unsigned *)RTA_DATA(tb[RTA_PRIORITY]));
	if (r->rtm_flags & RTNH_F_LINKDOWN)
		printf(" linkdown");
	printf("\n");
	return 0;
}

static int show_routes(void)
{
	load_links();	/* before the dump: one dump at a time on the socket */
	if (rtnl_dump(rtnl, RTM_GETROUTE, family == AF_UNSPEC ? AF_INET : family, print_route, NULL) < 0)
		die("dumping the routes:");
	return 0;
}

static int change_route(int cmd, int flags, char **words)
{
	struct {
		struct nlmsghdr n;
		struct rtmsg r;
		char attrs[256];
	} req;
	struct address dst = { 0 }, via = { 0 }, src = { 0 };
	int have_dst = 0, have_via = 0, have_src = 0, oif = 0, scope = -1;
	long long metric = -1;

	memset(&req, 0, sizeof req);
	for (; *words; words++) {
		const char *w = *words;
		if (!strcmp(w, "via") || !strcmp(w, "dev") || !strcmp(w, "metric") || !strcmp(w, "src")
		    || !strcmp(w, "scope") || !strcmp(w, "proto")) {
			need_value(words);
			words++;
		}
		if (!strcmp(w, "via")) {
			parse_address_or_die(*words, &via);
			have_via = 1;
		} else if (!strcmp(w, "dev")) {
			oif = link_index(*words);
		} else if (!strcmp(w, "src")) {
			parse_address_or_die(*words, &src);
			have_src = 1;
		} else if (!strcmp(w, "metric")) {
			if (parse_long(*words, &metric) < 0 || metric < 0 || metric > 0xffffffffLL)
				bad_argument("invalid metric", *words);
		} else if (!strcmp(w, "scope")) {
			scope = !strcmp(*words, "host") ? RT_SCOPE_HOST : !strcmp(*words, "link") ? RT_SCOPE_LINK
				: !strcmp(*words, "global") ? RT_SCOPE_UNIVERSE : -2;
			if (scope == -2)
				bad_argument("unknown scope", *words);
		} else if (!strcmp(w, "proto")) {
			if (!strcmp(*words, "static"))
				req.r.rtm_protocol = RTPROT_STATIC;
			else if (!strcmp(*words, "kernel"))
				req.r.rtm_protocol = RTPROT_KERNEL;
			else if (!strcmp(*words, "dhcp"))
				req.r.rtm_protocol = 16;
			else
				bad_argument("unknown protocol", *words);
		} else if (!have_dst) {
			if (!strcmp(w, "default")) {
				dst.family = family == AF_INET6 ? AF_INET6 : AF_INET;
				dst.prefix_len = 0;
			} else {
				parse_address_or_die(w, &dst);
			}
			have_dst = 1;
		} else {
			bad_argument("unknown argument", w);
		}
	}
	if (!have_dst) {
		fprintf(stderr, "%s: which route? (a PREFIX or default)\n", program_name);
		return 1;
	}
	if (have_via && via.family != dst.family && dst.prefix_len == 0)
		dst.family = via.family;	/* "default via 2001:db8::1" */
	req.n.nlmsg_len = NLMSG_LENGTH(sizeof req.r);
	req.n.nlmsg_type = cmd;
	req.n.nlmsg_flags = flags;
	req.r.rtm_family = dst.family;
	req.r.rtm_dst_len = dst.prefix_len;
	req.r.rtm_table = RT_TABLE_MAIN;
	if (cmd == RTM_NEWROUTE) {
		if (req.r.rtm_protocol == 0)
			req.r.rtm_protocol = RTPROT_BOOT;
		req.r.rtm_type = RTN_UNICAST;
		req.r.rtm_scope = scope >= 0 ? scope : have_via ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
	} else {
		req.r.rtm_scope = RT_SCOPE_NOWHERE;
	}
	if (dst.prefix_len > 0)
		rtnl_add_attr(&req.n, sizeof req, RTA_DST, dst.data, dst.bytes);
	if (have_via)
		rtnl_add_attr(&req.n, sizeof req, RTA_GATEWAY, via.data, via.bytes);
	if (have_src)
		rtnl_add_attr(&req.n, sizeof req, RTA_PREFSRC, src.data, src.bytes);
	if (oif)
		rtnl_add_attr(&req.n, sizeof req, RTA_OIF, &oif, sizeof oif);
	if (metric >= 0) {
		unsigned m = (unsigned)metric;
		rtnl_add_attr(&req.n, sizeof req, RTA_PRIORITY, &m, sizeof m);
	}
	if (rtnl_request(rtnl, &req.n) < 0) {
		fprintf(stderr, "RTNETLINK answers: %s\n", strerror(errno));
		return 2;
	}
	return 0;
}

static int do_route(char **words)
{
	if (*words == NULL || matches(*words, "show") || matches(*words, "list"))
		return show_routes();
	if (matches(*words, "add"))
		return change_route(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, words + 1);
	if (matches(*words, "replace"))
		return change_route(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, words + 1);
	if (matches(*words, "delete"))
		return change_route(RTM_DELROUTE, 0, words + 1);
	bad_argument("unknown command for ip route:", *words);
	return 1;
}

/* ---- neighbours ---- */

static const struct { int state; const char *name; } neigh_states[] = {
	{ NUD_INCOMPLETE, "INCOMPLETE" }, { NUD_REACHABLE, "REACHABLE" }, { NUD_STALE, "STALE" },
	{ NUD_DELAY, "DELAY" }, { NUD_PROBE, "PROBE" }, { NUD_FAILED, "FAILED" },
	{ NUD_NOARP, "NOARP" }, { NUD_PERMANENT, "PERMANENT" }, { NUD_NONE, "NONE" },
};

static const char *neigh_state(int state)
{
	for (size_t i = 0; i < sizeof neigh_states / sizeof neigh_states[0]; i++)
		if (neigh_states[i].state == state)
			return neigh_states[i].name;
	return "NONE";
}

/* "permanent", "STALE"...: the NUD_ bit, or -1. */
static int neigh_state_named(const char *name)
{
	for (size_t i = 0; i < sizeof neigh_states / sizeof neigh_states[0]; i++)
		if (!strcasecmp(neigh_states[i].name, name))
			return neigh_states[i].state;
	return -1;
}

struct neigh_filter {
	int index;		/* 0: every link */
	int state;		/* NEIGH_DEFAULT_STATES, a NUD_ bit, or NEIGH_ALL_STATES */
	struct flush_list *flush;	/* flushing: gather here instead of printing */
};

/* Like iproute2, `ip neigh` hides noarp entries unless asked for them ("nud all"). */
#define NEIGH_DEFAULT_STATES (-1)
#define NEIGH_ALL_STATES (-2)

static int neigh_wanted(const struct neigh_filter *f, int state)
{
	if (f->state == NEIGH_ALL_STATES)
		return 1;
	if (f->state == NEIGH_DEFAULT_STATES)
		return !(state & NUD_NOARP);
	return state == f->state;
}

static int each_neigh(struct nlmsghdr *n, void *ctx)
{
	struct neigh_filter *f = ctx;
	struct ndmsg *nd = NLMSG_DATA(n);
	struct rtattr *tb[NDA_MAX + 1];

	if (n->nlmsg_type != RTM_NEWNEIGH || (f->index && nd->ndm_ifindex != f->index))
		return 0;
	if ((family != AF_UNSPEC && nd->ndm_family != family) || !neigh_wanted(f, nd->ndm_state))
		return 0;
	rtnl_parse_attrs(tb, NDA_MAX, (struct rtattr *)((char *)nd + NLMSG_ALIGN(sizeof *nd)),
			 n->nlmsg_len - NLMSG_LENGTH(sizeof *nd));
	if (tb[NDA_DST] == NULL)
		return 0;
	if (f->flush) {
		if (!(nd->ndm_state & NUD_PERMANENT)) {
			struct flush_list *fl = f->flush;
			fl->messages = xrealloc(fl->messages, (fl->count + 1) * sizeof *fl->messages);
			fl->messages[fl->count] = xmalloc(n->nlmsg_len);
			memcpy(fl->messages[fl->count++], n, n->nlmsg_len);
		}
		return 0;
	}
	printf("%s dev %s", address_text(nd->ndm_family, RTA_DATA(tb[NDA_DST])), link_name(nd->ndm_ifindex));
	if (tb[NDA_LLADDR]) {
		printf(" lladdr ");
		print_hw(RTA_DATA(tb[NDA_LLADDR]), RTA_PAYLOAD(tb[NDA_LLADDR]));
	}
	if (nd->ndm_flags & NTF_ROUTER)
		printf(" router");
	printf(" %s\n", neigh_state(nd->ndm_state));
	return 0;
}

static int show_or_flush_neigh(char **words)
{
	struct neigh_filter f = { 0, NEIGH_DEFAULT_STATES, NULL };
	struct flush_list fl = { 0, 0, NULL };

	if (*words && matches(*words, "flush"))
		f.flush = &fl;
	for (words += *words != NULL; *words; words++) {
		if (!strcmp(*words, "dev")) {
			need_value(words);
			f.index = link_index(*++words);
		} else if (!strcmp(*words, "nud")) {
			need_value(words);
			words++;
			int state = neigh_state_named(*words);
			if (!strcmp(*words, "all"))
				state = NEIGH_ALL_STATES;
			else if (state < 0)
				bad_argument("unknown neighbour state", *words);
			f.state = state;
		} else if (strcmp(*words, "all") != 0) {
			bad_argument("unknown argument", *words);
		}
	}
	load_links();
	if (rtnl_dump(rtnl, RTM_GETNEIGH, family, each_neigh, &f) < 0)
		die("dumping the neighbours:");
	return f.flush ? delete_gathered(&fl, RTM_DELNEIGH) : 0;
}

/* The states one may set by hand; the others are the kernel's own steps. */
static int settable_neigh_state(const char *name)
{
	int state = neigh_state_named(name);

	if (state != NUD_PERMANENT && state != NUD_REACHABLE && state != NUD_STALE
	    && state != NUD_NOARP && state != NUD_DELAY && state != NUD_PROBE && state != NUD_NONE)
		bad_argument("unknown neighbour state", name);
	return state;
}

/* ip neigh add|replace|change|del ADDRESS [lladdr MAC] dev IFACE [nud STATE]:
 * one RTM_NEWNEIGH or RTM_DELNEIGH with flags (NLM_F_CREATE...). */
static int change_neigh(int cmd, int flags, char **words)
{
	struct {
		struct nlmsghdr n;
		struct ndmsg nd;
		char attrs[64];
	} req;
	struct address dst = { 0 };
	unsigned char mac[6];
	const char *dev = NULL;
	int have_dst = 0, have_mac = 0, state = NUD_PERMANENT;

	for (; *words; words++) {
		const char *w = *words;
		if (!strcmp(w, "lladdr") || !strcmp(w, "dev") || !strcmp(w, "nud") || !strcmp(w, "to")) {
			need_value(words);
			words++;
		}
		if (!strcmp(w, "dev")) {
			dev = *words;
		} else if (!strcmp(w, "lladdr")) {
			if (parse_mac(*words, mac) < 0)
				bad_argument("invalid lladdr", *words);
			have_mac = 1;
		} else if (!strcmp(w, "nud")) {
			state = settable_neigh_state(*words);
		} else if (!have_dst) {
			/* A neighbour is one host: "192.0.2.5/24" is a mistake, not a prefix. */
			if (strchr(*words, '/'))
				bad_argument("invalid address", *words);
			parse_address_or_die(*words, &dst);
			have_dst = 1;
		} else {
			bad_argument("unknown argument", w);
		}
	}
	if (!have_dst || dev == NULL) {
		fprintf(stderr, "%s: an address and \"dev IFACE\" are both needed\n", program_name);
		return 1;
	}
	memset(&req, 0, sizeof req);
	req.n.nlmsg_len = NLMSG_LENGTH(sizeof req.nd);
	req.n.nlmsg_type = cmd;
	req.n.nlmsg_flags = flags;
	req.nd.ndm_family = dst.family;
	req.nd.ndm_ifindex = link_index(dev);
	req.nd.ndm_state = state;
	rtnl_add_attr(&req.n, sizeof req, NDA_DST, dst.data, dst.bytes);
	if (have_mac)
		rtnl_add_attr(&req.n, sizeof req, NDA_LLADDR, mac, sizeof mac);
	if (rtnl_request(rtnl, &req.n) < 0) {
		/* The kernel's usual reason for EINVAL here: an Ethernet neighbour it does
		 * not know yet needs its hardware address. */
		int no_lladdr = errno == EINVAL && cmd == RTM_NEWNEIGH && !have_mac;
		fprintf(stderr, "RTNETLINK answers: %s%s\n", strerror(errno),
			no_lladdr ? " (no lladdr MAC given)" : "");
		return 2;
	}
	return 0;
}

static int do_neigh(char **words)
{
	if (*words == NULL || matches(*words, "show") || matches(*words, "list")
	    || matches(*words, "flush"))
		return show_or_flush_neigh(words);
	if (matches(*words, "add"))
		return change_neigh(RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL, words + 1);
	if (matches(*words, "replace"))
		return change_neigh(RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, words + 1);
	if (matches(*words, "change"))
		return change_neigh(RTM_NEWNEIGH, NLM_F_REPLACE, words + 1);
	if (matches(*words, "delete"))
		return change_neigh(RTM_DELNEIGH, 0, words + 1);
	bad_argument("unknown command for ip neigh:", *words);
	return 1;
}

int ip_main(int argc, char **argv)
{
	static const struct { const char *name; int (*run)(char **words); } objects[] = {
		{ "address", do_addr }, { "route", do_route }, { "link", do_link },
		{ "neighbour", do_neigh }, { "neighbor", do_neigh },
	};
	int status;

	wait_for_drivers();
	(void)argc;
	for (argv++; *argv && (*argv)[0] == '-'; argv++) {
		if (!strcmp(*argv, "--help"))
			show_help(usage);
		else if (!strcmp(*argv, "-4"))
			family = AF_INET;
		else if (!strcmp(*argv, "-6"))
			family = AF_INET6;
		else
			usage_error(usage, "unknown option '%s'", *argv);
	}
	if (*argv == NULL)
		usage_error(usage, "no object given");
	rtnl = rtnl_open();
	for (size_t i = 0; i < sizeof objects / sizeof objects[0]; i++)
		if (matches(*argv, objects[i].name)) {
			status = objects[i].run(argv + 1);
			if (flush_stdout() < 0)
				status = 1;
			return status;
		}
	usage_error(usage, "unknown object '%s'", *argv);
}
