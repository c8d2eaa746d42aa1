/* lines.c: a fast line reader; see lines.h for how to use it. */
#include <errno.h>
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
	unsigned long repeated = 0x01010101UL * byte;

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
	for (; n >= 4; p += 4, n -= 4) {
		unsigned long x = *(const unsigned long *)p ^ repeated;
		if ((x - 0x01010101UL) & ~x & 0x80808080UL)
			break;
	}
	for (; n > 0; p++, n--)
		if (*p == byte)
			return (void *)p;
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
