/*
 * md5sum, sha1sum, sha256sum: print or check message digests (the GNU coreutils
 * interface; the digests themselves are in libmini/hash.c).
 *
 * One main for all three: the name it runs under picks the digest.
 * A checksum line is "DIGEST  NAME" ("DIGEST *NAME" for a file read in binary
 * mode, which on Linux is the same thing); -c reads such lines back.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "hash.h"
#include "lines.h"

static const char usage[] =
	"Usage: md5sum|sha1sum|sha256sum [-c [-qs]] [FILE]...\n"
	"Print the digest of each FILE (standard input for none or -).\n"
	"  -c  read DIGEST  NAME lines from the FILEs and check each NAME\n"
	"  -q  with -c: do not print OK for the files that match\n"
	"  -s  with -c: print nothing, only the exit status tells\n";

/* Digest what fd holds into hex (2 * size + 1 bytes). Returns 0, or -1 with errno set. */
static int digest_fd(int fd, enum hash_kind kind, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	static unsigned char buf[65536];	/* 64 KB reads: few system calls */
	unsigned char digest[HASH_MAX_SIZE];
	struct hash h;
	ssize_t n;

	hash_start(&h, kind);
	while ((n = read_full(fd, buf, sizeof buf)) > 0)
		hash_add(&h, buf, n);
	if (n < 0)
		return -1;
	hash_finish(&h, digest);
	for (int i = 0; i < h.size; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[2 * h.size] = '\0';
	return 0;
}

/* Digest the file at path ("-": standard input), for -c. Returns 0, or -1 with errno set. */
static int digest_file(const char *path, enum hash_kind kind, char *hex)
{
	int fd = open_input(path), result;

	if (fd < 0)
		return -1;
	result = digest_fd(fd, kind, hex);
	if (fd != STDIN_FILENO)
		close(fd);
	return result;
}

struct check_counts {
	enum hash_kind kind;
	int quiet, silent;	/* -q, -s */
	long failed, unreadable, malformed, checked;
	long malformed_lists;	/* lists without one good line */
};

/*
 * Where the name starts in a checksum line, or NULL when the line is not one: the
 * digest, a blank, then '*' or a blank for the mode, which may be left out as GNU
 * allows ("DIGEST NAME"). The name is the rest of the line, spaces and all.
 */
static const char *name_in_line(const char *line, size_t hex_len)
{
	const char *p = line + hex_len;

	if (strspn(line, "0123456789abcdefABCDEF") != hex_len || (*p != ' ' && *p != '\t'))
		return NULL;
	p++;
	if (*p == ' ' || *p == '*')
		p++;
	return *p ? p : NULL;
}

/* Check one "DIGEST  NAME" line. */
static void check_line(char *line, size_t hex_len, enum hash_kind kind, struct check_counts *count)
{
	char hex[2 * HASH_MAX_SIZE + 1];
	const char *name = name_in_line(line, hex_len);

	if (name == NULL) {
		count->malformed++;
		return;
	}
	count->checked++;
	if (digest_file(name, kind, hex) < 0) {
		if (!count->silent) {
			warn("%s:", name);
			printf("%s: FAILED open or read\n", name);
		}
		count->unreadable++;
		return;
	}
	if (strncasecmp(hex, line, hex_len) != 0) {
		count->failed++;
		if (!count->silent)
			printf("%s: FAILED\n", name);
	} else if (!count->quiet && !count->silent) {
		printf("%s: OK\n", name);
	}
}

/* each_file's work for -c: check every line of the list in fd. */
static int check_list(int fd, const char *path, void *data)
{
	struct check_counts *count = data;
	struct lines in;
	char *line;
	size_t len, hex_len = count->kind == HASH_MD5 ? 32 : count->kind == HASH_SHA1 ? 40 : 64;
	long checked_before = count->checked;

	lines_start(&in, fd, '\n');
	while ((line = lines_next(&in, &len)) != NULL)
		check_line(line, hex_len, count->kind, count);
	lines_end(&in);
	if (count->checked == checked_before) {
		warn("%s: no properly formatted checksum lines found", path);
		count->malformed_lists++;
	}
	return 0;
}

/* each_file's work without -c: "DIGEST  NAME". */
static int print_digest(int fd, const char *path, void *data)
{
	char hex[2 * HASH_MAX_SIZE + 1];

	if (digest_fd(fd, *(enum hash_kind *)data, hex) < 0)
		return COPY_READ_ERROR;
	printf("%s  %s\n", hex, path);
	return 0;
}

static void report_problems(const struct check_counts *count)
{
	if (count->silent)
		return;
	if (count->malformed)
		warn("WARNING: %ld line%s improperly formatted", count->malformed,
		     count->malformed == 1 ? " is" : "s are");
	if (count->unreadable)
		warn("WARNING: %ld listed file%s could not be read", count->unreadable,
		     count->unreadable == 1 ? "" : "s");
	if (count->failed)
		warn("WARNING: %ld computed checksum%s did NOT match", count->failed,
		     count->failed == 1 ? "" : "s");
}

int md5sum_main(int argc, char **argv)
{
	struct check_counts count = { 0 };
	struct options o;
	int c, checking = 0, status;

	count.kind = HASH_MD5;
	if (strcmp(program_name, "sha1sum") == 0)
		count.kind = HASH_SHA1;
	else if (strcmp(program_name, "sha256sum") == 0)
		count.kind = HASH_SHA256;
	options_start(&o, argc, argv, "cqs", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'c')
			checking = 1;
		else if (c == 'q')
			count.quiet = 1;
		else
			count.silent = 1;
	}
	argv += o.index;
	if (checking)
		status = each_file(argv, check_list, &count);
	else
		status = each_file(argv, print_digest, &count.kind);
	report_problems(&count);
	if (count.failed || count.unreadable || count.malformed_lists)
		status = 1;
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
