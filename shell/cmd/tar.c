/*
 * tar: make, list and extract archives in the POSIX ustar format
 * (POSIX pax, "ustar Interchange Format").
 *
 * An archive is a row of 512-byte blocks: for each member a header block, then its
 * data rounded up to whole blocks; two zero blocks end it, and the whole is padded to
 * a record of 20 blocks. On reading, GNU's ././@LongLink members ('L' long name,
 * 'K' long link target) are understood too, and written when a name does not fit
 * ustar's 155 + 100 bytes, so that long names never get lost.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include "deflate.h"
#include "inflate.h"
#include "mini.h"
#include "modes.h"
#include "newfile.h"
#include "pattern.h"
#include "tree.h"
#include "users.h"

static const char usage[] =
	"Usage: tar -c|-x|-t [-vzO] [-f FILE] [-C DIR] [-T LIST] [-X LIST] [FILE]...\n"
	"Make (-c), extract (-x) or list (-t) a ustar archive; tar xvf A.tar works too\n"
	"(old-style letters take their arguments in order: tar xvCf DIR A.tar).\n"
	"  -f FILE  the archive (default, and -: standard input or output)\n"
	"  -C DIR   change to DIR first (after opening the archive)\n"
	"  -v       name each file; with -t list like ls -l\n"
	"  -O       extract file contents to standard output\n"
	"  -z       the archive is gzipped (found out by itself for -t and -x of a file)\n"
	"  -T LIST  the FILEs named in LIST, one a line\n"
	"  -X LIST  leave out the names matching a pattern of LIST, one a line\n"
	"  --exclude=PATTERN       leave out names matching PATTERN\n"
	"  --strip-components=N    extract without the first N parts of each name\n"
	"With -x or -t, FILEs pick the members (a directory picks all below it).\n";

enum { BLOCK = 512, RECORD = 20 * BLOCK };
/*
 * The archive is written and read a big piece at a time, not a block at a time: under
 * a slow system call (a 486, QEMU) a 5 MB source tree is 10,000 reads fewer. Written
 * in whole records: the archive still ends at a record's end.
 */
enum { BUFFER = 6 * RECORD };
/* One run either writes an archive (output) or reads one (input): they share the bytes. */
static char buffer[BUFFER];

/* A header block as the spec lays it out. */
struct header {
	char name[100], mode[8], uid[8], gid[8], size[12], mtime[12], checksum[8];
	char type, linkname[100], magic[6], version[2], uname[32], gname[32];
	char devmajor[8], devminor[8], prefix[155], pad[12];
};

static int archive_fd;
static int verbose, to_stdout, status;
static long strip_components;		/* --strip-components */
static char **exclude_patterns;		/* --exclude and -X */
static int exclude_count;
static FILE *verbose_out;		/* stderr when the archive or -O data is on stdout */

/* ---- writing ---- */

static char *const output = buffer;
static size_t output_used;		/* always whole blocks */

static void flush_output(void)
{
	if (output_used > 0 && write_all(archive_fd, output, output_used) < 0)
		die("write error:");
	output_used = 0;
}

/* How many blocks the output buffer has room for now (flushed when full): at least one. */
static size_t output_room(void)
{
	if (output_used == BUFFER)
		flush_output();
	return (BUFFER - output_used) / BLOCK;
}

static void write_block(const void *block)
{
	output_room();
	memcpy(output + output_used, block, BLOCK);
	output_used += BLOCK;
}

/* The end: two zero blocks, then zeros up to the end of the record. */
static void finish_archive(void)
{
	char zero[BLOCK] = { 0 };

	write_block(zero);
	write_block(zero);
	while (output_used % RECORD != 0)
		write_block(zero);
	flush_output();
}

/*
 * A number filling field: octal digits and a NUL, as ustar says; a number too big for
 * those (a file of 8 GiB) in GNU's base-256 form: a first byte of 0x80, then binary.
 */
static void put_octal(char *field, size_t size, unsigned long long value)
{
	if (value >> (3 * (size - 1)) == 0) {
		snprintf(field, size, "%0*llo", (int)size - 1, value);
		return;
	}
	memset(field, 0, size);
	field[0] = (char)0x80;
	for (size_t i = size - 1; i > 0 && value != 0; i--, value >>= 8)
		field[i] = value & 0xff;
}

static unsigned header_sum(const struct header *h)
{
	const unsigned char *p = (const unsigned char *)h;
	unsigned sum = 8 * ' ';	/* the checksum field counts as spaces */

	for (size_t i = 0; i < BLOCK; i++)
		if (i < offsetof(struct header, checksum) || i >= offsetof(struct header, type))
			sum += p[i];
	return sum;
}

static void write_header(struct header *h)
{
	memcpy(h->magic, "ustar", 6);
	memcpy(h->version, "00", 2);
	snprintf(h->checksum, 8, "%06o", header_sum(h));
	h->checksum[7] = ' ';
	write_block(h);
}

/* A GNU ././@LongLink member of type 'L' or 'K' holding text. */
static void write_long_link(char type, const char *text)
{
	struct header h = { .type = type };
	size_t len = strlen(text) + 1;
	char block[BLOCK];

	strcpy(h.name, "././@LongLink");
	put_octal(h.mode, 8, 0644);
	put_octal(h.uid, 8, 0);
	put_octal(h.gid, 8, 0);
	put_octal(h.size, 12, len);
	put_octal(h.mtime, 12, 0);
	write_header(&h);
	for (size_t done = 0; done < len; done += BLOCK) {
		memset(block, 0, BLOCK);
		memcpy(block, text + done, len - done < BLOCK ? len - done : BLOCK);
		write_block(block);
	}
}

