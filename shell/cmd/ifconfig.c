/*
 * ifconfig: show or configure network interfaces (net-tools' and BusyBox's ifconfig).
 * The list comes from /proc/net/dev (every interface, with its counters); the rest
 * from the classic SIOCGIF* ioctls, and the IPv6 addresses from /proc/net/if_inet6.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <sys/ioctl.h>
#include "mini.h"
#include "net.h"
#include "module.h"

static const char usage[] =
	"Usage: ifconfig [-a] [IFACE]\n"
	"       ifconfig IFACE [ADDRESS[/PREFIX]] [netmask MASK] [broadcast ADDR] [mtu N]\n"
	"                [hw ether MAC] [arp|-arp] [promisc|-promisc] [up|down]\n"
	"Show the interfaces that are up (-a: all of them), or configure IFACE.\n"
	"Giving an address also brings the interface up.\n";

/* One interface's counters, the columns of /proc/net/dev. */
struct counters {
	unsigned long long rx_bytes, rx_packets, rx_errors, rx_dropped, rx_fifo, rx_frame;
	unsigned long long tx_bytes, tx_packets, tx_errors, tx_dropped, tx_fifo, collisions, tx_carrier;
};

static int read_counters(const char *line, struct counters *c)
{
	unsigned long long skip;

	return sscanf(line, "%llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu",
		      &c->rx_bytes, &c->rx_packets, &c->rx_errors, &c->rx_dropped, &c->rx_fifo,
		      &c->rx_frame, &skip, &skip, &c->tx_bytes, &c->tx_packets, &c->tx_errors,
		      &c->tx_dropped, &c->tx_fifo, &c->collisions, &c->tx_carrier) == 15 ? 0 : -1;
}

static const char *link_encap(int type)
{
	switch (type) {
	case ARPHRD_ETHER: return "Ethernet";
	case ARPHRD_LOOPBACK: return "Local Loopback";
	case ARPHRD_PPP: return "Point-to-Point Protocol";
	case ARPHRD_SIT: return "IPv6-in-IPv4";
	case ARPHRD_NONE: return "UNSPEC";
	default: return "UNSPEC";
	}
}

static void print_link_line(const char *name)
{
	unsigned char mac[6];
	int type = if_get_hwaddr(name, mac);

	printf("%-9s Link encap:%s", name, link_encap(type));
	if (type == ARPHRD_ETHER)
		printf("  HWaddr %02X:%02X:%02X:%02X:%02X:%02X", mac[0], mac[1], mac[2], mac[3],
		       mac[4], mac[5]);
	printf("  \n");
}

static void print_ipv4_line(const char *name, int flags)
{
	struct in_addr addr, other;

	if (if_get_ipv4(name, SIOCGIFADDR, &addr) < 0)
		return;
	printf("          inet addr:%s", ipv4_text(addr));
	if ((flags & IFF_POINTOPOINT) && if_get_ipv4(name, SIOCGIFDSTADDR, &other) == 0)
		printf("  P-t-P:%s", ipv4_text(other));
	if ((flags & IFF_BROADCAST) && if_get_ipv4(name, SIOCGIFBRDADDR, &other) == 0)
		printf("  Bcast:%s", ipv4_text(other));
	if (if_get_ipv4(name, SIOCGIFNETMASK, &other) == 0)
		printf("  Mask:%s", ipv4_text(other));
	printf("\n");
}

static const char *ipv6_scope(unsigned scope)
{
	switch (scope & 0xf0) {
	case 0x00: return "Global";
	case 0x10: return "Host";
	case 0x20: return "Link";
	case 0x40: return "Site";
	default: return "Unknown";
	}
}

/* /proc/net/if_inet6: "fe80...0001 02 40 20 80 eth0" (address, index, prefix, scope, flags, name). */
static void print_ipv6_lines(const char *name)
{
	FILE *f = fopen("/proc/net/if_inet6", "r");
	char hex[33], ifname[IFNAMSIZ + 1], text[INET6_ADDRSTRLEN];
	unsigned index, prefix, scope, flags;
	struct in6_addr a;

	if (f == NULL)
		return;
	while (fscanf(f, "%32s %x %x %x %x %16s", hex, &index, &prefix, &scope, &flags, ifname) == 6) {
		if (strcmp(ifname, name) != 0 || strlen(hex) != 32)
			continue;
		for (int i = 0; i < 16; i++) {
			unsigned byte;
			sscanf(hex + 2 * i, "%2x", &byte);
			a.s6_addr[i] = byte;
		}
		printf("          inet6 addr: %s/%u Scope:%s\n", inet_ntop(AF_INET6, &a, text, sizeof text),
		       prefix, ipv6_scope(scope));
	}
	fclose(f);
}

