/*
 * stty: show or change the settings of a terminal (POSIX stty, with the Linux
 * flags of termios(3), rows/cols/size and -F as in GNU stty).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include "mini.h"
#include "sanemode.h"

static const char usage[] =
	"Usage: stty [-F DEVICE] [-a | -g | SETTING...]\n"
	"Show the settings of the terminal on standard input (or DEVICE), or change them.\n"
	"  -a  all settings       -g  all settings in a form stty can read back\n"
	"Settings: [-]FLAG (echo, icanon, isig, ixon, icrnl, opost, onlcr, ...),\n"
	"  sane, raw, -raw, cooked, NAME CHAR (intr ^C, erase ^H, min 1, time 0),\n"
	"  SPEED (9600, 115200), ispeed SPEED, ospeed SPEED, rows N, cols N,\n"
	"  size (print rows and columns), speed (print the speed)\n";

/* The four flag words of struct termios, in the order -a shows them. */
enum { CFLAG, IFLAG, OFLAG, LFLAG };

static const struct {
	const char *name;
	unsigned char field;
	tcflag_t bits, mask;	/* mask: the bits to clear first (CSIZE for cs5..cs8) */
} flags[] = {
	{ "parenb", CFLAG, PARENB, PARENB }, { "parodd", CFLAG, PARODD, PARODD },
	{ "cs5", CFLAG, CS5, CSIZE }, { "cs6", CFLAG, CS6, CSIZE }, { "cs7", CFLAG, CS7, CSIZE },
	{ "cs8", CFLAG, CS8, CSIZE }, { "hupcl", CFLAG, HUPCL, HUPCL }, { "cstopb", CFLAG, CSTOPB, CSTOPB },
	{ "cread", CFLAG, CREAD, CREAD }, { "clocal", CFLAG, CLOCAL, CLOCAL },
	{ "crtscts", CFLAG, CRTSCTS, CRTSCTS },
	{ "ignbrk", IFLAG, IGNBRK, IGNBRK }, { "brkint", IFLAG, BRKINT, BRKINT },
	{ "ignpar", IFLAG, IGNPAR, IGNPAR }, { "parmrk", IFLAG, PARMRK, PARMRK },
	{ "inpck", IFLAG, INPCK, INPCK }, { "istrip", IFLAG, ISTRIP, ISTRIP },
	{ "inlcr", IFLAG, INLCR, INLCR }, { "igncr", IFLAG, IGNCR, IGNCR },
	{ "icrnl", IFLAG, ICRNL, ICRNL }, { "ixon", IFLAG, IXON, IXON }, { "ixoff", IFLAG, IXOFF, IXOFF },
	{ "iuclc", IFLAG, IUCLC, IUCLC }, { "ixany", IFLAG, IXANY, IXANY },
	{ "imaxbel", IFLAG, IMAXBEL, IMAXBEL }, { "iutf8", IFLAG, IUTF8, IUTF8 },
	{ "opost", OFLAG, OPOST, OPOST }, { "olcuc", OFLAG, OLCUC, OLCUC },
	{ "ocrnl", OFLAG, OCRNL, OCRNL }, { "onlcr", OFLAG, ONLCR, ONLCR },
	{ "onocr", OFLAG, ONOCR, ONOCR }, { "onlret", OFLAG, ONLRET, ONLRET },
	{ "ofill", OFLAG, OFILL, OFILL }, { "ofdel", OFLAG, OFDEL, OFDEL },
	{ "isig", LFLAG, ISIG, ISIG }, { "icanon", LFLAG, ICANON, ICANON },
	{ "iexten", LFLAG, IEXTEN, IEXTEN }, { "echo", LFLAG, ECHO, ECHO },
	{ "echoe", LFLAG, ECHOE, ECHOE }, { "echok", LFLAG, ECHOK, ECHOK },
	{ "echonl", LFLAG, ECHONL, ECHONL }, { "noflsh", LFLAG, NOFLSH, NOFLSH },
	{ "xcase", LFLAG, XCASE, XCASE }, { "tostop", LFLAG, TOSTOP, TOSTOP },
	{ "echoprt", LFLAG, ECHOPRT, ECHOPRT }, { "echoctl", LFLAG, ECHOCTL, ECHOCTL },
	{ "echoke", LFLAG, ECHOKE, ECHOKE },
};
#define FLAG_COUNT (sizeof flags / sizeof flags[0])

