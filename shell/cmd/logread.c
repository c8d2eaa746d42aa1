/*
 * logread: show the system log that syslogd writes: /var/log/messages.0 (the older
 * part, when there is one), then /var/log/messages; with -f, keep showing what comes.
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"

static const char usage[] =
	"Usage: logread [-f]\n"
	"Show the system log (/var/log/messages).\n"
	"  -f  keep showing new messages as they come (Ctrl-C ends)\n";

/* Copy the rest of the log open on fd to standard output, or die saying what failed. */
static void copy_log(int fd)
{
	int result = copy_fd(fd, STDOUT_FILENO);

	if (result == COPY_WRITE_ERROR)
		die("write error:");
	if (result < 0)
		die("/var/log/messages:");
}

/* Show what is added to the log, following it into a new file when syslogd starts one. */
static void follow(int fd)
{
	struct stat open_file, on_disk;

	for (;;) {
		copy_log(fd);
		if (stat("/var/log/messages", &on_disk) == 0 && fstat(fd, &open_file) == 0
		    && on_disk.st_ino != open_file.st_ino) {
			close(fd);
			fd = open("/var/log/messages", O_RDONLY);
			if (fd < 0)
				die("/var/log/messages:");
			continue;
		}
		sleep(1);
	}
}

int logread_main(int argc, char **argv)
{
	struct options o;
	int c, keep_following = 0, fd;

	options_start(&o, argc, argv, "f", usage);
	while ((c = options_next(&o)) != -1)
		keep_following = 1;
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);

	fd = open("/var/log/messages.0", O_RDONLY);
	if (fd >= 0) {
		copy_fd(fd, 1);
		close(fd);
	}
	fd = open("/var/log/messages", O_RDONLY);
	if (fd < 0)
		die("/var/log/messages (is syslogd running?):");
	copy_log(fd);
	if (keep_following)
		follow(fd);
	return 0;
}