/* Put name into the header: whole, or split at a '/' into prefix and name, or as 'L'. */
static void set_name(struct header *h, const char *name)
{
	size_t len = strlen(name);

	if (len <= 100) {
		memcpy(h->name, name, len);
		return;
	}
	/* The leftmost '/' that leaves at most 100 bytes after it makes the shortest prefix. */
	for (size_t cut = 1; cut < len - 1; cut++) {
		if (name[cut] != '/' || len - cut - 1 > 100)
			continue;
		if (cut > 155)
			break;
		memcpy(h->prefix, name, cut);
		memcpy(h->name, name + cut + 1, len - cut - 1);
		return;
	}
	write_long_link('L', name);
	memcpy(h->name, name, 100);
}

/* Files with several links already in the archive, for type '1' members. */
static struct written {
	dev_t dev;
	ino_t ino;
	char *name;
} *written;
static size_t written_count;

static const char *earlier_link(const struct stat *st, const char *name)
{
	for (size_t i = 0; i < written_count; i++)
		if (written[i].dev == st->st_dev && written[i].ino == st->st_ino)
			return written[i].name;
	if (written_count % 32 == 0)
		written = xrealloc(written, (written_count + 32) * sizeof *written);
	written[written_count].dev = st->st_dev;
	written[written_count].ino = st->st_ino;
	written[written_count++].name = xstrdup(name);
	return NULL;
}

/*
 * Copy size bytes of the file at path into the archive, zero-padded to whole blocks,
 * read straight into the output buffer as much at a time as it has room for.
 */
static void write_contents(const char *path, int fd, off_t size)
{
	int failed = 0;

	for (off_t left = size; left > 0; ) {
		size_t room = output_room(), blocks = (left + BLOCK - 1) / BLOCK;
		char *to = output + output_used;
		size_t want;
		ssize_t n;

		if (blocks > room)
			blocks = room;
		want = left < (off_t)(blocks * BLOCK) ? (size_t)left : blocks * BLOCK;
		n = failed ? 0 : read_full(fd, to, want);

		if (!failed && (n < 0 || (size_t)n < want)) {
			/* Keep the archive readable: the header promised size bytes. */
			if (n >= 0)
				warn("%s: file shrank, padded with zeros", path);
			else
				warn("%s:", path);
			failed = 1;
			status = 1;
		}
		if (n < 0)
			n = 0;
		memset(to + n, 0, blocks * BLOCK - n);
		output_used += blocks * BLOCK;
		left -= want;
	}
}

static char type_of(const struct stat *st)
{
	if (S_ISDIR(st->st_mode)) return '5';
	if (S_ISLNK(st->st_mode)) return '2';
	if (S_ISCHR(st->st_mode)) return '3';
	if (S_ISBLK(st->st_mode)) return '4';
	if (S_ISFIFO(st->st_mode)) return '6';
	if (S_ISREG(st->st_mode)) return '0';
	return 0;
}

/* A user or group name; one that is only the number again says nothing, so stays out. */
static void put_owner_name(char *field, const char *name)
{
	if (name[strspn(name, "0123456789")] != '\0')
		strncpy(field, name, 31);
}

static struct stat archive_stat;	/* to keep the archive out of itself */

/* Does a --exclude or -X pattern match name, or any part of it after a '/'? */
static int excluded(const char *name)
{
	for (int i = 0; i < exclude_count; i++)
		for (const char *p = name; p != NULL; p = strchr(p, '/'), p = p ? p + 1 : NULL)
			if (pattern_match(exclude_patterns[i], p, FNM_LEADING_DIR) == 0)
				return 1;
	return 0;
}

/*
 * The name a path is stored under: without a leading '/' and without anything up
 * to a last ".." part, which tar -x would refuse, as GNU tar does; said once for
 * each different part taken away. So mini always reads back what it wrote.
 */
static const char *member_name(const char *path)
{
	static char *said;
	const char *name = path, *p = path;

	while (*p) {		/* past the last ".." part */
		const char *part = p;
		size_t len = strcspn(p, "/");

		p += len;
		while (*p == '/')
			p++;
		if (len == 2 && part[0] == '.' && part[1] == '.')
			name = p;
	}
	while (*name == '/')
		name++;
	if (name != path && (said == NULL || strlen(said) != (size_t)(name - path) ||
			     strncmp(said, path, name - path) != 0)) {
		free(said);
		said = xstrndup(path, name - path);
		warn("Removing leading `%s' from member names", said);
	}
	return *name ? name : ".";
}