static const struct {
	const char *name;
	unsigned char index;
} control_chars[] = {
	{ "intr", VINTR }, { "quit", VQUIT }, { "erase", VERASE }, { "kill", VKILL },
	{ "eof", VEOF }, { "eol", VEOL }, { "eol2", VEOL2 }, { "start", VSTART },
	{ "stop", VSTOP }, { "susp", VSUSP }, { "rprnt", VREPRINT }, { "werase", VWERASE },
	{ "lnext", VLNEXT }, { "discard", VDISCARD }, { "min", VMIN }, { "time", VTIME },
};
#define CONTROL_COUNT (sizeof control_chars / sizeof control_chars[0])

static const struct {
	unsigned baud;
	speed_t code;
} speeds[] = {
	{ 0, B0 }, { 50, B50 }, { 75, B75 }, { 110, B110 }, { 134, B134 }, { 150, B150 },
	{ 200, B200 }, { 300, B300 }, { 600, B600 }, { 1200, B1200 }, { 1800, B1800 },
	{ 2400, B2400 }, { 4800, B4800 }, { 9600, B9600 }, { 19200, B19200 }, { 38400, B38400 },
	{ 57600, B57600 }, { 115200, B115200 }, { 230400, B230400 }, { 460800, B460800 },
	{ 500000, B500000 }, { 576000, B576000 }, { 921600, B921600 }, { 1000000, B1000000 },
};
#define SPEED_COUNT (sizeof speeds / sizeof speeds[0])

static tcflag_t *field_of(struct termios *t, int field)
{
	switch (field) {
	case CFLAG: return &t->c_cflag;
	case IFLAG: return &t->c_iflag;
	case OFLAG: return &t->c_oflag;
	}
	return &t->c_lflag;
}

static unsigned baud_of(speed_t code)
{
	for (unsigned i = 0; i < SPEED_COUNT; i++) {
		if (speeds[i].code == code)
			return speeds[i].baud;
	}
	return 0;
}

/* The speed code of a number like "9600"; exits on a speed the terminal cannot have. */
static speed_t speed_code(const char *s)
{
	for (unsigned i = 0; i < SPEED_COUNT; i++) {
		if (strtoul(s, NULL, 10) == speeds[i].baud)
			return speeds[i].code;
	}
	usage_error(usage, "invalid speed '%s'", s);
}

/* How a control character shows: ^C, ^?, <undef>, or the character itself. */
static const char *show_char(int index, unsigned char c, char *buf)
{
	if (index == VMIN || index == VTIME)
		sprintf(buf, "%u", c);
	else if (c == _POSIX_VDISABLE)
		strcpy(buf, "<undef>");
	else if (c == 127)
		strcpy(buf, "^?");
	else if (c < 32)
		sprintf(buf, "^%c", c + '@');
	else
		sprintf(buf, "%c", c);
	return buf;
}

/* A control character from "^C", "^?", "^-", "undef", a single character or a number. */
static unsigned char parse_char(const char *s)
{
	if (strcmp(s, "undef") == 0 || strcmp(s, "^-") == 0)
		return _POSIX_VDISABLE;
	if (s[0] == '^' && s[1] && !s[2])
		return s[1] == '?' ? 127 : (s[1] & 0x1f);
	if (s[0] && !s[1])
		return s[0];
	if (s[0] >= '0' && s[0] <= '9')
		return strtoul(s, NULL, 0);
	usage_error(usage, "invalid character '%s'", s);
}

/*
 * Print the settings: with all, every one (stty -a); otherwise only those that
 * differ from sane ones, as GNU stty does.
 */
