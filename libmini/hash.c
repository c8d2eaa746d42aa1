/*
 * hash.c: MD5 (RFC 1321), SHA-1 and SHA-256 (FIPS 180-4).
 *
 * All three work the same way (the Merkle-Damgard construction): the message is
 * cut into 64-byte blocks, and a compression function mixes each block into a
 * small state of 32-bit words. The last block is padded with a 1 bit, zeros and
 * the message length in bits, so that messages of different lengths never end
 * alike. The final state is the digest. They differ only in the compression
 * function and in the byte order: MD5 is little-endian, the SHAs big-endian.
 * At the end, the CRC-32 of gzip: no digest, a check against accidents only.
 */
#include <string.h>
#include "hash.h"

static uint32_t rotate_left(uint32_t x, int n)
{
	return (x << n) | (x >> (32 - n));
}

static uint32_t rotate_right(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

static uint32_t load_big_endian(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t load_little_endian(const unsigned char *p)
{
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* ---- MD5, RFC 1321 section 3.4 ---- */

/* md5_sine[i] = the integer part of 2^32 * |sin(i + 1)|. */
static const uint32_t md5_sine[64] = {
	0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
	0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
	0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
	0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
	0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
	0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
	0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
	0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

/* The rotation of each step: four per round, repeated over the round's 16 steps. */
static const unsigned char md5_shift[16] = {
	7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21
};

static void md5_block(uint32_t *state, const unsigned char *block)
{
	uint32_t x[16], a = state[0], b = state[1], c = state[2], d = state[3];

	for (int i = 0; i < 16; i++)
		x[i] = load_little_endian(block + 4 * i);
	for (int i = 0; i < 64; i++) {
		int round = i / 16;
		uint32_t f, next;
		int word;
		if (round == 0) {
			f = (b & c) | (~b & d);		/* F */
			word = i;
		} else if (round == 1) {
			f = (b & d) | (c & ~d);		/* G */
			word = (5 * i + 1) % 16;
		} else if (round == 2) {
			f = b ^ c ^ d;			/* H */
			word = (3 * i + 5) % 16;
		} else {
			f = c ^ (b | ~d);		/* I */
			word = (7 * i) % 16;
		}
		next = b + rotate_left(a + f + x[word] + md5_sine[i], md5_shift[round * 4 + i % 4]);
		a = d;
		d = c;
		c = b;
		b = next;
	}
	state[0] += a;
	state[1] += b;
	state[2] += c;
	state[3] += d;
}

/* ---- SHA-1, FIPS 180-4 section 6.1.2 ---- */

static void sha1_block(uint32_t *state, const unsigned char *block)
{
	static const uint32_t k[4] = { 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6 };
	uint32_t w[80], a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];

	for (int t = 0; t < 16; t++)
		w[t] = load_big_endian(block + 4 * t);
	for (int t = 16; t < 80; t++)
		w[t] = rotate_left(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
	for (int t = 0; t < 80; t++) {
		uint32_t f, temp;
		if (t < 20)
			f = (b & c) | (~b & d);			/* Ch */
		else if (t >= 40 && t < 60)
			f = (b & c) | (b & d) | (c & d);	/* Maj */
		else
			f = b ^ c ^ d;				/* Parity */
		temp = rotate_left(a, 5) + f + e + k[t / 20] + w[t];
		e = d;
		d = c;
		c = rotate_left(b, 30);
		b = a;
		a = temp;
	}
	state[0] += a;
	state[1] += b;
	state[2] += c;
	state[3] += d;
	state[4] += e;
}

/* ---- SHA-256, FIPS 180-4 section 6.2.2 ---- */

/* The first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
static const uint32_t sha256_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static void sha256_block(uint32_t *state, const unsigned char *block)
{
	uint32_t w[64], v[8];	/* v[0..7] are the working variables a..h */

	for (int t = 0; t < 16; t++)
		w[t] = load_big_endian(block + 4 * t);
	for (int t = 16; t < 64; t++) {
		uint32_t s0 = rotate_right(w[t - 15], 7) ^ rotate_right(w[t - 15], 18) ^ (w[t - 15] >> 3);
		uint32_t s1 = rotate_right(w[t - 2], 17) ^ rotate_right(w[t - 2], 19) ^ (w[t - 2] >> 10);
		w[t] = s1 + w[t - 7] + s0 + w[t - 16];
	}
	memcpy(v, state, sizeof v);
	for (int t = 0; t < 64; t++) {
		uint32_t a = v[0], e = v[4];
		uint32_t sum1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
		uint32_t choice = (e & v[5]) ^ (~e & v[6]);
		uint32_t t1 = v[7] + sum1 + choice + sha256_k[t] + w[t];
		uint32_t sum0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
		uint32_t majority = (a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]);
		memmove(v + 1, v, 7 * sizeof v[0]);	/* h = g, g = f, ..., b = a */
		v[4] += t1;
		v[0] = t1 + sum0 + majority;
	}
	for (int i = 0; i < 8; i++)
		state[i] += v[i];
}

/* ---- the common frame: blocks, padding, output ---- */

void hash_start(struct hash *h, enum hash_kind kind)
{
	static const uint32_t initial[8] = {	/* MD5 and SHA-1 share their first four words */
		0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0
	};
	static const uint32_t sha256_initial[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	};

	memset(h, 0, sizeof *h);
	h->kind = kind;
	h->size = kind == HASH_MD5 ? 16 : kind == HASH_SHA1 ? 20 : 32;
	memcpy(h->state, kind == HASH_SHA256 ? sha256_initial : initial, sizeof h->state);
}

static void compress(struct hash *h, const unsigned char *block)
{
	if (h->kind == HASH_MD5)
		md5_block(h->state, block);
	else if (h->kind == HASH_SHA1)
		sha1_block(h->state, block);
	else
		sha256_block(h->state, block);
}

void hash_add(struct hash *h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t used = h->length % 64;

	h->length += len;
	if (used > 0) {		/* fill up the pending block first */
		size_t take = 64 - used < len ? 64 - used : len;
		memcpy(h->block + used, p, take);
		p += take;
		len -= take;
		if (used + take < 64)
			return;
		compress(h, h->block);
	}
	for (; len >= 64; p += 64, len -= 64)
		compress(h, p);
	memcpy(h->block, p, len);
}

void hash_finish(struct hash *h, unsigned char *digest)
{
	static const unsigned char pad[64] = { 0x80 };
	uint64_t bits = h->length * 8;
	unsigned char length[8];
	int big_endian = h->kind != HASH_MD5;

	for (int i = 0; i < 8; i++)
		length[big_endian ? 7 - i : i] = bits >> (8 * i);
	/* The 0x80 byte, then zeros up to 8 bytes short of a block boundary. */
	hash_add(h, pad, 1 + (119 - h->length % 64) % 64);
	hash_add(h, length, 8);
	for (int i = 0; i < h->size; i++) {
		uint32_t word = h->state[i / 4];
		int shift = big_endian ? 24 - 8 * (i % 4) : 8 * (i % 4);
		digest[i] = word >> shift;
	}
}

/* ---- CRC-32 (the one of RFC 1952 8, bits taken least significant first) ---- */

static uint32_t crc_table[256];

static void make_crc_table(void)
{
	for (uint32_t n = 0; n < 256; n++) {
		uint32_t c = n;
		for (int k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320 ^ (c >> 1) : c >> 1;
		crc_table[n] = c;
	}
}

uint32_t crc32_update(uint32_t crc, const unsigned char *p, size_t len)
{
	if (crc_table[1] == 0)
		make_crc_table();
	crc = ~crc;
	while (len--)
		crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}
