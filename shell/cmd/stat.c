/*
 * stat: show what stat(2) knows about files (GNU stat's -c FORMAT and its default layout).
 *
 * The default output is itself a format string, so one small interpreter,
 * print_format(), does all the work: %s is the size, %U the owner's name, ...
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "mini.h"
#include "modes.h"
#include "timefmt.h"
#include "users.h"

static const char usage[] =
	"Usage: stat [-L] [-c FORMAT] FILE...\n"
	"Show the status of each FILE.\n"
	"  -L         follow symlinks\n"
	"  -c FORMAT  print FORMAT and a newline instead of the full status, where\n"
	"    %n name  %N quoted name -> link target  %s size  %b blocks  %B block unit\n"
	"    %a octal mode  %A rwx mode  %f raw mode (hex)  %F file type\n"
	"    %u %U owner id and name  %g %G group id and name  %i inode  %h links\n"
	"    %d %D device (decimal, hex)  %t %T major, minor of a device file (hex)\n"
	"    %x %y %z access, modify, change time  %X %Y %Z the same in seconds  %o I/O block\n";

/* The layout of GNU stat without -c; devices show their major,minor too. */
static const char default_format[] =
	"  File: %N\n"
	"  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
	"Device: %Hd,%Ld\tInode: %-11i Links: %h\n"
	"Access: (%04a/%A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
	"Access: %x\nModify: %y\nChange: %z\n Birth: -\n";
static const char device_format[] =
	"  File: %N\n"
	"  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
	"Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: %Hr,%Lr\n"
	"Access: (%04a/%A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
	"Access: %x\nModify: %y\nChange: %z\n Birth: -\n";

static int quote_names;		/* %N quotes names with -c, not in the default layout */
static int status;		/* 1 once a file could not be read or a date not shown */

static const char *file_type(const struct stat *st)
{
	switch (st->st_mode & S_IFMT) {
	case S_IFREG: return st->st_size ? "regular file" : "regular empty file";
	case S_IFDIR: return "directory";
	case S_IFLNK: return "symbolic link";
	case S_IFIFO: return "fifo";
	case S_IFSOCK: return "socket";
	case S_IFCHR: return "character special file";
	case S_IFBLK: return "block special file";
	}
	return "weird file";
}

/*
 * "2024-01-31 13:45:56.123456789 +0000"; for a time past the 32-bit time_t "?",
 * said on stderr (stat then fails at the end).
 */
static char *time_text(const char *path, const struct stat *st, char which, char *buf)
{
	const struct timespec *t = stat_time(st, which);
	long long seconds = file_seconds(path, st, which);
	int len;

	if (format_time(buf, 32, "%Y-%m-%d %H:%M:%S", seconds, 0) < 0) {
		warn("%s: %s", path, TIME_RANGE_MESSAGE);
		status = 1;
		return buf;	/* "?" */
	}
	len = strlen(buf);
	len += sprintf(buf + len, ".%09ld", t->tv_nsec);
	format_time(buf + len, 16, " %z", seconds, 0);
	return buf;
}

/* %N: the name, and where a symlink points. */
static void print_quoted_name(const char *path, const struct stat *st)
{
	const char *q = quote_names ? "'" : "";
	char target[4096];
	ssize_t len;

	printf("%s%s%s", q, path, q);
	if (S_ISLNK(st->st_mode) && (len = readlink(path, target, sizeof target - 1)) >= 0)
		printf(" -> %s%.*s%s", q, (int)len, target, q);
}

