/* rev: reverse the bytes of each line (util-linux rev; no locale, so bytes). */
#include <stdio.h>
#include <unistd.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: rev [FILE]...\n"
	"Copy each FILE (standard input for none or -), every line reversed.\n";

int rev_main(int argc, char **argv)
{
	struct options o;
	int status = 0;
	static char *stdin_only[] = { "-", NULL };

	options_start(&o, argc, argv, "", usage);
	while (options_next(&o) != -1)
		;
	argv += o.index;
	if (*argv == NULL)
		argv = stdin_only;
	stdout_big_buffer();
	for (; *argv; argv++) {
		struct lines in;
		char *line;
		size_t len;
		int fd = open_input(*argv);
		if (fd < 0) {
			warn("%s:", *argv);
			status = 1;
			continue;
		}
		lines_start(&in, fd, '\n');
		while ((line = lines_next(&in, &len)) != NULL) {
			while (len > 0)
				putchar(line[--len]);
			if (!in.last_unterminated)
				putchar('\n');
		}
		lines_end(&in);
		if (fd != STDIN_FILENO)
			close(fd);
	}
	if (fflush(stdout) != 0) {
		warn("write error:");
		status = 1;
	}
	return status;
}
