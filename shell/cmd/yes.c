/* yes: repeat a line forever (GNU/BusyBox yes; not in POSIX). */
#include <string.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: yes [STRING]...\n"
	"Write a line of the STRINGs separated by spaces (\"y\" for none) again and again.\n";

int yes_main(int argc, char **argv)
{
	struct options o;
	size_t line_len = 0, filled;
	char *line, *buf;
	enum { BUF_SIZE = 8192 };

	options_start(&o, argc, argv, "", usage);
	options_next(&o);
	argv += o.index;
	if (*argv == NULL) {
		static char *just_y[] = { "y", NULL };
		argv = just_y;
	}
	for (int i = 0; argv[i]; i++)
		line_len += strlen(argv[i]) + 1;
	line = xmalloc(line_len);
	line[0] = '\0';
	for (int i = 0; argv[i]; i++) {
		strcat(line, argv[i]);
		strcat(line, argv[i + 1] ? " " : "\n");
	}
	/* One write(2) per line is slow: fill a big buffer with whole lines and write that. */
	buf = line;
	filled = line_len;
	if (line_len < BUF_SIZE / 2) {
		buf = xmalloc(BUF_SIZE);
		for (filled = 0; filled + line_len <= BUF_SIZE; filled += line_len)
			memcpy(buf + filled, line, line_len);
	}
	while (write_all(STDOUT_FILENO, buf, filled) == 0)
		;
	/* A closed pipe (head) ends yes quietly with SIGPIPE; anything else is an error. */
	die("write error:");
}
