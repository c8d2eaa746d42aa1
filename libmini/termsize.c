/* termsize.c: the terminal's size: from the kernel, or asked of the terminal itself (see mini.h and termsize.h). */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include "mini.h"
#include "termsize.h"

/*
 * How long the terminal may take to answer. An emulator answers in a few
 * milliseconds, a 9600-baud line in about 30; one that never answers (a dumb
 * terminal, a logger on the line) must not make every shell start slow.
 */
enum { ANSWER_WAIT_MS = 300 };

void terminal_size(int fd, int *rows, int *cols)
{
	struct winsize ws;

	*rows = 24;
	*cols = 80;
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0) {
		if (ws.ws_row > 0)
			*rows = ws.ws_row;
		if (ws.ws_col > 0)
			*cols = ws.ws_col;
	}
}

int terminal_size_known(int fd)
{
	struct winsize ws;
	const char *columns = getenv("COLUMNS");

	if (columns && atoi(columns) > 0)
		return 1;
	return ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0;
}

static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000L + t.tv_nsec / 1000000;
}

/* A number of 1 to 4 digits at *p, other than 0, read past; 0 if there is none. */
static int screen_number(const unsigned char **p, const unsigned char *end)
{
	int n = 0, digits = 0;

	while (*p < end && **p >= '0' && **p <= '9') {
		n = n * 10 + (**p - '0');
		if (++digits > 4)
			return 0;
		(*p)++;
	}
	return n;
}

/*
 * Where the answer "ESC [ rows ; cols R" is in the len bytes of buf: its offset,
 * with its length in *answer_len; -1 when it has not (all) arrived.
 */
static int find_answer(const unsigned char *buf, int len, int *rows, int *cols, int *answer_len)
{
	const unsigned char *end = buf + len;

	for (int at = 0; at + 1 < len; at++) {
		const unsigned char *p = buf + at + 2;
		int r, c;
		if (buf[at] != '\033' || buf[at + 1] != '[')
			continue;
		r = screen_number(&p, end);
		if (r == 0 || p == end || *p++ != ';')
			continue;
		c = screen_number(&p, end);
		if (c == 0 || p == end || *p++ != 'R')
			continue;
		*rows = r;
		*cols = c;
		*answer_len = p - (buf + at);
		return at;
	}
	return -1;
}

/*
 * Read from in until the answer is there (0), the time is up or the buffer is
 * full (-1). What came around the answer was typed by the user: it stays in got.
 */
static int read_answer(int in, struct typed_ahead *got, int *rows, int *cols)
{
	long deadline = now_ms() + ANSWER_WAIT_MS;
	int at, answer_len;

	while ((at = find_answer(got->bytes, got->len, rows, cols, &answer_len)) < 0) {
		struct pollfd p = { .fd = in, .events = POLLIN };
		long left = deadline - now_ms();
		ssize_t n;
		if (left <= 0 || got->len == (int)sizeof got->bytes)
			return -1;
		if (poll(&p, 1, left) <= 0)
			continue;	/* a signal, or the time is up: the loop looks again */
		n = read(in, got->bytes + got->len, sizeof got->bytes - got->len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		got->len += n;
	}
	memmove(got->bytes + at, got->bytes + at + answer_len, got->len - at - answer_len);
	got->len -= answer_len;
	return 0;
}

int terminal_ask_size(int in, int out, int *rows, int *cols, struct typed_ahead *typed)
{
	/* Save the cursor, go as far right and down as the screen allows, ask where that is, restore. */
	static const char question[] = "\033" "7" "\033[999;999H" "\033[6n" "\033" "8";
	struct termios saved, quiet;
	int answered;

	typed->len = 0;
	if (tcgetattr(in, &saved) < 0)
		return -1;
	quiet = saved;
	quiet.c_lflag &= ~(ICANON | ECHO);	/* the answer comes at once, and is never shown */
	quiet.c_cc[VMIN] = 1;
	quiet.c_cc[VTIME] = 0;
	if (tcsetattr(in, TCSANOW, &quiet) < 0)
		return -1;
	answered = write_all(out, question, sizeof question - 1) == 0 &&
		read_answer(in, typed, rows, cols) == 0;
	tcsetattr(in, TCSANOW, &saved);		/* not TCSAFLUSH: keys typed meanwhile stay */
	return answered ? 0 : -1;
}

int terminal_set_size(int fd, int rows, int cols)
{
	struct winsize ws = { 0 };

	ws.ws_row = rows;
	ws.ws_col = cols;
	return ioctl(fd, TIOCSWINSZ, &ws);
}
