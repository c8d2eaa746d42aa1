/*
 * resize: ask the terminal its size, give it to the tty (TIOCSWINSZ) and print
 * it as shell assignments, as xterm's and BusyBox's resize do: eval "$(resize)".
 * For a serial console, whose size the kernel never learns by itself.
 * The terminal is standard input (read) and standard error (written): standard
 * output may be the pipe of a $(...). Keys typed during the fraction of a second
 * it waits for the answer are lost (the shell's own question keeps them).
 */
#include <stdio.h>
#include <unistd.h>
#include "mini.h"
#include "termsize.h"

static const char usage[] =
	"Usage: resize\n"
	"Ask the terminal its size, set the tty's size to it (as stty rows R cols C) and\n"
	"print COLUMNS=C;LINES=R;export COLUMNS LINES; for eval \"$(resize)\".\n";

int resize_main(int argc, char **argv)
{
	struct options o;
	struct typed_ahead typed;
	int rows, cols;

	options_start(&o, argc, argv, "", usage);
	options_next(&o);
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	if (!isatty(STDIN_FILENO))
		die("standard input is not a terminal");
	if (terminal_ask_size(STDIN_FILENO, STDERR_FILENO, &rows, &cols, &typed) < 0)
		die("the terminal did not say its size");
	if (terminal_set_size(STDIN_FILENO, rows, cols) < 0)
		die("cannot set the terminal's size:");
	printf("COLUMNS=%d;LINES=%d;export COLUMNS LINES;\n", cols, rows);
	return flush_stdout() < 0;
}
