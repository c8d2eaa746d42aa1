/*
 * dmesg: print or control the kernel's message buffer (as util-linux/BusyBox dmesg),
 * through syslog(2) (klogctl in the C library).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/klog.h>
#include "mini.h"

static const char usage[] =
	"Usage: dmesg [-c | -C] [-r] [-n LEVEL]\n"
	"Print the kernel's messages.\n"
	"  -c        print them, then clear the buffer\n"
	"  -C        clear the buffer without printing\n"
	"  -r        raw: keep the <N> priority in front of each line\n"
	"  -n LEVEL  only messages more urgent than LEVEL (1-8) go to the console\n";

/* The actions of syslog(2). */
enum { READ_ALL = 3, READ_CLEAR = 4, CLEAR = 5, CONSOLE_LEVEL = 8, BUFFER_SIZE = 10 };

/* Write the messages, dropping the "<6>" at the start of each line unless raw. */
static void print_messages(const char *text, int len, int raw)
{
	int at_line_start = 1;

	for (int i = 0; i < len; i++) {
		if (at_line_start && !raw && text[i] == '<') {
			int j = i + 1;
			while (j < len && text[j] >= '0' && text[j] <= '9')
				j++;
			if (j < len && text[j] == '>')
				i = j + 1;
			if (i >= len)
				break;
		}
		putchar(text[i]);
		at_line_start = text[i] == '\n';
	}
	if (len > 0 && text[len - 1] != '\n')
		putchar('\n');
}

int dmesg_main(int argc, char **argv)
{
	struct options o;
	int c, action = READ_ALL, raw = 0, size, len;
	long long level = 0;
	char *text;

	options_start(&o, argc, argv, "cCrn:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'c')
			action = READ_CLEAR;
		else if (c == 'C')
			action = CLEAR;
		else if (c == 'r')
			raw = 1;
		else if (parse_long(o.arg, &level) < 0 || level < 1 || level > 8)
			usage_error(usage, "invalid level '%s'", o.arg);
	}
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	if (level) {
		if (klogctl(CONSOLE_LEVEL, NULL, (int)level) < 0)
			die("cannot set the console level:");
		return 0;
	}
	if (action == CLEAR) {
		if (klogctl(CLEAR, NULL, 0) < 0)
			die("cannot clear the kernel buffer:");
		return 0;
	}
	size = klogctl(BUFFER_SIZE, NULL, 0);
	if (size < 16 * 1024)
		size = 16 * 1024;
	text = xmalloc(size);
	len = klogctl(action, text, size);
	if (len < 0)
		die("cannot read the kernel buffer:");
	print_messages(text, len, raw);
	return flush_stdout() < 0;
}
