/*
 * hexfloat.c: %a, written from the IEEE 754 layout of a double (see hexfloat.h):
 * 1 sign bit, 11 exponent bits (biased by 1023), 52 fraction bits. A normal number
 * is 1.fraction x 2^(exponent-1023), which is exactly "0x1.<13 hex digits>p<exp>";
 * a subnormal one (exponent bits 0) is 0.fraction x 2^-1022, written as glibc does.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "hexfloat.h"

#define FRACTION_DIGITS 13	/* 52 bits, 4 to a hex digit */

/* The parts of a finite number as %a shows them: lead.fraction x 2^exponent. */
struct hex_parts {
	unsigned lead;		/* the digit before the point: 0, 1, or 2 after rounding up */
	uint64_t fraction;	/* `digits` hex digits after the point */
	int digits;
	int exponent;
};

/* Round to precision hex digits after the point, ties to even (as glibc). */
static void round_to(struct hex_parts *h, int precision)
{
	int shift = 4 * (FRACTION_DIGITS - precision);
	uint64_t whole = ((uint64_t)h->lead << 52) | h->fraction;
	uint64_t dropped = whole & (((uint64_t)1 << shift) - 1), half = (uint64_t)1 << (shift - 1);

	whole >>= shift;
	if (dropped > half || (dropped == half && (whole & 1)))
		whole++;
	h->lead = (unsigned)(whole >> (4 * precision));
	h->fraction = whole & (((uint64_t)1 << (4 * precision)) - 1);
	h->digits = precision;
}

static void split_double(double d, struct hex_parts *h, int precision)
{
	uint64_t bits;
	int biased;

	memcpy(&bits, &d, sizeof bits);
	biased = (int)(bits >> 52) & 0x7ff;
	h->fraction = bits & (((uint64_t)1 << 52) - 1);
	h->digits = FRACTION_DIGITS;
	h->lead = biased != 0;
	if (biased == 0)	/* zero (exponent 0, as glibc) or subnormal (-1022) */
		h->exponent = h->fraction ? -1022 : 0;
	else
		h->exponent = biased - 1023;
	if (precision < 0) {	/* as many digits as the value needs */
		while (h->digits > 0 && (h->fraction & 15) == 0) {
			h->fraction >>= 4;
			h->digits--;
		}
	} else if (precision < FRACTION_DIGITS) {
		round_to(h, precision);
	}
}

/* The number without padding: sign, 0x, digits, exponent; *prefix_len is the sign and 0x. */
static void write_unpadded(char *out, double d, const char *flags, int precision, int upper,
			   size_t *prefix_len)
{
	const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	/* A NaN's sign means nothing (and uClibc's strtod gives "nan" one): never "-nan", as %f. */
	const char *sign = signbit(d) && !isnan(d) ? "-" : strchr(flags, '+') ? "+" : strchr(flags, ' ') ? " " : "";
	struct hex_parts h;
	char *p = out;

	p += sprintf(p, "%s", sign);
	if (isinf(d) || isnan(d)) {
		sprintf(p, "%s", isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
		*prefix_len = 0;	/* no zeros in front of inf */
		return;
	}
	p += sprintf(p, "0%c", upper ? 'X' : 'x');
	*prefix_len = p - out;
	split_double(d, &h, precision);
	*p++ = hex[h.lead];
	if (h.digits > 0 || precision > 0 || strchr(flags, '#'))
		*p++ = '.';
	for (int i = h.digits - 1; i >= 0; i--)
		*p++ = hex[(h.fraction >> (4 * i)) & 15];
	for (int i = h.digits; i < precision; i++)
		*p++ = '0';
	sprintf(p, "%c%+d", upper ? 'P' : 'p', h.exponent);
}

char *format_hex_float(double d, const char *flags, int width, int precision, int upper)
{
	size_t prefix_len, len, pad;
	char *core = xmalloc(precision > 0 ? precision + 40 : 40), *out;

	write_unpadded(core, d, flags, precision, upper, &prefix_len);
	len = strlen(core);
	pad = width > 0 && (size_t)width > len ? width - len : 0;
	out = xmalloc(len + pad + 1);
	if (strchr(flags, '-')) {		/* spaces after */
		memcpy(out, core, len);
		memset(out + len, ' ', pad);
	} else if (strchr(flags, '0') && prefix_len > 0) {	/* zeros after the 0x */
		memcpy(out, core, prefix_len);
		memset(out + prefix_len, '0', pad);
		memcpy(out + prefix_len + pad, core + prefix_len, len - prefix_len);
	} else {
		memset(out, ' ', pad);
		memcpy(out + pad, core, len);
	}
	out[len + pad] = '\0';
	free(core);
	return out;
}
