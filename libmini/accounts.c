/*
 * accounts.c: changing the account files (passwd(5), shadow(5), group(5)), and
 * password hashes with crypt(3).
 *
 * Every change is a rewrite: under the account lock (an fcntl lock on /etc/.pwd.lock),
 * the new contents go to a temporary file in /etc, which gets the old file's owner and
 * mode and is renamed over the old one (newfile.h). A reader sees the old file or the
 * new one, never half of one, and a crash or a full disk never loses the accounts;
 * /etc/shadow never exists readable by others, not even for a moment (the temporary
 * file is 0600 until it is complete).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <shadow.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "accounts.h"
#include "newfile.h"

/* ---- the lock ---- */

/*
 * Not lckpwdf(3): uClibc-ng's locks /etc/passwd itself, and once a rewrite renames a
 * new /etc/passwd over it, the next tool locks the new file while the first one is
 * still writing. This file is never replaced, so every tool locks the same one.
 */
#define LOCK_FILE "/etc/.pwd.lock"
/* How long a tool waits for another one's change to end, as lckpwdf(3) does. */
#define LOCK_WAIT_SECONDS 15
/* The temporary files of a rewrite: "/etc/.shadow.mini-XXXXXX" (newfile.h names them). */
#define TEMP_MARK "mini-"

static int lock_fd = -1;
static int lock_depth;		/* accounts_lock() calls not yet undone */

/*
 * Temporary files of the account files that a killed tool left behind (SIGKILL
 * cannot be caught). Only a holder of the lock makes them, and we hold it now:
 * every one there belongs to a tool that is gone.
 */
static void remove_stale_temp_files(void)
{
	static const char *const files[] = { PASSWD_FILE, SHADOW_FILE, GROUP_FILE };
	DIR *dir = opendir("/etc");
	struct dirent *d;
	char prefix[32];

	if (dir == NULL)
		return;
	while ((d = readdir(dir)) != NULL) {
		for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
			snprintf(prefix, sizeof prefix, ".%s." TEMP_MARK, base_name(files[i]));
			if (starts_with(d->d_name, prefix) && strlen(d->d_name) == strlen(prefix) + 6) {
				char *path = path_join("/etc", d->d_name);
				unlink(path);
				free(path);
			}
		}
	}
	closedir(dir);
}

void accounts_lock(void)
{
	struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };

	if (lock_depth++ > 0)
		return;
	lock_fd = open(LOCK_FILE, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0600);
	if (lock_fd < 0)
		die("cannot lock the account files (" LOCK_FILE "):");
	for (int tenths = 0; fcntl(lock_fd, F_SETLK, &lock) < 0; tenths++) {
		if ((errno != EACCES && errno != EAGAIN) || tenths == LOCK_WAIT_SECONDS * 10)
			die("cannot lock the account files (" LOCK_FILE "):");
		usleep(100000);
	}
	remove_stale_temp_files();
}

void accounts_unlock(void)
{
	if (lock_depth == 0 || --lock_depth > 0)
		return;
	close(lock_fd);		/* closing it ends the fcntl lock */
	lock_fd = -1;
}

/* ---- how long a line may be ---- */

int account_line_fits(const char *path, const char *line)
{
	size_t len = strlen(line), members = 0;
	const char *list;

	if (len > ACCOUNT_LINE_MAX)
		return 0;
	if (strcmp(path, GROUP_FILE) != 0)
		return 1;
	/*
	 * getgrnam() puts the member list (a pointer per member and a NULL, aligned after
	 * the line's NUL) in the same buffer as the line: the line must leave room for it.
	 * The alignment may cost up to 3 bytes (the buffer itself need not be aligned).
	 */
	list = strrchr(line, ':');
	if (list && list[1])
		for (members = 1; (list = strchr(list + 1, ',')) != NULL; members++)
			continue;
	return len + 1 + (sizeof(char *) - 1) + (members + 1) * sizeof(char *) <= UCLIBC_LINE_BUFFER;
}

