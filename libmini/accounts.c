/*
 * accounts.c: changing the account files (passwd(5), shadow(5), group(5)), and
 * password hashes with crypt(3).
 *
 * Every change is a rewrite: under the lock of lckpwdf(3) (/etc/.pwd.lock), the new
 * contents go to a temporary file in /etc with the old file's mode and owner, which
 * is then renamed over the old one. A reader sees the old file or the new one, never
 * half of one, and a crash or a full disk never loses the accounts; /etc/shadow never
 * exists readable by others, not even for a moment (mkstemp makes files 0600).
 */
#include <fcntl.h>
#include <grp.h>
#include <shadow.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "accounts.h"

void accounts_lock(void)
{
	if (lckpwdf() < 0)
		die("cannot lock the account files (/etc/.pwd.lock):");
}

void accounts_unlock(void)
{
	ulckpwdf();
}

/* Copy in to out through edit(); returns 0, or -1 when a write failed. */
static int edit_lines(FILE *in, FILE *out, line_editor edit, void *data)
{
	char line[1024];
	const char *result;

	while (fgets(line, sizeof line, in)) {
		line[strcspn(line, "\n")] = '\0';
		result = edit(line, data);
		if (result)
			fprintf(out, "%s\n", result);
	}
	result = edit(NULL, data);
	if (result)
		fprintf(out, "%s\n", result);
	return ferror(in) || fflush(out) != 0 || ferror(out) ? -1 : 0;
}

int accounts_rewrite(const char *path, line_editor edit, void *data)
{
	struct stat st;
	char *temp = xmalloc(strlen(path) + 8);
	FILE *in = fopen(path, "r"), *out = NULL;
	int fd = -1, status = -1;

	sprintf(temp, "%s.XXXXXX", path);
	if (in == NULL || fstat(fileno(in), &st) < 0) {
		warn("%s:", path);
		goto done;
	}
	fd = mkstemp(temp);
	if (fd < 0 || fchown(fd, st.st_uid, st.st_gid) < 0 || fchmod(fd, st.st_mode & 07777) < 0
	    || (out = fdopen(fd, "w")) == NULL) {
		warn("%s:", temp);
		goto done;
	}
	if (edit_lines(in, out, edit, data) < 0 || fsync(fd) < 0) {
		warn("writing %s:", temp);
		goto done;
	}
	if (rename(temp, path) < 0) {
		warn("%s:", path);
		goto done;
	}
	status = 0;
done:
	if (out)
		fclose(out);
	else if (fd >= 0)
		close(fd);
	if (status < 0 && fd >= 0)
		unlink(temp);
	if (in)
		fclose(in);
	free(temp);
	return status;
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

char *password_ask_new(void)
{
	char *first, *second;
	int same;

	first = getpass("New password: ");
	if (first == NULL)
		return NULL;
	first = xstrdup(first);		/* getpass reuses its buffer */
	second = getpass("Retype new password: ");
	same = second != NULL && strcmp(first, second) == 0;
	memset(first, 0, strlen(first));
	if (!same) {
		free(first);
		warn("the passwords do not match");
		return NULL;
	}
	free(first);
	return password_hash(second);
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
	char *new_line;

	if (line == NULL) {
		if (change->found)
			return NULL;
		new_line = xmalloc(strlen(change->name) + strlen(change->hash) + 40);
		sprintf(new_line, "%s:%s:%s:0:99999:7:::", change->name, change->hash, change->day);
		return new_line;
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
		char line[1024];
		snprintf(line, sizeof line, "%s:%s:%u:%u:%s:%s:%s", pw->pw_name, hash, (unsigned)pw->pw_uid,
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