static int add_member(struct walk *w, const char *path, const struct stat *st, enum walk_phase phase)
{
	struct header h = { .type = type_of(st) };
	const char *name = path, *link = NULL;
	char *dirname = NULL, target[4096];
	ssize_t n;
	int fd = -1;

	(void)w;
	if (phase == WALK_DIR_DONE)
		return 0;
	if (S_ISREG(archive_stat.st_mode) && st->st_dev == archive_stat.st_dev &&
	    st->st_ino == archive_stat.st_ino) {
		warn("%s: the archive itself, not added", path);
		return 0;
	}
	if (h.type == 0) {
		warn("%s: socket ignored", path);
		return 0;
	}
	if (excluded(path))
		return phase == WALK_DIR ? WALK_SKIP : 0;
	name = member_name(path);
	if (h.type == '5' && name[strlen(name) - 1] != '/')
		name = dirname = path_join(name, "");
	if (h.type == '0' && st->st_nlink > 1 && (link = earlier_link(st, name)) != NULL)
		h.type = '1';
	if (h.type == '2') {
		n = readlink(path, target, sizeof target - 1);
		if (n < 0) {
			warn("%s:", path);
			status = 1;
			return 0;
		}
		target[n] = '\0';
		link = target;
	}
	if (h.type == '0' && (fd = open(path, O_RDONLY)) < 0) {
		warn("%s:", path);
		status = 1;
		return 0;
	}
	if (link != NULL) {
		if (strlen(link) > 100)
			write_long_link('K', link);
		strncpy(h.linkname, link, 100);
	}
	set_name(&h, name);
	put_octal(h.mode, 8, st->st_mode & 07777);
	put_octal(h.uid, 8, st->st_uid);
	put_octal(h.gid, 8, st->st_gid);
	put_octal(h.size, 12, h.type == '0' ? st->st_size : 0);
	put_octal(h.mtime, 12, st->st_mtime > 0 ? st->st_mtime : 0);
	put_owner_name(h.uname, user_name(st->st_uid));
	put_owner_name(h.gname, group_name(st->st_gid));
	if (h.type == '3' || h.type == '4') {
		put_octal(h.devmajor, 8, major(st->st_rdev));
		put_octal(h.devminor, 8, minor(st->st_rdev));
	}
	write_header(&h);
	if (fd >= 0) {
		write_contents(path, fd, st->st_size);
		close(fd);
	}
	if (verbose)
		fprintf(verbose_out, "%s\n", name);
	free(dirname);
	return 0;
}

static void create_archive(char **files)
{
	struct walk w = { .visit = add_member };

	if (*files == NULL)
		die("refusing to make an empty archive");
	for (; *files; files++)
		status |= walk_tree(&w, *files);
	finish_archive();
	for (size_t i = 0; i < written_count; i++)
		free(written[i].name);
	free(written);
	written = NULL;
}

/* ---- reading ---- */

/* One header block and what it says, the long names of 'L'/'K' applied. */
struct member {
	struct header h;
	char *name, *link;
	long long size, mtime;
	unsigned major, minor;	/* of a device */
	mode_t mode;
	uid_t uid;
	gid_t gid;
	char type;
};

static char *const input = buffer;
static size_t input_start, input_end;	/* the bytes read but not used yet */

/* Where the archive's unused bytes are, and how many: 0 at its end, -1 on a read error. */
static ssize_t archive_bytes(const char **at)
{
	ssize_t n;

	if (input_start == input_end) {
		do
			n = read(archive_fd, input, BUFFER);
		while (n < 0 && errno == EINTR);
		if (n <= 0)
			return n;
		input_start = 0;
		input_end = n;
	}
	*at = input + input_start;
	return input_end - input_start;
}

/* Up to len bytes of the archive: fewer only at its end; -1 on a read error. */
static ssize_t read_archive_bytes(void *to, size_t len)
{
	size_t done = 0;
	const char *at;
	ssize_t n;

	while (done < len) {
		n = archive_bytes(&at);
		if (n <= 0)
			return n < 0 ? -1 : (ssize_t)done;
		if ((size_t)n > len - done)
			n = len - done;
		memcpy((char *)to + done, at, n);
		input_start += n;
		done += n;
	}
	return done;
}

/* The archive ended where a block was due (n 0), or could not be read (n -1). */
static void __attribute__((noreturn)) archive_broken(ssize_t n)
{
	die(n < 0 ? "read error:" : "unexpected end of archive");
}

static void read_block(void *block)
{
	ssize_t n = read_archive_bytes(block, BLOCK);

	if (n != BLOCK)
		archive_broken(n < 0 ? -1 : 0);
}

/*
 * GNU's base-256 form: the first byte has bit 7 set, and with it cleared the
 * field is a two's complement big-endian number (bit 6 its sign). Returns 0, or
 * -1 when it does not fit in 64 bits.
 */
static int base256_number(const unsigned char *field, size_t size, long long *value)
{
	int negative = (field[0] & 0x40) != 0;
	unsigned char fill = negative ? 0xff : 0;
	unsigned long long bits = negative ? ~0ULL : 0;

	for (size_t i = 0; i < size; i++) {
		unsigned char byte = i == 0 ? (field[0] & 0x7f) | (negative ? 0x80 : 0) : field[i];

		/* The bytes before the last eight must only repeat the sign. */
		if (i + 8 < size && byte != fill)
			return -1;
		bits = bits << 8 | byte;
	}
	/* The last eight must keep the sign in their top bit. */
	if ((bits >> 63) != (unsigned long long)negative)
		return -1;
	*value = (long long)bits;
	return 0;
}

/*
 * A number field: octal digits after any spaces, ended by a space or NUL (an
 * empty field is 0), or GNU's base-256 form. Returns 0, or -1 when the field
 * holds anything else: such a header comes from a damaged archive.
 */
static int field_number(const char *field, size_t size, long long *value)
{
	size_t i = 0;

	if (*field & 0x80)
		return base256_number((const unsigned char *)field, size, value);
	*value = 0;
	while (i < size && field[i] == ' ')
		i++;
	/* At most 12 octal digits: 36 bits, no overflow. */
	for (; i < size && field[i] >= '0' && field[i] <= '7'; i++)
		*value = *value * 8 + field[i] - '0';
	for (; i < size; i++)
		if (field[i] != ' ' && field[i] != '\0')
			return -1;
	return 0;
}

