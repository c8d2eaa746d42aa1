/*
 * gzip.h: what gzip.c and gunzip.c share. gzip -d, -l and -t are gunzip, which
 * also walks -r's trees and prints -v's line for both.
 */
#ifndef GZIP_H
#define GZIP_H

int gunzip_main(int argc, char **argv);
/* Call one(path, data) for path, or with recursive for each regular file under
 * it when it is a directory ("-" stays standard input). Returns 0 or 1. */
int gzip_each_file(const char *path, int recursive, int (*one)(const char *path, void *data),
		   void *data);
/* -v: "PATH:	 53.0% -- replaced with TARGET" (or "created", with keep) on stderr. */
void gzip_report(const char *path, long long compressed, long long uncompressed,
		 unsigned header_bytes, const char *target, int keep);

#endif
