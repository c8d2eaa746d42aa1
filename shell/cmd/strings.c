/*
 * strings: print the runs of printable characters in files (POSIX strings).
 * mini's strings always scans the whole file (-a is the default and only mode:
 * it has no ELF section reader).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "lines.h"

static const char usage[] =
	"Usage: strings [-af] [-n MIN] [-t d|o|x] [FILE]...\n"
	"Print every run of at least MIN (default 4) printable characters.\n"
	"  -a       scan the whole file (always done)\n"
	"  -f       print the file name before each string\n"
	"  -n MIN   the shortest run to print\n"
	"  -t d|o|x print the offset of each string in decimal, octal or hex\n";

static long min_len = 4;
static int print_name;
static char radix;

static int printable(unsigned char c)
{
	return isprint(c) || c == '\t';
}

/* each_file's work: print the runs of fd. */
static int scan(int fd, const char *name, void *unused)
{
	unsigned char buf[65536];
	char *run = xmalloc(min_len + 1);
	long run_len = 0;
	long long offset = 0, start = 0;
	ssize_t n;

	(void)unused;
	while ((n = read(fd, buf, sizeof buf)) > 0) {
		for (ssize_t i = 0; i < n; i++, offset++) {
			if (!printable(buf[i])) {
				if (run_len >= min_len)
					putchar('\n');
				run_len = 0;
				continue;
			}
			if (run_len < min_len) {
				if (run_len == 0)
					start = offset;
				run[run_len++] = buf[i];
				if (run_len < min_len)
					continue;
				/* The run is long enough: print what was held back. */
				if (print_name)
					printf("%s: ", name);
				if (radix)
					printf(radix == 'o' ? "%7llo " : radix == 'x' ? "%7llx " : "%7lld ", start);
				fwrite(run, 1, run_len, stdout);
				continue;
			}
			putchar(buf[i]);
		}
	}
	if (run_len >= min_len)
		putchar('\n');
	free(run);
	return n < 0 ? COPY_READ_ERROR : 0;
}

int strings_main(int argc, char **argv)
{
	struct options o;
	int c, status;
	long long n;

	options_start(&o, argc, argv, "afn:t:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'f': print_name = 1; break;
		case 'n':
			if (parse_long(o.arg, &n) < 0 || n < 1)
				usage_error(usage, "invalid minimum length '%s'", o.arg);
			min_len = n;
			break;
		case 't':
			if (o.arg[0] == '\0' || o.arg[1] || !strchr("dox", o.arg[0]))
				usage_error(usage, "invalid radix '%s'", o.arg);
			radix = o.arg[0];
			break;
		}
	}
	stdout_big_buffer();
	status = each_file(argv + o.index, scan, NULL);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
