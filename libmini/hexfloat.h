/*
 * hexfloat.h: C's %a and %A, hexadecimal floating point, which uClibc-ng was built
 * without (printf, and awk's printf if it wants it).
 */
#ifndef HEXFLOAT_H
#define HEXFLOAT_H

/*
 * d as glibc's printf("%a") writes it: 0x1p+0 for 1, 0x1.8p+1 for 3, -0x0p+0,
 * inf, nan; upper for %A. flags are printf's "-+ #0"; width pads, precision
 * (-1: as many hex digits as d needs) rounds to even. Returns a malloc'd string.
 */
char *format_hex_float(double d, const char *flags, int width, int precision, int upper);

#endif
