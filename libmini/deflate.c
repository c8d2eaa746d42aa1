/*
 * deflate.c: the DEFLATE encoder of RFC 1951 in the gzip wrapper of RFC 1952.
 *
 * LZ77: the input goes through a 64 KB buffer holding the last 32 KB already
 * compressed (the window matches may copy from) and the data still to come.
 * Every position is put into a hash table keyed by its next 3 bytes; the table
 * gives the latest position with the same key, and prev[] links each position to
 * the one before it with that key: a chain of candidates, walked up to a length
 * that grows with the level. The longest match found becomes a (length,
 * distance) pair, else the byte goes out as a literal. From level 4 on a match
 * is held back one byte ("lazy matching"): if the next position matches longer,
 * the current byte is sent as a literal instead.
 *
 * The symbols are collected into blocks. Each block is written with the
 * cheapest of three encodings, counted exactly before writing: a dynamic
 * Huffman code made from the block's own symbol counts (sent at the block's
 * start, RFC 1951 3.2.7), the fixed code of the RFC, or the raw bytes (a stored
 * block, so that incompressible data grows by only a few bytes).
 *
 * Memory: about 260 KB, allocated per call.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "deflate.h"
#include "hash.h"

#define WINDOW_SIZE 32768	/* the farthest back a match may reach */
#define BUFFER_SIZE (2 * WINDOW_SIZE)
#define MIN_MATCH 3
#define MAX_MATCH 258
/* Keep this much input ahead of the position whenever more may come, so that a
 * match of MAX_MATCH can always be seen whole. */
#define LOOKAHEAD (MAX_MATCH + MIN_MATCH + 1)
#define HASH_BITS 15
#define HASH_SIZE (1 << HASH_BITS)
#define MAX_SYMBOLS 16384	/* symbols in a block before it is written */
#define OUTPUT_SIZE 16384
#define LITERAL_CODES 286	/* 0-255 literals, 256 end of block, 257-285 lengths */
#define DISTANCE_CODES 30
#define CODE_LENGTH_CODES 19
#define END_OF_BLOCK 256
#define MAX_CODE_BITS 15
#define MAX_CODE_LENGTH_BITS 7

/* RFC 1951 3.2.5: the first length and distance of each code, and how many
 * extra bits follow the code. */
static const uint16_t length_base[29] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
};
static const uint8_t length_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
};
static const uint16_t distance_base[DISTANCE_CODES] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
};
static const uint8_t distance_extra[DISTANCE_CODES] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
	7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
};
/* RFC 1951 3.2.7: the order the code length code's lengths are sent in. */
static const uint8_t code_length_order[CODE_LENGTH_CODES] = {
	16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
};

/* Filled once: the code of each length (3-258, indexed by length - 3), and of
 * each distance: distances 1-256 directly, larger ones by (distance - 1) >> 7
 * (every code from 16 on covers a multiple of 128 distances). */
static uint8_t length_code_of[256];
static uint8_t distance_code_small[256], distance_code_large[256];

/* A Huffman code: the length of each symbol's code, and the code itself with its
 * bits reversed (DEFLATE sends Huffman codes most significant bit first into a
 * stream that is otherwise filled least significant bit first). */
struct huffman {
	uint8_t length[LITERAL_CODES + 2];
	uint16_t code[LITERAL_CODES + 2];
};

/* How the chain search works at each level: how many candidates it looks at, and
 * whether matches are lazy. */
static const uint16_t chain_limit[10] = { 0, 4, 8, 16, 32, 64, 128, 256, 1024, 4096 };

struct deflater {
	int in, out;
	int failed;		/* a read or write error was already said */
	unsigned max_chain;
	int lazy;

	/* Input: buffer[0, end) holds data; pos is the next byte to compress. */
	unsigned char buffer[BUFFER_SIZE];
	unsigned pos, end;
	int input_eof;
	uint32_t crc, size;	/* for the gzip trailer */

	/* The hash chains; 0 means "none" (so position 0 is never matched to). */
	uint16_t head[HASH_SIZE];
	uint16_t prev[WINDOW_SIZE];

	/* The block being collected: it started at buffer[block_start]. A symbol is
	 * a literal (distance 0, the byte in literal) or a match (literal holds
	 * length - 3). */
	unsigned block_start;
	unsigned symbol_count;
	uint8_t literal[MAX_SYMBOLS];
	uint16_t distance[MAX_SYMBOLS];

