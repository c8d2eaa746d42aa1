/*
 * inflate.h: reading gzip files (gunzip, zcat, tar -z).
 *
 * The DEFLATE decoder of RFC 1951 inside the gzip wrapper of RFC 1952: every
 * member's header is checked, and its CRC-32 and length at the end. Members
 * written one after another are decompressed one after another, as gzip does.
 */
#ifndef INFLATE_H
#define INFLATE_H

#include <stddef.h>
#include <stdint.h>

/* Decompress the gzip data read from in and write it to out. Returns 0, or -1
 * after a warn() saying what was wrong ("not in gzip format", "crc error",
 * "unexpected end of file", a read/write error). */
int gunzip_fd(int in, int out);

/* The same, with name (may be NULL) put before each message: "NAME: crc error".
 * An out below 0 throws the data away once checked (gunzip -t). */
int gunzip_named(int in, int out, const char *name);

/* gunzip_named with flags: GUNZIP_COPY_OTHER copies input that does not start
 * as gzip data to out unchanged (zcat -f, gunzip -cf; out must be >= 0 then);
 * GUNZIP_QUIET leaves out the warning about trailing garbage (-q). */
enum { GUNZIP_COPY_OTHER = 1, GUNZIP_QUIET = 2 };
int gunzip_with(int in, int out, const char *name, int flags);

#endif
