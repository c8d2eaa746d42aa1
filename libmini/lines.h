/*
 * lines.h: a fast line reader over a file descriptor, shared by the text commands
 * (grep, sed, sort, uniq, cut, head, wc ...).
 *
 *	struct lines in;
 *	char *line;
 *	size_t len;
 *	lines_start(&in, fd, '\n');
 *	while ((line = lines_next(&in, &len)) != NULL)
 *		use(line, len);		// NUL-terminated, without its '\n'
 *	if (in.error) warn(...);	// a read error ended the loop
 *	lines_end(&in);
 *
 * It reads 64 KiB at a time and hands out lines inside its own buffer, so a line
 * costs one memchr instead of a function call per byte. A line stays valid until
 * the next call.
 */
#ifndef LINES_H
#define LINES_H

#include <stddef.h>

struct lines {
	int fd;
	char delim;		/* '\n', or '\0' for -z */
	char *buf;
	size_t size;		/* bytes allocated */
	size_t start;		/* first byte not handed out yet */
	size_t end;		/* end of the bytes read so far */
	int eof;
	int error;		/* errno of a failed read, 0 if none */
	int last_unterminated;	/* the line just returned had no delimiter (end of file) */
};

void lines_start(struct lines *in, int fd, char delim);
/* The next line without its delimiter, NUL-terminated; *len is its length. NULL at the end. */
char *lines_next(struct lines *in, size_t *len);
/* Free the buffer (the descriptor stays open). */
void lines_end(struct lines *in);
/*
 * memchr, but fast on every x86: uClibc's i386 memchr is `repne scasb`, which
 * modern CPUs run at several cycles per byte. This one tests 4 bytes at a time.
 */
void *find_byte(const void *s, int c, size_t n);
/* The first occurrence of needle[0..m) in hay[0..n), or NULL (memmem). */
const char *find_string(const char *hay, size_t n, const char *needle, size_t m);

/* Give stdout a 64 KiB buffer when it is not a terminal: fewer write(2) calls. */
void stdout_big_buffer(void);

/*
 * The loop of the line filters (cut, expand, unexpand, fold, rev): for every line of
 * every file (standard input for none or "-"), print_line(line, len, data) prints what
 * becomes of it and returns 1 for the line's '\n' to follow (when it had one), or 0 when
 * it ended the line itself or dropped it (cut -s); data carries the command's settings.
 * The files go through each_file (mini.h): unreadable ones are reported and skipped;
 * stdout is flushed at the end. Returns the exit status: 0, or 1 after any error.
 */
int each_line(char **files, int (*print_line)(const char *line, size_t len, void *data), void *data);

#endif