	uint16_t literal_count[LITERAL_CODES], distance_count[DISTANCE_CODES];
	struct huffman literals, distances, code_lengths;

	/* Output: bytes waiting to be written, and bits waiting to make a byte. */
	unsigned char output[OUTPUT_SIZE];
	unsigned output_len;
	uint32_t bit_buffer;
	int bit_count;
};

static void make_code_tables(void)
{
	for (int code = 0; code < 29; code++) {
		int first = length_base[code] - MIN_MATCH;
		int count = code == 28 ? 1 : length_base[code + 1] - length_base[code];
		for (int i = 0; i < count; i++)
			length_code_of[first + i] = code;
	}
	for (int code = 0; code < DISTANCE_CODES; code++) {
		unsigned first = distance_base[code] - 1;
		unsigned count = 1u << distance_extra[code];
		for (unsigned d = first; d < first + count; d++) {
			if (d < 256)
				distance_code_small[d] = code;
			else
				distance_code_large[d >> 7] = code;
		}
	}
}

static unsigned distance_code(unsigned distance)
{
	distance--;
	return distance < 256 ? distance_code_small[distance] : distance_code_large[distance >> 7];
}

/* ---- output: bytes, then bits ---- */

static void flush_output(struct deflater *s)
{
	if (!s->failed && write_all(s->out, s->output, s->output_len) < 0) {
		warn("write error:");
		s->failed = 1;
	}
	s->output_len = 0;
}

static void put_byte(struct deflater *s, unsigned byte)
{
	if (s->output_len == OUTPUT_SIZE)
		flush_output(s);
	s->output[s->output_len++] = byte;
}

/* Append the count low bits of value, least significant first. */
static void put_bits(struct deflater *s, uint32_t value, int count)
{
	s->bit_buffer |= value << s->bit_count;
	s->bit_count += count;
	while (s->bit_count >= 8) {
		put_byte(s, s->bit_buffer & 0xff);
		s->bit_buffer >>= 8;
		s->bit_count -= 8;
	}
}

/* Pad to a byte boundary with zero bits. */
static void align_to_byte(struct deflater *s)
{
	if (s->bit_count > 0)
		put_bits(s, 0, 8 - s->bit_count);
}

static void put_le32(struct deflater *s, uint32_t value)
{
	for (int i = 0; i < 4; i++)
		put_byte(s, value >> (8 * i) & 0xff);
}

static void put_symbol(struct deflater *s, const struct huffman *h, unsigned symbol)
{
	put_bits(s, h->code[symbol], h->length[symbol]);
}

/* ---- Huffman codes ---- */

/* The canonical codes for the given lengths (RFC 1951 3.2.2), bits reversed. */
static void assign_codes(struct huffman *h, int symbols)
{
	uint16_t count[MAX_CODE_BITS + 1] = { 0 }, next[MAX_CODE_BITS + 1];
	unsigned code = 0;

	for (int i = 0; i < symbols; i++)
		count[h->length[i]]++;
	count[0] = 0;
	for (int bits = 1; bits <= MAX_CODE_BITS; bits++) {
		code = (code + count[bits - 1]) << 1;
		next[bits] = code;
	}
	for (int i = 0; i < symbols; i++) {
		int length = h->length[i];
		unsigned reversed = 0, c;
		if (length == 0)
			continue;
		c = next[length]++;
		for (int b = 0; b < length; b++)
			reversed |= (c >> b & 1) << (length - 1 - b);
		h->code[i] = reversed;
	}
}

/*
 * Huffman's algorithm: join the two lightest trees until one is left; a
 * symbol's code length is its leaf's depth. Leaves are nodes 0..symbols-1, each
 * join makes a new node. If a code comes out longer than max_bits, the counts
 * are halved (keeping every used symbol at 1 or more) and the tree built again:
 * flatter counts make a flatter tree. Fewer than two used symbols get company,
 * so that the code is always complete (every decoder takes that).
 */
