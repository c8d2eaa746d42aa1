/*
 * inflate.c: the gzip format (RFC 1952) around a DEFLATE decoder (RFC 1951).
 *
 * DEFLATE data is a series of blocks. Each is stored (raw bytes), or a series of
 * Huffman-coded symbols: a literal byte, the end of the block, or a "match" (copy
 * LENGTH bytes from DISTANCE bytes back in the output, at most 32 KB back). The
 * Huffman codes are fixed ones from the RFC, or "dynamic" ones sent at the start
 * of the block as a list of code lengths, itself Huffman coded.
 *
 * Speed: each code is decoded with one look-up in a table indexed by the next
 * input bits (two for the rare long codes), whose entry says at once what the
 * symbol means (a literal, a length or distance base and its extra bits, the
 * end). While at least a few bytes of input and a whole match of output room are
 * left, fast_symbols() decodes with its bit buffer in local variables and no
 * checks but the ones corrupt data needs; near the ends, the careful functions
 * (get_bits and friends) take over, one symbol at a time. Output goes into one
 * flat buffer behind the 32 KB of history, so a match is a plain forward copy; it
 * is written out 64 KB at a time, and the history moved back to the start.
 *
 * Any error longjmps back to gunzip_with(), which says what went wrong; every
 * table index and every distance is checked, so corrupt data only ever
 * produces an error.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "hash.h"
#include "inflate.h"

#define WINDOW_SIZE 32768	/* the farthest a match may reach back */
#define OUTPUT_CHUNK 65536	/* written out at once */
#define FLUSH_AT (WINDOW_SIZE + OUTPUT_CHUNK)
#define MAX_MATCH 258
/* Room after FLUSH_AT: a match started below it always fits, and the word copy
 * of copy_forward() may write up to 3 bytes past its end. */
#define OUTPUT_SIZE (FLUSH_AT + MAX_MATCH + 4)
#define INPUT_SIZE 65536
/* fast_symbols() runs while this much input is left: one symbol with its match
 * uses at most 48 bits, and the bit buffer may read 4 bytes ahead. */
#define FAST_INPUT_MARGIN 16

/* -Os would call the small functions of the inner loop instead of inlining
 * them, with its variables in memory. */
#define ALWAYS_INLINE inline __attribute__((always_inline))

#define MAX_CODE_BITS 15	/* no Huffman code is longer */
#define MAX_LITERAL_CODES 288
#define MAX_DISTANCE_CODES 32

/*
 * A decoding table entry: what the code at the start of the bit buffer means.
 * kind is one of:
 *   0..13            a length or distance: value + the next `kind` bits;
 *   KIND_LITERAL     the byte value (or a code length, 0..18, in the code of
 *                    the code lengths);
 *   KIND_END         the end of the block;
 *   KIND_SUBTABLE|n  the code is longer than the first-level table: value is
 *                    where its sub-table starts, indexed by the next n bits;
 *   KIND_INVALID     no code starts with these bits, or its symbol is unused.
 * bits is how many input bits the code takes (beyond the first level's, in a
 * sub-table).
 */
enum { KIND_LITERAL = 16, KIND_END = 32, KIND_SUBTABLE = 64, KIND_INVALID = 128 };

struct code_entry {
	uint8_t kind;
	uint8_t bits;
	uint16_t value;
};

/* The first level is indexed by this many bits: codes up to that long (most of
 * them) take one look-up. */
#define LITERAL_ROOT_BITS 10
#define DISTANCE_ROOT_BITS 8
/* First level and sub-tables together. In a complete code a sub-table of 2^d
 * entries holds at least d + 1 codes, so 286 literal/length codes need at most
 * 47 sub-tables of 32 entries and one of 8, and 30 distance codes three of 128
 * and one of 32. build_table() checks it anyway. */
#define LITERAL_TABLE_SIZE ((1 << LITERAL_ROOT_BITS) + 47 * 32 + 8)
#define DISTANCE_TABLE_SIZE ((1 << DISTANCE_ROOT_BITS) + 3 * 128 + 32)

/* What the symbols of one alphabet mean: 0..literals-1 are literals, end (or -1)
 * ends the block, and the bases symbols from first_base on are base + extra
 * bits. Any other symbol is invalid. */
