/*
 * chpasswd: set passwords from standard input, lines of "user:password"
 * (like chpasswd(8) of shadow-utils and BusyBox), for scripts.
 */
#include <stdio.h>
#include <string.h>
#include "mini.h"
#include "accounts.h"

static const char usage[] =
	"Usage: chpasswd [-e]\n"
	"Read lines USER:PASSWORD on standard input and set each password (SHA-512).\n"
	"  -e  the passwords are already crypt(3) hashes\n";

int chpasswd_main(int argc, char **argv)
{
	struct options o;
	char line[1024], *password, *hash;
	int c, hashed = 0, status = 0, number = 0;

	options_start(&o, argc, argv, "e", usage);
	while ((c = options_next(&o)) != -1)
		hashed = 1;
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);

	accounts_lock();
	while (fgets(line, sizeof line, stdin)) {
		number++;
		line[strcspn(line, "\n")] = '\0';
		password = strchr(line, ':');
		if (password == NULL) {
			warn("line %d: not USER:PASSWORD", number);
			status = 1;
			continue;
		}
		*password++ = '\0';
		hash = hashed ? password : password_hash(password);
		if (hash == NULL || !account_text_ok(hash) || password_store(line, hash) < 0)
			status = 1;
	}
	accounts_unlock();
	return status;
}