static void show(const struct termios *t, const struct winsize *size, int all)
{
	struct termios sane = *t;
	char buf[16];
	int printed = 0;

	tty_sane(&sane);
	printf("speed %u baud;", baud_of(cfgetospeed(t)));
	if (all && size)
		printf(" rows %d; columns %d;", size->ws_row, size->ws_col);
	printf(" line = %d;\n", t->c_line);
	for (unsigned i = 0; i < CONTROL_COUNT; i++) {
		int index = control_chars[i].index;
		if (!all && t->c_cc[index] == sane.c_cc[index])
			continue;
		printf("%s%s = %s;", printed++ ? " " : "", control_chars[i].name,
		       show_char(index, t->c_cc[index], buf));
	}
	if (printed)
		putchar('\n');
	for (int field = CFLAG; field <= LFLAG; field++) {
		printed = 0;
		for (unsigned i = 0; i < FLAG_COUNT; i++) {
			tcflag_t value = *field_of((struct termios *)t, field) & flags[i].mask;
			tcflag_t sane_value = *field_of(&sane, field) & flags[i].mask;
			int on = value == flags[i].bits;
			if (flags[i].field != field || (flags[i].mask != flags[i].bits && !on))
				continue;	/* cs5..cs8: only the one that is set */
			if (!all && value == sane_value)
				continue;
			printf("%s%s%s", printed++ ? " " : "", on ? "" : "-", flags[i].name);
		}
		if (printed)
			putchar('\n');
	}
}

/* stty raw: no line editing, no signals, no translation; -raw (cooked) turns them back. */
static void set_raw(struct termios *t, int raw)
{
	tcflag_t in = BRKINT | IGNPAR | ISTRIP | ICRNL | IXON, local = ISIG | ICANON;

	if (raw) {
		t->c_iflag &= ~(in | IGNBRK | PARMRK | INPCK | INLCR | IGNCR | IXOFF | IUCLC | IXANY | IMAXBEL);
		t->c_oflag &= ~OPOST;
		t->c_lflag &= ~(local | XCASE);
		t->c_cc[VMIN] = 1;
		t->c_cc[VTIME] = 0;
	} else {
		t->c_iflag |= in;
		t->c_oflag |= OPOST;
		t->c_lflag |= local;
		t->c_cc[VEOF] = 4;
		t->c_cc[VEOL] = 0;
	}
}

/* Turn a flag on or off by name ("echo", "-echo"). Returns 0, or -1 for no such flag. */
static int set_flag(struct termios *t, const char *word)
{
	int off = word[0] == '-';

	for (unsigned i = 0; i < FLAG_COUNT; i++) {
		if (strcmp(word + off, flags[i].name) != 0)
			continue;
		tcflag_t *f = field_of(t, flags[i].field);
		*f &= ~flags[i].mask;
		if (!off)
			*f |= flags[i].bits;
		return 0;
	}
	return -1;
}

/* The argument after a setting that needs one ("rows 24"). */
static const char *argument(char **argv, int *i)
{
	if (argv[*i + 1] == NULL)
		usage_error(usage, "missing argument to '%s'", argv[*i]);
	return argv[++*i];
}

/* Apply each setting word to t and size. Returns 1 when the window size changed. */
static int apply(char **argv, struct termios *t, struct winsize *size)
{
	int size_changed = 0;

	for (int i = 0; argv[i]; i++) {
		const char *w = argv[i];
		unsigned j;
		if (set_flag(t, w) == 0)
			continue;
		for (j = 0; j < CONTROL_COUNT && strcmp(w, control_chars[j].name) != 0; j++)
			;
		if (j < CONTROL_COUNT) {
			t->c_cc[control_chars[j].index] = parse_char(argument(argv, &i));
		} else if (strcmp(w, "sane") == 0) {
			tty_sane(t);
		} else if (strcmp(w, "raw") == 0 || strcmp(w, "-cooked") == 0) {
			set_raw(t, 1);
		} else if (strcmp(w, "-raw") == 0 || strcmp(w, "cooked") == 0) {
			set_raw(t, 0);
		} else if (strcmp(w, "rows") == 0) {
			size->ws_row = atoi(argument(argv, &i));
			size_changed = 1;
		} else if (strcmp(w, "cols") == 0 || strcmp(w, "columns") == 0) {
			size->ws_col = atoi(argument(argv, &i));
			size_changed = 1;
		} else if (strcmp(w, "ispeed") == 0) {
			cfsetispeed(t, speed_code(argument(argv, &i)));
		} else if (strcmp(w, "ospeed") == 0) {
			cfsetospeed(t, speed_code(argument(argv, &i)));
		} else if (w[0] >= '0' && w[0] <= '9') {
			cfsetispeed(t, speed_code(w));
			cfsetospeed(t, speed_code(w));
		} else if (strcmp(w, "size") == 0) {
			printf("%d %d\n", size->ws_row, size->ws_col);
		} else if (strcmp(w, "speed") == 0) {
			printf("%u\n", baud_of(cfgetospeed(t)));
		} else {
			usage_error(usage, "invalid argument '%s'", w);
		}
	}
	return size_changed;
}

