/* daemon.c: going on in the background (see daemon.h). */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "daemon.h"

int become_daemon(int keep_stderr)
{
	pid_t pid;
	int null;

	fflush(NULL);	/* what the parent printed goes out once, not twice */
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid > 0)
		_exit(0);
	setsid();
	null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		if (!keep_stderr)
			dup2(null, STDERR_FILENO);
		if (null > STDERR_FILENO)
			close(null);
	}
	return 0;
}
