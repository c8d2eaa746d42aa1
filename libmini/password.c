/*
 * password.c: asking for a password with echo off, checking it, wiping it, and the
 * growing wait after wrong ones (see password.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "mini.h"
#include "accounts.h"
#include "password.h"

void password_wipe(void *p, size_t n)
{
	memset(p, 0, n);
	/*
	 * The compiler sees that nothing reads the buffer again and could drop the
	 * memset; an empty asm that "uses" p and "changes memory" forbids that.
	 */
	__asm__ __volatile__("" : : "r"(p) : "memory");
}

/* ---- reading with echo off ---- */

/* The signal that interrupted the read: the terminal is put back first, then it acts. */
static volatile sig_atomic_t interrupted_by;

static void note_signal(int sig)
{
	interrupted_by = sig;
}

static const int stop_signals[] = { SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP };

/* Catch the stop signals without SA_RESTART, so that a pending read() ends. */
static void catch_stop_signals(struct sigaction *old)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = note_signal;
	interrupted_by = 0;
	for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
		sigaction(stop_signals[i], &sa, &old[i]);
}

static void restore_stop_signals(const struct sigaction *old)
{
	for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
		sigaction(stop_signals[i], &old[i], NULL);
	if (interrupted_by)
		raise(interrupted_by);
}

/* One character from the terminal's fd, or from stdin when fd is -1; EOF at the end. */
static int next_char(int fd)
{
	unsigned char c;

	if (fd < 0)
		return getc(stdin);
	return read(fd, &c, 1) == 1 ? c : EOF;
}

char *password_read(const char *prompt, char *buf, size_t size)
{
	int tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	int in = tty >= 0 ? tty : STDIN_FILENO, c = 0, quiet;
	struct termios old, noecho;
	struct sigaction old_actions[sizeof stop_signals / sizeof stop_signals[0]];
	size_t len = 0;

	if (tty >= 0)
		write_all(tty, prompt, strlen(prompt));
	else
		fputs(prompt, stderr);
	fflush(stderr);
	catch_stop_signals(old_actions);
	quiet = tcgetattr(in, &old) == 0;
	if (quiet) {
		noecho = old;
		noecho.c_lflag &= ~(ECHO | ECHOE | ECHOK | ECHONL);
		tcsetattr(in, TCSAFLUSH, &noecho);
	}
	while (!interrupted_by && (c = next_char(tty)) != EOF && c != '\n')
		if (len + 1 < size)
			buf[len++] = c;
	buf[len] = '\0';
	if (quiet) {
		tcsetattr(in, TCSAFLUSH, &old);
		write_all(tty >= 0 ? tty : STDERR_FILENO, "\n", 1);	/* the Enter that was not echoed */
	}
	if (tty >= 0)
		close(tty);
	restore_stop_signals(old_actions);
	if (c == EOF && len == 0) {
		password_wipe(buf, size);
		return NULL;
	}
	return buf;
}

char *password_ask_new(void)
{
	char first[PASSWORD_MAX], second[PASSWORD_MAX];
	char *hash = NULL;
	int same;

	if (password_read("New password: ", first, sizeof first) == NULL)
		return NULL;
	same = password_read("Retype new password: ", second, sizeof second) != NULL
	       && strcmp(first, second) == 0;
	if (same)
		hash = password_hash(first);
	else
		warn("the passwords do not match");
	password_wipe(first, sizeof first);
	password_wipe(second, sizeof second);
	return hash;
}

/* ---- the wait after wrong passwords ---- */

unsigned password_fail_delay(unsigned failures, unsigned base)
{
	unsigned delay = base;

	if (failures == 0)
		return 0;
	while (--failures > 0 && delay < FAIL_DELAY_MAX)
		delay *= 2;
	return delay < FAIL_DELAY_MAX ? delay : FAIL_DELAY_MAX;
}

/*
 * The first wait: FAIL_DELAY in /etc/login.defs (shadow-utils' name for it), read only
 * from a file of root's that nobody else may write, since a shorter wait is what a
 * password guesser wants. (The tests set it to 0.)
 */
static unsigned base_delay(void)
{
	struct stat st;
	char *text = NULL, *p;
	long long seconds;
	unsigned base = FAIL_DELAY_DEFAULT;

	if (stat("/etc/login.defs", &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != 0
	    || (st.st_mode & 022) || (text = read_file("/etc/login.defs", NULL)) == NULL)
		return base;
	for (p = text; p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (starts_with(p, "FAIL_DELAY") && (p[10] == ' ' || p[10] == '\t')) {
			p[strcspn(p, "\n")] = '\0';
			p += 10 + strspn(p + 10, " \t");
			if (parse_long(p, &seconds) == 0 && seconds >= 0 && seconds <= FAIL_DELAY_MAX)
				base = seconds;
			break;
		}
	}
	free(text);
	return base;
}

/* Seconds since the machine started: a /run record means nothing after a reboot anyway. */
static long now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_BOOTTIME, &ts);
	return ts.tv_sec;
}

/* A user's failure record: "FAILURES NOT_BEFORE" (NOT_BEFORE in now_seconds()). */
struct fail_record {
	int fd;			/* -1: no record could be kept (then only the wait counts) */
	unsigned failures;
	long not_before;	/* no answer before this time */
};

/* Open and lock the user's record; the lock serializes the tries of one user. */
static void open_record(const char *name, struct fail_record *r)
{
	struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	char *path, text[64];
	ssize_t n;

	r->fd = -1;
	r->failures = 0;
	r->not_before = 0;
	if (!account_name_ok(name))	/* it becomes a file name */
		return;
	mkdir(FAILLOCK_DIR, 0700);
	path = path_join(FAILLOCK_DIR, name);
	r->fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0600);
	free(path);
	if (r->fd < 0)
		return;
	while (fcntl(r->fd, F_SETLKW, &lock) < 0 && errno == EINTR)
		continue;
	n = read(r->fd, text, sizeof text - 1);
	text[n > 0 ? n : 0] = '\0';
	if (sscanf(text, "%u %ld", &r->failures, &r->not_before) != 2)
		r->failures = r->not_before = 0;
}

/* Write the record and let the next try have it. */
static void close_record(struct fail_record *r)
{
	char text[64];
	int len;

	if (r->fd < 0)
		return;
	len = snprintf(text, sizeof text, "%u %ld\n", r->failures, r->not_before);
	if (ftruncate(r->fd, 0) < 0 || pwrite(r->fd, text, len, 0) != len)
		warn(FAILLOCK_DIR ":");
	close(r->fd);
	r->fd = -1;
}

/* Sleep until time `until` (now_seconds), whatever signals come in between. */
static void wait_until(long until)
{
	long now;

	while ((now = now_seconds()) < until)
		sleep(until - now);
}

int password_verify(const struct passwd *pw, const char *prompt)
{
	char typed[PASSWORD_MAX];
	struct fail_record record;
	int right;

	if (password_read(prompt, typed, sizeof typed) == NULL)
		return 0;
	right = password_matches(typed, password_of(pw));
	password_wipe(typed, sizeof typed);

	open_record(pw->pw_name, &record);
	wait_until(record.not_before);	/* what earlier failures still owe */
	if (right) {
		record.failures = 0;
		record.not_before = 0;
		close_record(&record);
		return 1;
	}
	record.failures++;
	record.not_before = now_seconds() + password_fail_delay(record.failures, base_delay());
	close_record(&record);		/* counted before the wait: killing us skips nothing */
	wait_until(record.not_before);
	return 0;
}
