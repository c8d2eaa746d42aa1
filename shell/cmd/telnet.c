/*
 * telnet: the TELNET client (RFC 854), as BusyBox's.
 *
 * It starts in line mode (the local terminal edits and echoes a line, which is sent
 * whole) and turns to character mode, the terminal raw, when the server offers to
 * echo (RFC 857); it agrees to suppress go-ahead (RFC 858) and refuses every other
 * option (RFC 855). Ctrl-] gives a small "telnet>" prompt: quit (or close) ends the
 * session, an empty line goes back to it.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>
#include "mini.h"
#include "net.h"

static const char usage[] =
	"Usage: telnet HOST [PORT]\n"
	"Connect to the TELNET server on HOST (PORT 23 by default).\n"
	"Ctrl-] then 'quit' ends the session.\n";

enum { IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240 };
enum { OPT_ECHO = 1, OPT_SGA = 3 };
enum { ESCAPE_KEY = 0x1d };	/* Ctrl-] */

static int sock;
static int is_tty;
static int remote_echo;		/* the server echoes: character mode */
static struct termios saved;	/* the terminal as we found it */

/* ---- the local terminal ---- */

static void set_terminal(int raw)
{
	struct termios t = saved;

	if (!is_tty)
		return;
	if (raw) {	/* every key goes to the server as it is typed, ^C and ^Z too */
		t.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
		t.c_oflag &= ~OPOST;
		t.c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
		t.c_cc[VMIN] = 1;
		t.c_cc[VTIME] = 0;
	}
	tcsetattr(STDIN_FILENO, TCSADRAIN, &t);
}

static void restore_terminal(void)
{
	if (is_tty)
		tcsetattr(STDIN_FILENO, TCSADRAIN, &saved);
}

static void on_signal(int sig)
{
	restore_terminal();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* ---- from the server ---- */

struct telnet_input {
	enum { DATA, GOT_IAC, GOT_VERB, IN_SB, SB_IAC } state;
	int verb;
	unsigned char agreed[256];	/* options already answered "yes", to answer once */
};

static void send_option(int verb, int option)
{
	unsigned char c[3] = { IAC, verb, option };

	write_all(sock, c, 3);
}

/*
 * The server's WILL/WONT/DO/DONT. Echo and suppress-go-ahead from the server are
 * welcome; we do nothing ourselves. An answer goes out only when our state changes,
 * so client and server never loop (RFC 854's rule).
 */
static void answer_option(struct telnet_input *t, int verb, int option)
{
	if (verb == WILL && (option == OPT_ECHO || option == OPT_SGA)) {
		if (!t->agreed[option]) {
			t->agreed[option] = 1;
			send_option(DO, option);
		}
		if (option == OPT_ECHO && !remote_echo) {
			remote_echo = 1;
			set_terminal(1);
		}
	} else if (verb == WILL)
		send_option(DONT, option);
	else if (verb == WONT) {
		if (t->agreed[option]) {
			t->agreed[option] = 0;
			send_option(DONT, option);
		}
		if (option == OPT_ECHO && remote_echo) {
			remote_echo = 0;
			set_terminal(0);
		}
	} else if (verb == DO)
		send_option(WONT, option);
	/* DONT: we do nothing anyway */
}

/* Take the commands out of buf in place; returns the bytes left for the screen. */
static size_t filter_output(struct telnet_input *t, unsigned char *buf, size_t n)
{
	size_t out = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = buf[i];
		switch (t->state) {
		case DATA:
			if (c == IAC)
				t->state = GOT_IAC;
			else
				buf[out++] = c;
			break;
		case GOT_IAC:
			if (c == IAC) {
				buf[out++] = c;
				t->state = DATA;
			} else if (c >= WILL) {
				t->verb = c;
				t->state = GOT_VERB;
			} else
				t->state = c == SB ? IN_SB : DATA;
			break;
		case GOT_VERB:
			answer_option(t, t->verb, c);
			t->state = DATA;
			break;
		case IN_SB:
			if (c == IAC)
				t->state = SB_IAC;
			break;
		case SB_IAC:
			t->state = c == SE ? DATA : IN_SB;
			break;
		}
	}
	return out;
}