struct alphabet {
	int literals;
	int end;
	int first_base, bases;
	const uint16_t *base;
	const unsigned char *extra;
};

struct inflater {
	int in, out;
	const char *name;
	int flags;		/* GUNZIP_COPY_OTHER, GUNZIP_QUIET */
	jmp_buf on_error;
	const char *error;	/* the message for warn() after a longjmp */
	int error_errno;	/* errno to add to it, or 0 */

	/* Input: the buffer, and the bits not used yet of the bytes taken from it. */
	unsigned char input[INPUT_SIZE];
	size_t input_pos, input_len;
	int input_eof;		/* read() said end of file: never ask again (a terminal would) */
	uint32_t bits;		/* the next bit to use is bit 0 */
	unsigned bit_count;	/* how many are there (the bits above may be the next
				 * input bits as well, after fast_refill()) */
	/* Zero bytes made up past the end of the input so that look-ahead never
	 * stops; using a bit of one means the input was cut short. */
	unsigned made_up_bytes;

	/* Output: up to 32 KB of history (the member's data before written_pos is
	 * written out already), then what is new. Since the start of a member's
	 * data is at 0 until the buffer is first moved, and 32 KB of history stay
	 * after that, a distance up to out_pos is always valid. */
	unsigned char output[OUTPUT_SIZE];
	unsigned out_pos;	/* where the next byte goes: below FLUSH_AT, but
				 * for a moment inside huffman_block() */
	unsigned written_pos;
	uint32_t crc, size;	/* CRC-32 and length (mod 2^32) of the member's data */

	struct code_entry literals[LITERAL_TABLE_SIZE];
	struct code_entry distances[DISTANCE_TABLE_SIZE];
};

/* ---- errors ---- */

static void fail(struct inflater *s, const char *message) __attribute__((noreturn));
static void fail(struct inflater *s, const char *message)
{
	s->error = message;
	s->error_errno = 0;
	longjmp(s->on_error, 1);
}

static void fail_errno(struct inflater *s, const char *message) __attribute__((noreturn));
static void fail_errno(struct inflater *s, const char *message)
{
	s->error = message;
	s->error_errno = errno;
	longjmp(s->on_error, 1);
}

static const char bad_code[] = "invalid compressed data (bad Huffman code)";
static const char too_far_back[] = "invalid compressed data (distance too far back)";

/* ---- input: bytes, then bits (the careful way) ---- */

/* Refill the input buffer. Returns the number of bytes now in it (0 at the end). */
static size_t fill_input(struct inflater *s)
{
	ssize_t n;

	if (s->input_eof)
		return 0;
	do
		n = read(s->in, s->input, sizeof s->input);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		fail_errno(s, "read error");
	s->input_pos = 0;
	s->input_len = n;
	s->input_eof = n == 0;
	return n;
}

/* The next input byte; past the end, a made-up zero byte. */
static unsigned next_byte(struct inflater *s)
{
	if (s->input_pos == s->input_len && fill_input(s) == 0) {
		/* A few are enough for any look-ahead; more means a loop gone wrong. */
		if (++s->made_up_bytes > 8)
			fail(s, "unexpected end of file");
		return 0;
	}
	return s->input[s->input_pos++];
}

/* Make sure at least n (at most 25) bits are in the bit buffer. It is filled up
 * to 25 bits or more at once, so most calls find enough and return at once. */
static void need_bits(struct inflater *s, unsigned n)
{
	if (s->bit_count >= n)
		return;
	do {
		s->bits |= (uint32_t)next_byte(s) << s->bit_count;
		s->bit_count += 8;
	} while (s->bit_count <= 24);
}

/* Use up n bits of the bit buffer (they must be there). */
static void drop_bits(struct inflater *s, unsigned n)
{
	s->bits >>= n;
	s->bit_count -= n;
	if (s->bit_count < 8 * s->made_up_bytes)
		fail(s, "unexpected end of file");
}

/* The next n bits (n at most 25) as a number, the first bit read being bit 0. */
static unsigned get_bits(struct inflater *s, unsigned n)
{
	unsigned value;

	need_bits(s, n);
	value = s->bits & ((1u << n) - 1);
	drop_bits(s, n);
	return value;
}

/* Skip to the start of the next byte (stored blocks and the gzip trailer start there). */
static void align_to_byte(struct inflater *s)
{
	drop_bits(s, s->bit_count % 8);
}