/* The text of one directive (the letter after %, H or L first for major or minor). */
static const char *directive(char letter, char part, const char *path, const struct stat *st, char *buf)
{
	dev_t dev = letter == 'r' ? st->st_rdev : st->st_dev;

	if (part) {	/* %Hd %Ld %Hr %Lr */
		sprintf(buf, "%u", part == 'H' ? major(dev) : minor(dev));
		return buf;
	}
	switch (letter) {
	case 'n': return path;
	case 's': sprintf(buf, "%lld", (long long)st->st_size); break;
	case 'b': sprintf(buf, "%lld", (long long)st->st_blocks); break;
	case 'B': return "512";
	case 'o': sprintf(buf, "%ld", (long)st->st_blksize); break;
	case 'a': sprintf(buf, "%o", (unsigned)(st->st_mode & 07777)); break;
	case 'A': mode_string(st->st_mode, buf); break;
	case 'f': sprintf(buf, "%x", (unsigned)st->st_mode); break;
	case 'F': return file_type(st);
	case 'u': sprintf(buf, "%u", (unsigned)st->st_uid); break;
	case 'U': return user_name(st->st_uid);
	case 'g': sprintf(buf, "%u", (unsigned)st->st_gid); break;
	case 'G': return group_name(st->st_gid);
	case 'i': sprintf(buf, "%llu", (unsigned long long)st->st_ino); break;
	case 'h': sprintf(buf, "%lu", (unsigned long)st->st_nlink); break;
	case 'd': sprintf(buf, "%llu", (unsigned long long)st->st_dev); break;
	case 'D': sprintf(buf, "%llx", (unsigned long long)st->st_dev); break;
	case 'r': sprintf(buf, "%llu", (unsigned long long)st->st_rdev); break;
	case 't': sprintf(buf, "%x", major(st->st_rdev)); break;
	case 'T': sprintf(buf, "%x", minor(st->st_rdev)); break;
	case 'x': case 'y': case 'z':
		return time_text(path, st, letter == 'x' ? 'a' : letter == 'y' ? 'm' : 'c', buf);
	/* Seconds since 1970 need no time_t: even past 2038 they are right. */
	case 'X': case 'Y': case 'Z':
		sprintf(buf, "%lld", file_seconds(path, st, letter == 'X' ? 'a' : letter == 'Y' ? 'm' : 'c'));
		break;
	case '%': return "%";
	default: return NULL;
	}
	return buf;
}

/* Write text padded to width: on the right with '-', with zeros with '0'. */
static void print_padded(const char *text, int width, int left, int zeros)
{
	int pad = width - (int)strlen(text);

	for (; !left && pad > 0; pad--)
		putchar(zeros ? '0' : ' ');
	fputs(text, stdout);
	for (; pad > 0; pad--)
		putchar(' ');
}

static void print_format(const char *f, const char *path, const struct stat *st)
{
	char buf[64];

	for (; *f; f++) {
		int left = 0, zeros = 0, width = 0;
		char part = 0;
		const char *text;

		if (*f != '%' || f[1] == '\0') {
			putchar(*f);
			continue;
		}
		for (f++; *f == '-' || *f == '0'; f++) {
			if (*f == '-')
				left = 1;
			else
				zeros = 1;
		}
		for (; *f >= '0' && *f <= '9'; f++)
			width = width * 10 + *f - '0';
		if ((*f == 'H' || *f == 'L') && (f[1] == 'd' || f[1] == 'r'))
			part = *f++;
		if (*f == 'N') {
			print_quoted_name(path, st);
			continue;
		}
		text = directive(*f, part, path, st, buf);
		if (text)
			print_padded(text, width, left, zeros);
		else
			printf("?%c", *f);
	}
}

int stat_main(int argc, char **argv)
{
	struct options o;
	int c, follow = 0;
	const char *format = NULL;
	struct stat st;

	options_start(&o, argc, argv, "c:L", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'c')
			format = o.arg;
		else
			follow = 1;
	}
	quote_names = format != NULL;
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "missing operand");
	for (; *argv; argv++) {
		if ((follow ? stat(*argv, &st) : lstat(*argv, &st)) < 0) {
			warn("%s:", *argv);
			status = 1;
			continue;
		}
		if (format) {
			print_format(format, *argv, &st);
			putchar('\n');
		} else {
			int device = S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode);
			print_format(device ? device_format : default_format, *argv, &st);
		}
	}
	return status;
}
