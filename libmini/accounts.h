/*
 * accounts.h: changing /etc/passwd, /etc/shadow and /etc/group, and password hashes.
 *
 * Commands read the files through libc (getpwnam, getspnam, getgrnam) and change
 * them only through accounts_rewrite(), which always runs under the account lock.
 * A command that reads before it writes (is the name free? which id?) takes the lock
 * itself, around both: accounts_lock() ... accounts_unlock(). Used by login, su,
 * passwd, chpasswd, adduser, deluser, addgroup and delgroup. Asking for a password
 * is in password.h.
 */
#ifndef ACCOUNTS_H
#define ACCOUNTS_H

#include <stddef.h>
#include <pwd.h>

#define PASSWD_FILE "/etc/passwd"
#define SHADOW_FILE "/etc/shadow"
#define GROUP_FILE "/etc/group"

/*
 * The buffer uClibc-ng's getpwnam, getspnam, getgrnam and initgroups read a line
 * into (UCLIBC_PWD_BUFFER_SIZE and UCLIBC_GRP_BUFFER_SIZE in tools/uclibc.config).
 * A longer line is skipped by libc as if it were not there: its user could not log
 * in, its group would lose its members. So no tool may write one.
 */
#define UCLIBC_LINE_BUFFER 1024
/* The longest line that fits (fgets keeps room for the newline and the NUL)... */
#define ACCOUNT_LINE_MAX (UCLIBC_LINE_BUFFER - 2)
/* ... and a group line must leave room for its member pointers too: see below. */
int account_line_fits(const char *path, const char *line);

/*
 * Take the lock on the account files (an fcntl lock on /etc/.pwd.lock, waiting up to
 * 15 seconds for another tool); dies when it cannot. Calls nest: the lock ends at
 * the last accounts_unlock(), or when the process ends.
 */
void accounts_lock(void);
void accounts_unlock(void);

/*
 * A line editor is called for each line of a file (without its newline), and once
 * more with NULL at the end. It returns what to write instead: the line itself to
 * keep it, another string to replace it, NULL to drop it; at the end, a line to add
 * or NULL. (Replacement strings are never freed: the commands are short-lived.)
 */
typedef const char *(*line_editor)(const char *line, void *data);

/*
 * Rewrite a file through edit(), atomically, under the lock: a temporary file in the
 * same folder (".shadow.mini-XXXXXX", with the old file's mode and owner), renamed
 * over it. SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGTSTP wait until it is done; a
 * temporary file left by a killed tool is removed by the next one that takes the lock.
 * A new or changed line that account_line_fits() refuses changes nothing. Returns 0,
 * or -1 after printing why (the old file is then untouched).
 */
int accounts_rewrite(const char *path, line_editor edit, void *data);

/* Replace the line whose first field is name (add it at the end when there is none;
 * with new_line NULL, delete it). Returns 0 or -1. */
int accounts_set_line(const char *path, const char *name, const char *new_line);

/* Add user to group's members (add = 1) or take them out (0); group NULL: every group. */
int accounts_set_member(const char *group, const char *user, int add);

/* A malloc'd printf: account lines have no fixed size. */
char *account_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Field n (0 = the first) of a colon-separated line, as a new string. */
char *account_field(const char *line, int n);
/* A new line: line with field n replaced by value. */
char *account_with_field(const char *line, int n, const char *value);
/* A new comma-separated list: list with name added (add = 1) or removed (add = 0). */
char *account_list_with(const char *list, const char *name, int add);

/* True when name can be a user or group name: [a-z_][a-z0-9_.-]*, at most 32. */
int account_name_ok(const char *name);
/* True when text may go into a field: no ':' and no newline. */
int account_text_ok(const char *text);
/* The first free user id (group id when group is 1) from 1000 on. */
unsigned account_free_id(int group);

/* The hash that guards pw's password: from /etc/shadow when /etc/passwd says "x". */
const char *password_of(const struct passwd *pw);
/* True when password matches hash; an empty hash means "no password": anything matches. */
int password_matches(const char *password, const char *hash);
/* A SHA-512 crypt(3) hash of password with a random salt (crypt's static buffer), or NULL. */
char *password_hash(const char *password);
/* Store hash as user name's password (in /etc/shadow when passwd has "x"). 0 or -1. */
int password_store(const char *name, const char *hash);

/* ---- becoming a user (login, su) ---- */

/* Ask "HOST login: " on stdin/stdout until a name is typed; 0, or -1 at end of input. */
int ask_login_name(char *name, size_t size);
/*
 * Become pw's user: groups, gid, then uid (after setuid nothing else could change);
 * HOME, SHELL, USER, LOGNAME and PATH set. login = 1 also empties the environment
 * first (keeping TERM) and goes to the home folder. Dies when it cannot.
 */
void account_become(const struct passwd *pw, int login);
/* Run pw's shell ("-sh" for a login shell), with -c command unless command is NULL. */
void account_shell(const struct passwd *pw, int login, const char *command) __attribute__((noreturn));

#endif