/* True when all the input has been used. */
static int input_ended(struct inflater *s)
{
	if (s->bit_count > 8 * s->made_up_bytes)
		return 0;
	return s->input_pos == s->input_len && fill_input(s) == 0;
}

/* ---- output ---- */

/* Write out what is new in the output buffer (it is full, or this is the end of
 * a member); when full, move the last 32 KB to the start as the history. */
static void flush_output(struct inflater *s)
{
	unsigned start = s->written_pos, length = s->out_pos - start;

	s->written_pos = s->out_pos;
	s->crc = crc32_update(s->crc, s->output + start, length);
	s->size += length;
	if (s->out >= 0 && write_all(s->out, s->output + start, length) < 0)
		fail_errno(s, "write error");
	if (s->out_pos >= FLUSH_AT) {
		/* The two never overlap: out_pos is FLUSH_AT or more. */
		memcpy(s->output, s->output + s->out_pos - WINDOW_SIZE, WINDOW_SIZE);
		s->out_pos = s->written_pos = WINDOW_SIZE;
	}
}

static void put_byte(struct inflater *s, unsigned char c)
{
	s->output[s->out_pos++] = c;
	if (s->out_pos >= FLUSH_AT)
		flush_output(s);
}

/*
 * Copy length bytes to out from distance bytes back. The copy may overlap what
 * it writes ("distance 1, length 10" repeats one byte ten times), so it goes
 * forward; when the source is 4 bytes back or more, every word it reads is
 * written already, and a word at a time is safe. It may write up to 3 bytes
 * past the end (OUTPUT_SIZE leaves room for them); they are overwritten later.
 */
static ALWAYS_INLINE unsigned char *copy_forward(unsigned char *out, unsigned distance, unsigned length)
{
	const unsigned char *from = out - distance;
	unsigned char *end = out + length;

	if (distance >= 4) {
		do {
			uint32_t word;
			memcpy(&word, from, 4);
			memcpy(out, &word, 4);
			from += 4;
			out += 4;
		} while (out < end);
	} else {
		do
			*out++ = *from++;
		while (out < end);
	}
	return end;
}

/* A match, the careful way (the output buffer has room: see OUTPUT_SIZE). */
static void copy_match(struct inflater *s, unsigned distance, unsigned length)
{
	if (distance > s->out_pos)
		fail(s, too_far_back);
	copy_forward(s->output + s->out_pos, distance, length);
	s->out_pos += length;
	if (s->out_pos >= FLUSH_AT)
		flush_output(s);
}

/* ---- Huffman codes ---- */

/* Reverse the low n bits of code: the RFC packs codes starting from their most
 * significant bit, but the bit buffer hands out bits least significant first. */
static unsigned reverse_bits(unsigned code, unsigned n)
{
	unsigned reversed = 0;

	while (n--) {
		reversed = reversed << 1 | (code & 1);
		code >>= 1;
	}
	return reversed;
}

/* The table entry for symbol, coded with bits bits. */
static struct code_entry symbol_entry(const struct alphabet *a, unsigned symbol, unsigned bits)
{
	struct code_entry e = { KIND_INVALID, bits, 0 };

	if (symbol < (unsigned)a->literals) {
		e.kind = KIND_LITERAL;
		e.value = symbol;
	} else if ((int)symbol == a->end) {
		e.kind = KIND_END;
	} else if (symbol - a->first_base < (unsigned)a->bases) {
		e.kind = a->extra[symbol - a->first_base];
		e.value = a->base[symbol - a->first_base];
	}
	return e;
}

/* Put e in every slot of table[0 .. 2^table_bits) that starts with the code
 * reversed (code_bits long). */
static void fill_slots(struct code_entry *table, unsigned table_bits, unsigned reversed,
		       unsigned code_bits, struct code_entry e)
{
	for (unsigned slot = reversed; slot < (1u << table_bits); slot += 1u << code_bits)
		table[slot] = e;
}