/* -g: every setting as hex numbers separated by colons, which stty reads back. */
static void show_saveable(const struct termios *t)
{
	printf("%x:%x:%x:%x", (unsigned)t->c_iflag, (unsigned)t->c_oflag, (unsigned)t->c_cflag,
	       (unsigned)t->c_lflag);
	for (int i = 0; i < NCCS; i++)
		printf(":%x", t->c_cc[i]);
	putchar('\n');
}

/* Read back what -g printed. Returns 0, or -1 when s is not such a line. */
static int parse_saveable(const char *s, struct termios *t)
{
	unsigned long value[4 + NCCS];
	char *end;
	int n;

	for (n = 0; n < 4 + NCCS; n++) {
		value[n] = strtoul(s, &end, 16);
		if (end == s || (*end != ':' && *end != '\0'))
			return -1;
		s = end + (*end == ':');
		if (*end == '\0')
			break;
	}
	if (n != 4 + NCCS - 1)
		return -1;
	t->c_iflag = value[0];
	t->c_oflag = value[1];
	t->c_cflag = value[2];
	t->c_lflag = value[3];
	for (int i = 0; i < NCCS; i++)
		t->c_cc[i] = value[4 + i];
	return 0;
}

/*
 * How many words of argv (with argv[0]) are stty's own options: settings like
 * "-echo" look like options too, so the parser must not see them.
 */
static int option_words(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *w = argv[i];
		if (strcmp(w, "-F") == 0)
			i++;	/* and its argument */
		else if (strcmp(w, "-a") != 0 && strcmp(w, "-g") != 0 && !starts_with(w, "-F") &&
			 strcmp(w, "--help") != 0 && strcmp(w, "--") != 0)
			break;
	}
	return i < argc ? i : argc;
}

int stty_main(int argc, char **argv)
{
	struct options o;
	struct termios t;
	struct winsize size;
	const char *device = NULL;
	int c, mode = 0, fd = STDIN_FILENO, has_size;

	options_start(&o, option_words(argc, argv), argv, "agF:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 'F')
			device = o.arg;
		else
			mode = c;
	}
	argv += o.index;
	if (device && (fd = open(device, O_RDWR | O_NONBLOCK | O_NOCTTY)) < 0)
		die("%s:", device);
	if (tcgetattr(fd, &t) < 0)
		die("%s:", device ? device : "standard input");
	has_size = ioctl(fd, TIOCGWINSZ, &size) == 0;
	if (!has_size)
		memset(&size, 0, sizeof size);
	if (*argv == NULL || mode) {
		if (*argv)
			usage_error(usage, "settings cannot go with -%c", mode);
		if (mode == 'g')
			show_saveable(&t);
		else
			show(&t, has_size ? &size : NULL, mode == 'a');
		return flush_stdout() < 0;
	}
	if (argv[1] != NULL || parse_saveable(argv[0], &t) < 0) {
		if (apply(argv, &t, &size) && ioctl(fd, TIOCSWINSZ, &size) < 0)
			die("cannot set the window size:");
	}
	if (tcsetattr(fd, TCSADRAIN, &t) < 0)
		die("%s:", device ? device : "standard input");
	return flush_stdout() < 0;
}