/*
 * A number of a member's header that must lie in [low, high]. Anything else
 * means the archive is damaged (or made to harm): never use such a number,
 * stop with a clear word instead.
 */
static long long header_number(const char *field, size_t size, const char *what,
			       long long low, long long high)
{
	long long value;

	if (field_number(field, size, &value) < 0 || value < low || value > high)
		die("damaged archive: a header with a bad %s field", what);
	return value;
}

/* Checksums are of unsigned bytes, but some old tars summed signed ones. */
static int checksum_ok(const struct header *h)
{
	const signed char *p = (const signed char *)h;
	int signed_sum = 8 * ' ';
	long long stored;

	if (field_number(h->checksum, 8, &stored) < 0)
		return 0;
	if (stored == header_sum(h))
		return 1;
	for (size_t i = 0; i < BLOCK; i++)
		if (i < offsetof(struct header, checksum) || i >= offsetof(struct header, type))
			signed_sum += p[i];
	return stored == signed_sum;
}

/*
 * Read size bytes of member data and the padding after them, handing the data to out
 * (none when out is -1) straight from the input buffer. Returns 0, or -1 when out
 * could not take it (the data is still read past). A broken archive ends tar here,
 * after the file being made (unfinished, when not NULL) is taken away again.
 */
static int copy_data(long long size, int out, struct new_file *unfinished)
{
	unsigned long long left = ((unsigned long long)size + BLOCK - 1) & ~(unsigned long long)(BLOCK - 1);
	int result = 0;
	const char *at;

	while (left > 0) {
		ssize_t n = archive_bytes(&at);

		if (n <= 0) {
			if (unfinished)
				new_file_abort(unfinished);
			archive_broken(n);
		}
		if ((unsigned long long)n > left)
			n = left;
		if (out >= 0 && result == 0 && size > 0 && write_all(out, at, n < size ? n : size) < 0)
			result = -1;
		input_start += n;
		size -= n;
		left -= n;
	}
	return result;
}

/* The text of an 'L' or 'K' member, or of a pax header (size is never negative). */
static char *read_long_text(long long size)
{
	char *text;

	if (size > 1024 * 1024)
		die("damaged archive: a long name or pax header of %lld bytes", size);
	text = xmalloc(size + BLOCK + 1);

	for (long long done = 0; done < size; done += BLOCK)
		read_block(text + done);
	text[size] = '\0';
	return text;
}

static char *field_text(const char *field, size_t size)
{
	return xstrndup(field, strnlen(field, size));
}

/* A pax record's decimal number: digits only, at most 18 of them (no overflow). */
static long long pax_number(const char *digits, size_t len)
{
	long long value = 0;

	if (len == 0 || len > 18)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (digits[i] < '0' || digits[i] > '9')
			return -1;
		value = value * 10 + digits[i] - '0';
	}
	return value;
}

/*
 * A pax extended header: records "LENGTH KEYWORD=VALUE\n", LENGTH counting the
 * whole record. Of those, only path, linkpath (long names) and size (of 8 GiB
 * and more) matter here; the rest is let go.
 */
static void read_pax_header(long long size, char **name, char **link, long long *data_size)
{
	char *text = read_long_text(size), *record = text, *end = text + size;

	while (record < end) {
		size_t digits = strspn(record, "0123456789");
		long long length = pax_number(record, digits);
		char *keyword = record + digits, *equals, *after;

		/* The length must cover at least "N k=\n", and stay inside the header. */
		if (length < (long long)digits + 4 || length > end - record || *keyword != ' ')
			die("damaged archive: a bad pax header record");
		after = record + length;
		equals = memchr(keyword, '=', after - keyword);
		if (equals != NULL && after[-1] == '\n') {
			char **target = NULL;

			*equals = '\0';
			if (strcmp(keyword + 1, "path") == 0)
				target = name;
			if (strcmp(keyword + 1, "linkpath") == 0)
				target = link;
			if (strcmp(keyword + 1, "size") == 0 &&
			    (*data_size = pax_number(equals + 1, after - equals - 2)) < 0)
				die("damaged archive: a bad size in a pax header");
			if (target != NULL) {
				free(*target);
				*target = xstrndup(equals + 1, after - equals - 2);
			}
		}
		record = after;
	}
	free(text);
}

/* Types other than links, devices, directories and FIFOs are read as files (POSIX). */
static int has_data(char type)
{
	return type == '\0' || strchr("123456", type) == NULL;
}

