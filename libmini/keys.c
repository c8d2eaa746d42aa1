/* keys.c: decoding the keys a terminal sends (see keys.h; ECMA-48 control sequences). */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>
#include "keys.h"

/*
 * The bytes of one sequence arrive together: when no byte follows an ESC within
 * this time, it was the Esc key.
 */
enum { SEQUENCE_WAIT_MS = 50 };

/* No key's sequence is longer; anything longer is the Esc key and typing. */
enum { SEQUENCE_MAX = 16 };

/* The key of "ESC [ N ~" (VT220 and Linux console editing keys), or 0. */
static int tilde_key(int n)
{
	switch (n) {
	case 1: case 7: return KEY_HOME;
	case 2: return KEY_INSERT;
	case 3: return KEY_DELETE;
	case 4: case 8: return KEY_END;
	case 5: return KEY_PGUP;
	case 6: return KEY_PGDN;
	}
	return 0;
}

/* The key of a final letter: ESC [ A or ESC O A and such, or 0. */
static int letter_key(int c)
{
	switch (c) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	}
	return 0;
}

/* An incomplete sequence: wait for more, or, when none comes, the Esc key. */
static int unfinished(int no_more, int *used)
{
	*used = 1;
	return no_more ? KEY_ESC : KEY_INCOMPLETE;
}

/*
 * After "ESC [" or "ESC O", at buf[2]: parameter bytes (digits, ';' as in
 * ESC [ 1 ; 5 C for Ctrl-Right), then one final byte '@'..'~'. The first number
 * picks the key of a '~' sequence.
 */
static int control_sequence(const unsigned char *buf, int len, int no_more, int *used)
{
	int number = 0, in_first_number = 1;

	for (int i = 2; i < len && i < SEQUENCE_MAX; i++) {
		int c = buf[i], key;
		if (c >= '0' && c <= '?') {		/* a parameter byte */
			if (c >= '0' && c <= '9' && in_first_number && number < 1000)
				number = number * 10 + c - '0';
			else
				in_first_number = 0;
			continue;
		}
		if (c < '@' || c > '~')			/* not a sequence after all */
			return KEY_ESC;
		key = c == '~' ? tilde_key(number) : letter_key(c);
		*used = i + 1;
		return key ? key : KEY_NONE;
	}
	if (len < SEQUENCE_MAX)
		return unfinished(no_more, used);
	*used = 1;
	return KEY_ESC;
}

int key_decode(const unsigned char *buf, int len, int no_more, int *used)
{
	*used = 1;
	if (buf[0] != '\033')
		return buf[0];
	if (len < 2)
		return unfinished(no_more, used);
	if (buf[1] != '[' && buf[1] != 'O')
		return KEY_ESC;
	if (buf[1] == '[' && len > 2 && buf[2] == '[') {
		/* The Linux console's F1..F5: ESC [ [ A..E. */
		if (len < 4)
			return unfinished(no_more, used);
		*used = 4;
		return KEY_NONE;
	}
	return control_sequence(buf, len, no_more, used);
}

/* ---- reading keys ---- */

/* Bytes read but not yet taken: the start of a sequence, or bytes given back. */
static unsigned char pending[128];
static int pending_len;

/*
 * Read one more byte into pending, waiting at most timeout_ms (-1: for ever).
 * Returns 1, 0 when the time is up, -1 at the end of input, -2 after a signal.
 */
static int read_more(int fd, int timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	ssize_t n;

	if (pending_len == (int)sizeof pending)
		return 0;
	if (timeout_ms >= 0) {
		int ready = poll(&p, 1, timeout_ms);
		if (ready == 0)
			return 0;
		if (ready < 0)
			return errno == EINTR ? -2 : -1;
	}
	n = read(fd, pending + pending_len, 1);
	if (n < 0 && errno == EINTR)
		return -2;
	if (n <= 0)
		return -1;
	pending_len++;
	return 1;
}

int key_read(int fd)
{
	int key, used, got;

	if (pending_len == 0 && (got = read_more(fd, -1)) < 1)
		return got == -2 ? KEY_NONE : KEY_EOF;
	while ((key = key_decode(pending, pending_len, 0, &used)) == KEY_INCOMPLETE)
		if (read_more(fd, SEQUENCE_WAIT_MS) != 1) {
			key = key_decode(pending, pending_len, 1, &used);
			break;
		}
	pending_len -= used;
	memmove(pending, pending + used, pending_len);
	return key;
}

int key_waiting(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return pending_len > 0 || poll(&p, 1, 0) == 1;
}

void key_unread(const unsigned char *bytes, int len)
{
	int room = sizeof pending - pending_len;

	if (len > room)
		len = room;
	memmove(pending + len, pending, pending_len);
	memcpy(pending, bytes, len);
	pending_len += len;
}
