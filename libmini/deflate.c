/*
 * deflate.c: the DEFLATE encoder of RFC 1951 in the gzip wrapper of RFC 1952.
 *
 * LZ77. The input goes through a 64 KB buffer: the last 32 KB already
 * compressed (the window a match may copy from) and the data still to come.
 * Every position is put into a hash table keyed by its next 4 bytes; the table
 * gives the latest position with the same key, and prev[] links each position
 * to the one before it with that key: a chain of candidates, newest first. The
 * longest match found becomes a (length, distance) pair, else the byte goes out
 * as a literal. How hard the search tries is the level's: how many candidates
 * it looks at, and when a match is long enough to stop looking.
 *
 * Chains of 4 bytes rather than DEFLATE's shortest match, 3: they are much
 * shorter, and lead to the long matches sooner. A 3-byte match still pays
 * when there is no longer one (in binaries most of all): a second, smaller
 * table keyed by 3 bytes gives the latest position that had them, tried when
 * the chain found nothing.
 *
 * Levels 1-3 take the first good match at once ("greedy"). From level 4 on a
 * match is held back one byte ("lazy matching"): if the next position has a
 * longer one, the current byte goes out as a literal instead. This is the
 * scheme the gzip and zlib documentation describe, with their tuning table.
 *
 * The symbols are collected into blocks of up to MAX_SYMBOLS, in chunks of
 * CHUNK_SYMBOLS: when a chunk's statistics differ enough from the block's so
 * far, the block ends before it (a code fitted to each pays for the second
 * code description). Each block is written with the
 * cheapest of three encodings, counted exactly before writing: a dynamic
 * Huffman code made from the block's own symbol counts (sent at the block's
 * start, RFC 1951 3.2.7), the fixed code of the RFC, or the raw bytes (a stored
 * block, so that incompressible data grows by only a few bytes).
 *
 * Speed matters most where mini runs, on an old PC or in an emulator, where
 * every memory access and every call costs: the match search rejects most
 * candidates with one 16-bit load and compares the rest 4 bytes at a time; the
 * loop over the input makes one call per position at most; bits go out
 * through a 32-bit buffer, two bytes at a time.
 *
 * Memory: about 460 KB, allocated per call (the buffer 64 KB, the chains and
 * the 3-byte table 256 KB, the symbols of a block 96 KB, the output 32 KB).
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
 * match of MAX_MATCH (and the next position's hash) can always be seen whole. */
#define MIN_LOOKAHEAD (MAX_MATCH + MIN_MATCH + 1)
/* The farthest back a match is looked for: what stays in the buffer once it
 * has slid (see fill_input), with the lookahead kept. */
#define MAX_DISTANCE (WINDOW_SIZE - MIN_LOOKAHEAD)
#define HASH_BITS 15		/* the chains, keyed by 4 bytes */
#define HASH_SIZE (1 << HASH_BITS)
#define SHORT_HASH_BITS 15	/* the latest position of 3 bytes */
#define SHORT_HASH_SIZE (1 << SHORT_HASH_BITS)
/* Fibonacci hashing: multiplied by 2^32 / the golden ratio, the top bits of
 * the product depend on all the bytes. */
#define GOLDEN 0x9e3779b1u
#define MAX_SYMBOLS 32768	/* symbols in a block before it is written */
#define CHUNK_SYMBOLS 4096	/* where a block may end before that */
#define OUTPUT_SIZE 32768
/* Room after the output buffer's limit: what one symbol (at most 48 bits) or a
 * stored block's header may add before the next check. */
#define OUTPUT_SLACK 64
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

/*
 * How hard each level tries (the tuning table of zlib's documentation):
 * good: once the match held back is this long, look at a quarter of the chain;
 * lazy: with lazy matching, a match this long is taken without trying the next
 *       position; greedy (levels 1-3), a match at most this long still has the
 *       positions it covers put into the hash chains;
 * nice: a match this long ends the search;
 * chain: the most candidates looked at.
 */
struct level {
	uint16_t good, lazy, nice, chain;
};
static const struct level levels[10] = {
	{ 0, 0, 0, 0 },
	{ 4, 8, 16, 4 },	/* 1-3: greedy */
	{ 4, 16, 32, 8 },
	{ 4, 32, 64, 16 },
	{ 8, 16, 32, 32 },	/* 4-9: lazy */
	{ 8, 16, 64, 64 },
	{ 8, 16, 128, 128 },
	{ 8, 32, 128, 256 },
	{ 32, 128, 258, 1024 },
	{ 32, 258, 258, 4096 },
};
#define FIRST_LAZY_LEVEL 4