/* The next member, or 0 at the end of the archive. */
static int read_member(struct member *m)
{
	char *long_name = NULL, *long_link = NULL, zero[BLOCK] = { 0 };
	long long pax_size = -1;

	for (;;) {
		ssize_t n = read_archive_bytes(&m->h, BLOCK);

		if (n == 0 || (n == BLOCK && memcmp(&m->h, zero, BLOCK) == 0))
			return 0;	/* GNU tar also takes one zero block, or none, as the end */
		if ((n != BLOCK || !checksum_ok(&m->h)) && n >= 2 && memcmp(&m->h, "\037\213", 2) == 0)
			die("the archive is gzipped: use -z");
		if (n != BLOCK)
			die(n < 0 ? "read error:" : "unexpected end of archive");
		if (!checksum_ok(&m->h))
			die("bad header checksum: not a tar archive, or a damaged one");
		m->size = header_number(m->h.size, 12, "size", 0, LLONG_MAX);
		if (m->h.type == 'L' || m->h.type == 'K') {
			char **text = m->h.type == 'L' ? &long_name : &long_link;

			free(*text);
			*text = read_long_text(m->size);
			continue;
		}
		if (m->h.type == 'x') {
			read_pax_header(m->size, &long_name, &long_link, &pax_size);
			continue;
		}
		break;
	}
	if (pax_size >= 0)
		m->size = pax_size;
	m->type = m->h.type;
	if (long_name != NULL) {
		m->name = long_name;
	} else if (memcmp(m->h.magic, "ustar", 6) == 0 && m->h.prefix[0] != '\0') {
		char *prefix = field_text(m->h.prefix, 155), *name = field_text(m->h.name, 100);

		m->name = path_join(prefix, name);
		free(prefix);
		free(name);
	} else {
		m->name = field_text(m->h.name, 100);
	}
	m->link = long_link != NULL ? long_link : field_text(m->h.linkname, 100);
	m->mode = header_number(m->h.mode, 8, "mode", 0, LLONG_MAX) & 07777;
	m->uid = header_number(m->h.uid, 8, "uid", 0, UINT32_MAX - 1);
	m->gid = header_number(m->h.gid, 8, "gid", 0, UINT32_MAX - 1);
	/* time_t has 32 bits here: a time after 2038 becomes the last one it holds. */
	m->mtime = header_number(m->h.mtime, 12, "mtime", LLONG_MIN, LLONG_MAX);
	if (m->mtime > INT32_MAX)
		m->mtime = INT32_MAX;
	if (m->mtime < INT32_MIN)
		m->mtime = INT32_MIN;
	m->major = m->minor = 0;
	if (m->type == '3' || m->type == '4') {
		m->major = header_number(m->h.devmajor, 8, "devmajor", 0, UINT32_MAX);
		m->minor = header_number(m->h.devminor, 8, "devminor", 0, UINT32_MAX);
	}
	/* Old tars marked directories only by a trailing slash. */
	if ((m->type == '0' || m->type == '\0') && m->name[0] && m->name[strlen(m->name) - 1] == '/')
		m->type = '5';
	if (!has_data(m->type))
		m->size = 0;	/* links, directories and devices: whatever size says */
	return 1;
}

/* No ".." component, which could lead outside the directory? */
static int safe_name(const char *name)
{
	for (const char *p = name; *p; ) {
		size_t len = strcspn(p, "/");

		if (len == 2 && p[0] == '.' && p[1] == '.')
			return 0;
		p += len;
		while (*p == '/')
			p++;
	}
	return 1;
}

static const char *strip_slashes(const char *name)
{
	while (*name == '/')
		name++;
	return *name ? name : ".";
}

/* name without its first n parts (--strip-components), or NULL when that is all of it. */
static const char *without_parts(const char *name, long n)
{
	for (; n > 0; n--) {
		name = strchr(name, '/');
		if (name == NULL)
			return NULL;
		while (*name == '/')
			name++;
		if (*name == '\0')
			return NULL;
	}
	return name;
}

/* The member picked by the operands (or all when there are none)? */
static int picked(const char *name, char **files, char *found)
{
	if (*files == NULL)
		return 1;
	for (size_t i = 0; files[i]; i++) {
		size_t len = strlen(files[i]);

		while (len > 1 && files[i][len - 1] == '/')
			len--;
		if (strncmp(name, files[i], len) == 0 && (name[len] == '\0' || name[len] == '/')) {
			found[i] = 1;
			return 1;
		}
	}
	return 0;
}

static void list_long(const struct member *m, const char *name)
{
	char modes[11], size[32], when[20], user[80];
	time_t mtime = m->mtime;
	static const char types[] = "01234567";
	static const mode_t kinds[] = { S_IFREG, S_IFREG, S_IFLNK, S_IFCHR, S_IFBLK, S_IFDIR, S_IFIFO, S_IFREG };
	const char *t = m->type ? strchr(types, m->type) : NULL;

	mode_string(m->mode | (t ? kinds[t - types] : S_IFREG), modes);
	if (m->type == '1')
		modes[0] = 'h';
	snprintf(user, sizeof user, "%.32s", m->h.uname[0] ? m->h.uname : user_name(m->uid));
	snprintf(user + strlen(user), sizeof user - strlen(user), "/%.32s",
		 m->h.gname[0] ? m->h.gname : group_name(m->gid));
	if (m->type == '3' || m->type == '4')
		snprintf(size, sizeof size, "%u,%u", m->major, m->minor);
	else
		snprintf(size, sizeof size, "%lld", m->size);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&mtime));
	printf("%s %s %*s %s %s", modes, user, (int)(18 - strlen(user)), size, when, name);
	if (m->type == '2')
		printf(" -> %s", m->link);
	if (m->type == '1')
		printf(" link to %s", m->link);
	putchar('\n');
}

/*
 * Members done at the end: symlinks, so that no later member of the archive can be
 * written through one of them to outside the directory ("l -> /etc", then "l/passwd");
 * then the modes and times of directories, after their contents are in.
 */
static struct member *late;
static size_t late_count;

static void do_later(const struct member *m, const char *name)
{
	if (late_count % 16 == 0)
		late = xrealloc(late, (late_count + 16) * sizeof *late);
	late[late_count] = *m;
	late[late_count].name = xstrdup(name);
	late[late_count++].link = xstrdup(m->link);
}

