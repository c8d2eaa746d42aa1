/*
 * fullscreen.c: the full-screen terminal for vi and less (see fullscreen.h).
 *
 * It speaks the VT100 subset that xterm, the Linux console and serial terminals
 * all understand (ECMA-48 cursor addressing, erase in line, reverse video); the
 * keys those terminals send are decoded by keys.c.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "mini.h"
#include "keys.h"
#include "fullscreen.h"

int term_rows = 24, term_cols = 80;

static struct termios saved_mode;
static int raw_active;
static int key_fd = -1;
static volatile sig_atomic_t window_changed;

/* Alternate screen on (xterm; other terminals ignore it), or off with the cursor at the bottom. */
static const char enter_screen[] = "\033[?1049h\033[H\033[J";
static const char leave_screen[] = "\033[?1049l";

/* ---- raw mode and the signals that must not leave the terminal raw ---- */

static void restore_mode(void)
{
	if (!raw_active)
		return;
	raw_active = 0;
	if (write(STDOUT_FILENO, leave_screen, sizeof leave_screen - 1) < 0) {
		/* nothing more can be done while leaving */
	}
	tcsetattr(key_fd, TCSADRAIN, &saved_mode);	/* keys typed ahead stay */
}

/* SIGTERM, SIGHUP, SIGINT: put the terminal back, then die of the same signal. */
static void on_fatal_signal(int sig)
{
	restore_mode();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void on_window_change(int sig)
{
	(void)sig;
	window_changed = 1;
}

static void catch_signal(int sig, void (*handler)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: a resize must wake up the read() */
	sigaction(sig, &sa, NULL);
}

static int enter_raw_mode(void)
{
	struct termios raw = saved_mode;

	raw.c_iflag &= ~(IXON | ICRNL | INLCR | IGNCR | ISTRIP | BRKINT);
	raw.c_oflag &= ~OPOST;
	raw.c_lflag &= ~(ICANON | ECHO | ISIG | IEXTEN);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(key_fd, TCSADRAIN, &raw) < 0)
		return -1;
	raw_active = 1;
	term_write(enter_screen, sizeof enter_screen - 1);
	term_invalidate();
	return 0;
}

int term_start(int fd)
{
	static int registered;

	key_fd = fd;
	if (!isatty(fd) || tcgetattr(fd, &saved_mode) < 0)
		return -1;
	catch_signal(SIGTERM, on_fatal_signal);
	catch_signal(SIGHUP, on_fatal_signal);
	catch_signal(SIGINT, on_fatal_signal);
	catch_signal(SIGQUIT, on_fatal_signal);
	catch_signal(SIGWINCH, on_window_change);
	if (!registered) {
		atexit(term_stop);	/* exit() from anywhere (die) restores too */
		registered = 1;
	}
	return enter_raw_mode();
}

void term_stop(void)
{
	char bottom[32];

	/* Where there is no alternate screen (Linux console, serial), the shell goes on at the bottom. */
	if (raw_active)
		term_write(bottom, snprintf(bottom, sizeof bottom, "\033[%d;1H\033[K", term_rows));
	term_flush();
	restore_mode();
}

int term_suspend(void)
{
	/* Without job control vi shares the shell's process group: stopping would stop both for good. */
	if (getpgrp() == getsid(0))
		return -1;
	term_stop();
	kill(0, SIGTSTP);
	/* Continued: the shell may have changed the mode meanwhile. */
	tcgetattr(key_fd, &saved_mode);
	enter_raw_mode();
	return 0;
}

/* ---- output ---- */

static char out_buf[4096];
static int out_len;

void term_flush(void)
{
	if (out_len > 0)
		write_all(STDOUT_FILENO, out_buf, out_len);
	out_len = 0;
}

void term_write(const char *s, int len)
{
	while (len > 0) {
		int room = sizeof out_buf - out_len;
		int n = len < room ? len : room;
		memcpy(out_buf + out_len, s, n);
		out_len += n;
		s += n;
		len -= n;
		if (out_len == (int)sizeof out_buf)
			term_flush();
	}
}

void term_puts(const char *s)
{
	term_write(s, strlen(s));
}

/* ---- keys ---- */

int term_key_ready(void)
{
	return key_waiting(key_fd);
}

int term_key(void)
{
	for (;;) {
		int key;
		if (window_changed) {
			window_changed = 0;
			return KEY_RESIZE;
		}
		key = key_read(key_fd);
		if (key != KEY_NONE && key != 0)	/* 0: a NUL byte (a line's break) is no key */
			return key;
	}
}

/* ---- the screen ---- */

static char **shown;		/* what each row shows now; NULL = unknown */
static int shown_rows;
static char *row_buf;		/* the row being composed */
static int row_len, row_cap, row_columns, row_reversed;

void term_invalidate(void)
{
	for (int i = 0; i < shown_rows; i++) {
		free(shown[i]);
		shown[i] = NULL;
	}
}

void term_begin_screen(void)
{
	int rows, cols;

	terminal_size(STDOUT_FILENO, &rows, &cols);
	if (rows != term_rows || cols != term_cols || shown == NULL) {
		term_invalidate();
		free(shown);
		term_rows = rows;
		term_cols = cols;
		shown_rows = rows;
		shown = xzalloc(rows * sizeof *shown);
		term_puts("\033[H\033[J");
	}
	row_len = row_columns = row_reversed = 0;
}

void term_row_add(const char *bytes, int len, int width)
{
	if (row_len + len + 8 > row_cap) {
		row_cap = (row_len + len + 8) * 2;
		row_buf = xrealloc(row_buf, row_cap);
	}
	memcpy(row_buf + row_len, bytes, len);
	row_len += len;
	row_columns += width;
}

void term_row_reverse(int on)
{
	if (on != row_reversed)
		term_row_add(on ? "\033[7m" : "\033[m", on ? 4 : 3, 0);
	row_reversed = on;
}

int term_row_width(void)
{
	return row_columns;
}

void term_row_end(int row)
{
	char move[16];

	term_row_reverse(0);
	term_row_add("", 0, 0);	/* makes sure there is a buffer, even for an empty row */
	row_buf[row_len] = '\0';
	if (row >= 0 && row < shown_rows && (shown[row] == NULL || strcmp(shown[row], row_buf) != 0)) {
		term_write(move, snprintf(move, sizeof move, "\033[%d;1H", row + 1));
		term_write(row_buf, row_len);
		/* Not at a full row: there the cursor waits at the last column and ESC [ K would erase it. */
		if (row_columns < term_cols)
			term_puts("\033[K");
		free(shown[row]);
		shown[row] = xstrdup(row_buf);
	}
	row_len = row_columns = row_reversed = 0;
}

void term_end_screen(int row, int col)
{
	char move[32];

	term_write(move, snprintf(move, sizeof move, "\033[%d;%dH", row + 1, col + 1));
	term_flush();
}

int term_cell(const unsigned char *p, int col, int tabstop, char *out, int *outlen)
{
	int c = *p;

	if (c == '\t' && tabstop > 0) {
		int width = tabstop - col % tabstop;
		memset(out, ' ', width);
		*outlen = width;
		return width;
	}
	if (c < 32 || c == 127) {
		out[0] = '^';
		out[1] = c == 127 ? '?' : c + 64;
		*outlen = 2;
		return 2;
	}
	out[0] = c;
	*outlen = 1;
	return (c & 0xC0) == 0x80 ? 0 : 1;	/* UTF-8 continuation bytes share their character's column */
}
