/*
 * head: copy the first part of files (POSIX head, plus GNU's -c, -q and -v).
 * "head -5" is the old spelling of "head -n 5" and still works.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: head [-qv] [-n LINES | -c BYTES | -LINES] [FILE]...\n"
	"Print the first 10 lines of each FILE (standard input for none or -).\n"
	"  -n N  the first N lines\n"
	"  -c N  the first N bytes (suffixes k, m, g allowed)\n"
	"  -q    never print \"==> FILE <==\" headers\n"
	"  -v    always print them\n";

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

int head_main(int argc, char **argv)
{
	struct options o;
	int c, bytes = 0, headers = 0, status = 0, first = 1;
	long long count = 10;
	static char *stdin_only[] = { "-", NULL };
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
			if (parse_size(o.arg, &count) < 0)
				usage_error(usage, "invalid number '%s'", o.arg);
			bytes = c == 'c';
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
	if (headers == 0)
		headers = argc > 1;
	if (headers < 0)
		headers = 0;
	if (*argv == NULL)
		argv = stdin_only;

	for (; *argv; argv++) {
		int fd = open_input(*argv);
		if (fd < 0) {
			warn("cannot open '%s':", *argv);
			status = 1;
			continue;
		}
		if (headers)
			printf("%s==> %s <==\n", first ? "" : "\n",
			       strcmp(*argv, "-") == 0 ? "standard input" : *argv);
		first = 0;
		if (head_fd(fd, count, bytes) < 0) {
			warn("%s:", *argv);
			status = 1;
		}
		if (fd != STDIN_FILENO)
			close(fd);
	}
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
