/* killall: send a signal to every process of a name (as psmisc's and BusyBox's killall). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "proc.h"
#include "signames.h"

static const char usage[] =
	"Usage: killall [-q] [-SIGNAL | -s SIGNAL] NAME...\n"
	"Send SIGNAL (TERM when none is given) to every process called NAME.\n"
	"  -q  quiet: say nothing when no process was found\n"
	"  -s SIGNAL, -SIGNAL  the signal, by name (KILL, SIGKILL) or number\n";

/* Signal every process called name (but never this one). Returns how many were hit. */
static int kill_by_name(const char *name, int signal)
{
	struct proc_info p;
	DIR *all = proc_open();
	int pid, hit = 0;

	while ((pid = proc_next(all)) > 0) {
		if (pid == getpid() || proc_read(pid, &p) < 0 || !proc_is_named(&p, name))
			continue;
		if (kill(pid, signal) == 0)
			hit++;
		else
			warn("%s(%d):", name, pid);
	}
	closedir(all);
	return hit;
}

int killall_main(int argc, char **argv)
{
	int signal = SIGTERM, quiet = 0, status = 0;

	/* Options by hand, since "-9" and "-HUP" are signals, not letters. */
	for (argv++; *argv && (*argv)[0] == '-' && (*argv)[1]; argv++) {
		const char *word = *argv;
		if (strcmp(word, "--") == 0) {
			argv++;
			break;
		}
		if (strcmp(word, "--help") == 0)
			show_help(usage);
		if (strcmp(word, "-q") == 0) {
			quiet = 1;
			continue;
		}
		if (strcmp(word, "-s") == 0 && argv[1])
			word = *++argv;
		else
			word++;
		signal = signal_number(word);
		if (signal < 0)
			usage_error(usage, "unknown signal '%s'", word);
	}
	if (*argv == NULL)
		usage_error(usage, "no process name given");
	for (; *argv; argv++) {
		if (kill_by_name(*argv, signal) > 0)
			continue;
		if (!quiet)
			warn("%s: no process killed", *argv);
		status = 1;
	}
	return status;
}
