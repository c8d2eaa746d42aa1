/*
 * nohup: run a command that goes on after the terminal hangs up (POSIX nohup).
 * SIGHUP is ignored; output meant for the terminal goes to nohup.out instead
 * (in the current directory, or in $HOME when that fails).
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include "mini.h"
#include "runcmd.h"

static const char usage[] =
	"Usage: nohup COMMAND [ARG]...\n"
	"Run COMMAND immune to hangups. When standard output is a terminal it is\n"
	"appended to nohup.out (or $HOME/nohup.out); standard error follows it.\n";

/* Open nohup.out for appending, here or in $HOME; its name goes to *name. */
static int open_nohup_out(char **name)
{
	const char *home = getenv("HOME");
	int fd;

	*name = "nohup.out";
	fd = open(*name, O_WRONLY | O_CREAT | O_APPEND, 0600);
	if (fd < 0 && home) {
		*name = path_join(home, "nohup.out");
		fd = open(*name, O_WRONLY | O_CREAT | O_APPEND, 0600);
	}
	return fd;
}

int nohup_main(int argc, char **argv)
{
	struct options o;
	char *name;
	int fd;

	options_start(&o, argc, argv, "", usage);
	options_next(&o);
	argv += o.index;
	if (*argv == NULL)
		usage_error(usage, "missing command");
	if (isatty(STDIN_FILENO)) {
		/* Reading a hung-up terminal would fail: give the command nothing to read. */
		fd = open("/dev/null", O_RDONLY);
		if (fd >= 0 && fd != STDIN_FILENO) {
			dup2(fd, STDIN_FILENO);
			close(fd);
		}
	}
	if (isatty(STDOUT_FILENO)) {
		fd = open_nohup_out(&name);
		if (fd < 0) {
			warn("cannot open nohup.out:");
			return 127;
		}
		warn("appending output to '%s'", name);
		dup2(fd, STDOUT_FILENO);
		close(fd);
	}
	if (isatty(STDERR_FILENO))
		dup2(STDOUT_FILENO, STDERR_FILENO);
	signal(SIGHUP, SIG_IGN);
	exec_command(argv);
}