/* A Huffman code: the length of each symbol's code, and the code itself with its
 * bits reversed (DEFLATE sends Huffman codes most significant bit first into a
 * stream that is otherwise filled least significant bit first). */
struct huffman {
	uint8_t length[LITERAL_CODES + 2];
	uint16_t code[LITERAL_CODES + 2];
};

struct deflater {
	int in, out;
	int failed;		/* a read or write error was already said */
	struct level tuning;
	int lazy;

	/* Input: window[0, end) holds data; pos is the next byte to compress.
	 * The slack after it lets the match search read 4 bytes at a time past
	 * the data (what it reads there is never used). */
	unsigned char window[BUFFER_SIZE + 8];
	unsigned pos, end;
	int input_eof;
	uint32_t crc, size;	/* for the gzip trailer */

	/* The hash chains; 0 means "none" (so position 0 is never matched to).
	 * prev[] has a link for every position of the window, so that a link is
	 * never stale (the search still stops at MAX_DISTANCE). */
	uint16_t head[HASH_SIZE];
	uint16_t head3[SHORT_HASH_SIZE];
	uint16_t prev[BUFFER_SIZE];

	/* The block being collected: it started at window[block_start], which
	 * is below 0 once its start slid out of the window (then it cannot be
	 * sent as stored bytes). A symbol is a literal (distance 0, the byte in
	 * literal) or a match (literal holds length - 3). */
	long block_start;
	unsigned symbol_count;
	uint8_t literal[MAX_SYMBOLS];
	uint16_t distance[MAX_SYMBOLS];
	/* The symbols from chunk_first on, the bytes from chunk_start on, are
	 * the latest chunk: counted apart until it ends, then either added to
	 * the block or made the start of the next one (see end_chunk). */
	unsigned chunk_first;
	long chunk_start;
	uint32_t literal_count[LITERAL_CODES], distance_count[DISTANCE_CODES];
	uint32_t chunk_literal_count[LITERAL_CODES], chunk_distance_count[DISTANCE_CODES];
	struct huffman literals, distances, code_lengths;