/*
 * Build the decoding table (size entries, root_bits in the first level) of the
 * code for symbols 0..n-1 whose code lengths are lengths[] (0: the symbol is
 * unused). Codes are given out as RFC 1951 3.2.2 says: shorter codes first, and
 * in symbol order among codes of one length.
 *
 * A code longer than root_bits takes the slot of its first root_bits bits,
 * which links to a sub-table for the rest of the bits; the codes sharing those
 * first bits share the sub-table, as big as the longest of them needs.
 *
 * Too many codes for their lengths is an error. Too few (an incomplete code) is
 * accepted when all its codes fit the first level, as a distance code of a
 * single code does (an unused code then fails when met); a longer incomplete
 * code is refused, as zlib does, which keeps the sub-tables within size.
 */
static void build_table(struct inflater *s, struct code_entry *table, unsigned size,
			unsigned root_bits, const unsigned char *lengths, int n,
			const struct alphabet *a)
{
	uint16_t count[MAX_CODE_BITS + 1] = { 0 };
	uint16_t reversed[MAX_LITERAL_CODES + MAX_DISTANCE_CODES];
	unsigned char longest_with_prefix[1 << LITERAL_ROOT_BITS];
	unsigned root_mask = (1u << root_bits) - 1, next_free = 1u << root_bits;
	unsigned code = 0, longest = 0;
	int left = 1;		/* codes of the current length not given out yet */
	const struct code_entry invalid = { KIND_INVALID, 0, 0 };

	for (int i = 0; i < n; i++)
		count[lengths[i]]++;
	count[0] = 0;
	for (unsigned len = 1; len <= MAX_CODE_BITS; len++) {
		left = left * 2 - count[len];
		if (left < 0)
			fail(s, "invalid compressed data (too many Huffman codes)");
		if (count[len])
			longest = len;
	}
	if (left > 0 && longest > root_bits)
		fail(s, "invalid compressed data (incomplete Huffman code)");

	/* Each symbol's code, bits reversed, in length then symbol order. */
	for (unsigned len = 1; len <= MAX_CODE_BITS; len++) {
		for (int i = 0; i < n; i++)
			if (lengths[i] == len)
				reversed[i] = reverse_bits(code++, len);
		code <<= 1;
	}

	for (unsigned slot = 0; slot <= root_mask; slot++)
		table[slot] = invalid;
	if (longest > root_bits) {
		memset(longest_with_prefix, 0, root_mask + 1);
		for (int i = 0; i < n; i++)
			if (lengths[i] > longest_with_prefix[reversed[i] & root_mask])
				longest_with_prefix[reversed[i] & root_mask] = lengths[i];
	}
	for (int i = 0; i < n; i++) {
		unsigned len = lengths[i];
		if (len == 0)
			continue;
		if (len <= root_bits) {
			fill_slots(table, root_bits, reversed[i], len, symbol_entry(a, i, len));
			continue;
		}
		/* A long code: its sub-table, made when the first code of its prefix comes. */
		struct code_entry *link = &table[reversed[i] & root_mask];
		if (link->kind == KIND_INVALID) {
			unsigned sub_bits = longest_with_prefix[reversed[i] & root_mask] - root_bits;
			if (next_free + (1u << sub_bits) > size)
				fail(s, bad_code);	/* cannot happen for a complete code */
			link->kind = KIND_SUBTABLE | sub_bits;
			link->bits = root_bits;
			link->value = next_free;
			for (unsigned slot = 0; slot < (1u << sub_bits); slot++)
				table[next_free++] = invalid;
		}
		fill_slots(table + link->value, link->kind & 15, reversed[i] >> root_bits,
			   len - root_bits, symbol_entry(a, i, len - root_bits));
	}
}

/* ---- the symbols of a block ---- */

/* Length symbols 257..285: the least length, and how many extra bits add to it. */
static const uint16_t length_base[29] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258
};
static const unsigned char length_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
};
/* Distance symbols 0..29 the same way. */
static const uint16_t distance_base[30] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577
};
static const unsigned char distance_extra[30] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
	7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
};

static const struct alphabet literal_alphabet = { 256, 256, 257, 29, length_base, length_extra };
static const struct alphabet distance_alphabet = { 0, -1, 0, 30, distance_base, distance_extra };
/* The code of the code lengths: its 19 symbols are "literals". */
static const struct alphabet code_length_alphabet = { 19, -1, 19, 0, NULL, NULL };

/* Read one code with table (root_bits in its first level), the careful way:
 * returns its entry, its bits used up. */