static void build_lengths(struct huffman *h, const uint16_t *counts, int symbols, int max_bits)
{
	uint32_t weight[2 * LITERAL_CODES];
	int16_t parent[2 * LITERAL_CODES];
	uint8_t depth[2 * LITERAL_CODES];
	int used = 0, nodes, longest;

	for (int i = 0; i < symbols; i++) {
		weight[i] = counts[i];
		used += counts[i] != 0;
	}
	for (int i = 0; used < 2; i++)
		if (weight[i] == 0) {
			weight[i] = 1;
			used++;
		}
	do {
		nodes = symbols;
		for (int i = 0; i < symbols; i++)
			parent[i] = -1;
		for (int joins = 1; joins < used; joins++) {
			int a = -1, b = -1;
			for (int i = 0; i < nodes; i++) {
				if (weight[i] == 0 || parent[i] != -1)
					continue;
				if (a < 0 || weight[i] < weight[a]) {
					b = a;
					a = i;
				} else if (b < 0 || weight[i] < weight[b]) {
					b = i;
				}
			}
			weight[nodes] = weight[a] + weight[b];
			parent[nodes] = -1;
			parent[a] = parent[b] = nodes;
			nodes++;
		}
		/* Parents come after their children: walk down from the root. */
		longest = 0;
		depth[nodes - 1] = 0;
		for (int i = nodes - 2; i >= 0; i--) {
			if (weight[i] == 0 || parent[i] < 0)
				continue;
			depth[i] = depth[parent[i]] + 1;
			if (i < symbols && depth[i] > longest)
				longest = depth[i];
		}
		if (longest > max_bits)
			for (int i = 0; i < symbols; i++)
				if (weight[i] != 0)
					weight[i] = (weight[i] + 1) / 2;
	} while (longest > max_bits);
	for (int i = 0; i < symbols; i++)
		h->length[i] = weight[i] != 0 ? depth[i] : 0;
	assign_codes(h, symbols);
}

