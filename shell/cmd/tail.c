/*
 * tail: copy the last part of files (POSIX tail, plus GNU's -F, -s, -q, -v and
 * several files). A regular file is read backwards from its end, so the last
 * lines of a huge log cost only a few blocks; a pipe is read to its end keeping
 * only what may still be needed. -f keeps reading as the file grows; -F also
 * notices when the name is given to a new file (log rotation).
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"

static const char usage[] =
	"Usage: tail [-fFqv] [-s SECS] [-n [+]LINES | -c [+]BYTES] [FILE]...\n"
	"Print the last 10 lines of each FILE (standard input for none or -).\n"
	"  -n N   the last N lines; -n +N from line N on\n"
	"  -c N   the last N bytes; -c +N from byte N on\n"
	"  -f     follow: keep printing what is appended\n"
	"  -F     follow the name: reopen the file when it is replaced or reappears\n"
	"  -s S   with -f, check every S seconds (default 1)\n"
	"  -q     never print \"==> FILE <==\" headers\n"
	"  -v     always print them\n";

#define BLOCK 65536

static long long count = 10;
static int count_bytes, from_start, show_headers;

/* One file being followed. */
struct followed {
	const char *name;
	int fd;
	off_t pos;
	dev_t dev;
	ino_t ino;
};

static const char *display_name(const char *name)
{
	return strcmp(name, "-") == 0 ? "standard input" : name;
}

/* Print the header of name unless it was the last one printed. */
static void header(const char *name)
{
	static const char *last;

	if (!show_headers || last == name)
		return;
	printf("%s==> %s <==\n", last ? "\n" : "", display_name(name));
	last = name;
}

/* Copy the rest of fd to stdout; returns bytes copied or -1. */
static off_t copy_rest(int fd)
{
	char buf[BLOCK];
	ssize_t n;
	off_t total = 0;

	while ((n = read(fd, buf, sizeof buf)) > 0) {
		fwrite(buf, 1, n, stdout);
		total += n;
	}
	fflush(stdout);
	return n < 0 ? -1 : total;
}

/* "+N": skip the first N-1 lines or bytes, then copy the rest. */
static int tail_from_start(int fd)
{
	char buf[BLOCK];
	long long skip = count > 0 ? count - 1 : 0;
	ssize_t n = 0;

	while (skip > 0 && (n = read(fd, buf, sizeof buf)) > 0) {
		char *p = buf, *end = buf + n;
		if (count_bytes) {
			p += skip < n ? skip : n;
			skip -= p - buf;
		} else {
			while (skip > 0 && (p = memchr(p, '\n', end - p)) != NULL) {
				p++;
				skip--;
			}
			if (p == NULL)
				p = end;
		}
		if (skip == 0)
			fwrite(p, 1, end - p, stdout);
	}
	if (n < 0)
		return -1;
	return copy_rest(fd) < 0 ? -1 : 0;
}

/*
 * Where the last `count` lines (or bytes) of data[0..len) start. A final newline
 * ends the last line, it does not start another one.
 */
static size_t tail_start(const char *data, size_t len)
{
	long long wanted = count;
	size_t end = len;

	if (count_bytes)
		return (long long)len > count ? len - count : 0;
	if (wanted == 0)
		return len;
	if (end > 0 && data[end - 1] == '\n')
		end--;
	while (end > 0) {
		const char *nl = memrchr(data, '\n', end);
		if (nl == NULL)
			break;
		if (--wanted == 0)
			return nl + 1 - data;
		end = nl - data;
	}
	return 0;
}

/* A regular file: read blocks backwards from the end until enough lines are seen. */
static int tail_seekable(int fd, off_t size)
{
	char *buf = NULL;
	size_t have = 0;
	off_t pos = size;
	size_t start;

	if (count_bytes) {
		lseek(fd, size > count ? size - count : 0, SEEK_SET);
		return copy_rest(fd) < 0 ? -1 : 0;
	}
	/* Keep the blocks read so far in one buffer, newest last. */
	for (;;) {
		size_t chunk = pos > BLOCK ? BLOCK : (size_t)pos;
		pos -= chunk;
		buf = xrealloc(buf, have + chunk);
		memmove(buf + chunk, buf, have);
		if (pread(fd, buf, chunk, pos) != (ssize_t)chunk) {
			free(buf);
			return -1;
		}
		have += chunk;
		start = tail_start(buf, have);
		if (start > 0 || pos == 0)
			break;
	}
	fwrite(buf + start, 1, have - start, stdout);
	free(buf);
	lseek(fd, size, SEEK_SET);
	return 0;
}

/* A pipe: read to the end, dropping the front whenever the buffer has doubled. */
static int tail_stream(int fd)
{
	size_t len = 0, cap = BLOCK, trimmed_at = BLOCK;
	char *buf = xmalloc(cap);
	ssize_t n;

	for (;;) {
		if (cap - len < BLOCK)
			buf = xrealloc(buf, cap *= 2);
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += n;
		if (len > 2 * trimmed_at) {
			size_t start = tail_start(buf, len);
			memmove(buf, buf + start, len - start);
			len -= start;
			trimmed_at = len > BLOCK ? len : BLOCK;
		}
	}
	fwrite(buf + tail_start(buf, len), 1, len - tail_start(buf, len), stdout);
	free(buf);
	return n < 0 ? -1 : 0;
}

