/*
 * login: check a user's password and start the user's shell (like login(1) of
 * util-linux and BusyBox). getty runs it on a terminal, with the name it asked.
 *
 * The password is checked with crypt(3) against /etc/shadow: SHA-512 ($6$), SHA-256
 * ($5$) and MD5 ($1$) hashes. A wrong one costs a wait that grows with each one in a
 * row (password.h), and three wrong ones end login (getty then starts again). The answer for an unknown user is the
 * same as for a wrong password, so that names cannot be guessed one by one.
 *
 * Live-CD policy: root's password field in /etc/shadow is empty, so root logs in
 * without a password; login then says so, and `passwd` sets one.
 */
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "accounts.h"
#include "logs.h"
#include "password.h"
#include "utmpfile.h"

static const char usage[] =
	"Usage: login [-p] [-h HOST] [-f USER] [USER]\n"
	"Log in as USER on this terminal: ask the password, start the user's shell.\n"
	"  -f USER  do not ask the password (only root may)\n"
	"  -h HOST  the remote host the user comes from, for who, w and last (root only)\n"
	"  -p       keep the environment (else only TERM is kept)\n";

/* The user, when name and the password typed for it match; else NULL, after a wait. */
static struct passwd *authenticate(const char *name)
{
	struct passwd *pw = getpwnam(name);
	char typed[PASSWORD_MAX];

	if (pw && password_of(pw)[0] == '\0')
		return pw;	/* no password set: nothing to ask */
	if (pw)
		return password_verify(pw, "Password: ") ? pw : NULL;
	/* No such user: the same question and the same wait as for a wrong password. */
	if (password_read("Password: ", typed, sizeof typed))
		password_wipe(typed, sizeof typed);
	sleep(FAIL_DELAY_DEFAULT);
	return NULL;
}

/* The terminal becomes the user's: others may not read what is typed on it. */
static void give_terminal(const struct passwd *pw)
{
	const char *tty = ttyname(0);

	if (tty && (chown(tty, pw->pw_uid, pw->pw_gid) < 0 || chmod(tty, 0600) < 0))
		warn("%s:", tty);
}

int login_main(int argc, char **argv)
{
	struct options o;
	struct passwd *pw = NULL;
	const char *tty, *host = NULL;
	char name[64] = "";
	int c, keep_environment = 0, no_password = 0;

	options_start(&o, argc, argv, "pf:h:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'p')
			keep_environment = 1;
		else if (c == 'h')
			host = o.arg;
		else if (c == 'f') {
			no_password = 1;
			snprintf(name, sizeof name, "%s", o.arg);
		}
	}
	if (o.index < argc)
		snprintf(name, sizeof name, "%s", argv[o.index]);
	if (no_password && getuid() != 0)
		die("-f: only root may log in without a password");
	if (host && getuid() != 0)
		die("-h: only root may name the remote host");
	tty = ttyname(0) ? ttyname(0) : "?";

	for (int tries = 1; pw == NULL; tries++) {
		if (name[0] == '\0' && ask_login_name(name, sizeof name) < 0)
			return 1;
		pw = no_password ? getpwnam(name) : authenticate(name);
		if (pw == NULL) {
			puts("Login incorrect");
			log_send(LOG_AUTH | LOG_WARNING, "login", "failed login for '%s' on %s", name, tty);
			if (tries == 3 || no_password)
				return 1;
			name[0] = '\0';
		}
	}
	log_send(LOG_AUTH | LOG_INFO, "login", "%s logged in on %s", pw->pw_name, tty);
	if (pw->pw_uid == 0 && password_of(pw)[0] == '\0')
		puts("root has no password: anyone can log in as root. Set one with passwd.");
	if (strcmp(tty, "?") != 0)
		utmp_mark(USER_PROCESS, getpid(), tty, pw->pw_name, host);
	give_terminal(pw);
	account_become(pw, !keep_environment);
	if (keep_environment && chdir(pw->pw_dir) < 0)
		chdir("/");
	account_shell(pw, 1, NULL);
}