static void set_times(const char *name, time_t mtime, int flags)
{
	struct timespec times[2] = { { 0, UTIME_OMIT }, { mtime, 0 } };

	utimensat(AT_FDCWD, name, times, flags);
}

/* Asked once: nothing changes them while tar runs. */
static int as_root;
static mode_t process_umask;

/*
 * The id here of an owner named in the archive (group: of a group), or fallback when
 * the name is unknown here. The last answer is kept: members mostly share an owner,
 * and each look-up reads the whole of /etc/passwd or /etc/group.
 */
static struct known_owner {
	char name[33];		/* "" until asked */
	int found;
	unsigned id;
} known_owner[2];

static unsigned owner_id(const char *field, unsigned fallback, int group)
{
	struct known_owner *k = &known_owner[group];
	char name[33];

	snprintf(name, sizeof name, "%.32s", field);
	if (name[0] == '\0')
		return fallback;
	if (strcmp(name, k->name) != 0) {
		uid_t uid;
		gid_t gid;

		strcpy(k->name, name);
		k->found = group ? parse_group(name, &gid) == 0 : parse_user(name, &uid) == 0;
		k->id = group ? gid : uid;
	}
	return k->found ? k->id : fallback;
}

/* Root gives members the owners of the archive (by name when known here); others keep their own. */
static void member_owner(const struct member *m, uid_t *uid, gid_t *gid)
{
	*uid = (uid_t)-1;
	*gid = (gid_t)-1;
	if (as_root) {
		*uid = owner_id(m->h.uname, m->uid, 0);
		*gid = owner_id(m->h.gname, m->gid, 1);
	}
}

static void set_owner(const struct member *m, const char *name)
{
	uid_t uid;
	gid_t gid;

	member_owner(m, &uid, &gid);
	if (as_root)
		lchown(name, uid, gid);
}

static mode_t wanted_mode(mode_t mode)
{
	return as_root ? mode : mode & ~process_umask;
}

/* Make the directories above name, which an archive may leave out. */
static void make_parents(const char *name)
{
	const char *slash = strrchr(name, '/');

	if (slash != NULL && slash != name) {
		char *parent = xstrndup(name, slash - name);

		if (make_path(parent, 0777, 0) < 0)
			warn("%s:", parent);
		free(parent);
	}
}

/*
 * Start a regular file: written in place when the name is new, else beside it and
 * renamed over whatever is there once complete (newfile.h), never into a device, FIFO
 * or symbolic link found at the name (an archive could plant a link to /dev/sda
 * first); an empty directory in the way gives way. The directories above are made
 * only when missing: most members go where the one before went.
 */
static int begin_file(struct new_file *f, const char *name)
{
	int flags = NEW_FILE_CREATE | NEW_FILE_DIRECTORY_GIVES_WAY;

	if (new_file_begin(f, name, NULL, flags) >= 0 || errno != ENOENT)
		return f->fd;
	make_parents(name);
	return new_file_begin(f, name, NULL, flags);
}

/* A regular file: made whole or not at all; a member is read past when no file can be made. */
static int extract_file(const struct member *m, const char *name)
{
	struct new_file f;
	struct stat like = { .st_mode = wanted_mode(m->mode) };

	if (begin_file(&f, name) < 0) {
		warn("%s:", name);
		copy_data(m->size, -1, NULL);
		return -1;
	}
	if (copy_data(m->size, f.fd, &f) < 0) {
		warn("%s:", name);
		new_file_abort(&f);
		return -1;
	}
	member_owner(m, &like.st_uid, &like.st_gid);
	like.st_atim.tv_nsec = UTIME_OMIT;
	like.st_mtim.tv_sec = m->mtime;
	return new_file_commit(&f, &like);
}

