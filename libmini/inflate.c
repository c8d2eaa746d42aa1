/*
 * inflate.c: the gzip format (RFC 1952) around a DEFLATE decoder (RFC 1951).
 *
 * DEFLATE data is a series of blocks. Each is stored (raw bytes), or a series of
 * Huffman-coded symbols: a literal byte, the end of the block, or a "match" (copy
 * LENGTH bytes from DISTANCE bytes back in the output, at most 32 KB back). The
 * Huffman codes are fixed ones from the RFC, or "dynamic" ones sent at the start
 * of the block as a list of code lengths, itself Huffman coded.
 *
 * Reading is done through a bit buffer filled from a 64 KB input buffer; output
 * goes into a 32 KB ring (the window matches copy from), written out each time it
 * fills. Any error longjmps back to gunzip_with(), which says what went wrong;
 * every table index and every distance is checked, so corrupt data only ever
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
#define INPUT_SIZE 65536
#define MAX_CODE_BITS 15	/* no Huffman code is longer */
#define FAST_BITS 9		/* codes this short are decoded with one table look-up */
#define MAX_LITERAL_CODES 288
#define MAX_DISTANCE_CODES 32

/* A Huffman code, built from the code length of each symbol (RFC 1951 3.2.2). */
struct huffman {
	uint16_t count[MAX_CODE_BITS + 1];	/* how many codes have each length */
	uint16_t symbol[MAX_LITERAL_CODES];	/* the symbols, in code order */
	/* Indexed by the next FAST_BITS input bits: symbol << 4 | code length, or 0
	 * when the code is longer (or unused) and decode_slowly() must look. */
	uint16_t fast[1 << FAST_BITS];
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
	int bit_count;
	/* Zero bytes made up past the end of the input so that look-ahead never
	 * stops; using a bit of one means the input was cut short. */
	int made_up_bytes;

	/* Output: the ring of the last 32 KB, with what a gzip trailer checks. */
	unsigned char window[WINDOW_SIZE];
	unsigned window_pos;	/* where the next byte goes */
	unsigned written_pos;	/* the bytes before it are written out already */
	int window_wrapped;	/* the ring has been filled once: all of it is history */
	uint32_t crc, size;	/* CRC-32 and length (mod 2^32) of the member's data */

