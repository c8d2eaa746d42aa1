/*
 * su: run a shell (or one command) as another user, root by default (like su(1) of
 * util-linux and BusyBox). Root needs no password; others type the user's password.
 *
 * mini is one binary: for su to work for other users, /bin/mini is setuid root and
 * main() drops that privilege at once for every command but su and passwd.
 *
 * The live system's root has no password (a console is a root shell already). An
 * account without a password is not open to everyone through su: only root may su
 * to it. A wrong password costs a growing wait (password.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include "mini.h"
#include "accounts.h"
#include "logs.h"
#include "password.h"

static const char usage[] =
	"Usage: su [-] [-l] [-c COMMAND] [USER]\n"
	"Start USER's shell (root's when no USER), after asking USER's password unless\n"
	"you are root.\n"
	"  -, -l       a login shell: a fresh environment, in USER's home folder\n"
	"  -c COMMAND  run COMMAND with the shell instead of an interactive shell\n";

/*
 * Variables that make a shell, or the programs it starts, run code or read files the
 * caller chose: a shell started without "-" keeps the caller's environment, but not
 * these. (Names ending in '*' are prefixes.) PATH, HOME, SHELL, USER and LOGNAME are
 * set anew by account_become; TERM, COLORTERM, LANG, LC_*, DISPLAY... stay.
 */
static const char *const unsafe_variables[] = {
	"ENV", "BASH_ENV", "CDPATH", "IFS", "SHELLOPTS", "BASHOPTS", "PS1", "PS2", "PS3", "PS4",
	"PROMPT_COMMAND", "GLOBIGNORE", "HISTFILE", "BASH_FUNC_*", "LD_*", "MALLOC_*",
	"GCONV_PATH", "GETCONF_DIR", "HOSTALIASES", "LOCALDOMAIN", "LOCPATH", "NLSPATH",
	"RESOLV_HOST_CONF", "RES_OPTIONS", "TMPDIR", "TZDIR", "PYTHON*", "PERL5*", "PERLLIB",
	"RUBY*", "NODE_OPTIONS", "LUA_*", "TCL_LIBRARY", "EDITOR", "VISUAL", "PAGER", "LESS*",
	"MAIL", "MAILPATH", "MAILCHECK", "EXINIT", "VIMINIT", "FPATH", "POSIXLY_CORRECT",
};

static int is_unsafe(const char *entry)
{
	size_t name_len = strcspn(entry, "=");

	for (size_t i = 0; i < sizeof unsafe_variables / sizeof unsafe_variables[0]; i++) {
		const char *v = unsafe_variables[i];
		size_t len = strlen(v);
		if (v[len - 1] == '*' ? strncmp(entry, v, len - 1) == 0
		    : len == name_len && strncmp(entry, v, len) == 0)
			return 1;
	}
	return 0;
}

/* Take the unsafe variables out of the environment (IFS too: unset, it is the default). */
static void clean_environment(void)
{
	extern char **environ;

	for (size_t i = 0; environ[i];) {
		if (is_unsafe(environ[i])) {
			char *name = xstrndup(environ[i], strcspn(environ[i], "="));
			unsetenv(name);
			free(name);
		} else {
			i++;
		}
	}
}

/* Root needs no password; for others, an account without one is closed. */
static int password_ok(const struct passwd *pw)
{
	if (getuid() == 0)
		return 1;
	if (password_of(pw)[0] == '\0')
		die("%s has no password: only root may su to it (root sets one with passwd %s)",
		    pw->pw_name, pw->pw_name);
	return password_verify(pw, "Password: ");
}

int su_main(int argc, char **argv)
{
	struct options o;
	struct passwd *pw;
	const char *name = "root", *command = NULL;
	int c, login = 0;

	/* "su - USER": the lone '-' comes first, before any option. */
	if (argc > 1 && strcmp(argv[1], "-") == 0) {
		login = 1;
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	options_start(&o, argc, argv, "lc:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'l')
			login = 1;
		else if (c == 'c')
			command = o.arg;
	}
	if (o.index < argc)
		name = argv[o.index++];
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);

	pw = getpwnam(name);
	if (pw == NULL)
		die("unknown user '%s'", name);
	if (geteuid() != 0)
		die("only root can change users: /bin/mini must be setuid root");
	if (!password_ok(pw)) {
		log_send(LOG_AUTH | LOG_WARNING, "su", "failed su to %s by uid %u", name, (unsigned)getuid());
		die("wrong password");
	}
	log_send(LOG_AUTH | LOG_INFO, "su", "su to %s by uid %u", name, (unsigned)getuid());
	if (!login)
		clean_environment();
	account_become(pw, login);
	account_shell(pw, login, command);
}
