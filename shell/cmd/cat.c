/* cat: concatenate files to standard output (POSIX cat, plus -n). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: cat [-nu] [FILE]...\n"
	"Copy each FILE (standard input for none or -) to standard output.\n"
	"  -n  number every output line\n"
	"  -u  unbuffered (mini's cat never buffers output anyway)\n";

/* Copy fd to stdout, putting a line number in front of every line. */
static int cat_numbered(int fd, long *line, int *at_line_start)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(fd, buf, sizeof buf)) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			if (*at_line_start)
				printf("%6ld\t", ++*line);
			putchar(buf[i]);
			*at_line_start = buf[i] == '\n';
		}
	}
	return n < 0 ? -1 : 0;
}

int cat_main(int argc, char **argv)
{
	struct options o;
	int c, number = 0, status = 0, at_line_start = 1;
	long line = 0;
	static char *stdin_only[] = { "-", NULL };

	options_start(&o, argc, argv, "nu", usage);
	while ((c = options_next(&o)) != -1)
		if (c == 'n')
			number = 1;
	argv += o.index;
	if (*argv == NULL)
		argv = stdin_only;

	for (; *argv; argv++) {
		int fd = open_input(*argv);
		int result;
		if (fd < 0) {
			warn("%s:", *argv);
			status = 1;
			continue;
		}
		result = number ? cat_numbered(fd, &line, &at_line_start) : copy_fd(fd, STDOUT_FILENO);
		if (result == COPY_WRITE_ERROR) {
			warn("write error:");	/* and no use going on with the next file */
			return 1;
		}
		if (result < 0) {
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
