/*
 * nslookup: look a host name up, or an address's name (BusyBox's nslookup output).
 * The lookup is uClibc's resolver (getaddrinfo, getnameinfo): /etc/hosts first,
 * then the name servers of /etc/resolv.conf, or the SERVER given, which is put in
 * the resolver's state (_res) after res_init.
 */
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <resolv.h>
#include "mini.h"

static const char usage[] =
	"Usage: nslookup HOST [SERVER]\n"
	"Show the addresses of HOST (or the name of the address HOST), asking the name\n"
	"servers of /etc/resolv.conf, or SERVER (an IPv4 address), after /etc/hosts.\n";

/* Use server as the only name server. Returns 0, or -1 for a bad address. */
static int use_server(const char *server)
{
	struct in_addr a;

	if (inet_pton(AF_INET, server, &a) != 1)
		return -1;
	res_init();
	_res.nscount = 1;
	_res.nsaddr_list[0].sin_family = AF_INET;
	_res.nsaddr_list[0].sin_port = htons(53);
	_res.nsaddr_list[0].sin_addr = a;
	return 0;
}

static void print_server(void)
{
	char text[INET_ADDRSTRLEN] = "127.0.0.1";

	res_init();
	if (_res.nscount > 0)
		inet_ntop(AF_INET, &_res.nsaddr_list[0].sin_addr, text, sizeof text);
	printf("Server:\t\t%s\nAddress:\t%s:53\n\n", text, text);
}

/* The name the reverse lookup asks for: "4.3.2.1.in-addr.arpa" or the ip6.arpa nibbles. */
static void reverse_name(const struct sockaddr_storage *ss, char *out, size_t size)
{
	if (ss->ss_family == AF_INET) {
		const unsigned char *b = (const unsigned char *)&((const struct sockaddr_in *)ss)->sin_addr;
		snprintf(out, size, "%u.%u.%u.%u.in-addr.arpa", b[3], b[2], b[1], b[0]);
		return;
	}
	const unsigned char *b = ((const struct sockaddr_in6 *)ss)->sin6_addr.s6_addr;
	char *p = out;
	for (int i = 15; i >= 0; i--)
		p += sprintf(p, "%x.%x.", b[i] & 15, b[i] >> 4);
	strcpy(p, "ip6.arpa");
}

/* HOST is an address: print its name. */
static int lookup_address(const char *host, struct sockaddr_storage *ss, socklen_t len)
{
	char name[NI_MAXHOST], query[80];

	reverse_name(ss, query, sizeof query);
	if (getnameinfo((struct sockaddr *)ss, len, name, sizeof name, NULL, 0, NI_NAMEREQD) != 0) {
		printf("** server can't find %s: NXDOMAIN\n\n", query);
		(void)host;
		return 1;
	}
	printf("%s\tname = %s\n\n", query, name);
	return 0;
}

static int lookup_name(const char *host)
{
	struct addrinfo hints = { 0 }, *res, *ai;
	char text[INET6_ADDRSTRLEN];
	int err;

	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;	/* one entry per address, not one per socket type */
	err = getaddrinfo(host, NULL, &hints, &res);
	if (err) {
		printf("** server can't find %s: %s\n\n", host,
		       err == EAI_NONAME || err == EAI_NODATA ? "NXDOMAIN" : gai_strerror(err));
		return 1;
	}
	printf("Name:\t%s\n", host);
	for (ai = res; ai; ai = ai->ai_next) {
		const void *addr = ai->ai_family == AF_INET
			? (const void *)&((struct sockaddr_in *)ai->ai_addr)->sin_addr
			: (const void *)&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr;
		printf("Address: %s\n", inet_ntop(ai->ai_family, addr, text, sizeof text));
	}
	printf("\n");
	freeaddrinfo(res);
	return 0;
}

int nslookup_main(int argc, char **argv)
{
	struct options o;
	struct sockaddr_storage ss = { 0 };
	struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;
	const char *host;
	int status;

	options_start(&o, argc, argv, "", usage);
	while (options_next(&o) != -1)
		continue;
	argv += o.index;
	argc -= o.index;
	if (argc < 1 || argc > 2)
		usage_error(usage, argc ? "too many operands" : "no host given");
	host = argv[0];
	if (argc == 2 && use_server(argv[1]) < 0)
		die("%s: bad server address (an IPv4 address is needed)", argv[1]);
	if (argc == 1)
		print_server();
	else
		printf("Server:\t\t%s\nAddress:\t%s:53\n\n", argv[1], argv[1]);
	if (inet_pton(AF_INET, host, &sin->sin_addr) == 1) {
		ss.ss_family = AF_INET;
		status = lookup_address(host, &ss, sizeof *sin);
	} else if (inet_pton(AF_INET6, host, &sin6->sin6_addr) == 1) {
		ss.ss_family = AF_INET6;
		status = lookup_address(host, &ss, sizeof *sin6);
	} else {
		status = lookup_name(host);
	}
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
