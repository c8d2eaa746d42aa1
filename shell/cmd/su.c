/*
 * su: run a shell (or one command) as another user, root by default (like su(1) of
 * util-linux and BusyBox). Root needs no password; others type the user's password.
 *
 * mini is one binary: for su to work for other users, /bin/mini is setuid root and
 * main() drops that privilege at once for every command but su and passwd.
 */
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include "mini.h"
#include "accounts.h"
#include "logs.h"

static const char usage[] =
	"Usage: su [-] [-l] [-c COMMAND] [USER]\n"
	"Start USER's shell (root's when no USER), after asking USER's password unless\n"
	"you are root.\n"
	"  -, -l       a login shell: a fresh environment, in USER's home folder\n"
	"  -c COMMAND  run COMMAND with the shell instead of an interactive shell\n";

static int password_ok(const struct passwd *pw)
{
	const char *hash = password_of(pw);
	char *password;
	int right;

	if (getuid() == 0 || hash[0] == '\0')
		return 1;
	password = getpass("Password: ");
	right = password != NULL && password_matches(password, hash);
	if (password)
		memset(password, 0, strlen(password));
	return right;
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
		sleep(WRONG_PASSWORD_DELAY);
		die("wrong password");
	}
	log_send(LOG_AUTH | LOG_INFO, "su", "su to %s by uid %u", name, (unsigned)getuid());
	account_become(pw, login);
	account_shell(pw, login, command);
}
