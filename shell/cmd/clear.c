/*
 * clear, reset: clear the terminal's screen; reset also puts the terminal back in
 * its sane mode (as ncurses' clear and reset, for the ANSI/VT100 terminals mini
 * knows: the Linux console, serial terminals, xterm).
 * These write escape codes even into a pipe: that is all they are asked to do.
 */
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "mini.h"
#include "sanemode.h"

static const char usage[] =
	"Usage: clear\n"
	"       reset\n"
	"clear: clear the screen. reset: also reset the terminal and its modes (stty sane).\n";

/* Put the terminal on fd back in its everyday modes, as stty sane does. */
static void sane_modes(int fd)
{
	struct termios t;

	if (tcgetattr(fd, &t) < 0)
		return;
	tty_sane(&t);
	tcsetattr(fd, TCSADRAIN, &t);
}

int clear_main(int argc, char **argv)
{
	struct options o;
	/* reset: RIS (full reset) first; both then home the cursor and erase the screen. */
	const char *codes = strcmp(program_name, "reset") == 0 ? "\033c\033[H\033[J" : "\033[H\033[J";

	options_start(&o, argc, argv, "", usage);
	options_next(&o);
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	if (strcmp(program_name, "reset") == 0)
		sane_modes(STDIN_FILENO);
	return write_all(STDOUT_FILENO, codes, strlen(codes)) < 0;
}