static void print_flags_line(const char *name, int flags)
{
	static const struct { int bit; const char *word; } words[] = {
		{ IFF_UP, "UP" }, { IFF_BROADCAST, "BROADCAST" }, { IFF_DEBUG, "DEBUG" },
		{ IFF_LOOPBACK, "LOOPBACK" }, { IFF_POINTOPOINT, "POINTOPOINT" },
		{ IFF_NOTRAILERS, "NOTRAILERS" }, { IFF_RUNNING, "RUNNING" }, { IFF_NOARP, "NOARP" },
		{ IFF_PROMISC, "PROMISC" }, { IFF_ALLMULTI, "ALLMULTI" }, { IFF_MULTICAST, "MULTICAST" },
	};
	struct ifreq ifr;
	int mtu = 0, any = 0;

	memset(&ifr, 0, sizeof ifr);
	strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
	if (ioctl(net_ioctl_socket(), SIOCGIFMTU, &ifr) == 0)
		mtu = ifr.ifr_mtu;
	printf("          ");
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (flags & words[i].bit) {
			printf("%s ", words[i].word);
			any = 1;
		}
	printf("%s MTU:%d  Metric:1\n", any ? "" : "[NO FLAGS] ", mtu);
}

/* "(2.1 KiB)", as BusyBox prints byte counts: one decimal, in steps of 1024. */
static char *byte_amount(char *buf, unsigned long long n)
{
	static const char units[][4] = { "B", "KiB", "MiB", "GiB", "TiB" };
	unsigned long long tenths = n * 10;
	int u = 0;

	while (tenths >= 10240 && u < 4) {
		tenths /= 1024;
		u++;
	}
	sprintf(buf, "%llu.%llu %s", tenths / 10, tenths % 10, units[u]);
	return buf;
}

static void print_counters(const char *name, const struct counters *c)
{
	struct ifreq ifr;
	char rx[32], tx[32];
	int qlen = 0;

	memset(&ifr, 0, sizeof ifr);
	strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
	if (ioctl(net_ioctl_socket(), SIOCGIFTXQLEN, &ifr) == 0)
		qlen = ifr.ifr_qlen;
	printf("          RX packets:%llu errors:%llu dropped:%llu overruns:%llu frame:%llu\n",
	       c->rx_packets, c->rx_errors, c->rx_dropped, c->rx_fifo, c->rx_frame);
	printf("          TX packets:%llu errors:%llu dropped:%llu overruns:%llu carrier:%llu\n",
	       c->tx_packets, c->tx_errors, c->tx_dropped, c->tx_fifo, c->tx_carrier);
	printf("          collisions:%llu txqueuelen:%d \n", c->collisions, qlen);
	printf("          RX bytes:%llu (%s)  TX bytes:%llu (%s)\n\n", c->rx_bytes,
	       byte_amount(rx, c->rx_bytes), c->tx_bytes, byte_amount(tx, c->tx_bytes));
}

static void show_interface(const char *name, const struct counters *c)
{
	int flags = if_get_flags(name);

	print_link_line(name);
	print_ipv4_line(name, flags);
	print_ipv6_lines(name);
	print_flags_line(name, flags);
	print_counters(name, c);
}

/* Show every interface (up ones unless all), or only the one named. 0, or 1 if it is unknown. */
static int show_interfaces(const char *only, int all)
{
	FILE *f = fopen("/proc/net/dev", "r");
	char line[512];
	int found = 0;

	if (f == NULL) {
		warn("/proc/net/dev:");
		return 1;
	}
	while (fgets(line, sizeof line, f)) {
		char *colon = strchr(line, ':'), *name = line;
		struct counters c;
		if (colon == NULL)
			continue;	/* the two heading lines */
		*colon = '\0';
		name += strspn(name, " ");
		if (read_counters(colon + 1, &c) < 0)
			continue;
		if (only ? strcmp(name, only) != 0 : !all && !(if_get_flags(name) & IFF_UP))
			continue;
		show_interface(name, &c);
		found = 1;
	}
	fclose(f);
	if (only && !found) {
		if (if_get_flags(only) < 0) {
			warn("%s: error fetching interface information: Device not found", only);
			return 1;
		}
		struct counters zero = { 0 };
		show_interface(only, &zero);
	}
	return 0;
}

/* ---- configuring ---- */

static void need_ipv4(const char *what, const char *text, struct in_addr *a)
{
	if (parse_ipv4(text, a) < 0)
		die("%s: bad %s", text, what);
}

static void set_or_die(const char *name, unsigned long request, struct in_addr a, const char *what)
{
	if (if_set_ipv4(name, request, a) < 0)
		die("%s: setting the %s %s:", name, what, ipv4_text(a));
}

