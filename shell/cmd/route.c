/*
 * route: show or change the IPv4 routing table (net-tools' and BusyBox's route).
 * The table is /proc/net/route; changes go through the SIOCADDRT/SIOCDELRT ioctls.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include "mini.h"
#include "net.h"
#include "module.h"

static const char usage[] =
	"Usage: route [-n]\n"
	"       route add|del default gw GATEWAY [dev IFACE] [metric N]\n"
	"       route add|del [-net|-host] TARGET[/PREFIX] [netmask MASK] [gw GATEWAY]\n"
	"                 [dev IFACE] [metric N]\n"
	"Show the kernel's routing table (always with numeric addresses), or add or\n"
	"delete a route.\n"
	"  -n  numeric addresses (the only kind shown)\n";

/* A whole number word for metric. */
static int metric_value(const char *text)
{
	long long n;

	if (parse_long(text, &n) < 0 || n < 0 || n > 65535)
		die("%s: bad metric", text);
	return (int)n;
}

/* "-net N" with neither netmask nor /PREFIX: the mask of N's old address class,
 * as net-tools guesses it. */
static int classful_prefix(struct in_addr a)
{
	unsigned first = ntohl(a.s_addr) >> 24;

	if (a.s_addr == 0)
		return 0;
	return first < 128 ? 8 : first < 192 ? 16 : 24;
}

/* Fill r from the words after add/del: TARGET, then keyword VALUE pairs. */
static void parse_route(char **words, struct route4 *r)
{
	int is_host = 0, prefix_len = -1, have_mask = 0;
	const char *target = NULL;

	memset(r, 0, sizeof *r);
	for (; *words; words++) {
		const char *w = *words, *value = words[1];
		if (!strcmp(w, "-net") || !strcmp(w, "-host")) {
			is_host = w[1] == 'h';
			continue;
		}
		if (target == NULL) {
			target = w;
			if (!strcmp(w, "default"))
				prefix_len = 0;
			else if (parse_ipv4_prefix(w, &r->dst, &prefix_len) < 0)
				die("%s: bad address", w);
			if (strchr(w, '/') == NULL && strcmp(w, "default") != 0)
				prefix_len = -1;
			continue;
		}
		if (value == NULL)
			die("%s: needs a value", w);
		if (!strcmp(w, "gw") || !strcmp(w, "gateway")) {
			if (parse_ipv4(value, &r->gateway) < 0)
				die("%s: bad gateway address", value);
		} else if (!strcmp(w, "netmask") || !strcmp(w, "genmask")) {
			if (parse_ipv4(value, &r->mask) < 0 || netmask_to_prefix(r->mask) < 0)
				die("%s: bad netmask", value);
			have_mask = 1;
		} else if (!strcmp(w, "dev") || !strcmp(w, "device")) {
			r->dev = value;
		} else if (!strcmp(w, "metric")) {
			r->metric = metric_value(value);
		} else {
			die("%s: unknown keyword", w);
		}
		words++;
	}
	if (target == NULL)
		die("no target given");
	if (!have_mask)
		r->mask = prefix_to_netmask(prefix_len >= 0 ? prefix_len
					    : is_host ? 32 : classful_prefix(r->dst));
	if ((r->dst.s_addr & ~r->mask.s_addr) != 0)
		die("%s: the address has bits outside the netmask", target);
}

int route_main(int argc, char **argv)
{
	struct options o;
	struct route4 r;
	int c, add;

	wait_for_drivers();
	options_start(&o, argc, argv, "neA:", usage);
	while ((c = options_next(&o)) != -1)
		if (c == 'A' && strcmp(o.arg, "inet") != 0)
			die("%s: only the inet family is known", o.arg);
	argv += o.index;
	argc -= o.index;
	if (argc == 0) {
		int status = print_route_table();
		return flush_stdout() < 0 ? 1 : status;
	}
	if (!strcmp(argv[0], "add"))
		add = 1;
	else if (!strcmp(argv[0], "del") || !strcmp(argv[0], "delete"))
		add = 0;
	else
		usage_error(usage, "%s: unknown command", argv[0]);
	parse_route(argv + 1, &r);
	if (route4_change(add, &r) < 0)
		die("SIOC%sRT: %s", add ? "ADD" : "DEL",
		    errno == ESRCH ? "No such process (no such route)" : strerror(errno));
	return 0;
}
