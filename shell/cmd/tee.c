/* tee: copy standard input to standard output and to files (POSIX tee). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "mini.h"

static const char usage[] =
	"Usage: tee [-ai] [FILE]...\n"
	"Copy standard input to standard output and to each FILE.\n"
	"  -a  append to the FILEs instead of overwriting them\n"
	"  -i  ignore the interrupt signal (SIGINT)\n";

int tee_main(int argc, char **argv)
{
	struct options o;
	int c, flags = O_WRONLY | O_CREAT | O_TRUNC, status = 0, nfds = 1;
	int *fds;
	char buf[65536];
	ssize_t n;

	options_start(&o, argc, argv, "ai", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'a')
			flags = O_WRONLY | O_CREAT | O_APPEND;
		else
			signal(SIGINT, SIG_IGN);
	}
	argv += o.index;
	argc -= o.index;
	fds = xmalloc((argc + 1) * sizeof *fds);
	fds[0] = STDOUT_FILENO;
	for (int i = 0; i < argc; i++) {
		int fd = open(argv[i], flags, 0666);
		if (fd < 0) {
			warn("%s:", argv[i]);
			status = 1;
		}
		fds[nfds++] = fd;	/* -1 keeps the name/descriptor pairing simple */
	}
	while ((n = read(STDIN_FILENO, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			warn("read error:");
			return 1;
		}
		for (int i = 0; i < nfds; i++) {
			if (fds[i] < 0 || write_all(fds[i], buf, n) == 0)
				continue;
			warn("%s:", i == 0 ? "standard output" : argv[i - 1]);
			status = 1;
			if (i > 0)
				close(fds[i]);
			fds[i] = -1;	/* stop writing there, keep copying to the others */
		}
	}
	for (int i = 1; i < nfds; i++)
		if (fds[i] >= 0 && close(fds[i]) < 0) {
			warn("%s:", argv[i - 1]);
			status = 1;
		}
	return status;
}
