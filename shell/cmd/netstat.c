/*
 * netstat: list the sockets of the machine (BusyBox's and net-tools' netstat),
 * from /proc/net/{tcp,tcp6,udp,udp6,unix}; -r shows the routing table. Addresses
 * are always shown as numbers: looking names up could hang on a machine whose name
 * server does not answer.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include "mini.h"
#include "net.h"

static const char usage[] =
	"Usage: netstat [-ratulxnp]\n"
	"Show the network sockets: by default the connected TCP, UDP and UNIX ones.\n"
	"  -l  only the listening sockets\n"
	"  -a  listening and connected ones\n"
	"  -t  TCP sockets\n"
	"  -u  UDP sockets\n"
	"  -x  UNIX sockets\n"
	"  -n  numeric addresses (the only kind shown)\n"
	"  -p  the process id and name owning each socket\n"
	"  -r  the routing table instead\n";

enum { SHOW_CONNECTED = 1, SHOW_LISTENING = 2 };

static int which_states = SHOW_CONNECTED;
static int show_programs;

/* ---- sockets' owners (-p): socket inode -> "pid/name" ---- */

struct owner {
	unsigned long inode;
	char text[24];
};
static struct owner *owners;
static size_t n_owners;

static void note_process_sockets(const char *pid)
{
	char path[64], link[64], name[256] = "";
	DIR *dir;
	struct dirent *e;
	FILE *f;
	unsigned long inode;

	snprintf(path, sizeof path, "/proc/%s/cmdline", pid);
	if ((f = fopen(path, "r")) != NULL) {
		size_t n = fread(name, 1, sizeof name - 1, f);
		name[n] = '\0';
		fclose(f);
	}
	snprintf(path, sizeof path, "/proc/%s/fd", pid);
	if ((dir = opendir(path)) == NULL)
		return;
	while ((e = readdir(dir)) != NULL) {
		char fd_path[sizeof path + sizeof e->d_name];
		ssize_t len;
		snprintf(fd_path, sizeof fd_path, "%s/%s", path, e->d_name);
		len = readlink(fd_path, link, sizeof link - 1);
		if (len <= 0)
			continue;
		link[len] = '\0';
		if (sscanf(link, "socket:[%lu]", &inode) != 1)
			continue;
		owners = xrealloc(owners, (n_owners + 1) * sizeof *owners);
		owners[n_owners].inode = inode;
		snprintf(owners[n_owners].text, sizeof owners[n_owners].text, "%s/%s", pid,
			 base_name(name));
		n_owners++;
	}
	closedir(dir);
}

static void load_owners(void)
{
	DIR *proc = opendir("/proc");
	struct dirent *e;

	if (proc == NULL)
		return;
	while ((e = readdir(proc)) != NULL)
		if (isdigit((unsigned char)e->d_name[0]))
			note_process_sockets(e->d_name);
	closedir(proc);
}

static const char *owner_of(unsigned long inode)
{
	for (size_t i = 0; i < n_owners; i++)
		if (owners[i].inode == inode)
			return owners[i].text;
	return "-";
}

/* ---- TCP and UDP ---- */

static const char *tcp_state(int state)
{
	static const char *names[] = { "", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1",
				       "FIN_WAIT2", "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK",
				       "LISTEN", "CLOSING" };

	return state > 0 && state < 12 ? names[state] : "UNKNOWN";
}

/* "0100007F:0016" (or 32 hex digits for IPv6) into "127.0.0.1:22"; the zero port of
 * a remote end is "*". Words are in the kernel's byte order, as it printed them. */
static int format_endpoint(const char *hex, int remote, char *out, size_t size, int *is_zero)
{
	unsigned char addr[16];
	unsigned port;
	char text[INET6_ADDRSTRLEN];
	size_t digits = strcspn(hex, ":");
	int v6 = digits == 32;

	if ((digits != 8 && !v6) || sscanf(hex + digits + 1, "%x", &port) != 1)
		return -1;
	for (size_t w = 0; w < digits / 8; w++) {
		char word_text[9];
		unsigned long word;
		memcpy(word_text, hex + w * 8, 8);
		word_text[8] = '\0';
		word = strtoul(word_text, NULL, 16);
		uint32_t word32 = (uint32_t)word;
		memcpy(addr + w * 4, &word32, 4);
	}
	*is_zero = port == 0;
	for (size_t i = 0; i < digits / 2; i++)
		*is_zero &= addr[i] == 0;
	inet_ntop(v6 ? AF_INET6 : AF_INET, addr, text, sizeof text);
	if (remote && port == 0)
		snprintf(out, size, "%s:*", text);
	else
		snprintf(out, size, "%s:%u", text, port);
	return 0;
}