static void set_mtu(const char *name, const char *text)
{
	struct ifreq ifr;
	long long mtu;

	if (parse_long(text, &mtu) < 0 || mtu < 68 || mtu > 65536)
		die("%s: bad MTU", text);
	memset(&ifr, 0, sizeof ifr);
	strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
	ifr.ifr_mtu = (int)mtu;
	if (ioctl(net_ioctl_socket(), SIOCSIFMTU, &ifr) < 0)
		die("%s: setting MTU %lld:", name, mtu);
}

static void set_hwaddr(const char *name, const char *class, const char *text)
{
	struct ifreq ifr;
	unsigned char mac[6];

	if (strcmp(class, "ether") != 0)
		die("hw %s: only 'hw ether' is known", class);
	if (parse_mac(text, mac) < 0)
		die("%s: bad hardware address", text);
	memset(&ifr, 0, sizeof ifr);
	strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
	ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	memcpy(ifr.ifr_hwaddr.sa_data, mac, 6);
	if (ioctl(net_ioctl_socket(), SIOCSIFHWADDR, &ifr) < 0)
		die("%s: setting the hardware address:", name);
}

static void change_flags(const char *name, int set, int clear)
{
	if (if_change_flags(name, set, clear) < 0)
		die("%s:", name);
}

/* The words after the interface's name, in order, as net-tools takes them. */
static int configure(const char *name, char **words)
{
	struct in_addr a;

	if (if_get_flags(name) < 0)
		die("%s: %s", name, errno == ENODEV ? "no such interface" : strerror(errno));
	for (; *words; words++) {
		const char *w = *words, *value = words[1];
		int needs_value = !strcmp(w, "netmask") || !strcmp(w, "broadcast") || !strcmp(w, "mtu")
				  || !strcmp(w, "hw");
		if (needs_value && value == NULL)
			die("%s: needs a value", w);
		if (!strcmp(w, "up"))
			change_flags(name, IFF_UP | IFF_RUNNING, 0);
		else if (!strcmp(w, "down"))
			change_flags(name, 0, IFF_UP);
		else if (!strcmp(w, "arp") || !strcmp(w, "-arp"))
			change_flags(name, w[0] == '-' ? IFF_NOARP : 0, w[0] == '-' ? 0 : IFF_NOARP);
		else if (!strcmp(w, "promisc") || !strcmp(w, "-promisc"))
			change_flags(name, w[0] == '-' ? 0 : IFF_PROMISC, w[0] == '-' ? IFF_PROMISC : 0);
		else if (!strcmp(w, "allmulti") || !strcmp(w, "-allmulti"))
			change_flags(name, w[0] == '-' ? 0 : IFF_ALLMULTI, w[0] == '-' ? IFF_ALLMULTI : 0);
		else if (!strcmp(w, "netmask")) {
			need_ipv4("netmask", value, &a);
			if (netmask_to_prefix(a) < 0)
				die("%s: bad netmask", value);
			set_or_die(name, SIOCSIFNETMASK, a, "netmask");
			words++;
		} else if (!strcmp(w, "broadcast")) {
			need_ipv4("broadcast address", value, &a);
			set_or_die(name, SIOCSIFBRDADDR, a, "broadcast");
			change_flags(name, IFF_BROADCAST, 0);
			words++;
		} else if (!strcmp(w, "mtu")) {
			set_mtu(name, value);
			words++;
		} else if (!strcmp(w, "hw")) {
			if (words[2] == NULL)
				die("hw %s: needs an address", value);
			set_hwaddr(name, value, words[2]);
			words += 2;
		} else {
			int prefix_len;
			if (parse_ipv4_prefix(w, &a, &prefix_len) < 0)
				die("%s: unknown keyword or bad address", w);
			set_or_die(name, SIOCSIFADDR, a, "address");
			if (strchr(w, '/'))
				set_or_die(name, SIOCSIFNETMASK, prefix_to_netmask(prefix_len), "netmask");
			/* As net-tools does: an address is given to be used. */
			if (a.s_addr != 0)
				change_flags(name, IFF_UP | IFF_RUNNING, 0);
		}
	}
	return 0;
}

int ifconfig_main(int argc, char **argv)
{
	struct options o;
	int c, all = 0, status;

	wait_for_drivers();
	options_start(&o, argc, argv, "a", usage);
	while ((c = options_next(&o)) != -1)
		all = 1;
	argv += o.index;
	argc -= o.index;
	if (argc > 1)
		return configure(argv[0], argv + 1);
	status = show_interfaces(argc == 1 ? argv[0] : NULL, all);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