static void fixed_codes(struct huffman *literals, struct huffman *distances)
{
	for (int i = 0; i < LITERAL_CODES + 2; i++)
		literals->length[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
	assign_codes(literals, LITERAL_CODES + 2);
	for (int i = 0; i < DISTANCE_CODES; i++)
		distances->length[i] = 5;
	assign_codes(distances, DISTANCE_CODES);
}

/* ---- writing a block ---- */

/* The bits the block's symbols take with these codes (block header aside). */
static unsigned long symbol_bits(const struct deflater *s, const struct huffman *literals,
				 const struct huffman *distances)
{
	unsigned long bits = 0;

	for (int i = 0; i < LITERAL_CODES; i++) {
		unsigned extra = i > END_OF_BLOCK ? length_extra[i - 257] : 0;
		bits += (unsigned long)s->literal_count[i] * (literals->length[i] + extra);
	}
	for (int i = 0; i < DISTANCE_CODES; i++)
		bits += (unsigned long)s->distance_count[i] * (distances->length[i] + distance_extra[i]);
	return bits;
}

/*
 * The code lengths of a dynamic block, run-length coded (RFC 1951 3.2.7) into
 * runs[]: each entry is a code length code (0-18) << 8 | its extra bits' value.
 * Returns the number of entries.
 */
static int code_length_runs(const uint8_t *lengths, int total, uint16_t *runs)
{
	int n = 0;

	for (int i = 0; i < total;) {
		int length = lengths[i], run = 1;
		while (i + run < total && lengths[i + run] == length)
			run++;
		if (length == 0 && run >= 11) {
			run = run > 138 ? 138 : run;
			runs[n++] = 18 << 8 | (run - 11);
		} else if (length == 0 && run >= 3) {
			runs[n++] = 17 << 8 | (run - 3);
		} else if (length != 0 && run >= 4) {
			/* The length itself once, then "repeat the last" 3 to 6 times. */
			run = run > 7 ? 7 : run;
			runs[n++] = length << 8;
			runs[n++] = 16 << 8 | (run - 4);
		} else {
			run = 1;
			runs[n++] = length << 8;
		}
		i += run;
	}
	return n;
}

static const uint8_t run_extra_bits[CODE_LENGTH_CODES] = {
	[16] = 2, [17] = 3, [18] = 7,
};

/* A dynamic block's code description: its size in bits, or, with write set,
 * writes it. */
struct dynamic_header {
	int literal_codes, distance_codes, length_codes;
	uint8_t lengths[LITERAL_CODES + DISTANCE_CODES];
	uint16_t runs[LITERAL_CODES + DISTANCE_CODES];
	int run_count;
};

static unsigned long plan_dynamic_header(struct deflater *s, struct dynamic_header *d)
{
	uint16_t counts[CODE_LENGTH_CODES] = { 0 };
	unsigned long bits;

	d->literal_codes = LITERAL_CODES;
	while (d->literal_codes > 257 && s->literals.length[d->literal_codes - 1] == 0)
		d->literal_codes--;
	d->distance_codes = DISTANCE_CODES;
	while (d->distance_codes > 1 && s->distances.length[d->distance_codes - 1] == 0)
		d->distance_codes--;
	memcpy(d->lengths, s->literals.length, d->literal_codes);
	memcpy(d->lengths + d->literal_codes, s->distances.length, d->distance_codes);
	d->run_count = code_length_runs(d->lengths, d->literal_codes + d->distance_codes, d->runs);
	for (int i = 0; i < d->run_count; i++)
		counts[d->runs[i] >> 8]++;
	build_lengths(&s->code_lengths, counts, CODE_LENGTH_CODES, MAX_CODE_LENGTH_BITS);
	d->length_codes = CODE_LENGTH_CODES;
	while (d->length_codes > 4 && s->code_lengths.length[code_length_order[d->length_codes - 1]] == 0)
		d->length_codes--;
	bits = 5 + 5 + 4 + 3 * d->length_codes;
	for (int i = 0; i < d->run_count; i++) {
		int code = d->runs[i] >> 8;
		bits += s->code_lengths.length[code] + run_extra_bits[code];
	}
	return bits;
}

static void write_dynamic_header(struct deflater *s, const struct dynamic_header *d)
{
	put_bits(s, d->literal_codes - 257, 5);
	put_bits(s, d->distance_codes - 1, 5);
	put_bits(s, d->length_codes - 4, 4);
	for (int i = 0; i < d->length_codes; i++)
		put_bits(s, s->code_lengths.length[code_length_order[i]], 3);
	for (int i = 0; i < d->run_count; i++) {
		int code = d->runs[i] >> 8;
		put_symbol(s, &s->code_lengths, code);
		if (run_extra_bits[code])
			put_bits(s, d->runs[i] & 0xff, run_extra_bits[code]);
	}
}

static void write_symbols(struct deflater *s)
{
	for (unsigned i = 0; i < s->symbol_count; i++) {
		unsigned distance = s->distance[i];
		if (distance == 0) {
			put_symbol(s, &s->literals, s->literal[i]);
		} else {
			unsigned length = s->literal[i], code = length_code_of[length];
			unsigned dcode = distance_code(distance);
			put_symbol(s, &s->literals, 257 + code);
			put_bits(s, length + MIN_MATCH - length_base[code], length_extra[code]);
			put_symbol(s, &s->distances, dcode);
			put_bits(s, distance - distance_base[dcode], distance_extra[dcode]);
		}
	}
	put_symbol(s, &s->literals, END_OF_BLOCK);
}

/* The block's bytes as stored blocks (at most 65535 bytes each). */
static void write_stored(struct deflater *s, const unsigned char *data, unsigned len, int last)
{
	do {
		unsigned piece = len > 65535 ? 65535 : len;
		put_bits(s, last && piece == len, 1);
		put_bits(s, 0, 2);		/* BTYPE 00: stored */
		align_to_byte(s);
		put_bits(s, piece, 16);
		put_bits(s, piece ^ 0xffff, 16);
		for (unsigned i = 0; i < piece; i++)
			put_byte(s, data[i]);
		data += piece;
		len -= piece;
	} while (len > 0);
}

static void count_symbols(struct deflater *s)
{
	memset(s->literal_count, 0, sizeof s->literal_count);
	memset(s->distance_count, 0, sizeof s->distance_count);
	for (unsigned i = 0; i < s->symbol_count; i++) {
		if (s->distance[i] == 0) {
			s->literal_count[s->literal[i]]++;
		} else {
			s->literal_count[257 + length_code_of[s->literal[i]]]++;
			s->distance_count[distance_code(s->distance[i])]++;
		}
	}
	s->literal_count[END_OF_BLOCK] = 1;
}

/* Write the symbols collected for buffer[block_start, pos) as one block (or
 * several stored ones), whichever way is smallest. */
static void write_block(struct deflater *s, int last)
{
	struct dynamic_header header;
	struct huffman fixed_literals, fixed_distances;
	unsigned raw = s->pos - s->block_start;
	unsigned long dynamic_bits, fixed_bits, stored_bits;

	count_symbols(s);
	build_lengths(&s->literals, s->literal_count, LITERAL_CODES, MAX_CODE_BITS);
	build_lengths(&s->distances, s->distance_count, DISTANCE_CODES, MAX_CODE_BITS);
	dynamic_bits = 3 + plan_dynamic_header(s, &header) + symbol_bits(s, &s->literals, &s->distances);
	fixed_codes(&fixed_literals, &fixed_distances);
	fixed_bits = 3 + symbol_bits(s, &fixed_literals, &fixed_distances);
	/* Each stored piece: 3 header bits, up to 7 of padding, LEN and NLEN. */
	stored_bits = (raw / 65535 + 1) * (3 + 7 + 32) + 8UL * raw;

	if (stored_bits <= fixed_bits && stored_bits <= dynamic_bits) {
		write_stored(s, s->buffer + s->block_start, raw, last);
	} else if (fixed_bits <= dynamic_bits) {
		put_bits(s, last, 1);
		put_bits(s, 1, 2);		/* BTYPE 01: fixed Huffman codes */
		s->literals = fixed_literals;
		s->distances = fixed_distances;
		write_symbols(s);
	} else {
		put_bits(s, last, 1);
		put_bits(s, 2, 2);		/* BTYPE 10: dynamic Huffman codes */
		write_dynamic_header(s, &header);
		write_symbols(s);
	}
	s->symbol_count = 0;
	s->block_start = s->pos;
}

/* ---- LZ77 ---- */

static unsigned hash_at(const struct deflater *s, unsigned pos)
{
	const unsigned char *p = s->buffer + pos;
	return ((unsigned)p[0] << 10 ^ (unsigned)p[1] << 5 ^ p[2]) & (HASH_SIZE - 1);
}

/* Put pos at the head of its chain; returns the chain it now leads on to. */
static unsigned insert_position(struct deflater *s, unsigned pos)
{
	unsigned hash = hash_at(s, pos), previous = s->head[hash];

	s->prev[pos & (WINDOW_SIZE - 1)] = previous;
	s->head[hash] = pos;
	return previous;
}

/* Move the last 32 KB down to the buffer's start to make room for more input:
 * positions in the chains move too, and those that fall off become "none". The
 * block being collected is written first, as its bytes go away. */
static void slide_window(struct deflater *s)
{
	if (s->block_start < WINDOW_SIZE)
		write_block(s, 0);
	memmove(s->buffer, s->buffer + WINDOW_SIZE, WINDOW_SIZE);
	s->pos -= WINDOW_SIZE;
	s->end -= WINDOW_SIZE;
	s->block_start -= WINDOW_SIZE;
	for (unsigned i = 0; i < HASH_SIZE; i++)
		s->head[i] = s->head[i] > WINDOW_SIZE ? s->head[i] - WINDOW_SIZE : 0;
	for (unsigned i = 0; i < WINDOW_SIZE; i++)
		s->prev[i] = s->prev[i] > WINDOW_SIZE ? s->prev[i] - WINDOW_SIZE : 0;
}

/* Read until LOOKAHEAD bytes are ahead of pos, or the input ends. Returns 0 or -1. */
static int fill_input(struct deflater *s)
{
	while (!s->input_eof && s->end - s->pos < LOOKAHEAD) {
		ssize_t got;
		if (s->end == BUFFER_SIZE)
			slide_window(s);
		got = read(s->in, s->buffer + s->end, BUFFER_SIZE - s->end);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			warn("read error:");
			return -1;
		}
		if (got == 0)
			s->input_eof = 1;
		s->crc = crc32_update(s->crc, s->buffer + s->end, got);
		s->size += got;
		s->end += got;
	}
	return 0;
}

