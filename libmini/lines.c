/* lines.c: a fast line reader; see lines.h for how to use it. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "lines.h"

#define CHUNK 65536

void *find_byte(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	unsigned char byte = c;
	uint32_t repeated = 0x01010101UL * byte;	/* 4-byte words, on a 64-bit host too */

	while (n > 0 && ((unsigned long)p & 3) != 0) {	/* up to a 4-byte boundary */
		if (*p == byte)
			return (void *)p;
		p++;
		n--;
	}
	/*
	 * x = word ^ repeated has a zero byte exactly where the word holds c;
	 * (x - 0x01010101) & ~x & 0x80808080 is non-zero exactly when x has a zero byte.
	 */
	for (; n >= 8; p += 8, n -= 8) {	/* two words a turn: less loop overhead */
		uint32_t x = *(const uint32_t *)p ^ repeated;
		uint32_t y = *(const uint32_t *)(p + 4) ^ repeated;
		if ((((x - 0x01010101UL) & ~x) | ((y - 0x01010101UL) & ~y)) & 0x80808080UL)
			break;
	}
	for (; n > 0; p++, n--)
		if (*p == byte)
			return (void *)p;
	return NULL;
}

/*
 * Which byte of needle to look for first: the one least common in ordinary
 * text, so memchr-style scanning stops at as few false candidates as possible.
 * Lower-case letters are ranked by English frequency; anything else is rare.
 */
static size_t rarest_byte(const char *needle, size_t m)
{
	static const char common[] = " etaoinshrdlcumwfgypbvkjxqz";
	static unsigned char rarity[256];	/* the rank of each byte in common[] */
	size_t best = 0;

	if (rarity['e'] == 0) {
		memset(rarity, sizeof common, sizeof rarity);
		for (size_t i = 0; common[i]; i++)
			rarity[(unsigned char)common[i]] = i;
	}
	for (size_t i = 1; i < m; i++)
		if (rarity[(unsigned char)needle[i]] > rarity[(unsigned char)needle[best]])
			best = i;
	return best;
}

const char *find_string(const char *hay, size_t n, const char *needle, size_t m)
{
	const char *end = hay + n;
	size_t k;

	if (m == 0)
		return hay;
	if (n < m)
		return NULL;
	k = rarest_byte(needle, m);
	/* Candidates are where needle[k] occurs, at least k bytes into hay. */
	for (const char *p = hay + k; (size_t)(end - p) >= m - k; p++) {
		p = find_byte(p, needle[k], end - p - (m - k) + 1);
		if (p == NULL)
			return NULL;
		if (memcmp(p - k, needle, m) == 0)
			return p - k;
	}
	return NULL;
}

void lines_start(struct lines *in, int fd, char delim)
{
	memset(in, 0, sizeof *in);
	in->fd = fd;
	in->delim = delim;
	in->size = CHUNK + 1;
	in->buf = xmalloc(in->size);
}

void lines_end(struct lines *in)
{
	free(in->buf);
	in->buf = NULL;
}

/* Move the unread tail to the front, grow if full, and read more. Returns bytes read. */
static ssize_t refill(struct lines *in)
{
	size_t pending = in->end - in->start;
	ssize_t n;

	if (in->start > 0) {
		memmove(in->buf, in->buf + in->start, pending);
		in->start = 0;
		in->end = pending;
	}
	if (in->size - in->end < CHUNK + 1) {	/* a long line: make room for another chunk */
		in->size = in->end + CHUNK + 1;
		if (in->size < 2 * pending)
			in->size = 2 * pending;
		in->buf = xrealloc(in->buf, in->size);
	}
	do
		n = read(in->fd, in->buf + in->end, in->size - in->end - 1);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		in->error = errno;
	if (n <= 0)
		in->eof = 1;
	else
		in->end += n;
	return n;
}

char *lines_next(struct lines *in, size_t *len)
{
	size_t scanned = 0;	/* bytes of the pending line already searched for the delimiter */
	char *line, *found;

	for (;;) {
		line = in->buf + in->start;
		found = find_byte(line + scanned, in->delim, in->end - in->start - scanned);
		if (found) {
			*found = '\0';
			*len = found - line;
			in->start += *len + 1;
			in->last_unterminated = 0;
			return line;
		}
		scanned = in->end - in->start;
		if (in->eof || refill(in) <= 0)
			break;
	}
	if (in->end == in->start)
		return NULL;
	/* The last line has no delimiter; refill always leaves a spare byte for the NUL. */
	line = in->buf + in->start;
	*len = in->end - in->start;
	line[*len] = '\0';
	in->start = in->end;
	in->last_unterminated = 1;
	return line;
}

void stdout_big_buffer(void)
{
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, NULL, _IOFBF, CHUNK);
}

/* each_line's callback and its data, for each_file. */
struct line_printer {
	int (*print_line)(const char *line, size_t len, void *data);
	void *data;
};

/* each_file's work: every line of fd through print_line, its '\n' after it when wanted. */
static int print_lines_of(int fd, const char *name, void *data)
{
	const struct line_printer *printer = data;
	struct lines in;
	char *line;
	size_t len;
	int error;

	(void)name;
	lines_start(&in, fd, '\n');
	while ((line = lines_next(&in, &len)) != NULL)
		if (printer->print_line(line, len, printer->data) && !in.last_unterminated)
			putchar('\n');
	error = in.error;
	lines_end(&in);
	errno = error;
	return error ? COPY_READ_ERROR : 0;
}

int each_line(char **files, int (*print_line)(const char *line, size_t len, void *data), void *data)
{
	struct line_printer printer = { print_line, data };
	int status;

	stdout_big_buffer();
	status = each_file(files, print_lines_of, &printer);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
