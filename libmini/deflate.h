/*
 * deflate.h: writing gzip files (gzip, tar -cz).
 *
 * A DEFLATE encoder (RFC 1951) inside the gzip wrapper (RFC 1952): LZ77 matches
 * found through hash chains over a 32 KB window, each block sent with the
 * cheapest of a dynamic Huffman code, the fixed code or stored bytes.
 */
#ifndef DEFLATE_H
#define DEFLATE_H

/* Compress everything read from in into one gzip member written to out. level
 * is 1 (fastest) to 9 (smallest); name (may be NULL) goes into the header as the
 * original file name, mtime (0: unknown) as its modification time. Returns 0,
 * or -1 after a warn() ("read error: ...", "write error: ..."). */
int gzip_fd(int in, int out, int level, const char *name, long mtime);

#endif