struct match {
	unsigned length, distance;
};

/* Insert pos, and find the longest earlier string that matches at pos (a length
 * below MIN_MATCH: none). */
static struct match longest_match(struct deflater *s, unsigned pos)
{
	struct match best = { 0, 0 };
	unsigned limit = s->end - pos > MAX_MATCH ? MAX_MATCH : s->end - pos;
	unsigned candidate, chain = s->max_chain;
	const unsigned char *here = s->buffer + pos;

	if (limit < MIN_MATCH)
		return best;
	candidate = insert_position(s, pos);
	/* Chains only go back: a candidate not below the last one is a stale link
	 * left by a position 32 KB later. */
	for (unsigned last = pos; candidate != 0 && candidate < last && pos - candidate <= WINDOW_SIZE
	     && chain-- > 0; last = candidate, candidate = s->prev[candidate & (WINDOW_SIZE - 1)]) {
		const unsigned char *there = s->buffer + candidate;
		unsigned length = 0;
		if (best.length < limit && there[best.length] != here[best.length])
			continue;
		while (length < limit && there[length] == here[length])
			length++;
		if (length > best.length) {
			best.length = length;
			best.distance = pos - candidate;
			if (length == limit)
				break;
		}
	}
	if (best.length < MIN_MATCH)
		best.length = 0;
	return best;
}

