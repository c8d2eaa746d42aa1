/*
 * password.h: asking for a password and checking it (login, su, passwd, adduser).
 *
 * A password is read from the terminal with echo off, kept only in a buffer of the
 * caller's, and wiped from it as soon as it is checked or hashed. A wrong password
 * costs a wait that grows with each failure in a row, counted per user in
 * /run/faillock/USER; see password_verify.
 */
#ifndef PASSWORD_H
#define PASSWORD_H

#include <stddef.h>
#include <pwd.h>

/* The longest password read; the rest of a longer line is read and dropped. */
#define PASSWORD_MAX 256

/* Where the failures in a row of each user are counted (a tmpfs: a boot starts afresh). */
#define FAILLOCK_DIR "/run/faillock"
/* The wait after the first wrong password, in seconds, when /etc/login.defs sets none;
 * it doubles with each further one, up to FAIL_DELAY_MAX. */
#define FAIL_DELAY_DEFAULT 1
#define FAIL_DELAY_MAX 60

/*
 * Show prompt and read a line into buf (without its newline): from the terminal
 * (/dev/tty) with echo off, or from standard input (prompt on stderr) when there is
 * no terminal. Returns buf, or NULL at end of input (buf is then wiped).
 */
char *password_read(const char *prompt, char *buf, size_t size);

/* Overwrite n bytes at p with zeros, in a way the compiler may not leave out. */
void password_wipe(void *p, size_t n);

/*
 * Ask pw's password with prompt and check it against its hash (password_of). Returns 1
 * when it is right, 0 when it is wrong or none was typed.
 *
 * Before the answer is known, it waits out what earlier failures of this user still
 * owe; a wrong one is counted in /run/faillock/USER first and then waited for, so
 * that killing the command during the wait skips nothing: the next try waits it.
 * A right one ends the count.
 */
int password_verify(const struct passwd *pw, const char *prompt);

/* The wait, in seconds, after `failures` wrong passwords in a row: base, 2*base,
 * 4*base... up to FAIL_DELAY_MAX (0 when base is 0). */
unsigned password_fail_delay(unsigned failures, unsigned base);

/* Ask for a new password twice; returns its hash (crypt's static buffer), or NULL
 * (message printed) when they differ or input ended. */
char *password_ask_new(void);

#endif
