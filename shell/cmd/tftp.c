/*
 * tftp: the Trivial File Transfer Protocol client (RFC 1350), as BusyBox's tftp.
 *
 * A transfer is a lock-step of numbered blocks over UDP: each DATA packet is answered
 * by an ACK before the next one goes; a block shorter than the block size ends the
 * file. The server answers from a port of its own (its "transfer ID"); the socket is
 * then connected to it, so the kernel drops packets from anyone else. A lost packet
 * is sent again after a timeout, a few times; an old duplicate ACK is ignored rather
 * than answered, so a delay never doubles the traffic (RFC 1123's "Sorcerer's
 * Apprentice" bug). -b asks for a bigger block (RFC 2347 option negotiation, RFC 2348).
 *
 * A fetched file is written to a temporary file and renamed when complete.
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "copy.h"
#include "mini.h"

static const char usage[] =
	"Usage: tftp [-g|-p] [-l LOCAL] [-r REMOTE] [-b SIZE] HOST [PORT]\n"
	"Transfer a file with a TFTP server (port 69 by default).\n"
	"  -g         get REMOTE from the server into LOCAL (- for standard output)\n"
	"  -p         put LOCAL (- for standard input) on the server as REMOTE\n"
	"  -l FILE    the local file (default: the remote name's last part)\n"
	"  -r FILE    the remote file (default: the local name)\n"
	"  -b SIZE    ask for blocks of SIZE bytes (8 to 65464) instead of 512\n";

enum { RRQ = 1, WRQ = 2, DATA = 3, ACK = 4, ERROR = 5, OACK = 6 };
enum { TRIES = 5, TIMEOUT_MS = 2000, MAX_BLOCK = 65464 };

struct transfer {
	int sock;
	int connected;			/* locked onto the server's transfer ID */
	struct addrinfo *server;	/* where the request goes */
	size_t block_size;
	unsigned char *packet;		/* room for one packet of the largest block */
	const char *remote;
	int fd;				/* the local file */
};

/* Put a 16-bit number in network order. */
static void put16(unsigned char *p, unsigned v)
{
	p[0] = v >> 8;
	p[1] = v;
}

static unsigned get16(const unsigned char *p)
{
	return p[0] << 8 | p[1];
}

/* The request packet: opcode, file name, "octet", and the blksize option when wanted. */
static size_t make_request(unsigned char *p, int opcode, const char *name, size_t block_size)
{
	size_t len = 2;

	put16(p, opcode);
	len += sprintf((char *)p + len, "%s", name) + 1;
	len += sprintf((char *)p + len, "octet") + 1;
	if (block_size != 512) {
		len += sprintf((char *)p + len, "blksize") + 1;
		len += sprintf((char *)p + len, "%zu", block_size) + 1;
	}
	return len;
}

static int send_packet(struct transfer *t, const unsigned char *p, size_t len)
{
	ssize_t n = t->connected ? send(t->sock, p, len, 0)
				 : sendto(t->sock, p, len, 0, t->server->ai_addr, t->server->ai_addrlen);
	return n == (ssize_t)len ? 0 : -1;
}

/*
 * Wait for a packet from the server into t->packet; the first reply fixes the
 * server's transfer ID. Returns its length, 0 after the timeout, -1 on an error.
 */
static ssize_t receive_packet(struct transfer *t)
{
	struct pollfd p = { .fd = t->sock, .events = POLLIN };
	struct sockaddr_storage from;
	socklen_t len = sizeof from;
	ssize_t n;
	int ready;

	while ((ready = poll(&p, 1, TIMEOUT_MS)) < 0 && errno == EINTR)
		;
	if (ready <= 0)
		return ready;
	n = recvfrom(t->sock, t->packet, t->block_size + 4, 0, (struct sockaddr *)&from, &len);
	if (n < 0)
		return -1;
	if (!t->connected) {
		if (connect(t->sock, (struct sockaddr *)&from, len) < 0)
			return -1;
		t->connected = 1;
	}
	return n;
}