static void add_literal(struct deflater *s, unsigned byte)
{
	s->literal[s->symbol_count] = byte;
	s->distance[s->symbol_count++] = 0;
}

static void add_match(struct deflater *s, struct match m)
{
	s->literal[s->symbol_count] = m.length - MIN_MATCH;
	s->distance[s->symbol_count++] = m.distance;
}

/* Insert the positions a match covers after its first (and after from). */
static void insert_covered(struct deflater *s, unsigned from, unsigned to)
{
	for (unsigned p = from; p < to && p + MIN_MATCH <= s->end; p++)
		insert_position(s, p);
}

/* Compress all the input into blocks. Returns 0 or -1. */
static int compress(struct deflater *s)
{
	struct match current, next;
	int have_current = 0;

	for (;;) {
		if (fill_input(s) < 0 || s->failed)
			return -1;
		if (s->pos == s->end)
			break;
		/* Room for two more symbols (a literal and a match). */
		if (s->symbol_count >= MAX_SYMBOLS - 2)
			write_block(s, 0);
		if (!have_current)
			current = longest_match(s, s->pos);
		have_current = 0;
		if (current.length == 0) {
			add_literal(s, s->buffer[s->pos++]);
			continue;
		}
		if (s->lazy && current.length < MAX_MATCH / 2 && s->pos + 1 < s->end) {
			next = longest_match(s, s->pos + 1);
			if (next.length > current.length) {
				add_literal(s, s->buffer[s->pos++]);
				current = next;
				have_current = 1;
				continue;
			}
			add_match(s, current);
			insert_covered(s, s->pos + 2, s->pos + current.length);
		} else {
			add_match(s, current);
			insert_covered(s, s->pos + 1, s->pos + current.length);
		}
		s->pos += current.length;
	}
	write_block(s, 1);
	return s->failed ? -1 : 0;
}

/* ---- the gzip wrapper ---- */

static void write_gzip_header(struct deflater *s, int level, const char *name, long mtime)
{
	put_byte(s, 0x1f);
	put_byte(s, 0x8b);
	put_byte(s, 8);			/* CM: deflate */
	put_byte(s, name ? 8 : 0);	/* FLG: FNAME */
	put_le32(s, mtime > 0 ? (uint32_t)mtime : 0);
	put_byte(s, level == 9 ? 2 : level == 1 ? 4 : 0);	/* XFL: slowest, fastest */
	put_byte(s, 3);			/* OS: Unix */
	if (name) {
		for (; *name; name++)
			put_byte(s, (unsigned char)*name);
		put_byte(s, 0);
	}
}

int gzip_fd(int in, int out, int level, const char *name, long mtime)
{
	struct deflater *s = xzalloc(sizeof *s);
	int result;

	if (length_code_of[MAX_MATCH - MIN_MATCH] == 0)
		make_code_tables();
	if (level < 1)
		level = 1;
	if (level > 9)
		level = 9;
	s->in = in;
	s->out = out;
	s->max_chain = chain_limit[level];
	s->lazy = level >= 4;
	write_gzip_header(s, level, name, mtime);
	result = compress(s);
	if (result == 0) {
		align_to_byte(s);
		put_le32(s, s->crc);
		put_le32(s, s->size);
		flush_output(s);
		result = s->failed ? -1 : 0;
	}
	free(s);
	return result;
}