/* Make room for a link or a device: what is there goes, a directory only when empty. */
static void clear_way(const char *name)
{
	struct stat st;

	if (lstat(name, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			rmdir(name);
		else
			unlink(name);
	}
}

/* Owner, mode and time of a member made (a symlink's mode means nothing). */
static void set_attributes(const struct member *m, const char *name)
{
	set_owner(m, name);
	if (m->type != '2')
		chmod(name, wanted_mode(m->mode));
	set_times(name, m->mtime, AT_SYMLINK_NOFOLLOW);
}

static int extract_other(const struct member *m, const char *name)
{
	struct stat a, b;
	dev_t dev = makedev(m->major, m->minor);
	const char *target = strip_slashes(m->link);
	int result = 0;

	switch (m->type) {
	case '5':
		result = make_path(name, 0700, 0) < 0 ? -1 : 0;
		if (result == 0) {
			do_later(m, name);
			set_owner(m, name);
		}
		return result;
	case '1':
		target = without_parts(target, strip_components);
		if (target == NULL)
			return 0;	/* (as GNU tar: a link to a name stripped away is left out) */
		if (!safe_name(target)) {
			warn("%s: link to '%s' refused: '..' in it", name, m->link);
			return 0;
		}
		/* Already this very file (extracted twice)? Then there is nothing to do. */
		if (stat(name, &a) == 0 && stat(target, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev)
			return 0;
		clear_way(name);
		return link(target, name);
	case '2':
		do_later(m, name);
		return 0;
	case '3':
	case '4':
	case '6':
		clear_way(name);
		result = mknod(name, (m->type == '3' ? S_IFCHR : m->type == '4' ? S_IFBLK : S_IFIFO) |
			       wanted_mode(m->mode), dev);
		break;
	default:
		warn("%s: unknown member type '%c', skipped", name, m->type);
		return 0;
	}
	if (result == 0)
		set_attributes(m, name);
	return result;
}

static void extract_member(const struct member *m, const char *name)
{
	int result;
	int is_file = has_data(m->type);

	if (to_stdout) {
		if (is_file && copy_data(m->size, 1, NULL) < 0)
			die("write error:");
		return;
	}
	if (!is_file)
		make_parents(name);
	result = is_file ? extract_file(m, name) : extract_other(m, name);
	if (result < 0) {
		if (!is_file)
			warn("%s:", name);
		status = 1;
	}
}

static void finish_late_members(void)
{
	for (size_t i = 0; i < late_count; i++) {
		if (late[i].type != '2')
			continue;
		clear_way(late[i].name);
		if (symlink(late[i].link, late[i].name) < 0) {
			warn("%s:", late[i].name);
			status = 1;
		} else {
			set_attributes(&late[i], late[i].name);
		}
	}
	for (size_t i = 0; i < late_count; i++) {
		if (late[i].type == '5') {
			chmod(late[i].name, wanted_mode(late[i].mode));
			set_times(late[i].name, late[i].mtime, 0);
		}
		free(late[i].name);
		free(late[i].link);
	}
	free(late);
	late = NULL;
}

static void read_archive(int extract, char **files)
{
	struct member m;
	size_t count = 0;
	char *found;

	while (files[count])
		count++;
	found = xzalloc(count + 1);
	while (read_member(&m)) {
		const char *name = strip_slashes(m.name);

		const char *out_name = extract ? without_parts(name, strip_components) : name;

		/* pax extended headers and GNU volume labels are no files: skip them. */
		if (m.type == 'x' || m.type == 'g' || m.type == 'V' || !picked(name, files, found) ||
		    excluded(name) || out_name == NULL) {
			copy_data(m.size, -1, NULL);
		} else if (!safe_name(name)) {
			warn("%s: refused: '..' in the name", m.name);
			status = 1;
			copy_data(m.size, -1, NULL);
		} else {
			if (!extract && verbose)
				list_long(&m, name);
			else if (!extract || verbose)
				fprintf(extract ? verbose_out : stdout, "%s\n", name);
			if (extract)
				extract_member(&m, out_name);
			else
				copy_data(m.size, -1, NULL);
		}
		free(m.name);
		free(m.link);
	}
	finish_late_members();
	for (size_t i = 0; i < count; i++)
		if (!found[i]) {
			warn("%s: not found in archive", files[i]);
			status = 1;
		}
}

/* -z: a child process gunzips the archive into a pipe, read instead of the archive. */
static pid_t start_gunzip(void)
{
	int ends[2];
	pid_t pid;

	if (pipe(ends) < 0 || (pid = fork()) < 0)
		die("gunzip:");
	if (pid == 0) {
		close(ends[0]);
		_exit(gunzip_fd(archive_fd, ends[1]) < 0);
	}
	close(ends[1]);
	if (archive_fd > 1)
		close(archive_fd);
	archive_fd = ends[0];
	return pid;
}

/* -cz: the archive goes into a pipe, and a child process gzips it into the file. */
static pid_t start_gzip(void)
{
	int ends[2];
	pid_t pid;

	if (pipe(ends) < 0 || (pid = fork()) < 0)
		die("gzip:");
	if (pid == 0) {
		close(ends[1]);
		_exit(gzip_fd(ends[0], archive_fd, 6, NULL, 0) < 0);
	}
	close(ends[0]);
	if (archive_fd > 1)
		close(archive_fd);
	archive_fd = ends[1];
	return pid;
}

/* Close the pipe, so that gzip sees the end and finishes the file; its status. */
static int finish_gzip(pid_t pid)
{
	int wstatus;

	close(archive_fd);
	archive_fd = -1;
	if (waitpid(pid, &wstatus, 0) < 0 || !WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0)
		return 1;
	return 0;
}

/* Read the rest (the padding after the end), so that gunzip ends well; its status. */
static int finish_gunzip(pid_t pid)
{
	char buffer[BLOCK];
	int wstatus;

	while (read(archive_fd, buffer, sizeof buffer) > 0)
		continue;
	if (waitpid(pid, &wstatus, 0) < 0 || !WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0)
		return 1;
	return 0;
}

/*
 * "tar xvf a.tar" is "tar -x -v -f a.tar": old style has the letters without a
 * dash, and the letters that take an argument take the next words, in order:
 * "tar xvCf DIR a.tar", "tar cfT out.tar LIST".
 */
static char **old_style(int *argc, char **argv)
{
	char **copy = xmalloc((2 * *argc + 1) * sizeof *copy);
	int n = 0, next = 2;

	copy[n++] = argv[0];
	if (*argc > 1 && argv[1][0] != '-') {
		for (const char *key = argv[1]; *key; key++) {
			char *option = xmalloc(3);

			option[0] = '-';
			option[1] = *key;
			option[2] = '\0';
			copy[n++] = option;
			if (strchr("fCTX", *key) && next < *argc)
				copy[n++] = argv[next++];
		}
	} else {
		next = 1;
	}
	while (next < *argc)
		copy[n++] = argv[next++];
	copy[n] = NULL;
	*argc = n;
	return copy;
}

static void add_exclude(const char *pattern)
{
	exclude_patterns = xrealloc(exclude_patterns, (exclude_count + 1) * sizeof *exclude_patterns);
	exclude_patterns[exclude_count++] = xstrdup(pattern);
}

/* The lines of a -T or -X file, handed to add one by one. */
static void read_list(const char *path, void (*add)(const char *line))
{
	size_t len;
	char *text = read_file(path, &len), *line, *rest;

	if (text == NULL)
		die("%s:", path);
	for (line = text; *line; line = rest) {
		rest = line + strcspn(line, "\n");
		if (*rest)
			*rest++ = '\0';
		if (*line)
			add(line);
	}
	free(text);
}

static char **names;		/* -T: the FILE operands from lists */
static int name_count;

static void add_name(const char *name)
{
	names = xrealloc(names, (name_count + 2) * sizeof *names);
	names[name_count++] = xstrdup(name);
	names[name_count] = NULL;
}

/* The value of "--NAME=VALUE" or "--NAME VALUE" (taking the next word), or NULL. */
static const char *long_value(char **argv, int *i, const char *name)
{
	size_t len = strlen(name);

	if (strncmp(argv[*i], name, len) != 0)
		return NULL;
	if (argv[*i][len] == '=')
		return argv[*i] + len + 1;
	if (argv[*i][len] == '\0' && argv[*i + 1] != NULL)
		return argv[++*i];
	return NULL;
}

/* Take tar's long options out of argv (before the letters are parsed); -z: *gzipped. */
static int take_long_options(int argc, char **argv, int *gzipped)
{
	int kept = 1;

	for (int i = 1; i < argc; i++) {
		const char *value;
		long long n;

		if (strcmp(argv[i], "--") == 0) {
			while (i < argc)
				argv[kept++] = argv[i++];
			break;
		}
		if ((value = long_value(argv, &i, "--exclude")) != NULL) {
			add_exclude(value);
		} else if ((value = long_value(argv, &i, "--strip-components")) != NULL) {
			if (parse_long(value, &n) < 0 || n < 0 || n > 1000000)
				usage_error(usage, "invalid number of components '%s'", value);
			strip_components = n;
		} else if (strcmp(argv[i], "--gzip") == 0 || strcmp(argv[i], "--gunzip") == 0) {
			*gzipped = 1;
		} else if (strcmp(argv[i], "--xz") == 0 || strcmp(argv[i], "--bzip2") == 0) {
			die("%s: only gzip compression (-z) is known here", argv[i]);
		} else {
			argv[kept++] = argv[i];
		}
	}
	argv[kept] = NULL;
	return kept;
}

/* Does the archive start as gzip data does? Looked at without reading it, when it can be. */
static int looks_gzipped(int fd)
{
	unsigned char magic[2];
	off_t here = lseek(fd, 0, SEEK_CUR);

	return here >= 0 && pread(fd, magic, 2, here) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
}

int tar_main(int argc, char **argv)
{
	struct options o;
	const char *archive = "-", *directory = NULL;
	int c, mode = 0, gzipped = 0;
	pid_t gunzip = 0, gzip = 0;

	strip_components = 0;
	exclude_count = name_count = 0;
	names = NULL;
	argv = old_style(&argc, argv);
	argc = take_long_options(argc, argv, &gzipped);
	options_start(&o, argc, argv, "ctxvzjJOf:C:T:X:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'c': case 't': case 'x':
			if (mode && mode != c)
				usage_error(usage, "only one of -c, -t and -x");
			mode = c;
			break;
		case 'v': verbose = 1; break;
		case 'O': to_stdout = 1; break;
		case 'z': gzipped = 1; break;
		case 'j': case 'J':
			die("-%c: only gzip compression (-z) is known here", c);
		case 'f': archive = o.arg; break;
		case 'C': directory = o.arg; break;
		case 'T': read_list(o.arg, add_name); break;
		case 'X': read_list(o.arg, add_exclude); break;
		}
	}
	argv += o.index;
	if (!mode)
		usage_error(usage, "one of -c, -t and -x is needed");
	if (names != NULL) {		/* -T: the names of the lists, then the operands */
		for (; *argv; argv++)
			add_name(*argv);
		argv = names;
	}
	status = 0;
	output_used = input_start = input_end = 0;
	as_root = geteuid() == 0;
	process_umask = umask(0);
	umask(process_umask);
	memset(known_owner, 0, sizeof known_owner);
	late_count = written_count = 0;
	verbose_out = stdout;
	if (strcmp(archive, "-") == 0) {
		archive_fd = mode == 'c' ? 1 : 0;
		if (mode == 'c')
			verbose_out = stderr;
	} else {
		archive_fd = mode == 'c' ? open(archive, O_WRONLY | O_CREAT | O_TRUNC, 0666)
					 : open(archive, O_RDONLY);
		if (archive_fd < 0)
			die("%s:", archive);
	}
	if (to_stdout)
		verbose_out = stderr;
	if (mode == 'c')
		fstat(archive_fd, &archive_stat);
	else if (!gzipped)
		gzipped = looks_gzipped(archive_fd);
	if (gzipped && mode == 'c')
		gzip = start_gzip();
	else if (gzipped)
		gunzip = start_gunzip();
	if (directory != NULL && chdir(directory) < 0)
		die("%s:", directory);
	if (mode == 'c')
		create_archive(argv);
	else
		read_archive(mode == 'x', argv);
	if (gunzip)
		status |= finish_gunzip(gunzip);
	if (gzip)
		status |= finish_gzip(gzip);
	if (archive_fd > 1)
		close(archive_fd);
	if (flush_stdout() < 0)
		status = 1;
	return status;
}