	struct huffman literals, distances;
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

/* ---- input: bytes, then bits ---- */

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
static void need_bits(struct inflater *s, int n)
{
	if (s->bit_count >= n)
		return;
	do {
		s->bits |= (uint32_t)next_byte(s) << s->bit_count;
		s->bit_count += 8;
	} while (s->bit_count <= 24);
}

/* Use up n bits of the bit buffer (they must be there). */
static void drop_bits(struct inflater *s, int n)
{
	s->bits >>= n;
	s->bit_count -= n;
	if (s->bit_count < 8 * s->made_up_bytes)
		fail(s, "unexpected end of file");
}

/* The next n bits (n at most 25) as a number, the first bit read being bit 0. */
static unsigned get_bits(struct inflater *s, int n)
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

/* Write out what the window holds and was not written yet (it is full, or this is
 * the end of a member). */
static void flush_window(struct inflater *s)
{
	unsigned start = s->written_pos;

	s->written_pos = s->window_pos;
	s->crc = crc32_update(s->crc, s->window + start, s->window_pos - start);
	if (s->out >= 0 && write_all(s->out, s->window + start, s->window_pos - start) < 0)
		fail_errno(s, "write error");
	if (s->window_pos == WINDOW_SIZE) {
		s->window_pos = s->written_pos = 0;
		s->window_wrapped = 1;
	}
}

static void put_byte(struct inflater *s, unsigned char c)
{
	s->window[s->window_pos++] = c;
	s->size++;
	if (s->window_pos == WINDOW_SIZE)
		flush_window(s);
}

/* Copy length bytes from distance bytes back: a match. The copy may overlap what
 * it writes ("distance 1, length 10" repeats one byte ten times). */
static void copy_match(struct inflater *s, unsigned distance, unsigned length)
{
	unsigned pos = s->window_pos;

	if (distance > pos && !s->window_wrapped)
		fail(s, "invalid compressed data (distance too far back)");
	s->size += length;
	while (length--) {
		s->window[pos] = s->window[(pos - distance) & (WINDOW_SIZE - 1)];
		if (++pos == WINDOW_SIZE) {
			s->window_pos = pos;
			flush_window(s);
			pos = 0;
		}
	}
	s->window_pos = pos;
}

/* ---- Huffman codes ---- */

/* Reverse the low n bits of code: the RFC packs codes starting from their most
 * significant bit, but the bit buffer hands out bits least significant first. */
static unsigned reverse_bits(unsigned code, int n)
{
	unsigned reversed = 0;

	while (n--) {
		reversed = reversed << 1 | (code & 1);
		code >>= 1;
	}
	return reversed;
}

/*
 * Build the code h for symbols 0..n-1 whose code lengths are lengths[] (0: the
 * symbol is unused). Codes are given out as RFC 1951 3.2.2 says: shorter codes
 * first, and in symbol order among codes of one length. An incomplete code is
 * accepted (unused codes then fail when met); too many codes are not.
 */
static void build_huffman(struct inflater *s, struct huffman *h, const unsigned char *lengths, int n)
{
	uint16_t offset[MAX_CODE_BITS + 2];
	unsigned code = 0;
	int left = 1;		/* codes of the current length not given out yet */

	memset(h->count, 0, sizeof h->count);
	for (int i = 0; i < n; i++)
		h->count[lengths[i]]++;
	h->count[0] = 0;
	for (int len = 1; len <= MAX_CODE_BITS; len++) {
		left = left * 2 - h->count[len];
		if (left < 0)
			fail(s, "invalid compressed data (bad Huffman code)");
	}

	/* Sort the symbols by code length: offset[len] is where the first goes. */
	offset[1] = 0;
	for (int len = 1; len <= MAX_CODE_BITS; len++)
		offset[len + 1] = offset[len] + h->count[len];
	for (int i = 0; i < n; i++)
		if (lengths[i])
			h->symbol[offset[lengths[i]]++] = i;

	/* The fast table: each short code fills every slot that starts with it. */
	memset(h->fast, 0, sizeof h->fast);
	int next = 0;
	for (int len = 1; len <= FAST_BITS; len++) {
		for (int i = 0; i < h->count[len]; i++, code++) {
			unsigned symbol = h->symbol[next++];
			for (unsigned slot = reverse_bits(code, len); slot < (1u << FAST_BITS); slot += 1u << len)
				h->fast[slot] = symbol << 4 | len;
		}
		code <<= 1;
	}
}

/*
 * Decode a code longer than FAST_BITS, one bit at a time. Among the codes of one
 * length, the first is the code just after the last one of the length before,
 * doubled; so a code of length len is valid when code - first < count[len].
 */
static unsigned decode_slowly(struct inflater *s, const struct huffman *h)
{
	unsigned code = 0, first = 0, index = 0;
	uint32_t bits = s->bits;

	for (int len = 1; len <= MAX_CODE_BITS; len++) {
		code |= bits & 1;
		bits >>= 1;
		if (code - first < h->count[len]) {
			drop_bits(s, len);
			return h->symbol[index + code - first];
		}
		index += h->count[len];
		first = (first + h->count[len]) << 1;
		code <<= 1;
	}
	fail(s, "invalid compressed data (bad Huffman code)");
}

/* Read one symbol coded with h. */
static unsigned decode(struct inflater *s, const struct huffman *h)
{
	unsigned entry;

	need_bits(s, MAX_CODE_BITS);
	entry = h->fast[s->bits & ((1u << FAST_BITS) - 1)];
	if (entry == 0)
		return decode_slowly(s, h);
	drop_bits(s, entry & 15);
	return entry >> 4;
}

/* ---- blocks ---- */

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
		size_t room = WINDOW_SIZE - s->window_pos;
		if (n > length)
			n = length;
		if (n > room)
			n = room;
		memcpy(s->window + s->window_pos, s->input + s->input_pos, n);
		s->input_pos += n;
		s->window_pos += n;
		s->size += n;
		length -= n;
		if (s->window_pos == WINDOW_SIZE)
			flush_window(s);
	}
}

/* The symbols of a Huffman-coded block, up to its end symbol (256). */
static void huffman_block(struct inflater *s)
{
	for (;;) {
		unsigned symbol = decode(s, &s->literals);
		if (symbol < 256) {
			put_byte(s, symbol);
			continue;
		}
		if (symbol == 256)
			return;
		symbol -= 257;
		if (symbol >= 29)
			fail(s, "invalid compressed data (bad length code)");
		unsigned length = length_base[symbol] + get_bits(s, length_extra[symbol]);

		symbol = decode(s, &s->distances);
		if (symbol >= 30)
			fail(s, "invalid compressed data (bad distance code)");
		unsigned distance = distance_base[symbol] + get_bits(s, distance_extra[symbol]);
		copy_match(s, distance, length);
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
	build_huffman(s, &s->literals, lengths, MAX_LITERAL_CODES);
	memset(lengths, 5, MAX_DISTANCE_CODES);
	build_huffman(s, &s->distances, lengths, MAX_DISTANCE_CODES);
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

	/* The code for the code lengths: 0..15 are lengths, 16..18 repeat them. */
	memset(lengths, 0, 19);
	for (int i = 0; i < length_code_count; i++)
		lengths[length_code_order[i]] = get_bits(s, 3);
	build_huffman(s, &s->literals, lengths, 19);

	for (int i = 0; i < total;) {
		unsigned symbol = decode(s, &s->literals);
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
	build_huffman(s, &s->literals, lengths, literal_count);
	build_huffman(s, &s->distances, lengths + literal_count, distance_count);
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
		s->window_pos = s->written_pos = 0;
		s->window_wrapped = 0;
		inflate_stream(s);
		flush_window(s);
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
	s->window_pos = s->written_pos = 0;
	if (setjmp(s->on_error) == 0) {
		gunzip_members(s);
	} else {
		/* Give what could be decoded, as for a file cut short: zcat of it is
		 * still worth having. (After a write error, nothing is left to give.) */
		if (s->out >= 0 && s->window_pos > s->written_pos)
			write_all(s->out, s->window + s->written_pos, s->window_pos - s->written_pos);
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
