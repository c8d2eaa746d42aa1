/*
 * passwd: change a password (like passwd(1) of shadow-utils and BusyBox).
 *
 * Users change their own, after typing the current one; root changes anyone's.
 * The new password is stored as a SHA-512 crypt(3) hash with a random salt, in
 * /etc/shadow (mode 0600), rewritten atomically under the account lock.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "accounts.h"
#include "password.h"

static const char usage[] =
	"Usage: passwd [-d | -l | -u] [USER]\n"
	"Change USER's password (your own when no USER; only root may name another).\n"
	"  -d  delete the password: USER logs in without one\n"
	"  -l  lock the account: no password works until -u\n"
	"  -u  unlock the account\n";

/* A user who is not root proves who they are with the current password. */
static void check_current_password(const struct passwd *pw)
{
	if (getuid() == 0 || password_of(pw)[0] == '\0')
		return;
	if (!password_verify(pw, "Current password: "))
		die("wrong password");
}

/* The hash -d, -l or -u stores: none, or the old one locked or unlocked. */
static const char *new_hash(int action, const char *old)
{
	char *locked;

	if (action == 'd')
		return "";
	if (action == 'u')
		return old[0] == '!' ? old + 1 : old;
	if (old[0] == '!')
		return old;
	locked = xmalloc(strlen(old) + 2);
	sprintf(locked, "!%s", old);
	return locked;
}

int passwd_main(int argc, char **argv)
{
	struct options o;
	struct passwd *pw;
	const char *hash;
	char *name;
	int c, action = 0;

	options_start(&o, argc, argv, "dlu", usage);
	while ((c = options_next(&o)) != -1)
		action = c;
	if (argc - o.index > 1)
		usage_error(usage, "extra operand '%s'", argv[o.index + 1]);
	pw = o.index < argc ? getpwnam(argv[o.index]) : getpwuid(getuid());
	if (pw == NULL)
		die("unknown user '%s'", o.index < argc ? argv[o.index] : "(you)");
	name = xstrdup(pw->pw_name);
	if (getuid() != 0 && (pw->pw_uid != getuid() || action))
		die("only root may do that to %s", name);
	if (geteuid() != 0)
		die("only root can write /etc/shadow: /bin/mini must be setuid root");
	check_current_password(pw);
	if (action == 0 && (hash = password_ask_new()) == NULL)
		return 1;
	accounts_lock();
	/* -d, -l, -u change the hash read here: no other change may come in between. */
	if (action)
		hash = new_hash(action, xstrdup(password_of(pw)));
	if (password_store(name, hash) < 0)
		return 1;
	accounts_unlock();
	printf("passwd: password for %s changed\n", name);
	return 0;
}
