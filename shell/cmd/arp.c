/*
 * arp: show the kernel's ARP cache, /proc/net/arp (BusyBox's arp -a format), or
 * delete an entry (SIOCDARP). Names are not looked up: a DNS query per line could
 * hang the listing on a machine with no name server; "?" stands for the name.
 */
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <sys/ioctl.h>
#include "mini.h"
#include "net.h"

static const char usage[] =
	"Usage: arp [-a] [-n] [-i IFACE] [HOST]\n"
	"       arp -d HOST [-i IFACE]\n"
	"Show the ARP cache (the hardware addresses of neighbours), or delete an entry.\n"
	"  -a        show all entries (the default)\n"
	"  -n        numeric addresses (the only kind shown)\n"
	"  -i IFACE  only the entries of IFACE\n"
	"  -d HOST   delete the entry of the address HOST\n";

/* Show the cache's lines (only those of iface and of host, when given). 0, or 1. */
static int show(const char *iface, const char *host)
{
	FILE *f = fopen("/proc/net/arp", "r");
	char line[256], ip[64], hw[64], mask[64], dev[IFNAMSIZ + 1];
	unsigned type, flags;
	int shown = 0, entries = 0;

	if (f == NULL) {
		warn("/proc/net/arp:");
		return 1;
	}
	if (fgets(line, sizeof line, f) == NULL) {	/* the heading */
		fclose(f);
		return 0;
	}
	while (fgets(line, sizeof line, f)) {
		if (sscanf(line, "%63s %x %x %63s %63s %16s", ip, &type, &flags, hw, mask, dev) != 6)
			continue;
		entries++;
		if ((iface && strcmp(dev, iface)) || (host && strcmp(ip, host)))
			continue;
		printf("? (%s) at ", ip);
		if (flags & ATF_COM)
			printf("%s [%s] ", hw, type == ARPHRD_ETHER ? "ether" : "unknown");
		else
			printf("<incomplete> ");
		if (flags & ATF_PERM)
			printf("PERM ");
		if (flags & ATF_PUBL)
			printf("PUB ");
		printf(" on %s\n", dev);
		shown = 1;
	}
	fclose(f);
	if (host && !shown) {
		printf("No match found in %d entries\n", entries);
		return 1;
	}
	return 0;
}

static int delete_entry(const char *host, const char *iface)
{
	struct arpreq req;
	struct sockaddr_in *sin = (struct sockaddr_in *)&req.arp_pa;
	struct in_addr a;

	if (parse_ipv4(host, &a) < 0)
		die("%s: bad address", host);
	memset(&req, 0, sizeof req);
	sin->sin_family = AF_INET;
	sin->sin_addr = a;
	if (iface)
		strncpy(req.arp_dev, iface, sizeof req.arp_dev - 1);
	if (ioctl(net_ioctl_socket(), SIOCDARP, &req) < 0)
		die("%s:", host);
	return 0;
}

int arp_main(int argc, char **argv)
{
	struct options o;
	const char *iface = NULL, *to_delete = NULL;
	int c, status;

	options_start(&o, argc, argv, "ani:d:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'i')
			iface = o.arg;
		else if (c == 'd')
			to_delete = o.arg;
	}
	if (o.index < argc - 1)
		usage_error(usage, "too many operands");
	if (to_delete)
		return delete_entry(to_delete, iface);
	status = show(iface, o.index < argc ? argv[o.index] : NULL);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