/* ---- rewriting a file ---- */

/*
 * Copy in to out through edit(); returns 0, or -1 when a read or write failed or a
 * line would be too long (said here). Lines are read whole, however long.
 */
static int edit_lines(const char *path, FILE *in, FILE *out, line_editor edit, void *data)
{
	char *line = NULL;
	size_t size = 0;
	ssize_t len;
	const char *result;
	int status = 0, at_end = 0;

	while (status == 0 && !at_end) {
		len = getline(&line, &size, in);
		if (len < 0)
			at_end = 1;
		else if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		result = edit(at_end ? NULL : line, data);
		if (result == NULL)
			continue;
		/* A line we did not change stays as it is, even one libc cannot read. */
		if ((at_end || result != line) && !account_line_fits(path, result)) {
			warn("%s: a line of %zu characters is too long: libc could not read it back; nothing changed",
			     path, strlen(result));
			status = -2;
		} else if (fprintf(out, "%s\n", result) < 0) {
			status = -1;
		}
	}
	free(line);
	if (status == 0 && (ferror(in) || fflush(out) != 0 || ferror(out)))
		status = -1;
	return status;
}

/* The signals that would kill us between making the temporary file and renaming it. */
static void block_signals(sigset_t *old)
{
	static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGPIPE };
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++)
		sigaddset(&set, signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

/* edit_lines into fd, through a stream of its own (a dup: closing it leaves fd open). */
static int edit_into(const char *path, FILE *in, int fd, line_editor edit, void *data)
{
	int copy = dup(fd), result;
	FILE *out = copy < 0 ? NULL : fdopen(copy, "w");

	if (out == NULL) {
		if (copy >= 0)
			close(copy);
		return -1;
	}
	result = edit_lines(path, in, out, edit, data);
	if (fclose(out) != 0 && result == 0)
		result = -1;
	return result;
}

/*
 * The rewrite itself, through newfile.h's rule, with what the account files need more:
 * the old file's owner exactly (a failed chown is an error, not a file left to us), the
 * time now, an fsync before the rename, and a marked temporary name (TEMP_MARK) that the
 * next holder of the lock removes when a killed tool left it. The temporary file is 0600
 * and ours until then: /etc/shadow's lines are never readable by more than root.
 */
static int rewrite_locked(const char *path, line_editor edit, void *data)
{
	struct stat st;
	struct new_file f;
	FILE *in = fopen(path, "r");
	int status = -1, result;

	if (in == NULL || fstat(fileno(in), &st) < 0) {
		warn("%s:", path);
		goto done;
	}
	if (new_file_begin(&f, path, TEMP_MARK, NEW_FILE_MUST_OWN | NEW_FILE_SYNC) < 0) {
		warn("%s:", path);
		goto done;
	}
	result = edit_into(path, in, f.fd, edit, data);
	if (result == -1)
		warn("writing %s:", path);
	if (result < 0) {
		new_file_abort(&f);
		goto done;
	}
	st.st_atim.tv_nsec = st.st_mtim.tv_nsec = UTIME_OMIT;	/* changed now */
	status = new_file_commit(&f, &st);
done:
	if (in)
		fclose(in);
	return status;
}

int accounts_rewrite(const char *path, line_editor edit, void *data)
{
	sigset_t old;
	int status;

	accounts_lock();	/* the caller's lock, usually: then this only counts */
	block_signals(&old);
	status = rewrite_locked(path, edit, data);
	sigprocmask(SIG_SETMASK, &old, NULL);
	accounts_unlock();
	return status;
}

char *account_format(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	return s;
}

/* ---- replacing one line ---- */

struct line_change {
	const char *name;	/* the first field of the line to change */
	const char *new_line;	/* NULL: delete it */
	int found;
};

static int names_line(const char *line, const char *name)
{
	size_t len = strlen(name);

	return strncmp(line, name, len) == 0 && line[len] == ':';
}

static const char *change_line(const char *line, void *data)
{
	struct line_change *change = data;

	if (line == NULL)
		return change->found ? NULL : change->new_line;
	if (!names_line(line, change->name))
		return line;
	change->found = 1;
	return change->new_line;
}

int accounts_set_line(const char *path, const char *name, const char *new_line)
{
	struct line_change change = { name, new_line, 0 };

	return accounts_rewrite(path, change_line, &change);
}

struct member_change {
	const char *group;	/* NULL: every group */
	const char *user;
	int add;
};

static const char *change_members(const char *line, void *data)
{
	struct member_change *change = data;

	if (line == NULL || (change->group && !names_line(line, change->group)))
		return line;
	return account_with_field(line, 3, account_list_with(account_field(line, 3), change->user, change->add));
}

int accounts_set_member(const char *group, const char *user, int add)
{
	struct member_change change = { group, user, add };

	return accounts_rewrite(GROUP_FILE, change_members, &change);
}

/* ---- fields and lists ---- */

char *account_field(const char *line, int n)
{
	while (n-- > 0 && line)
		if ((line = strchr(line, ':')) != NULL)
			line++;
	return line ? xstrndup(line, strcspn(line, ":")) : xstrdup("");
}

char *account_with_field(const char *line, int n, const char *value)
{
	const char *start = line, *end;
	char *result, *p;
	int missing = 0;

	/* Find where field n starts; a short line gets empty fields added. */
	for (int i = 0; i < n; i++) {
		const char *colon = strchr(start, ':');
		if (colon == NULL) {
			missing = n - i;
			start += strlen(start);
			break;
		}
		start = colon + 1;
	}
	end = missing ? start : start + strcspn(start, ":");
	result = p = xmalloc((start - line) + missing + strlen(value) + strlen(end) + 1);
	memcpy(p, line, start - line);
	p += start - line;
	memset(p, ':', missing);
	p += missing;
	strcpy(p, value);
	strcat(p, end);
	return result;
}

char *account_list_with(const char *list, const char *name, int add)
{
	char *copy = xstrdup(list), *result = xzalloc(strlen(list) + strlen(name) + 2);

	for (char *item = strtok(copy, ","); item; item = strtok(NULL, ",")) {
		if (strcmp(item, name) == 0)
			continue;	/* put back below when adding: never twice */
		if (result[0])
			strcat(result, ",");
		strcat(result, item);
	}
	if (add) {
		if (result[0])
			strcat(result, ",");
		strcat(result, name);
	}
	free(copy);
	return result;
}

/* ---- names and ids ---- */

int account_name_ok(const char *name)
{
	size_t len = strlen(name);

	if (len == 0 || len > 32 || !(name[0] == '_' || (name[0] >= 'a' && name[0] <= 'z')))
		return 0;
	return strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_.-") == len;
}

int account_text_ok(const char *text)
{
	return strpbrk(text, ":\n") == NULL;
}

unsigned account_free_id(int group)
{
	unsigned id = 1000;

	while (group ? getgrgid(id) != NULL : getpwuid(id) != NULL)
		id++;
	return id;
}

/* ---- passwords ---- */

const char *password_of(const struct passwd *pw)
{
	struct spwd *sp;

	if (strcmp(pw->pw_passwd, "x") != 0)
		return pw->pw_passwd;
	sp = getspnam(pw->pw_name);
	return sp ? sp->sp_pwdp : "!";	/* no shadow line: nobody may log in */
}

int password_matches(const char *password, const char *hash)
{
	const char *result;

	if (hash[0] == '\0')
		return 1;
	/* "!..." and "*" are locked accounts: no crypt(3) result looks like that. */
	result = crypt(password, hash);
	return result != NULL && strcmp(result, hash) == 0;
}

char *password_hash(const char *password)
{
	static const char salt_chars[] =
		"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	unsigned char random[16];
	char salt[3 + sizeof random + 2] = "$6$";	/* $6$ = SHA-512 */
	int fd = open("/dev/urandom", O_RDONLY);

	if (fd < 0 || read_full(fd, random, sizeof random) != (ssize_t)sizeof random) {
		warn("/dev/urandom:");
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	close(fd);
	for (size_t i = 0; i < sizeof random; i++)
		salt[3 + i] = salt_chars[random[i] % 64];
	strcat(salt, "$");
	return crypt(password, salt);
}

/* The change of one user's shadow line: password, and the day it changed. */
struct shadow_change {
	const char *name;
	const char *hash;
	char day[16];
	int found;
};

static const char *change_shadow(const char *line, void *data)
{
	struct shadow_change *change = data;

	if (line == NULL) {
		if (change->found)
			return NULL;
		return account_format("%s:%s:%s:0:99999:7:::", change->name, change->hash, change->day);
	}
	if (!names_line(line, change->name))
		return line;
	change->found = 1;
	return account_with_field(account_with_field(line, 1, change->hash), 2, change->day);
}

int password_store(const char *name, const char *hash)
{
	struct shadow_change change = { name, hash, "", 0 };
	struct passwd *pw = getpwnam(name);

	if (pw == NULL) {
		warn("unknown user '%s'", name);
		return -1;
	}
	if (strcmp(pw->pw_passwd, "x") != 0) {
		char *line = account_format("%s:%s:%u:%u:%s:%s:%s", pw->pw_name, hash, (unsigned)pw->pw_uid,
					    (unsigned)pw->pw_gid, pw->pw_gecos, pw->pw_dir, pw->pw_shell);
		return accounts_set_line(PASSWD_FILE, name, line);
	}
	snprintf(change.day, sizeof change.day, "%ld", (long)(time(NULL) / 86400));
	return accounts_rewrite(SHADOW_FILE, change_shadow, &change);
}

/* ---- becoming a user ---- */

int ask_login_name(char *name, size_t size)
{
	char host[64] = "mini";

	gethostname(host, sizeof host);
	do {
		printf("%s login: ", host);
		fflush(stdout);
		if (fgets(name, size, stdin) == NULL)
			return -1;
		name[strcspn(name, "\n")] = '\0';
	} while (name[0] == '\0');
	return 0;
}

void account_become(const struct passwd *pw, int login)
{
	const char *shell = pw->pw_shell[0] ? pw->pw_shell : "/bin/sh";
	char *term = getenv("TERM");

	if (initgroups(pw->pw_name, pw->pw_gid) < 0 || setgid(pw->pw_gid) < 0 || setuid(pw->pw_uid) < 0)
		die("cannot become %s:", pw->pw_name);
	if (login) {
		term = term ? xstrdup(term) : NULL;
		clearenv();
		if (term)
			setenv("TERM", term, 1);
	}
	setenv("HOME", pw->pw_dir, 1);
	setenv("SHELL", shell, 1);
	setenv("USER", pw->pw_name, 1);
	setenv("LOGNAME", pw->pw_name, 1);
	setenv("PATH", "/bin:/sbin:/usr/bin:/usr/sbin", 1);
	if (login && chdir(pw->pw_dir) < 0) {
		warn("%s: no home folder, starting in /", pw->pw_dir);
		chdir("/");
	}
}

void account_shell(const struct passwd *pw, int login, const char *command)
{
	const char *shell = pw->pw_shell[0] ? pw->pw_shell : "/bin/sh";
	char name[64];

	/* A login shell learns that it is one from the '-' before its name. */
	snprintf(name, sizeof name, "%s%s", login ? "-" : "", base_name(shell));
	fflush(stdout);		/* what login printed must not be lost in exec */
	if (command)
		execl(shell, name, "-c", command, (char *)NULL);
	else
		execl(shell, name, (char *)NULL);
	die("%s:", shell);
}
