/*
 * libgcc.c: the 64-bit division helpers gcc calls on 32-bit x86.
 *
 * A 32-bit CPU has no instruction that divides a 64-bit number by another, so gcc
 * turns `a / b` on long long into a call to __udivdi3 (and friends) from libgcc.a.
 * Debian's 32-bit libgcc.a is built for the i686 and starts its functions with
 * endbr32, which a 486 cannot execute; mini links none of it and defines the four
 * helpers it needs here (and the combined divide-and-remainder ones gcc uses when a
 * function wants both), compiled with -march=i486 like the rest of mini.
 */
#include <stdint.h>

/* The 486's divl: (high:low) / divisor, when the quotient fits in 32 bits. */
static uint32_t divide_64_by_32(uint32_t high, uint32_t low, uint32_t divisor, uint32_t *remainder)
{
	uint32_t quotient;

	__asm__("divl %4" : "=a"(quotient), "=d"(*remainder) : "a"(low), "d"(high), "rm"(divisor));
	return quotient;
}

/* Unsigned 64-bit division; the remainder goes to *rem when rem is not NULL. */
static uint64_t unsigned_divide(uint64_t n, uint64_t d, uint64_t *rem)
{
	uint32_t n_high = n >> 32, n_low = (uint32_t)n;
	uint64_t quotient = 0;
	int shift;

	if (d >> 32 == 0) {
		/* Long division in two 32-bit steps, like dividing digit by digit. */
		uint32_t d32 = (uint32_t)d, r;
		uint32_t q_high = n_high / d32;	/* 32-bit division: a plain divl */
		uint32_t q_low = divide_64_by_32(n_high % d32, n_low, d32, &r);
		if (rem)
			*rem = r;
		return ((uint64_t)q_high << 32) | q_low;
	}
	/* The divisor has 33 or more bits, so the quotient fits in 32: shift and subtract. */
	if (n < d) {
		if (rem)
			*rem = n;
		return 0;
	}
	shift = __builtin_clz((uint32_t)(d >> 32)) - __builtin_clz(n_high ? n_high : 1);
	if (shift < 0)
		shift = 0;
	d <<= shift;
	for (; shift >= 0; shift--, d >>= 1) {
		quotient <<= 1;
		if (n >= d) {
			n -= d;
			quotient |= 1;
		}
	}
	if (rem)
		*rem = n;
	return quotient;
}

uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem);
int64_t __divmoddi4(int64_t n, int64_t d, int64_t *rem);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t __divdi3(int64_t n, int64_t d);
int64_t __moddi3(int64_t n, int64_t d);

uint64_t __udivdi3(uint64_t n, uint64_t d)
{
	return unsigned_divide(n, d, 0);
}

uint64_t __umoddi3(uint64_t n, uint64_t d)
{
	uint64_t r;

	unsigned_divide(n, d, &r);
	return r;
}

uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem)
{
	return unsigned_divide(n, d, rem);
}

/* Signed division truncates toward zero; the remainder takes the sign of n. */
int64_t __divdi3(int64_t n, int64_t d)
{
	uint64_t un = n < 0 ? -(uint64_t)n : (uint64_t)n;
	uint64_t ud = d < 0 ? -(uint64_t)d : (uint64_t)d;
	uint64_t q = unsigned_divide(un, ud, 0);

	return (n < 0) != (d < 0) ? -(int64_t)q : (int64_t)q;
}

int64_t __moddi3(int64_t n, int64_t d)
{
	uint64_t un = n < 0 ? -(uint64_t)n : (uint64_t)n;
	uint64_t ud = d < 0 ? -(uint64_t)d : (uint64_t)d;
	uint64_t r;

	unsigned_divide(un, ud, &r);
	return n < 0 ? -(int64_t)r : (int64_t)r;
}

int64_t __divmoddi4(int64_t n, int64_t d, int64_t *rem)
{
	*rem = __moddi3(n, d);
	return __divdi3(n, d);
}
