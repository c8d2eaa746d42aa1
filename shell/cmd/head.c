/*
 * head: copy the first part of files (POSIX head, plus GNU's -c, -q and -v, and
 * -n -N / -c -N: all but the last N lines or bytes).
 * "head -5" is the old spelling of "head -n 5" and still works.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: head [-qv] [-n [-]LINES | -c [-]BYTES | -LINES] [FILE]...\n"
	"Print the first 10 lines of each FILE (standard input for none or -).\n"
	"  -n N   the first N lines; -n -N: all but the last N lines\n"
	"  -c N   the first N bytes (suffixes k, m, g allowed); -c -N: all but the last N\n"
	"  -q    never print \"==> FILE <==\" headers\n"
	"  -v    always print them\n";

/* What the loop over the files shares. */
struct head {
	long long count;
	int bytes;		/* -c: count bytes, not lines */
	int all_but;		/* -n -N, -c -N: all but the last count */
	int headers;		/* print "==> FILE <==" */
	int files_done;
};

/*
 * Where the last count lines of s[0..len) start. An unterminated line at the end
 * is held back as well, and counts as a line only at the end of the input.
 */
static size_t last_lines_start(const char *s, size_t len, long long count, int at_end)
{
	size_t p = len;

	if (count == 0)
		return len;
	if (len > 0 && s[len - 1] != '\n') {
		while (p > 0 && s[p - 1] != '\n')
			p--;
		if (at_end)
			count--;
	}
	for (; count > 0 && p > 0; count--) {
		p--;		/* the newline that ends the line before */
		while (p > 0 && s[p - 1] != '\n')
			p--;
	}
	return p;
}

/*
 * -n -N and -c -N: all but the last count lines (bytes). What is read is held
 * until count lines (bytes) follow it, so memory is only what count needs.
 */
static int head_all_but(int fd, const struct head *h)
{
	struct strbuf held = { 0 };
	char buf[65536];
	ssize_t n;
	size_t out;

	do {
		n = read(fd, buf, sizeof buf);
		if (n > 0)
			sb_addn(&held, buf, n);
		if (h->bytes)
			out = held.len > (unsigned long long)h->count ? held.len - h->count : 0;
		else
			out = last_lines_start(held.s, held.len, h->count, n <= 0);
		if (out > 0 && fwrite(held.s, 1, out, stdout) != out)
			n = -1;
		memmove(held.s, held.s + out, held.len - out);
		held.len -= out;
	} while (n > 0);
	free(held.s);
	return n < 0 ? -1 : 0;
}

/* Copy the first `count` lines (or bytes) of fd to stdout. Returns 0 or -1. */
static int head_fd(int fd, long long count, int bytes)
{
	char buf[65536];
	ssize_t n = 0;

	while (count > 0 && (n = read(fd, buf, sizeof buf)) > 0) {
		size_t take = n;
		if (bytes) {
			if ((long long)take > count)
				take = count;
			count -= take;
		} else {
			char *p = buf, *end = buf + n;
			while (count > 0 && (p = memchr(p, '\n', end - p)) != NULL) {
				p++;
				count--;
			}
			if (count == 0)
				take = p - buf;
		}
		if (fwrite(buf, 1, take, stdout) != take)
			return -1;
		/* Give back what we read too far, so "(head -n 1; cat) < file" works. */
		if (take < (size_t)n)
			lseek(fd, (off_t)take - n, SEEK_CUR);
	}
	return n < 0 ? -1 : 0;
}

/* each_file's work: the header, then the part of the file asked for. */
static int head_file(int fd, const char *name, void *data)
{
	struct head *h = data;
	int result;

	if (h->headers)
		printf("%s==> %s <==\n", h->files_done ? "\n" : "",
		       strcmp(name, "-") == 0 ? "standard input" : name);
	h->files_done++;
	result = h->all_but ? head_all_but(fd, h) : head_fd(fd, h->count, h->bytes);
	if (result < 0)
		return ferror(stdout) ? COPY_WRITE_ERROR : COPY_READ_ERROR;
	return 0;
}

int head_main(int argc, char **argv)
{
	struct options o;
	struct head h = { .count = 10 };
	int c, headers = 0, status;
	char old_style[32];

	/* "head -5" means "head -n 5". */
	if (argc > 1 && argv[1][0] == '-' && isdigit((unsigned char)argv[1][1])) {
		snprintf(old_style, sizeof old_style, "-n%s", argv[1] + 1);
		argv[1] = old_style;
	}
	options_start(&o, argc, argv, "n:c:qv", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'n':
		case 'c':
			h.all_but = o.arg[0] == '-';
			if (parse_size(o.arg + h.all_but, &h.count) < 0 || h.count < 0)
				usage_error(usage, "invalid number '%s'", o.arg);
			h.bytes = c == 'c';
			break;
		case 'q':
			headers = -1;
			break;
		case 'v':
			headers = 1;
			break;
		}
	}
	argv += o.index;
	argc -= o.index;
	h.headers = headers == 0 ? argc > 1 : headers > 0;
	status = each_file(argv, head_file, &h);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