/* ---- to the server ---- */

/* Ctrl-]: a prompt on the cooked terminal. Returns 1 when the user wants out. */
static int escape_prompt(void)
{
	char line[64];
	int quit = 0;

	restore_terminal();
	fputs("\r\ntelnet> ", stdout);
	fflush(stdout);
	if (!fgets(line, sizeof line, stdin))
		quit = 1;
	else {
		line[strcspn(line, " \n")] = '\0';
		quit = !strcmp(line, "quit") || !strcmp(line, "q") || !strcmp(line, "close") || !strcmp(line, "c");
		if (!quit && line[0])
			fputs("Commands: quit, close (an empty line goes back)\n", stdout);
	}
	if (!quit && remote_echo)
		set_terminal(1);
	return quit;
}

/* Send what was typed: 0xFF doubled; a line's end is CR LF (NVT), a raw CR is CR NUL. */
static int send_keys(const unsigned char *buf, size_t n)
{
	unsigned char out[3 * 1024];
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = buf[i];
		if (c == ESCAPE_KEY && is_tty) {
			if (write_all(sock, out, len) < 0 || escape_prompt())
				return -1;
			len = 0;
		} else if (c == IAC) {
			out[len++] = IAC;
			out[len++] = IAC;
		} else if (c == '\n' && (!remote_echo || !is_tty)) {	/* a line typed or piped */
			out[len++] = '\r';
			out[len++] = '\n';
		} else if (c == '\r' && remote_echo) {
			out[len++] = '\r';
			out[len++] = '\0';
		} else
			out[len++] = c;
	}
	return write_all(sock, out, len);
}

/* Copy keys to the server and its output to the screen until either side ends. */
static int session(void)
{
	struct pollfd p[2] = { { .fd = sock, .events = POLLIN }, { .fd = STDIN_FILENO, .events = POLLIN } };
	static struct telnet_input in;
	unsigned char buf[1024];

	for (;;) {
		if (poll(p, p[1].fd < 0 ? 1 : 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return 1;
		}
		if (p[0].revents) {
			ssize_t n = read(sock, buf, sizeof buf);
			if (n <= 0) {
				restore_terminal();
				fputs("\r\nConnection closed by foreign host\r\n", stderr);
				return n < 0;
			}
			size_t len = filter_output(&in, buf, n);
			if (write_all(STDOUT_FILENO, buf, len) < 0)
				return 1;
		}
		if (p[1].fd >= 0 && p[1].revents) {
			ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
			if (n <= 0)	/* the input ended; answers to the server's options may still go */
				p[1].fd = -1;
			else if (send_keys(buf, n) < 0) {
				restore_terminal();
				return 0;
			}
		}
	}
}

int telnet_main(int argc, char **argv)
{
	struct options o;
	int status;

	options_start(&o, argc, argv, "", usage);
	while (options_next(&o) != -1)
		;
	argv += o.index;
	argc -= o.index;
	if (argc < 1 || argc > 2)
		usage_error(usage, argc < 1 ? "no host given" : "too many operands");
	signal(SIGPIPE, SIG_IGN);
	sock = connect_host(argv[0], argc == 2 ? argv[1] : "23", -1);
	if (sock < 0)
		return 1;
	is_tty = tcgetattr(STDIN_FILENO, &saved) == 0;
	if (is_tty) {
		signal(SIGTERM, on_signal);
		signal(SIGHUP, on_signal);
		printf("Connected to %s\r\nEscape character is '^]'.\r\n", argv[0]);
		fflush(stdout);
	}
	status = session();
	restore_terminal();
	return status;
}
