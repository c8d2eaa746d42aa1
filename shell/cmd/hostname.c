/* hostname: print or set the name of this machine (as GNU/BusyBox hostname). */
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include "mini.h"
#include "net.h"

static const char usage[] =
	"Usage: hostname [-s|-f|-i] [NAME | -F FILE]\n"
	"Print the host name, or set it to NAME (root only).\n"
	"  -s       only the part before the first dot\n"
	"  -f       the full name (the canonical name of /etc/hosts or DNS)\n"
	"  -i       the host's addresses (those of its name, else of its interfaces)\n"
	"  -F FILE  set the name from the first line of FILE that is not a # comment\n";

/* The first line of the file that is neither blank nor a comment, trimmed. */
static char *name_from_file(const char *path)
{
	char *text = read_file(path, NULL), *line;

	if (text == NULL)
		die("%s:", path);
	for (line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		line += strspn(line, " \t");
		line[strcspn(line, " \t#")] = '\0';
		if (*line)
			return line;
	}
	die("%s: no host name in the file", path);
}

/* The IPv4 addresses of the interfaces other than loopback (SIOCGIFCONF). */
static int print_interface_addresses(void)
{
	struct ifreq reqs[32];
	struct ifconf conf = { sizeof reqs, { (char *)reqs } };
	const char *sep = "";

	if (ioctl(net_ioctl_socket(), SIOCGIFCONF, &conf) < 0)
		die("SIOCGIFCONF:");
	for (size_t i = 0; i < conf.ifc_len / sizeof reqs[0]; i++) {
		struct in_addr a = ((struct sockaddr_in *)&reqs[i].ifr_addr)->sin_addr;
		if ((ntohl(a.s_addr) >> 24) == 127)
			continue;
		printf("%s%s", sep, ipv4_text(a));
		sep = " ";
	}
	if (*sep == '\0')
		die("no address found");
	printf("\n");
	return 0;
}

/* -i and -f: look the name up (/etc/hosts first). */
static int print_looked_up(const char *name, int full_name)
{
	struct addrinfo hints = { 0 }, *res, *ai;
	char text[INET6_ADDRSTRLEN];
	const char *sep = "";

	if (full_name) {
		/* The official name: the first of its /etc/hosts line (uClibc's
		 * getaddrinfo gives the address as AI_CANONNAME). */
		struct hostent *h = gethostbyname(name);
		if (h == NULL)
			die("%s: the name is unknown", name);
		puts(h->h_name);
		return 0;
	}
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(name, NULL, &hints, &res) != 0)
		return print_interface_addresses();
	for (ai = res; ai; ai = ai->ai_next) {
		getnameinfo(ai->ai_addr, ai->ai_addrlen, text, sizeof text, NULL, 0, NI_NUMERICHOST);
		printf("%s%s", sep, text);
		sep = " ";
	}
	printf("\n");
	freeaddrinfo(res);
	return 0;
}

int hostname_main(int argc, char **argv)
{
	struct options o;
	const char *new_name = NULL;
	char name[256];
	int c, short_name = 0, lookup = 0;

	options_start(&o, argc, argv, "sfiF:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 's')
			short_name = 1;
		else if (c == 'f' || c == 'i')
			lookup = c;
		else
			new_name = name_from_file(o.arg);
	}
	if (o.index < argc) {
		if (new_name || o.index + 1 < argc)
			usage_error(usage, "too many operands");
		new_name = argv[o.index];
	}
	if (new_name) {
		if (sethostname(new_name, strlen(new_name)) < 0)
			die("%s:", new_name);
		return 0;
	}
	if (gethostname(name, sizeof name) < 0)
		die("gethostname:");
	name[sizeof name - 1] = '\0';
	if (lookup) {
		print_looked_up(name, lookup == 'f');
		return flush_stdout() < 0;
	}
	if (short_name)
		name[strcspn(name, ".")] = '\0';
	puts(name);
	return flush_stdout() < 0;
}