/* An ERROR packet from the server: say its message and fail. */
static int server_error(const unsigned char *p, ssize_t n)
{
	int len = n > 4 ? (int)strnlen((const char *)p + 4, n - 4) : 0;

	warn("server error %u: %.*s", n >= 4 ? get16(p + 2) : 0, len, (const char *)p + 4);
	return -1;
}

/* An OACK: the server's block size (it may only lower ours). Returns 0 or -1. */
static int take_oack(struct transfer *t, ssize_t n)
{
	const char *p = (const char *)t->packet + 2, *end = (const char *)t->packet + n;

	while (p < end) {
		const char *name = p, *value = name + strnlen(name, end - name) + 1;
		if (value >= end)
			break;
		p = value + strnlen(value, end - value) + 1;
		if (strcasecmp(name, "blksize") == 0) {
			long long size;
			if (parse_long(value, &size) < 0 || size < 8 || (size_t)size > t->block_size)
				return -1;
			t->block_size = size;
		}
	}
	return 0;
}

/* ---- get ---- */

static int send_ack(struct transfer *t, unsigned block)
{
	unsigned char ack[4];

	put16(ack, ACK);
	put16(ack + 2, block);
	return send_packet(t, ack, sizeof ack);
}

/* Receive the file into out: DATA blocks 1, 2, ... each ACKed. Returns 0 or -1 (said). */
static int get_file(int out, void *data)
{
	struct transfer *t = data;
	unsigned char request[600];
	size_t request_len = make_request(request, RRQ, t->remote, t->block_size);
	uint16_t expected = 1;
	int tries = 0, started = 0;

	if (send_packet(t, request, request_len) < 0) {
		warn("send:");
		return -1;
	}
	for (;;) {
		ssize_t n = receive_packet(t);
		if (n < 0) {
			warn("receive:");
			return -1;
		}
		if (n == 0) {	/* lost: send our last packet again */
			if (++tries == TRIES) {
				warn("timeout: no answer from the server");
				return -1;
			}
			if (started ? send_ack(t, (uint16_t)(expected - 1)) : send_packet(t, request, request_len))
				return -1;
			continue;
		}
		unsigned opcode = n >= 4 ? get16(t->packet) : 0;
		if (opcode == ERROR)
			return server_error(t->packet, n);
		if (opcode == OACK && !started) {
			if (take_oack(t, n) < 0) {
				warn("bad option acknowledgement from the server");
				return -1;
			}
			started = 1;
			send_ack(t, 0);
			tries = 0;
			continue;
		}
		if (opcode != DATA) {
			warn("unexpected packet (opcode %u)", opcode);
			return -1;
		}
		if (!started && t->block_size != 512)
			t->block_size = 512;	/* the server ignored the option */
		started = 1;
		if (get16(t->packet + 2) != expected) {	/* a duplicate: our ACK was lost */
			send_ack(t, (uint16_t)(expected - 1));
			continue;
		}
		if (write_all(out, t->packet + 4, n - 4) < 0) {
			warn("write error:");
			return -1;
		}
		send_ack(t, expected);
		tries = 0;
		if ((size_t)(n - 4) < t->block_size)
			return 0;
		expected++;	/* wraps from 65535 to 0, as servers do */
	}
}

/* ---- put ---- */

