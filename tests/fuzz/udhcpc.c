/*
 * udhcpc.c: fuzz target for the DHCP client's check of what it receives
 * (shell/cmd/udhcpc.c's check_packet: the IP and UDP headers and checksums, the BOOTP
 * fields, every option and its length). The input is a mode byte, then a packet as
 * the packet socket gives it, IP header first. Mode bit 0: the IP header checksum is
 * made right before the check, bit 1: the UDP one too, bit 2: the UDP checksum is
 * "left to the hardware" (not checked) — a fuzzer alone seldom finds a right checksum,
 * and would never get past them. The reply must be for transaction FUZZ_XID and
 * hardware address fuzz_mac (the seeds are).
 *
 * check_packet is static: this file includes udhcpc.c itself, after sandbox.h, as the
 * Makefile's rule compiles each of mini's sources for a fuzzer.
 */
#include "sandbox.h"
#include "cmd/udhcpc.c"
#include "fuzz.h"

static const uint8_t fuzz_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const uint8_t fuzz_xid[4] = { 0x12, 0x34, 0x56, 0x78 };	/* as sent */

enum { FIX_IP_SUM = 1, FIX_UDP_SUM = 2, UDP_SUM_UNFINISHED = 4 };

struct input {
	const uint8_t *data;
	size_t size;
};

static void put_sum(uint8_t *at, uint32_t sum)
{
	unsigned folded = ~fold_sum(sum) & 0xffff;

	at[0] = folded >> 8;
	at[1] = folded & 0xff;
}

/* The checksums the mode asks for, where the packet is long enough to hold them. */
static void fix_sums(uint8_t *pkt, size_t len, int mode)
{
	size_t header = len ? (pkt[0] & 15) * 4 : 0, udp_len;

	if (header < 20 || header + 8 > len)
		return;
	if (mode & FIX_IP_SUM) {
		pkt[10] = pkt[11] = 0;
		put_sum(pkt + 10, sum_bytes(0, pkt, header));
	}
	udp_len = get16(pkt + header + 4);
	if ((mode & FIX_UDP_SUM) && udp_len >= 8 && udp_len <= len - header) {
		uint8_t *udp = pkt + header;
		udp[6] = udp[7] = 0;
		put_sum(udp + 6, sum_bytes(sum_bytes(0, pkt + 12, 8) + IPPROTO_UDP + udp_len, udp, udp_len));
	}
}

static int check(void *arg)
{
	const struct input *in = arg;
	int mode = in->data[0];
	size_t len = in->size - 1;
	uint8_t *pkt = xmalloc(len ? len : 1);	/* exactly the packet: ASan sees a read past it */
	uint32_t xid;
	struct reply r;
	const char *why;

	memcpy(pkt, in->data + 1, len);
	fix_sums(pkt, len, mode);
	memcpy(&xid, fuzz_xid, 4);
	check_packet(pkt, len, (mode & UDP_SUM_UNFINISHED) != 0, xid, fuzz_mac, &r, &why);
	free(pkt);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };

	if (size > 0)
		fuzz_run(check, &in);
	return 0;
}