static int tail_fd(int fd)
{
	struct stat st;

	if (from_start)
		return tail_from_start(fd);
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && lseek(fd, 0, SEEK_CUR) == 0)
		return tail_seekable(fd, st.st_size);
	return tail_stream(fd);
}

static void sleep_seconds(double seconds)
{
	struct timespec ts;

	ts.tv_sec = (time_t)seconds;
	ts.tv_nsec = (long)((seconds - ts.tv_sec) * 1e9);
	nanosleep(&ts, NULL);
}

/* -F: if the name now means another file (or none), switch to it. */
static void check_rotation(struct followed *f)
{
	struct stat st;

	if (stat(f->name, &st) < 0) {
		if (f->fd >= 0) {
			warn("'%s' has become inaccessible:", f->name);
			close(f->fd);
			f->fd = -1;
		}
		return;
	}
	if (f->fd >= 0 && st.st_dev == f->dev && st.st_ino == f->ino)
		return;
	if (f->fd >= 0) {	/* finish the old file before leaving it */
		header(f->name);
		copy_rest(f->fd);
		close(f->fd);
		warn("'%s' has been replaced; following new file", f->name);
	} else {
		warn("'%s' has appeared; following new file", f->name);
	}
	f->fd = open(f->name, O_RDONLY);
	f->pos = 0;
	f->dev = st.st_dev;
	f->ino = st.st_ino;
}

/* Print what was appended to f since last time. */
static void poll_growth(struct followed *f)
{
	struct stat st;
	off_t copied;

	if (f->fd < 0 || fstat(f->fd, &st) < 0)
		return;
	if (S_ISREG(st.st_mode) && st.st_size < f->pos) {
		warn("%s: file truncated", f->name);
		lseek(f->fd, 0, SEEK_SET);
		f->pos = 0;
	}
	if (S_ISREG(st.st_mode) && st.st_size == f->pos)
		return;
	header(f->name);
	copied = copy_rest(f->fd);
	if (copied > 0)
		f->pos += copied;
}

static void follow(struct followed *files, int nfiles, int by_name, double interval)
{
	for (;;) {
		sleep_seconds(interval);
		for (int i = 0; i < nfiles; i++) {
			if (by_name)
				check_rotation(&files[i]);
			poll_growth(&files[i]);
		}
	}
}

/*
 * "tail -5", "tail +5", "tail -5f", "tail -3c": the old forms. Rewrites argv[1]
 * into "-n5" style in buf; returns 1 when the old form asked to follow.
 */
static int old_style(int argc, char **argv, char *buf, size_t size)
{
	const char *a = argc > 1 ? argv[1] : "";
	const char *p = a + 1;

	if ((a[0] != '-' && a[0] != '+') || !isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p))
		p++;
	if (p[strspn(p, "lcf")] != '\0')
		return 0;
	snprintf(buf, size, "-%c%s%.*s", strchr(p, 'c') ? 'c' : 'n', a[0] == '+' ? "+" : "",
		 (int)(p - a - 1), a + 1);
	argv[1] = buf;
	return strchr(p, 'f') != NULL;
}

int tail_main(int argc, char **argv)
{
	struct options o;
	int c, follow_mode = 0, headers = 0, status = 0, nfiles;
	double interval = 1.0;
	static char *stdin_only[] = { "-", NULL };
	char old[40];
	struct followed *files;

	if (old_style(argc, argv, old, sizeof old))
		follow_mode = 'f';
	options_start(&o, argc, argv, "n:c:fFs:qv", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'n':
		case 'c':
			count_bytes = c == 'c';
			from_start = o.arg[0] == '+';
			if (parse_size(o.arg + (o.arg[0] == '+' || o.arg[0] == '-'), &count) < 0)
				usage_error(usage, "invalid number '%s'", o.arg);
			break;
		case 'f':
		case 'F':
			follow_mode = c;
			break;
		case 's':
			interval = strtod(o.arg, NULL);
			if (interval < 0)
				usage_error(usage, "invalid interval '%s'", o.arg);
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
	show_headers = headers == 0 ? argc > 1 : headers > 0;
	if (*argv == NULL) {
		argv = stdin_only;
		argc = 1;
	}
	files = xzalloc(argc * sizeof *files);
	nfiles = 0;
	for (; *argv; argv++) {
		struct followed *f = &files[nfiles];
		struct stat st;
		int fd = open_input(*argv);
		f->name = *argv;
		f->fd = -1;
		if (fd < 0) {
			warn("cannot open '%s':", *argv);
			status = 1;
			if (follow_mode == 'F')
				nfiles++;
			continue;
		}
		header(*argv);
		if (tail_fd(fd) < 0) {
			warn("%s:", *argv);
			status = 1;
		}
		fflush(stdout);
		if (fstat(fd, &st) == 0 && !S_ISFIFO(st.st_mode)) {
			f->fd = fd;
			f->pos = lseek(fd, 0, SEEK_CUR);
			f->dev = st.st_dev;
			f->ino = st.st_ino;
			nfiles++;
		} else if (fd != STDIN_FILENO) {
			close(fd);
		}
	}
	if (flush_stdout() < 0)
		return 1;
	if (follow_mode && nfiles > 0)
		follow(files, nfiles, follow_mode == 'F', interval);
	return status;
}
