/* escape.c: backslash escapes as POSIX echo and printf define them; see escape.h. */
#include <string.h>
#include "escape.h"

/* Read up to max digits of the given base (8 or 16) at *s into a byte value. */
static int read_number(const char **s, int base, int max)
{
	int value = 0;

	for (; max > 0; max--, (*s)++) {
		char c = **s;
		int digit;
		if (c >= '0' && c <= '7')
			digit = c - '0';
		else if (base == 16 && c >= '0' && c <= '9')
			digit = c - '0';
		else if (base == 16 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'))
			digit = (c | 0x20) - 'a' + 10;
		else
			break;
		value = value * base + digit;
	}
	return value & 0xff;
}

int decode_escape(const char **s, int zero_octal)
{
	static const char letters[] = "abefnrtv\\", bytes[] = "\a\b\033\f\n\r\t\v\\";
	const char *found;
	char c = **s;

	if (c == 'c')
		return ESCAPE_STOP;
	if (c == 'x' && strchr("0123456789abcdefABCDEF", (*s)[1]) && (*s)[1]) {
		(*s)++;
		return read_number(s, 16, 2);
	}
	if (c >= '0' && c <= '7') {
		if (zero_octal && c == '0')
			(*s)++;
		return read_number(s, 8, 3);
	}
	if (c != '\0' && (found = strchr(letters, c)) != NULL) {
		(*s)++;
		return bytes[found - letters];
	}
	return '\\';
}
