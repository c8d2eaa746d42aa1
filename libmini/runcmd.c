/* runcmd.c: starting another program (see runcmd.h). */
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>
#include "mini.h"
#include "runcmd.h"

void exec_command(char **argv)
{
	int not_found;

	execvp(argv[0], argv);
	not_found = errno == ENOENT || errno == ENOTDIR;
	warn("%s:", argv[0]);
	/* _exit, not exit: in a forked child, stdio buffers belong to the parent. */
	_exit(not_found ? 127 : 126);
}

int exit_status_of(int wait_status)
{
	if (WIFSIGNALED(wait_status))
		return 128 + WTERMSIG(wait_status);
	return WEXITSTATUS(wait_status);
}