	/* Output: bytes waiting to be written, and bits waiting to make them. */
	unsigned char output[OUTPUT_SIZE + OUTPUT_SLACK];
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

/* The few helpers of the inner loops are always inlined: -Os would otherwise
 * call them, and a call per byte costs more than the work itself. */
#define HOT static inline __attribute__((always_inline))

/* Unaligned loads: one instruction on every x86, the 486 included. */
HOT uint16_t load16(const unsigned char *p)
{
	uint16_t v;
	memcpy(&v, p, 2);
	return v;
}

HOT uint32_t load32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
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

/* Make sure OUTPUT_SLACK bytes may be added without a check. */
static inline void make_room(struct deflater *s)
{
	if (s->output_len >= OUTPUT_SIZE)
		flush_output(s);
}

static void put_byte(struct deflater *s, unsigned byte)
{
	make_room(s);
	s->output[s->output_len++] = byte;
}

/* Append the count (at most 16) low bits of value, least significant first.
 * Whole 16-bit halves go out as soon as they are full: the buffer never holds
 * more than 15 bits between calls. The caller makes room. */
HOT void put_bits(struct deflater *s, uint32_t value, int count)
{
	s->bit_buffer |= value << s->bit_count;
	s->bit_count += count;
	if (s->bit_count >= 16) {
		s->output[s->output_len] = s->bit_buffer & 0xff;
		s->output[s->output_len + 1] = s->bit_buffer >> 8 & 0xff;
		s->output_len += 2;
		s->bit_buffer >>= 16;
		s->bit_count -= 16;
	}
}

/* put_bits for the headers: a call, not copies of it everywhere. */
static void put_field(struct deflater *s, uint32_t value, int count)
{
	put_bits(s, value, count);
}

/* Pad to a byte boundary with zero bits, and empty the bit buffer. */
static void align_to_byte(struct deflater *s)
{
	make_room(s);
	if (s->bit_count > 8)
		put_field(s, 0, 16 - s->bit_count);
	else if (s->bit_count > 0)
		s->output[s->output_len++] = s->bit_buffer & 0xff;
	s->bit_buffer = 0;
	s->bit_count = 0;
}

static void put_le32(struct deflater *s, uint32_t value)
{
	for (int i = 0; i < 4; i++)
		put_byte(s, value >> (8 * i) & 0xff);
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

/* Sort the used symbols by count, rarest first, into sorted[] (an insertion
 * sort: there are at most 286). Returns how many there are. */
static int sort_by_count(const uint32_t *counts, int symbols, uint16_t *sorted)
{
	int used = 0;

	for (int i = 0; i < symbols; i++) {
		int j;
		if (counts[i] == 0)
			continue;
		for (j = used; j > 0 && counts[sorted[j - 1]] > counts[i]; j--)
			sorted[j] = sorted[j - 1];
		sorted[j] = i;
		used++;
	}
	return used;
}

/*
 * The depth of each leaf in a Huffman tree of the sorted counts (rarest first),
 * into depth[0, used). With the leaves sorted, the joined nodes come out in
 * order of weight too, so the two lightest trees are always at the front of one
 * of two queues: the leaves not yet joined, and the nodes made so far.
 */
static void huffman_depths(const uint32_t *counts, const uint16_t *sorted, int used, uint8_t *depth)
{
	uint32_t weight[LITERAL_CODES];
	int16_t parent[2 * LITERAL_CODES];	/* leaves, then nodes */
	uint8_t node_depth[LITERAL_CODES];
	int next_leaf = 0, next_node = 0, nodes = 0;

	for (nodes = 0; nodes < used - 1; nodes++) {
		for (int take = 0; take < 2; take++) {
			int leaf_first = next_leaf < used && (next_node == nodes
					|| counts[sorted[next_leaf]] <= weight[next_node]);
			uint32_t w;
			if (leaf_first) {
				w = counts[sorted[next_leaf]];
				parent[next_leaf++] = nodes;
			} else {
				w = weight[next_node];
				parent[used + next_node++] = nodes;
			}
			weight[nodes] = take == 0 ? w : weight[nodes] + w;
		}
	}
	/* The last node made is the root; every node's parent comes after it. */
	node_depth[nodes - 1] = 0;
	for (int n = nodes - 2; n >= 0; n--)
		node_depth[n] = node_depth[parent[used + n]] + 1;
	for (int i = 0; i < used; i++)
		depth[i] = node_depth[parent[i]] + 1;
}

/*
 * Bring every code down to max_bits at most, keeping the code complete. Codes
 * longer than that are cut to max_bits, which makes the Kraft sum (the sum of
 * 2^(max_bits - length), exactly 2^max_bits for a complete code) too big; then
 * the longest codes under max_bits are made one bit longer, each taking back
 * what it stood for, until the sum is right. count[] is how many codes have
 * each length.
 */
static void limit_lengths(uint16_t *count, int max_bits)
{
	uint32_t kraft = 0, full = 1u << max_bits;

	for (int bits = max_bits + 1; bits <= 2 * MAX_CODE_BITS; bits++) {
		count[max_bits] += count[bits];
		count[bits] = 0;
	}
	for (int bits = 1; bits <= max_bits; bits++)
		kraft += (uint32_t)count[bits] << (max_bits - bits);
	while (kraft > full) {
		int bits = max_bits - 1;
		while (count[bits] == 0)
			bits--;
		count[bits]--;
		count[bits + 1]++;
		kraft -= 1u << (max_bits - bits - 1);
	}
	/* A step of more than 1 may have taken too much back: shorten codes. */
	while (kraft < full) {
		int bits = max_bits;
		while (count[bits] == 0 || (1u << (max_bits - bits)) > full - kraft)
			bits--;
		count[bits]--;
		count[bits - 1]++;
		kraft += 1u << (max_bits - bits);
	}
}

/*
 * Huffman's algorithm for the code lengths of symbols with these counts, no
 * code longer than max_bits. Fewer than two used symbols get company, so that
 * the code is always complete (every decoder takes that).
 */
static void build_lengths(struct huffman *h, const uint32_t *counts, int symbols, int max_bits)
{
	uint32_t company[LITERAL_CODES];
	uint16_t sorted[LITERAL_CODES];
	uint16_t count_of_length[2 * MAX_CODE_BITS + 1] = { 0 };
	uint8_t depth[LITERAL_CODES];
	int used;

	used = sort_by_count(counts, symbols, sorted);
	if (used < 2) {
		memcpy(company, counts, symbols * sizeof *counts);
		for (int i = 0; used < 2; i++)
			if (company[i] == 0) {
				company[i] = 1;
				used++;
			}
		build_lengths(h, company, symbols, max_bits);
		return;
	}
	huffman_depths(counts, sorted, used, depth);
	for (int i = 0; i < used; i++)
		count_of_length[depth[i] > 2 * MAX_CODE_BITS ? 2 * MAX_CODE_BITS : depth[i]]++;
	limit_lengths(count_of_length, max_bits);
	/* The rarest symbols take the longest codes. */
	memset(h->length, 0, symbols);
	for (int i = 0, bits = max_bits; i < used; i++) {
		while (count_of_length[bits] == 0)
			bits--;
		count_of_length[bits]--;
		h->length[sorted[i]] = bits;
	}
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
	uint32_t counts[CODE_LENGTH_CODES] = { 0 };
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
	make_room(s);
	put_field(s, d->literal_codes - 257, 5);
	put_field(s, d->distance_codes - 1, 5);
	put_field(s, d->length_codes - 4, 4);
	for (int i = 0; i < d->length_codes; i++)
		put_field(s, s->code_lengths.length[code_length_order[i]], 3);
	for (int i = 0; i < d->run_count; i++) {
		int code = d->runs[i] >> 8;
		make_room(s);
		put_field(s, s->code_lengths.code[code], s->code_lengths.length[code]);
		if (run_extra_bits[code])
			put_field(s, d->runs[i] & 0xff, run_extra_bits[code]);
	}
}

/* The block's symbols in the codes of s->literals and s->distances. */
static void write_symbols(struct deflater *s, unsigned count)
{
	const struct huffman *lit = &s->literals, *dist = &s->distances;

	for (unsigned i = 0; i < count; i++) {
		unsigned distance = s->distance[i], value = s->literal[i];
		make_room(s);
		if (distance == 0) {
			put_bits(s, lit->code[value], lit->length[value]);
		} else {
			unsigned code = length_code_of[value], dcode = distance_code(distance);
			put_bits(s, lit->code[257 + code], lit->length[257 + code]);
			put_bits(s, value + MIN_MATCH - length_base[code], length_extra[code]);
			put_bits(s, dist->code[dcode], dist->length[dcode]);
			put_bits(s, distance - distance_base[dcode], distance_extra[dcode]);
		}
	}
	make_room(s);
	put_bits(s, lit->code[END_OF_BLOCK], lit->length[END_OF_BLOCK]);
}

/* Bytes as stored blocks (at most 65535 bytes each). */
static void write_stored(struct deflater *s, const unsigned char *data, unsigned len, int last)
{
	do {
		unsigned piece = len > 65535 ? 65535 : len;
		make_room(s);
		put_field(s, last && piece == len, 1);
		put_field(s, 0, 2);		/* BTYPE 00: stored */
		align_to_byte(s);
		put_field(s, piece, 16);
		put_field(s, piece ^ 0xffff, 16);
		for (unsigned done = 0; done < piece;) {
			unsigned room, n = piece - done;
			make_room(s);
			room = OUTPUT_SIZE - s->output_len;
			if (n > room)
				n = room;
			memcpy(s->output + s->output_len, data + done, n);
			s->output_len += n;
			done += n;
		}
		data += piece;
		len -= piece;
	} while (len > 0);
}

/* Write the first count symbols, which stand for window[block_start, end), as
 * one block (or several stored ones), whichever way is smallest. Their counts
 * are s->literal_count and s->distance_count. */
static void write_block(struct deflater *s, unsigned count, long end, int last)
{
	struct dynamic_header header;
	struct huffman fixed_literals, fixed_distances;
	unsigned long raw = end - s->block_start;
	unsigned long dynamic_bits, fixed_bits, stored_bits;

	s->literal_count[END_OF_BLOCK] = 1;
	build_lengths(&s->literals, s->literal_count, LITERAL_CODES, MAX_CODE_BITS);
	build_lengths(&s->distances, s->distance_count, DISTANCE_CODES, MAX_CODE_BITS);
	dynamic_bits = 3 + plan_dynamic_header(s, &header) + symbol_bits(s, &s->literals, &s->distances);
	fixed_codes(&fixed_literals, &fixed_distances);
	fixed_bits = 3 + symbol_bits(s, &fixed_literals, &fixed_distances);
	/* Each stored piece: 3 header bits, up to 7 of padding, LEN and NLEN.
	 * Only while the block's bytes are still in the window. */
	stored_bits = s->block_start < 0 ? (unsigned long)-1
		: (raw / 65535 + 1) * (3 + 7 + 32) + 8 * raw;

	if (stored_bits <= fixed_bits && stored_bits <= dynamic_bits) {
		write_stored(s, s->window + s->block_start, raw, last);
	} else if (fixed_bits <= dynamic_bits) {
		make_room(s);
		put_field(s, last, 1);
		put_field(s, 1, 2);		/* BTYPE 01: fixed Huffman codes */
		s->literals = fixed_literals;
		s->distances = fixed_distances;
		write_symbols(s, count);
	} else {
		make_room(s);
		put_field(s, last, 1);
		put_field(s, 2, 2);		/* BTYPE 10: dynamic Huffman codes */
		write_dynamic_header(s, &header);
		write_symbols(s, count);
	}
	/* What follows moves to the front. */
	s->symbol_count -= count;
	memmove(s->literal, s->literal + count, s->symbol_count);
	memmove(s->distance, s->distance + count, s->symbol_count * sizeof *s->distance);
	memset(s->literal_count, 0, sizeof s->literal_count);
	memset(s->distance_count, 0, sizeof s->distance_count);
	s->block_start = end;
}

/* log2(x) in 1/256ths, x from 1 on: the position of the highest bit, and the
 * bits below it as a straight line to the next power (0.09 at most too low). */
static unsigned log2_256(uint32_t x)
{
	unsigned top = 31 - __builtin_clz(x);

	return top << 8 | ((x << 8 >> top) & 0xff);
}

/* The bits (in 1/256ths) that symbols with these counts would take with the
 * best possible code: the sum over the symbols of count * log2(total / count). */
static unsigned long ideal_bits(const uint32_t *counts, const uint32_t *more, int symbols)
{
	unsigned long total = 0, sum = 0;

	for (int i = 0; i < symbols; i++) {
		uint32_t c = counts[i] + (more ? more[i] : 0);
		if (c != 0) {
			total += c;
			sum += c * log2_256(c);
		}
	}
	return total == 0 ? 0 : total * log2_256(total) - sum;
}

/* How many bits a split must save, by that estimate, to be made: a block's
 * code description costs 500 to 900 bits, and a chunk's own statistics, from
 * few symbols, promise more than its code will give. Measured: on text the
 * estimate almost never asks for a split; on binaries, 2000 bits is where the
 * splits pay best (0.4-0.8% smaller than blocks of MAX_SYMBOLS). */
#define SPLIT_COST_BITS 2000

/* Would the block and the chunk after it take fewer bits as two blocks, each
 * with a code fitted to it, than as one? */
static int split_pays(const struct deflater *s)
{
	unsigned long joint, apart;

	joint = ideal_bits(s->literal_count, s->chunk_literal_count, LITERAL_CODES)
		+ ideal_bits(s->distance_count, s->chunk_distance_count, DISTANCE_CODES);
	apart = ideal_bits(s->literal_count, NULL, LITERAL_CODES)
		+ ideal_bits(s->distance_count, NULL, DISTANCE_CODES)
		+ ideal_bits(s->chunk_literal_count, NULL, LITERAL_CODES)
		+ ideal_bits(s->chunk_distance_count, NULL, DISTANCE_CODES);
	return apart / 256 + SPLIT_COST_BITS < joint / 256;
}

/*
 * The chunk ends at window[end]: it either joins the block or, if the two are
 * better apart, the block is written without it and it starts the next. A full
 * block is written.
 */
static void end_chunk(struct deflater *s, long end)
{
	if (s->chunk_first > 0 && split_pays(s))
		write_block(s, s->chunk_first, s->chunk_start, 0);
	for (int i = 0; i < LITERAL_CODES; i++)
		s->literal_count[i] += s->chunk_literal_count[i];
	for (int i = 0; i < DISTANCE_CODES; i++)
		s->distance_count[i] += s->chunk_distance_count[i];
	memset(s->chunk_literal_count, 0, sizeof s->chunk_literal_count);
	memset(s->chunk_distance_count, 0, sizeof s->chunk_distance_count);
	if (s->symbol_count == MAX_SYMBOLS)
		write_block(s, s->symbol_count, end, 0);
	s->chunk_first = s->symbol_count;
	s->chunk_start = end;
}

/* Symbols are counted as they come, for the block's Huffman codes. Each returns
 * whether the chunk is full (then the caller calls end_chunk). */
HOT int add_literal(struct deflater *s, unsigned byte)
{
	s->literal[s->symbol_count] = byte;
	s->distance[s->symbol_count++] = 0;
	s->chunk_literal_count[byte]++;
	return s->symbol_count - s->chunk_first == CHUNK_SYMBOLS;
}

HOT int add_match(struct deflater *s, unsigned length, unsigned distance)
{
	s->literal[s->symbol_count] = length - MIN_MATCH;
	s->distance[s->symbol_count++] = distance;
	s->chunk_literal_count[257 + length_code_of[length - MIN_MATCH]]++;
	s->chunk_distance_count[distance_code(distance)]++;
	return s->symbol_count - s->chunk_first == CHUNK_SYMBOLS;
}

/* The last block: the chunk still open, then everything left. */
static void write_last_block(struct deflater *s)
{
	end_chunk(s, s->pos);
	write_block(s, s->symbol_count, s->pos, 1);
}

/* ---- LZ77 ---- */

/* Put pos at the head of its chain and into the 3-byte table; returns the
 * chain it now leads on to, and sets *short_candidate to the position the
 * 3-byte table had (0: none). Both keys come from one 32-bit load. */
HOT unsigned insert_position(struct deflater *s, unsigned pos, unsigned *short_candidate)
{
	uint32_t bytes = load32(s->window + pos);
	unsigned hash = bytes * GOLDEN >> (32 - HASH_BITS), previous = s->head[hash];
	unsigned short_hash = (bytes & 0xffffff) * GOLDEN >> (32 - SHORT_HASH_BITS);

	s->prev[pos] = previous;
	s->head[hash] = pos;
	*short_candidate = s->head3[short_hash];
	s->head3[short_hash] = pos;
	return previous;
}

/* Insert positions [from, to), each of which has MIN_MATCH bytes ahead (a
 * fourth past the data only changes which chain a position is on). */
static void insert_positions(struct deflater *s, unsigned from, unsigned to)
{
	unsigned unused;

	for (unsigned p = from; p < to; p++)
		insert_position(s, p, &unused);
}

/*
 * Positions move down by WINDOW_SIZE, and those that fall off become 0
 * ("none"). Two at a time, without a branch: in each 16-bit half of a 32-bit
 * word, the top bit (set from WINDOW_SIZE = 0x8000 on) becomes a mask of the
 * other 15 bits (0x8000 - 1 = 0x7fff, 0 - 0 = 0), which keeps position -
 * 0x8000 or nothing.
 */
static void move_positions(uint16_t *to, const uint16_t *from, unsigned count)
{
	for (unsigned i = 0; i < count; i += 2) {
		uint32_t pair, top;
		memcpy(&pair, from + i, 4);
		top = pair & 0x80008000;
		pair &= top - (top >> 15);
		memcpy(to + i, &pair, 4);
	}
}

/* Move the last 32 KB down to the window's start to make room for more input,
 * and the chains with them. */
static void slide_window(struct deflater *s)
{
	memcpy(s->window, s->window + WINDOW_SIZE, WINDOW_SIZE);
	s->pos -= WINDOW_SIZE;
	s->end -= WINDOW_SIZE;
	s->block_start -= WINDOW_SIZE;
	s->chunk_start -= WINDOW_SIZE;
	move_positions(s->head, s->head, HASH_SIZE);
	move_positions(s->head3, s->head3, SHORT_HASH_SIZE);
	move_positions(s->prev, s->prev + WINDOW_SIZE, WINDOW_SIZE);
}

/* Read until MIN_LOOKAHEAD bytes are ahead of pos, or the input ends. Returns
 * 0 or -1. */
static int read_input(struct deflater *s)
{
	while (!s->input_eof && s->end - s->pos < MIN_LOOKAHEAD) {
		size_t room;
		ssize_t got;
		/* Past this, a match could reach back beyond the window's start. */
		if (s->pos >= WINDOW_SIZE + MAX_DISTANCE)
			slide_window(s);
		/* Filled to the end, whatever sizes a pipe hands over: where the
		 * buffer ends must depend on the input alone, or the same bytes
		 * would compress differently through a pipe and from a file. */
		room = BUFFER_SIZE - s->end;
		got = read_full(s->in, s->window + s->end, room);
		if (got < 0) {
			warn("read error:");
			return -1;
		}
		if ((size_t)got < room)
			s->input_eof = 1;
		s->crc = crc32_update(s->crc, s->window + s->end, got);
		s->size += got;
		s->end += got;
	}
	return 0;
}

/* The check before each position: most of the time there is enough input. */
HOT int fill_input(struct deflater *s)
{
	if (s->end - s->pos >= MIN_LOOKAHEAD || s->input_eof)
		return s->failed ? -1 : 0;
	return read_input(s) < 0 || s->failed ? -1 : 0;
}

/* How many bytes at a and b agree, up to max (reading a few past it). */
HOT unsigned match_length(const unsigned char *a, const unsigned char *b, unsigned max)
{
	unsigned length = 0;

	while (length < max) {
		uint32_t differ = load32(a + length) ^ load32(b + length);
		if (differ != 0) {
			/* x86 is little-endian: the lowest set bit is in the first
			 * byte that differs. */
			length += __builtin_ctz(differ) >> 3;
			return length < max ? length : max;
		}
		length += 4;
	}
	return max;
}

/* A walk along a hash chain: what the quick test of each candidate needs. */
struct chain_walk {
	const uint16_t *prev;
	const unsigned char *tail_at;	/* + candidate: the 2 bytes that would end a longer match */
	unsigned tail;			/* what they must be */
	unsigned limit;			/* candidates at or below it are too far back */
	unsigned steps;			/* how many more candidates may be looked at */
};

/*
 * The inner loop of the match search: follows the chain from candidate (this
 * one included) to the first candidate whose tail bytes are right, and returns
 * it, or 0 when the chain or the steps end. Most candidates fail this test.
 * It is a function of its own so that its few values stay in registers: inside
 * longest_match, the compiler kept them all on the stack, which made 8 memory
 * accesses per candidate instead of 3.
 */
static unsigned __attribute__((noinline)) next_candidate(struct chain_walk *walk, unsigned candidate)
{
	const uint16_t *prev = walk->prev;
	const unsigned char *tail_at = walk->tail_at;
	unsigned tail = walk->tail, limit = walk->limit, steps = walk->steps;

	while (load16(tail_at + candidate) != tail) {
		candidate = prev[candidate];
		if (candidate <= limit || --steps == 0) {
			candidate = 0;
			break;
		}
	}
	walk->steps = steps;
	return candidate;
}

/*
 * The longest match for pos along the chain that starts at candidate, if longer
 * than best (what the caller has already). Sets *distance when it finds one.
 * A candidate must first have the two bytes that would end a longer match, then
 * the first two; only then are all compared, 4 at a time.
 */
static unsigned longest_match(struct deflater *s, unsigned candidate, unsigned best,
			      unsigned *distance)
{
	const unsigned char *window = s->window, *here = window + s->pos;
	unsigned max = s->end - s->pos, nice = s->tuning.nice;
	struct chain_walk walk;

	if (max > MAX_MATCH)
		max = MAX_MATCH;
	if (nice > max)
		nice = max;
	if (best >= max)
		return best;
	walk.prev = s->prev;
	walk.tail_at = window + best - 1;
	walk.tail = load16(here + best - 1);
	walk.limit = s->pos > MAX_DISTANCE ? s->pos - MAX_DISTANCE : 0;
	walk.steps = best >= s->tuning.good ? s->tuning.chain >> 2 : s->tuning.chain;
	while ((candidate = next_candidate(&walk, candidate)) != 0) {
		if (load16(window + candidate) == load16(here)) {
			unsigned length = match_length(here + 2, window + candidate + 2, max - 2) + 2;
			if (length > best) {
				best = length;
				*distance = s->pos - candidate;
				if (length >= nice)
					break;
				walk.tail_at = window + best - 1;
				walk.tail = load16(here + best - 1);
			}
		}
		candidate = walk.prev[candidate];
		if (candidate <= walk.limit || --walk.steps == 0)
			break;
	}
	return best;
}

/*
 * Insert pos; with search set, also look for a match there longer than best
 * (returns best when there is none, and sets *distance when there is): along
 * the chain, then, if that found nothing, the latest position that had the
 * same 3 bytes.
 */
HOT unsigned find_match(struct deflater *s, int search, unsigned best, unsigned *distance)
{
	unsigned candidate, short_candidate, length = best;
	const unsigned char *window = s->window;

	if (s->end - s->pos < MIN_MATCH)
		return best;
	candidate = insert_position(s, s->pos, &short_candidate);
	if (!search)
		return best;
	if (candidate != 0 && s->pos - candidate <= MAX_DISTANCE)
		length = longest_match(s, candidate, best, distance);
	if (length < MIN_MATCH && short_candidate != 0 && s->pos - short_candidate <= MAX_DISTANCE
	    && ((load32(window + short_candidate) ^ load32(window + s->pos)) & 0xffffff) == 0) {
		length = MIN_MATCH;
		*distance = s->pos - short_candidate;
	}
	return length;
}

/* Levels 1-3: each match is taken as soon as it is found. Returns 0 or -1. */
static int compress_greedy(struct deflater *s)
{
	for (;;) {
		unsigned length, distance = 0, full;
		if (fill_input(s) < 0)
			return -1;
		if (s->pos == s->end)
			return 0;
		length = find_match(s, 1, MIN_MATCH - 1, &distance);
		if (length >= MIN_MATCH) {
			full = add_match(s, length, distance);
			/* Short matches: the positions inside go into the chains too,
			 * long ones are skipped over, to go faster. */
			if (length <= s->tuning.lazy && s->end - s->pos >= length + MIN_MATCH)
				insert_positions(s, s->pos + 1, s->pos + length);
			s->pos += length;
		} else {
			full = add_literal(s, s->window[s->pos++]);
		}
		if (full)
			end_chunk(s, s->pos);
	}
}

/*
 * Levels 4-9: a match found at pos is held (held_length, held_distance) while
 * pos + 1 is searched; the held match is sent only if pos + 1 has none longer,
 * else its first byte goes out as a literal and the new match is held instead.
 * held_literal says that the byte before pos still waits to be sent.
 * Returns 0 or -1.
 */
static int compress_lazy(struct deflater *s)
{
	unsigned length = MIN_MATCH - 1, distance = 0;
	int held_literal = 0;

	for (;;) {
		unsigned held_length = length, held_distance = distance;
		int full = 0;
		if (fill_input(s) < 0)
			return -1;
		if (s->pos == s->end)
			break;
		length = find_match(s, held_length < s->tuning.lazy,
				    held_length > MIN_MATCH - 1 ? held_length : MIN_MATCH - 1, &distance);
		/* Not better than what is held: nothing new. */
		if (length <= held_length)
			length = MIN_MATCH - 1;
		if (held_length >= MIN_MATCH && length <= held_length) {
			/* The held match (it started at pos - 1) goes out, and the
			 * positions it covers after pos go into the chains. */
			unsigned match_end = s->pos - 1 + held_length;
			full = add_match(s, held_length, held_distance);
			insert_positions(s, s->pos + 1, s->end - match_end >= MIN_MATCH - 1 ? match_end
					 : s->end - (MIN_MATCH - 1));
			s->pos = match_end;
			held_literal = 0;
			length = MIN_MATCH - 1;
		} else {
			if (held_literal)
				full = add_literal(s, s->window[s->pos - 1]);
			held_literal = 1;
			s->pos++;
		}
		/* The block ends before what is still held back. */
		if (full)
			end_chunk(s, s->pos - held_literal);
	}
	if (held_literal)
		add_literal(s, s->window[s->pos - 1]);
	return 0;
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
	s->tuning = levels[level];
	s->lazy = level >= FIRST_LAZY_LEVEL;
	write_gzip_header(s, level, name, mtime);
	result = s->lazy ? compress_lazy(s) : compress_greedy(s);
	if (result == 0) {
		write_last_block(s);
		align_to_byte(s);
		put_le32(s, s->crc);
		put_le32(s, s->size);
		flush_output(s);
		result = s->failed ? -1 : 0;
	}
	free(s);
	return result;
}