static struct code_entry decode(struct inflater *s, const struct code_entry *table,
				unsigned root_bits)
{
	struct code_entry e;

	need_bits(s, MAX_CODE_BITS);
	e = table[s->bits & ((1u << root_bits) - 1)];
	if (e.kind & KIND_SUBTABLE) {
		drop_bits(s, root_bits);
		e = table[e.value + (s->bits & ((1u << (e.kind & 15)) - 1))];
	}
	if (e.kind == KIND_INVALID)
		fail(s, bad_code);
	drop_bits(s, e.bits);
	return e;
}

/* One symbol of a Huffman-coded block, the careful way. Returns 1 at its end. */
static int careful_symbol(struct inflater *s)
{
	struct code_entry e = decode(s, s->literals, LITERAL_ROOT_BITS);

	if (e.kind == KIND_LITERAL) {
		put_byte(s, e.value);
		return 0;
	}
	if (e.kind == KIND_END)
		return 1;
	unsigned length = e.value + get_bits(s, e.kind);
	e = decode(s, s->distances, DISTANCE_ROOT_BITS);
	if (e.kind >= KIND_LITERAL)	/* no distance code would have these */
		fail(s, bad_code);
	copy_match(s, e.value + get_bits(s, e.kind), length);
	return 0;
}

/*
 * The bit buffer of fast_symbols(), in local variables. There, the input
 * always holds enough bytes (FAST_INPUT_MARGIN) for the next symbol, so no
 * check is made.
 */
struct fast_bits {
	const unsigned char *in;
	uint32_t bits;
	unsigned count;
};

/*
 * Fill the bit buffer to 24 bits or more, without a loop: the next 4 input
 * bytes go in above the bits it holds, and the whole bytes that fitted count
 * as taken. The bits of a byte that fitted only in part stay above count: they
 * are the next input bits anyway, and the next refill puts the same bits over
 * them. count must be below 32 (an x86 shift by 32 shifts by nothing).
 */
static ALWAYS_INLINE void fast_refill(struct fast_bits *b)
{
	uint32_t word;

	memcpy(&word, b->in, 4);	/* x86 is little-endian: the first byte is the low one */
	b->bits |= word << b->count;
	b->in += (31 - b->count) >> 3;
	b->count |= 24;			/* count + 8 * the bytes taken */
}

static ALWAYS_INLINE void fast_drop(struct fast_bits *b, unsigned n)
{
	b->bits >>= n;
	b->count -= n;
}

/* The next n bits (at most 13), which the buffer holds. */
static ALWAYS_INLINE unsigned fast_take(struct fast_bits *b, unsigned n)
{
	unsigned value = b->bits & ((1u << n) - 1);

	fast_drop(b, n);
	return value;
}

/* The entry of the code at the start of the buffer (at least 15 bits in it),
 * its bits used up. */
static ALWAYS_INLINE struct code_entry fast_decode(struct fast_bits *b, const struct code_entry *table,
					    unsigned root_bits)
{
	struct code_entry e = table[b->bits & ((1u << root_bits) - 1)];

	if (e.kind & KIND_SUBTABLE) {
		fast_drop(b, root_bits);
		e = table[e.value + (b->bits & ((1u << (e.kind & 15)) - 1))];
	}
	fast_drop(b, e.bits);
	return e;
}

/* Fail in fast_symbols(), keeping what it decoded for gunzip_with() to give. */
static void fast_fail(struct inflater *s, unsigned char *out, const char *message)
	__attribute__((noreturn));
static void fast_fail(struct inflater *s, unsigned char *out, const char *message)
{
	s->out_pos = out - s->output;
	fail(s, message);
}

/*
 * Decode symbols while the input holds FAST_INPUT_MARGIN bytes and the output
 * is below FLUSH_AT (a whole match fits). Returns 1 at the end of the block, 0
 * when the careful way must go on.
 */
