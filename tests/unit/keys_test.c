/* keys_test.c: unit tests of libmini's key decoder (keys.c): what each sequence a
 * terminal sends becomes, and how an incomplete or strange one is taken. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "keys.h"
#include "unit.h"

static const struct {
	const char *bytes;
	int no_more, key, used;
	const char *what;
} cases[] = {
	{ "a", 0, 'a', 1, "a plain byte" },
	{ "\303\251", 0, 0303, 1, "a UTF-8 byte is a byte" },
	{ "\033[A", 0, KEY_UP, 3, "ESC [ A is Up (VT100)" },
	{ "\033OB", 0, KEY_DOWN, 3, "ESC O B is Down (application mode)" },
	{ "\033[C", 0, KEY_RIGHT, 3, "Right" },
	{ "\033[D", 0, KEY_LEFT, 3, "Left" },
	{ "\033[H", 0, KEY_HOME, 3, "ESC [ H is Home (xterm)" },
	{ "\033OF", 0, KEY_END, 3, "ESC O F is End" },
	{ "\033[1~", 0, KEY_HOME, 4, "ESC [ 1 ~ is Home (Linux console)" },
	{ "\033[7~", 0, KEY_HOME, 4, "ESC [ 7 ~ is Home (rxvt)" },
	{ "\033[4~", 0, KEY_END, 4, "ESC [ 4 ~ is End" },
	{ "\033[2~", 0, KEY_INSERT, 4, "Insert" },
	{ "\033[3~", 0, KEY_DELETE, 4, "Delete" },
	{ "\033[5~", 0, KEY_PGUP, 4, "Page Up" },
	{ "\033[6~", 0, KEY_PGDN, 4, "Page Down" },
	{ "\033[1;5C", 0, KEY_RIGHT, 6, "Ctrl-Right is Right" },
	{ "\033[3;5~", 0, KEY_DELETE, 6, "Ctrl-Delete is Delete" },
	{ "\033[15~", 0, KEY_NONE, 5, "F5: a whole unknown sequence is no key" },
	{ "\033[37;123R", 0, KEY_NONE, 9, "a cursor position report is no key" },
	{ "\033[200~x", 0, KEY_NONE, 6, "bracketed paste's start is no key" },
	{ "\033OP", 0, KEY_NONE, 3, "F1 (ESC O P) is no key" },
	{ "\033[[A", 0, KEY_NONE, 4, "the Linux console's F1 is no key" },
	{ "\033[Ax", 0, KEY_UP, 3, "the byte after a sequence stays" },
	{ "\033", 0, KEY_INCOMPLETE, 1, "ESC alone: wait for more" },
	{ "\033", 1, KEY_ESC, 1, "ESC alone, nothing more: the Esc key" },
	{ "\033[", 0, KEY_INCOMPLETE, 1, "ESC [: wait for more" },
	{ "\033[1;5", 0, KEY_INCOMPLETE, 1, "half a sequence: wait for more" },
	{ "\033[1;5", 1, KEY_ESC, 1, "half a sequence, nothing more: Esc, the rest typed" },
	{ "\033[[", 1, KEY_ESC, 1, "ESC [ [, nothing more: Esc" },
	{ "\033x", 0, KEY_ESC, 1, "ESC x: Esc, then x" },
	{ "\033\033[A", 0, KEY_ESC, 1, "ESC ESC [ A: Esc, then Up" },
	{ "\033[1\n", 0, KEY_ESC, 1, "a control byte inside: Esc, then typing" },
	{ "\033[11111111111111111111A", 0, KEY_ESC, 1, "a sequence too long: Esc, then typing" },
};

/* key_read over a pipe: the bytes, then the end of input. */
static void test_key_read(void)
{
	int fds[2], keys[8], n = 0;
	static const char typed[] = "\033[Ax\033[15~\033";

	if (pipe(fds) < 0)
		return;
	write(fds[1], typed, sizeof typed - 1);
	close(fds[1]);
	key_unread((const unsigned char *)"b", 1);
	while (n < 8 && (keys[n] = key_read(fds[0])) != KEY_EOF)
		n++;
	close(fds[0]);
	expect(n == 5 && keys[0] == 'b' && keys[1] == KEY_UP && keys[2] == 'x' &&
	       keys[3] == KEY_NONE && keys[4] == KEY_ESC,
	       "key_read: given back bytes first, then keys; ESC at the end is Esc");
}

int main(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int used = -1, key;
		key = key_decode((const unsigned char *)cases[i].bytes, strlen(cases[i].bytes),
				 cases[i].no_more, &used);
		expect(key == cases[i].key && used == cases[i].used, cases[i].what);
		if (key != cases[i].key || used != cases[i].used)
			printf("#   got key %#x used %d, wanted %#x used %d\n",
			       key, used, cases[i].key, cases[i].used);
	}
	test_key_read();
	return unit_failures != 0;
}
