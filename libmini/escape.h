/*
 * escape.h: the backslash escapes of echo -e, printf's format and printf %b
 * (\a \b \e \f \n \r \t \v \\, octal \NNN or \0NNN, hex \xHH, and \c).
 */
#ifndef ESCAPE_H
#define ESCAPE_H

/* What decode_escape returns for \c: "produce no further output". */
#define ESCAPE_STOP (-1)

/*
 * Decode the escape after a backslash: *s points just after the '\' and is
 * moved past the escape. Returns the byte, or ESCAPE_STOP for \c. Octal
 * numbers are \NNN; with zero_octal (echo, %b) they may also be \0NNN, the
 * zero not counting as one of the three digits. An unknown escape returns '\'
 * and leaves *s on its letter, so "\q" comes out unchanged.
 */
int decode_escape(const char **s, int zero_octal);

#endif
