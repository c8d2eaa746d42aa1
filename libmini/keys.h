/*
 * keys.h: the keys of a VT100-like terminal (xterm, the Linux console, a serial
 * terminal), decoded from the bytes it sends: ESC [ A (VT100, xterm), ESC O A
 * (xterm's "application mode"), ESC [ 1 ~ (the Linux console's Home) and friends.
 * One decoder for the line editor (lineedit.c) and the full-screen programs
 * (fullscreen.c: vi, less).
 *
 *	int key = key_read(fd);		// a byte 0..255, or one of KEY_...
 */
#ifndef KEYS_H
#define KEYS_H

/* Keys besides plain bytes (0..255). */
enum {
	KEY_ESC = 27,		/* the Esc key alone */
	KEY_NONE = 0x100,	/* nothing to act on: a sequence of a key mini has no use for, or a signal */
	KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT,
	KEY_HOME, KEY_END, KEY_PGUP, KEY_PGDN, KEY_INSERT, KEY_DELETE,
	KEY_RESIZE,		/* the window changed size (SIGWINCH): redraw (term_key) */
	KEY_EOF,		/* the key input ended or failed */
	KEY_INCOMPLETE		/* key_decode: more bytes of a sequence may still come */
};

/*
 * The key at the start of the len (at least 1) bytes of buf, with the bytes it
 * takes in *used. KEY_INCOMPLETE when buf is the start of a sequence: call again
 * with more bytes, or with no_more set when no more came (then it is the Esc key).
 * A whole sequence of an unknown key is KEY_NONE, not stray bytes to act on.
 */
int key_decode(const unsigned char *buf, int len, int no_more, int *used);

/*
 * The next key typed on fd, waiting for it (the terminal should be in raw mode).
 * Bytes are read one at a time, so that keys typed ahead stay in the terminal for
 * the next program. KEY_NONE when a signal interrupted the wait.
 */
int key_read(int fd);
/* True when a key is already waiting (so a redraw can be skipped). */
int key_waiting(int fd);
/* Give back bytes read from the terminal for something else: key_read returns them first. */
void key_unread(const unsigned char *bytes, int len);

#endif
