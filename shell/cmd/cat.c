/* cat: concatenate files to standard output (POSIX cat, plus GNU's -n -b -s -v -e -t -A -E -T). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: cat [-AbeEnstTuv] [FILE]...\n"
	"Copy each FILE (standard input for none or -) to standard output.\n"
	"  -n  number every output line       -b  number the lines that are not empty\n"
	"  -s  squeeze runs of empty lines into one\n"
	"  -v  show control characters as ^X and bytes above 127 as M-x\n"
	"  -E  show a $ at the end of each line  -T  show tabs as ^I\n"
	"  -e  -vE    -t  -vT    -A  -vET\n"
	"  -u  unbuffered (mini's cat never buffers output anyway)\n";

struct cat {
	int number, number_nonblank, squeeze, show_nonprinting, show_ends, show_tabs;
	long line;		/* the last line number printed */
	int at_line_start;	/* the next byte starts a line */
	int empty_lines;	/* empty lines in a row just seen (for -s) */
};

/* -v: a byte as cat -v shows it: ^X for controls, ^? for DEL, M- before bytes above 127. */
static void put_visible(unsigned char ch)
{
	if (ch >= 128) {
		fputs("M-", stdout);
		ch -= 128;
	}
	if (ch < 32) {
		putchar('^');
		putchar(ch + '@');
	} else if (ch == 127) {
		fputs("^?", stdout);
	} else {
		putchar(ch);
	}
}

/* One byte of output with the options' changes; state carries over between files. */
static void put_byte(struct cat *c, unsigned char ch)
{
	if (c->at_line_start) {
		if (ch == '\n' && c->squeeze && ++c->empty_lines > 1)
			return;		/* a second empty line in a row */
		if (ch != '\n')
			c->empty_lines = 0;
		if (c->number_nonblank ? ch != '\n' : c->number)
			printf("%6ld\t", ++c->line);
	}
	c->at_line_start = ch == '\n';
	if (ch == '\n') {
		if (c->show_ends)
			putchar('$');
		putchar('\n');
	} else if (ch == '\t') {
		fputs(c->show_tabs ? "^I" : "\t", stdout);
	} else if (c->show_nonprinting) {
		put_visible(ch);
	} else {
		putchar(ch);
	}
}

/* each_file's work with any option: byte by byte through stdio. */
static int cat_formatted(int fd, const char *name, void *data)
{
	unsigned char buf[4096];
	ssize_t n;

	(void)name;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		for (ssize_t i = 0; i < n; i++)
			put_byte(data, buf[i]);
	if (n < 0)
		return COPY_READ_ERROR;
	return ferror(stdout) ? COPY_WRITE_ERROR : 0;
}

/* each_file's work without options: the bytes as they are, straight through. */
static int cat_plain(int fd, const char *name, void *data)
{
	(void)name;
	(void)data;
	return copy_fd(fd, STDOUT_FILENO);
}

int cat_main(int argc, char **argv)
{
	struct options o;
	struct cat c = { .at_line_start = 1 };
	int ch, status;

	options_start(&o, argc, argv, "AbeEnstTuv", usage);
	while ((ch = options_next(&o)) != -1) {
		switch (ch) {
		case 'A': c.show_nonprinting = c.show_ends = c.show_tabs = 1; break;
		case 'e': c.show_nonprinting = c.show_ends = 1; break;
		case 't': c.show_nonprinting = c.show_tabs = 1; break;
		case 'E': c.show_ends = 1; break;
		case 'T': c.show_tabs = 1; break;
		case 'v': c.show_nonprinting = 1; break;
		case 'b': c.number_nonblank = 1; break;
		case 'n': c.number = 1; break;
		case 's': c.squeeze = 1; break;
		}
	}
	if (c.number || c.number_nonblank || c.squeeze || c.show_nonprinting || c.show_ends || c.show_tabs)
		status = each_file(argv + o.index, cat_formatted, &c);
	else
		status = each_file(argv + o.index, cat_plain, NULL);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