static int fast_symbols(struct inflater *s)
{
	struct fast_bits b = { s->input + s->input_pos, s->bits, s->bit_count };
	const unsigned char *in_limit;
	unsigned char *out = s->output + s->out_pos;
	unsigned char *const out_limit = s->output + FLUSH_AT;
	int ended = 0;

	/* (The careful way always leaves fewer than 32 bits: see fast_refill().) */
	if (s->input_len - s->input_pos < FAST_INPUT_MARGIN || s->bit_count >= 32)
		return 0;
	in_limit = s->input + s->input_len - FAST_INPUT_MARGIN;
	while (b.in < in_limit && out < out_limit) {
		fast_refill(&b);	/* 24 bits: a length code and its extra bits */
		struct code_entry e = fast_decode(&b, s->literals, LITERAL_ROOT_BITS);
		if (e.kind == KIND_LITERAL) {
			*out++ = e.value;
			continue;
		}
		if (e.kind == KIND_END) {
			ended = 1;
			break;
		}
		if (e.kind >= KIND_LITERAL)
			fast_fail(s, out, bad_code);
		unsigned length = e.value + fast_take(&b, e.kind);
		fast_refill(&b);
		e = fast_decode(&b, s->distances, DISTANCE_ROOT_BITS);
		if (e.kind >= KIND_LITERAL)	/* no distance code would have these */
			fast_fail(s, out, bad_code);
		fast_refill(&b);	/* up to 13 extra bits */
		unsigned distance = e.value + fast_take(&b, e.kind);
		if (distance > (unsigned)(out - s->output))
			fast_fail(s, out, too_far_back);
		out = copy_forward(out, distance, length);
	}
	s->input_pos = b.in - s->input;
	s->bits = b.bits;
	s->bit_count = b.count;
	s->out_pos = out - s->output;
	return ended;
}

/* The symbols of a Huffman-coded block, up to its end symbol (256). */
static void huffman_block(struct inflater *s)
{
	for (;;) {
		if (fast_symbols(s))
			return;
		/* The fast way stopped: at the end of the input buffer, or of the output's. */
		if (s->out_pos >= FLUSH_AT)
			flush_output(s);
		if (careful_symbol(s))
			return;
	}
}

/* ---- blocks ---- */

/* A block of raw bytes: LEN, its ones' complement NLEN, then LEN bytes. */
static void stored_block(struct inflater *s)
{
	unsigned length, check;

	align_to_byte(s);
	length = get_bits(s, 16);
	check = get_bits(s, 16);
	if (length != (~check & 0xffff))
		fail(s, "invalid compressed data (bad stored block length)");

	/* First the whole bytes still in the bit buffer, then straight from the input. */
	while (length > 0 && s->bit_count > 0) {
		put_byte(s, get_bits(s, 8));
		length--;
	}
	while (length > 0) {
		if (s->input_pos == s->input_len && fill_input(s) == 0)
			fail(s, "unexpected end of file");
		size_t n = s->input_len - s->input_pos;
		size_t room = FLUSH_AT - s->out_pos;
		if (n > length)
			n = length;
		if (n > room)
			n = room;
		memcpy(s->output + s->out_pos, s->input + s->input_pos, n);
		s->input_pos += n;
		s->out_pos += n;
		length -= n;
		if (s->out_pos >= FLUSH_AT)
			flush_output(s);
	}
}

/* The fixed codes of RFC 1951 3.2.6. */
static void use_fixed_codes(struct inflater *s)
{
	unsigned char lengths[MAX_LITERAL_CODES];
	int i = 0;

	while (i < 144)
		lengths[i++] = 8;
	while (i < 256)
		lengths[i++] = 9;
	while (i < 280)
		lengths[i++] = 7;
	while (i < 288)
		lengths[i++] = 8;
	build_table(s, s->literals, LITERAL_TABLE_SIZE, LITERAL_ROOT_BITS, lengths,
		    MAX_LITERAL_CODES, &literal_alphabet);
	memset(lengths, 5, MAX_DISTANCE_CODES);
	build_table(s, s->distances, DISTANCE_TABLE_SIZE, DISTANCE_ROOT_BITS, lengths,
		    MAX_DISTANCE_CODES, &distance_alphabet);
}

/* The order in which the code length code's own lengths are sent (RFC 1951 3.2.7). */
static const unsigned char length_code_order[19] = {
	16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
};

