/*
 * each_file.c: the loop over file operands that cat, head, tail, wc, nl, md5sum...
 * all need: no operand or "-" is standard input; each file is opened, handed over,
 * closed; one that cannot be opened or read is named on stderr and the loop goes on;
 * a write error ends it (the output is lost anyway).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"

int each_file(char **names, int (*each)(int fd, const char *name, void *data), void *data)
{
	static char *standard_input[] = { "-", NULL };
	int status = 0;

	if (names == NULL || *names == NULL)
		names = standard_input;
	for (; *names; names++) {
		int fd = open_input(*names), result;
		if (fd < 0) {
			warn("%s:", *names);
			status = 1;
			continue;
		}
		result = each(fd, *names, data);
		if (fd != STDIN_FILENO) {
			int error = errno;	/* a read error's, for the message below */
			close(fd);
			errno = error;
		}
		if (result == COPY_WRITE_ERROR) {
			/*
			 * Said once: an error of stdout's stream is said by the flush_stdout that
			 * ends every command writing through it (the stream still holds what it
			 * could not write, and flushing fails again).
			 */
			if (!ferror(stdout))
				warn("write error:");
			return 1;
		}
		if (result < 0) {
			warn("%s:", *names);
			status = 1;
		}
	}
	return status;
}