static void show_inet(const char *proto, const char *path, int is_tcp)
{
	FILE *f = fopen(path, "r");
	char line[512], local_hex[64], remote_hex[64], local[64], remote[64];
	unsigned long tx, rx, inode;
	int state, local_zero, remote_zero, uid;

	if (f == NULL)
		return;		/* no IPv6 in the kernel, say */
	if (fgets(line, sizeof line, f) == NULL) {
		fclose(f);
		return;
	}
	while (fgets(line, sizeof line, f)) {
		int listening;
		if (sscanf(line, "%*d: %63s %63s %x %lx:%lx %*x:%*x %*x %d %*d %lu", local_hex, remote_hex,
			   &state, &tx, &rx, &uid, &inode) != 7)
			continue;
		if (format_endpoint(local_hex, 0, local, sizeof local, &local_zero) < 0
		    || format_endpoint(remote_hex, 1, remote, sizeof remote, &remote_zero) < 0)
			continue;
		/* A UDP socket "listens" when no peer is connected. */
		listening = is_tcp ? state == 10 : remote_zero;
		if (!(which_states & (listening ? SHOW_LISTENING : SHOW_CONNECTED)))
			continue;
		printf("%-5s %6lu %6lu %-23s %-23s %-12s", proto, rx, tx, local, remote,
		       is_tcp ? tcp_state(state) : state == 1 ? "ESTABLISHED" : "");
		if (show_programs)
			printf("%s", owner_of(inode));
		printf("\n");
	}
	fclose(f);
}

/* ---- UNIX sockets ---- */

static void show_unix(void)
{
	FILE *f = fopen("/proc/net/unix", "r");
	char line[512];
	unsigned long refs, proto, flags, inode;
	unsigned type, state;
	int path_at;

	if (f == NULL)
		return;
	if (fgets(line, sizeof line, f) == NULL) {
		fclose(f);
		return;
	}
	while (fgets(line, sizeof line, f)) {
		const char *type_name, *state_name, *path;
		int listening;
		path_at = 0;
		if (sscanf(line, "%*x: %lx %lx %lx %x %x %lu%n", &refs, &proto, &flags, &type, &state,
			   &inode, &path_at) != 6)
			continue;
		line[strcspn(line, "\n")] = '\0';
		path = line + path_at + strspn(line + path_at, " ");
		listening = (flags & 0x10000) != 0;	/* __SO_ACCEPTCON */
		if (!(which_states & (listening ? SHOW_LISTENING : SHOW_CONNECTED)))
			continue;
		type_name = type == 1 ? "STREAM" : type == 2 ? "DGRAM" : type == 5 ? "SEQPACKET"
			  : type == 3 ? "RAW" : "UNKNOWN";
		state_name = listening ? "LISTENING" : state == 1 ? "" : state == 2 ? "CONNECTING"
			   : state == 3 ? "CONNECTED" : state == 4 ? "DISCONNECTING" : "UNKNOWN";
		if (type == 2 && state == 1)
			state_name = "";
		printf("unix  %-6lu %-11s %-10s %-13s %-8lu ", refs, listening ? "[ ACC ]" : "[ ]",
		       type_name, state_name, inode);
		if (show_programs)
			printf("%-20s ", owner_of(inode));
		printf("%s\n", path);
	}
	fclose(f);
}

static const char *which_words(void)
{
	return which_states == SHOW_LISTENING ? "only servers"
	     : which_states == SHOW_CONNECTED ? "w/o servers" : "servers and established";
}

int netstat_main(int argc, char **argv)
{
	struct options o;
	int c, tcp = 0, udp = 0, unix_sockets = 0, routes = 0;

	options_start(&o, argc, argv, "ratulxnpeW", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'r': routes = 1; break;
		case 'a': which_states = SHOW_CONNECTED | SHOW_LISTENING; break;
		case 'l': which_states = SHOW_LISTENING; break;
		case 't': tcp = 1; break;
		case 'u': udp = 1; break;
		case 'x': unix_sockets = 1; break;
		case 'p': show_programs = 1; break;
		}
	}
	if (o.index < argc)
		usage_error(usage, "unexpected operand '%s'", argv[o.index]);
	if (routes) {
		int status = print_route_table();
		return flush_stdout() < 0 ? 1 : status;
	}
	if (!tcp && !udp && !unix_sockets)
		tcp = udp = unix_sockets = 1;
	if (show_programs)
		load_owners();
	if (tcp || udp) {
		printf("Active Internet connections (%s)\n", which_words());
		printf("Proto Recv-Q Send-Q Local Address           Foreign Address         State       %s\n",
		       show_programs ? "PID/Program name" : "");
		if (tcp) {
			show_inet("tcp", "/proc/net/tcp", 1);
			show_inet("tcp", "/proc/net/tcp6", 1);
		}
		if (udp) {
			show_inet("udp", "/proc/net/udp", 0);
			show_inet("udp", "/proc/net/udp6", 0);
		}
	}
	if (unix_sockets) {
		printf("Active UNIX domain sockets (%s)\n", which_words());
		printf("Proto RefCnt Flags       Type       State         I-Node   %sPath\n",
		       show_programs ? "PID/Program name     " : "");
		show_unix();
	}
	return flush_stdout() < 0;
}