/* Read the code lengths of a dynamic block and build its two codes from them. */
static void read_dynamic_codes(struct inflater *s)
{
	unsigned char lengths[MAX_LITERAL_CODES + MAX_DISTANCE_CODES];
	int literal_count = get_bits(s, 5) + 257;
	int distance_count = get_bits(s, 5) + 1;
	int length_code_count = get_bits(s, 4) + 4;
	int total = literal_count + distance_count;

	if (literal_count > 286 || distance_count > 30)
		fail(s, "invalid compressed data (too many codes)");

	/* The code for the code lengths: 0..15 are lengths, 16..18 repeat them.
	 * Its table is the literal one's for a while. */
	memset(lengths, 0, 19);
	for (int i = 0; i < length_code_count; i++)
		lengths[length_code_order[i]] = get_bits(s, 3);
	build_table(s, s->literals, LITERAL_TABLE_SIZE, LITERAL_ROOT_BITS, lengths, 19,
		    &code_length_alphabet);

	for (int i = 0; i < total;) {
		unsigned symbol = decode(s, s->literals, LITERAL_ROOT_BITS).value;
		unsigned repeat, value = 0;
		if (symbol < 16) {
			lengths[i++] = symbol;
			continue;
		}
		if (symbol == 16) {		/* the previous length 3..6 times */
			if (i == 0)
				fail(s, "invalid compressed data (repeat with nothing before)");
			value = lengths[i - 1];
			repeat = 3 + get_bits(s, 2);
		} else if (symbol == 17) {	/* 3..10 zeros */
			repeat = 3 + get_bits(s, 3);
		} else {			/* 11..138 zeros */
			repeat = 11 + get_bits(s, 7);
		}
		if (i + repeat > (unsigned)total)
			fail(s, "invalid compressed data (too many code lengths)");
		while (repeat--)
			lengths[i++] = value;
	}
	if (lengths[256] == 0)
		fail(s, "invalid compressed data (no end of block code)");
	build_table(s, s->literals, LITERAL_TABLE_SIZE, LITERAL_ROOT_BITS, lengths,
		    literal_count, &literal_alphabet);
	build_table(s, s->distances, DISTANCE_TABLE_SIZE, DISTANCE_ROOT_BITS,
		    lengths + literal_count, distance_count, &distance_alphabet);
}

/* A whole DEFLATE stream: blocks until the one marked last. */
static void inflate_stream(struct inflater *s)
{
	int last;

	do {
		last = get_bits(s, 1);
		switch (get_bits(s, 2)) {
		case 0:
			stored_block(s);
			break;
		case 1:
			use_fixed_codes(s);
			huffman_block(s);
			break;
		case 2:
			read_dynamic_codes(s);
			huffman_block(s);
			break;
		default:
			fail(s, "invalid compressed data (bad block type)");
		}
	} while (!last);
}

/* ---- the gzip wrapper ---- */

enum {
	FLAG_TEXT = 1, FLAG_HEADER_CRC = 2, FLAG_EXTRA = 4, FLAG_NAME = 8, FLAG_COMMENT = 16,
	FLAG_RESERVED = 0xe0
};

/* A byte of the header, which is added to the header's own CRC as it goes. */
static unsigned header_byte(struct inflater *s, uint32_t *crc)
{
	unsigned char c = get_bits(s, 8);
	*crc = crc32_update(*crc, &c, 1);
	return c;
}

/* Skip a zero-terminated file name or comment. */
static void skip_string(struct inflater *s, uint32_t *crc)
{
	while (header_byte(s, crc) != 0)
		;
}

/* The member header (RFC 1952 2.3); the two magic bytes have been read already. */
static void read_header(struct inflater *s)
{
	static const unsigned char magic[2] = { 0x1f, 0x8b };
	uint32_t crc = crc32_update(0, magic, 2);
	unsigned flags;

	if (header_byte(s, &crc) != 8)
		fail(s, "unknown compression method");
	flags = header_byte(s, &crc);
	if (flags & FLAG_RESERVED)
		fail(s, "unknown flags set");
	for (int i = 0; i < 6; i++)	/* time of modification, extra flags, OS */
		header_byte(s, &crc);
	if (flags & FLAG_EXTRA) {
		unsigned length = header_byte(s, &crc);
		length |= header_byte(s, &crc) << 8;
		while (length--)
			header_byte(s, &crc);
	}
	if (flags & FLAG_NAME)
		skip_string(s, &crc);
	if (flags & FLAG_COMMENT)
		skip_string(s, &crc);
	if (flags & FLAG_HEADER_CRC) {
		unsigned check = get_bits(s, 16);
		if (check != (crc & 0xffff))
			fail(s, "header crc error");
	}
}

