/*
 * fullscreen.h: the full-screen terminal, for vi and less (its functions: term_...).
 *
 * Raw mode that is undone on every way out (exit, SIGTERM, SIGHUP, SIGINT,
 * Ctrl-Z), keys with their escape sequences decoded, and a screen that only
 * sends the rows that changed (a 9600-baud serial console is slow).
 *
 *	term_start(key_fd);			// raw mode; keys come from key_fd
 *	for (;;) {
 *		term_begin_screen();		// rows and columns may have changed
 *		term_row_add(...); term_row_end(row);	// for every row
 *		term_end_screen(cursor_row, cursor_col);
 *		key = term_key();
 *	}
 *	term_stop();
 */
#ifndef FULLSCREEN_H
#define FULLSCREEN_H

#include "keys.h"	/* the keys term_key returns: KEY_UP, KEY_RESIZE, KEY_EOF... */

/* The screen size, updated by term_begin_screen. */
extern int term_rows, term_cols;

/* Enter raw mode on key_fd (the terminal: output goes to stdout). Returns -1 if it is no terminal. */
int term_start(int key_fd);
/* Leave raw mode; safe to call more than once. */
void term_stop(void);
/* Ctrl-Z: give the terminal back, stop, and take it again when continued. -1 without job control. */
int term_suspend(void);

/* The next key, waiting for it. */
int term_key(void);
/* True when a key is already waiting (so a redraw can be skipped). */
int term_key_ready(void);

/* Output, buffered until term_flush. */
void term_write(const char *s, int len);
void term_puts(const char *s);
void term_flush(void);

/* ---- the screen: rows are composed, then sent only if they differ ---- */
void term_begin_screen(void);
/* Append bytes that take `width` columns to the row being composed. */
void term_row_add(const char *bytes, int len, int width);
/* Switch reverse video on or off inside the row being composed. */
void term_row_reverse(int on);
/* Columns used so far in the row being composed. */
int term_row_width(void);
/* Finish the row being composed: it becomes screen row `row` (0 = top). */
void term_row_end(int row);
/* Send the changed rows and put the cursor at (row, col). */
void term_end_screen(int row, int col);
/* Forget what the screen shows: the next screen is sent whole (after other output). */
void term_invalidate(void);

/*
 * How byte *p shows at column col: writes the text into out (room for tabstop
 * bytes, at least 2) and
 * returns its width. A tab is spaces to the next multiple of tabstop, a control
 * byte is ^X, a UTF-8 continuation byte takes no column.
 */
int term_cell(const unsigned char *p, int col, int tabstop, char *out, int *outlen);

#endif
