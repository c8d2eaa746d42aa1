/*
 * math.c: the arithmetic of awk's built-ins (sin cos atan2 exp log sqrt) and
 * of its operators % and ^, done by the i486's floating-point unit.
 *
 * uClibc's libm computes these in C, with argument reductions exact for any
 * input: about 10 KB, a third of all of awk. The x87 FPU of the i486 has an
 * instruction for each (fsin, fcos, fpatan, fsqrt, fyl2x, f2xm1), good
 * to the last bit or nearly for every value an awk program meets.
 */
#include "awk.h"

double awk_sqrt(double x)
{
	__asm__("fsqrt" : "+t"(x));
	return x;
}

double awk_sin(double x)
{
	__asm__("fsin" : "+t"(x));
	return x;
}

double awk_cos(double x)
{
	__asm__("fcos" : "+t"(x));
	return x;
}

/* fpatan: st(1) = atan(st(1) / st(0)), with the quadrant from both signs; pops. */
double awk_atan2(double y, double x)
{
	double r;

	__asm__("fpatan" : "=t"(r) : "0"(x), "u"(y) : "st(1)");
	return r;
}

/* ln x = ln 2 * log2 x; fyl2x computes st(1) * log2 st(0) and pops. */
double awk_log(double x)
{
	__asm__("fldln2\n\t"
		"fxch\n\t"
		"fyl2x" : "+t"(x));
	return x;
}

/*
 * e^x = 2^t with t = x * log2 e. f2xm1 only takes |t| <= 1, so split t into
 * n + f (n an integer): 2^f from f2xm1, then fscale multiplies by 2^n.
 */
double awk_exp(double x)
{
	__asm__("fldl2e\n\t"
		"fmulp\n\t"		/* t */
		"fld %%st(0)\n\t"
		"frndint\n\t"		/* n, t */
		"fxch\n\t"
		"fsub %%st(1), %%st\n\t"	/* f = t - n, n */
		"f2xm1\n\t"
		"fld1\n\t"
		"faddp\n\t"		/* 2^f, n */
		"fscale\n\t"		/* 2^f * 2^n, n */
		"fstp %%st(1)" : "+t"(x));
	return x;
}

/*
 * The remainder of x / y with the sign of x, exactly, as long division does it:
 * take away the largest y * 2^k that fits, again and again. Each step is exact
 * (doubling is, and a - b is when b <= a < 2b). Not the FPU's fprem: the
 * kernel's FPU emulator, which a 486SX runs awk on, gets it wrong.
 */
double awk_fmod(double x, double y)
{
	double left = x < 0 ? -x : x, step = y < 0 ? -y : y;

	if (step == 0 || step != step || left != left || left - left != 0)
		return 0 / 0.0;		/* y zero or NaN, x NaN or infinite: NaN */
	while (left >= step) {
		double part = step;

		while (part <= left / 2)
			part *= 2;
		left -= part;
	}
	return x < 0 ? -left : left;
}

/* Rounding towards minus infinity, and towards zero (awk's int()). */
double awk_floor(double x)
{
	double t = awk_trunc(x);

	return t > x ? t - 1 : t;
}

double awk_trunc(double x)
{
	/* beyond 2^52 every double is an integer already (also inf); NaN stays */
	if (!(x > -4503599627370496.0 && x < 4503599627370496.0))
		return x;
	return (double)(long long)x;
}

/*
 * x ^ y. Integer powers by repeated squaring, exactly (2^53 is 9007199254740992);
 * others as e^(y ln x).
 */
double awk_pow(double x, double y)
{
	if (y == awk_trunc(y) && y > -1e9 && y < 1e9) {
		long n = y < 0 ? -(long)y : (long)y;
		double r = 1;

		for (double b = x; n; n >>= 1, b *= b)
			if (n & 1)
				r *= b;
		return y < 0 ? 1 / r : r;
	}
	if (x == 0)
		return y > 0 ? 0 : 1 / x;
	return awk_exp(y * awk_log(x));
}
