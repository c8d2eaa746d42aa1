/*
 * signames.c: signal names and numbers (see signames.h).
 *
 * The names are those of POSIX <signal.h> plus the Linux ones (STKFLT, WINCH,
 * PWR ...). The table is built from the <signal.h> constants, so the numbers are
 * right for whatever architecture mini is built for.
 */
#include <ctype.h>
#include <signal.h>
#include <stdlib.h>
#include <strings.h>
#include "signames.h"

static const struct {
	unsigned char number;
	char name[7];
} signals[] = {
	{ SIGHUP, "HUP" }, { SIGINT, "INT" }, { SIGQUIT, "QUIT" }, { SIGILL, "ILL" },
	{ SIGTRAP, "TRAP" }, { SIGABRT, "ABRT" }, { SIGBUS, "BUS" }, { SIGFPE, "FPE" },
	{ SIGKILL, "KILL" }, { SIGUSR1, "USR1" }, { SIGSEGV, "SEGV" }, { SIGUSR2, "USR2" },
	{ SIGPIPE, "PIPE" }, { SIGALRM, "ALRM" }, { SIGTERM, "TERM" }, { SIGSTKFLT, "STKFLT" },
	{ SIGCHLD, "CHLD" }, { SIGCONT, "CONT" }, { SIGSTOP, "STOP" }, { SIGTSTP, "TSTP" },
	{ SIGTTIN, "TTIN" }, { SIGTTOU, "TTOU" }, { SIGURG, "URG" }, { SIGXCPU, "XCPU" },
	{ SIGXFSZ, "XFSZ" }, { SIGVTALRM, "VTALRM" }, { SIGPROF, "PROF" }, { SIGWINCH, "WINCH" },
	{ SIGIO, "IO" }, { SIGPWR, "PWR" }, { SIGSYS, "SYS" },
	{ SIGIO, "POLL" }, { SIGABRT, "IOT" },	/* old aliases: found by name, never printed */
};

#define SIGNAL_COUNT (sizeof signals / sizeof signals[0])

int signal_number(const char *name)
{
	unsigned i;

	if (isdigit((unsigned char)*name)) {
		char *end;
		long n = strtol(name, &end, 10);
		return *end == '\0' && n < NSIG ? (int)n : -1;
	}
	if (strncasecmp(name, "SIG", 3) == 0)
		name += 3;
	for (i = 0; i < SIGNAL_COUNT; i++) {
		if (strcasecmp(name, signals[i].name) == 0)
			return signals[i].number;
	}
	return -1;
}

const char *signal_name(int number)
{
	unsigned i;

	for (i = 0; i < SIGNAL_COUNT; i++) {
		if (signals[i].number == number)
			return signals[i].name;
	}
	return NULL;
}

int signal_last(void)
{
	return SIGSYS;
}