/* The trailer: CRC-32 and length of the data, least significant byte first. */
static void check_trailer(struct inflater *s)
{
	uint32_t crc, size;

	align_to_byte(s);
	crc = get_bits(s, 16);
	crc |= (uint32_t)get_bits(s, 16) << 16;
	size = get_bits(s, 16);
	size |= (uint32_t)get_bits(s, 16) << 16;
	if (crc != s->crc)
		fail(s, "crc error");
	if (size != s->size)
		fail(s, "length error");
}

/* Start a member if the input holds one. Returns 1 if so, 0 at the end of the input. */
static int start_member(struct inflater *s, int first)
{
	unsigned id1, id2;

	if (input_ended(s)) {
		if (first)
			fail(s, "unexpected end of file");
		return 0;
	}
	id1 = get_bits(s, 8);
	id2 = input_ended(s) ? 0 : get_bits(s, 8);
	if (id1 == 0x1f && id2 == 0x8b)
		return 1;
	if (first)
		fail(s, "not in gzip format");
	/* After a member, zero padding is ignored in silence, anything else with a word. */
	while (id1 == 0 && id2 == 0 && !input_ended(s))
		id2 = get_bits(s, 8);
	if ((id1 != 0 || id2 != 0) && !(s->flags & GUNZIP_QUIET))
		warn("%s%sdecompression OK, trailing garbage ignored", s->name ? s->name : "",
		     s->name ? ": " : "");
	return 0;
}

/* zcat -f: input that does not start as gzip data does is copied out unchanged.
 * Reads the first two bytes into the input buffer (a pipe may give one at a
 * time) without taking them, for gzip data to be decoded as usual. Returns 1
 * when the input was copied. */
static int copied_unchanged(struct inflater *s)
{
	int result = 0;

	while (s->input_len < 2 && !s->input_eof) {
		ssize_t n = read(s->in, s->input + s->input_len, 2 - s->input_len);
		if (n < 0 && errno != EINTR)
			fail_errno(s, "read error");
		if (n > 0)
			s->input_len += n;
		s->input_eof = n == 0;
	}
	if (s->input_len == 2 && s->input[0] == 0x1f && s->input[1] == 0x8b)
		return 0;
	if (write_all(s->out, s->input, s->input_len) < 0)
		fail_errno(s, "write error");
	if (!s->input_eof)
		result = copy_fd(s->in, s->out);
	if (result == COPY_READ_ERROR)
		fail_errno(s, "read error");
	if (result == COPY_WRITE_ERROR)
		fail_errno(s, "write error");
	return 1;
}

static void gunzip_members(struct inflater *s)
{
	if ((s->flags & GUNZIP_COPY_OTHER) && copied_unchanged(s))
		return;
	for (int first = 1; start_member(s, first); first = 0) {
		read_header(s);
		s->crc = s->size = 0;
		s->out_pos = s->written_pos = 0;
		inflate_stream(s);
		flush_output(s);
		check_trailer(s);
	}
}

int gunzip_with(int in, int out, const char *name, int flags)
{
	struct inflater *s = xmalloc(sizeof *s);
	int result = 0;

	s->in = in;
	s->out = out;
	s->name = name;
	s->flags = flags;
	s->input_pos = s->input_len = 0;
	s->input_eof = 0;
	s->bits = 0;
	s->bit_count = 0;
	s->made_up_bytes = 0;
	s->out_pos = s->written_pos = 0;
	if (setjmp(s->on_error) == 0) {
		gunzip_members(s);
	} else {
		/* Give what could be decoded, as for a file cut short: zcat of it is
		 * still worth having. (After a write error, nothing is left to give.) */
		if (s->out >= 0 && s->out_pos > s->written_pos)
			write_all(s->out, s->output + s->written_pos, s->out_pos - s->written_pos);
		errno = s->error_errno;
		/* A format ending in ':' makes warn() add the text of errno. */
		if (s->error_errno)
			warn("%s%s%s:", name ? name : "", name ? ": " : "", s->error);
		else
			warn("%s%s%s", name ? name : "", name ? ": " : "", s->error);
		result = -1;
	}
	free(s);
	return result;
}

int gunzip_named(int in, int out, const char *name)
{
	return gunzip_with(in, out, name, 0);
}

int gunzip_fd(int in, int out)
{
	return gunzip_named(in, out, NULL);
}
