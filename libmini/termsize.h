/*
 * termsize.h: learning the terminal's size when the kernel does not know it.
 *
 * terminal_size (mini.h) asks the kernel (TIOCGWINSZ). On a serial line nobody
 * tells the kernel: it says 0 x 0, and every program guesses 80 x 24, which is
 * wrong on a wider terminal emulator at the other end. The terminal itself
 * knows: asked where its cursor is after a move far right and down, it answers
 * with the last row and column. Setting that as the tty's size (TIOCSWINSZ)
 * lets vi, less, top and ls use the whole screen too.
 *
 *	if (!terminal_size_known(STDIN_FILENO) &&
 *	    terminal_ask_size(STDIN_FILENO, STDERR_FILENO, &rows, &cols, &typed) == 0)
 *		terminal_set_size(STDIN_FILENO, rows, cols);
 */
#ifndef TERMSIZE_H
#define TERMSIZE_H

/* Keys the user typed while we waited for the terminal's answer: they are input, not lost. */
struct typed_ahead {
	unsigned char bytes[96];
	int len;
};

/* True when the kernel has a size for the terminal on fd, or $COLUMNS gives one. */
int terminal_size_known(int fd);

/*
 * Ask the terminal its size: writes the question on out, reads the answer from
 * in (a terminal), waiting a fraction of a second at most. Returns 0 with
 * rows and cols, or -1 when the terminal did not answer in time.
 */
int terminal_ask_size(int in, int out, int *rows, int *cols, struct typed_ahead *typed);

/* Tell the kernel the size of the tty on fd (TIOCSWINSZ; the programs on it get a SIGWINCH). */
int terminal_set_size(int fd, int rows, int cols);

#endif
