/*
 * hash.h: the message digests MD5 (RFC 1321), SHA-1 and SHA-256 (FIPS 180-4),
 * for md5sum, sha1sum and sha256sum; the CRC-32 of gzip.
 *
 *	struct hash h;
 *	unsigned char digest[HASH_MAX_SIZE];
 *	hash_start(&h, HASH_SHA256);
 *	hash_add(&h, data, len);	// as often as needed
 *	hash_finish(&h, digest);	// h.size bytes
 */
#ifndef HASH_H
#define HASH_H

#include <stddef.h>
#include <stdint.h>

enum hash_kind { HASH_MD5, HASH_SHA1, HASH_SHA256 };

#define HASH_MAX_SIZE 32

struct hash {
	enum hash_kind kind;
	int size;			/* bytes of the digest: 16, 20 or 32 */
	uint32_t state[8];		/* the chaining value */
	uint64_t length;		/* bytes added so far */
	unsigned char block[64];	/* a partly filled 512-bit block */
};

void hash_start(struct hash *h, enum hash_kind kind);
void hash_add(struct hash *h, const void *data, size_t len);
void hash_finish(struct hash *h, unsigned char *digest);

/* The CRC-32 of gzip (RFC 1952 8) and PNG: continue crc (0 to start) over len more
 * bytes (gunzip's and gzip's check, libmini/inflate.c and deflate.c). */
uint32_t crc32_update(uint32_t crc, const unsigned char *p, size_t len);

#endif