/* Send the file: DATA blocks each waiting for its ACK. Returns 0 or -1 (said). */
static int put_file(struct transfer *t)
{
	unsigned char request[600];
	size_t request_len = make_request(request, WRQ, t->remote, t->block_size), len = 0;
	uint16_t block = 0;
	int tries = 0, last_sent = 0, requested = t->block_size != 512;
	unsigned char *out = xmalloc(MAX_BLOCK + 4);

	if (send_packet(t, request, request_len) < 0) {
		warn("send:");
		return -1;
	}
	for (;;) {
		ssize_t n = receive_packet(t);
		if (n < 0) {
			warn("receive:");
			return -1;
		}
		if (n == 0) {
			if (++tries == TRIES) {
				warn("timeout: no answer from the server");
				return -1;
			}
			if (block == 0 ? send_packet(t, request, request_len) : send_packet(t, out, len + 4))
				return -1;
			continue;
		}
		unsigned opcode = n >= 4 ? get16(t->packet) : 0;
		if (opcode == ERROR)
			return server_error(t->packet, n);
		if (opcode == OACK && block == 0) {
			if (take_oack(t, n) < 0) {
				warn("bad option acknowledgement from the server");
				return -1;
			}
		} else if (opcode == ACK && get16(t->packet + 2) == block) {
			if (block == 0 && requested)
				t->block_size = 512;	/* a plain ACK: the option was ignored */
			if (last_sent)
				return 0;
		} else if (opcode == ACK)
			continue;	/* an old duplicate: ignored */
		else {
			warn("unexpected packet (opcode %u)", opcode);
			return -1;
		}
		/* the next block */
		ssize_t got = read_full(t->fd, out + 4, t->block_size);
		if (got < 0) {
			warn("read error:");
			return -1;
		}
		len = got;
		block++;
		put16(out, DATA);
		put16(out + 2, block);
		last_sent = len < t->block_size;
		tries = 0;
		if (send_packet(t, out, len + 4) < 0) {
			warn("send:");
			return -1;
		}
	}
}

int tftp_main(int argc, char **argv)
{
	struct options o;
	struct transfer t = { .block_size = 512, .fd = -1 };
	struct addrinfo hints = { .ai_socktype = SOCK_DGRAM };
	const char *local = NULL, *remote = NULL, *port = "69";
	int c, get = 0, put = 0, err, status;
	long long size;

	options_start(&o, argc, argv, "gpl:r:b:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'g': get = 1; break;
		case 'p': put = 1; break;
		case 'l': local = o.arg; break;
		case 'r': remote = o.arg; break;
		case 'b':
			if (parse_long(o.arg, &size) < 0 || size < 8 || size > MAX_BLOCK)
				usage_error(usage, "bad block size '%s'", o.arg);
			t.block_size = size;
			break;
		}
	}
	argv += o.index;
	argc -= o.index;
	if (get == put)
		usage_error(usage, "say -g (get) or -p (put)");
	if (argc < 1 || argc > 2)
		usage_error(usage, argc < 1 ? "no host given" : "too many operands");
	if (argc == 2)
		port = argv[1];
	if (!remote && !local)
		usage_error(usage, "name the file with -r or -l");
	if (!remote)
		remote = base_name(local);
	if (!local)
		local = base_name(remote);
	if (strlen(remote) > 255)
		usage_error(usage, "remote name too long");
	t.remote = remote;
	err = getaddrinfo(argv[0], port, &hints, &t.server);
	if (err)
		die("%s: %s", argv[0], gai_strerror(err));
	t.sock = socket(t.server->ai_family, SOCK_DGRAM, 0);
	if (t.sock < 0)
		die("socket:");
	t.packet = xmalloc(MAX_BLOCK + 4);

	if (put) {
		t.fd = open_input(local);
		if (t.fd < 0)
			die("%s:", local);
		return put_file(&t) < 0;
	}
	if (strcmp(local, "-") == 0) {
		status = get_file(STDOUT_FILENO, &t) < 0;
	} else {
		struct stat like = { .st_uid = getuid(), .st_gid = getgid() };
		mode_t mask = umask(0);
		umask(mask);
		like.st_mode = 0666 & ~mask;
		like.st_atim.tv_nsec = like.st_mtim.tv_nsec = UTIME_NOW;
		status = write_new_file(local, &like, get_file, &t);
	}
	return status;
}
