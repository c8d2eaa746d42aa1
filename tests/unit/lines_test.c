/* lines_test.c: unit tests of libmini/lines.c (find_byte, find_string, the line reader). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mini.h"
#include "lines.h"
#include "unit.h"

/* find_byte must agree with memchr at every alignment, length and position. */
static void test_find_byte(void)
{
	char buf[64];
	int ok = 1;

	for (int i = 0; i < 64; i++)
		buf[i] = 'a' + i % 26;
	for (int start = 0; start < 8; start++)
		for (int len = 0; start + len <= 64; len++)
			for (int c = 'a'; c <= 'z'; c += 5)
				ok &= find_byte(buf + start, c, len) == memchr(buf + start, c, len);
	expect(ok, "find_byte agrees with memchr everywhere");
	buf[40] = (char)0xff;
	expect(find_byte(buf, 0xff, 64) == buf + 40, "find_byte finds a byte above 127");
	expect(find_byte(buf, 'A', 64) == NULL, "find_byte: not there");
}

static void test_find_string(void)
{
	const char *hay = "the floppy disk, the kernel, the floppy";

	expect(find_string(hay, strlen(hay), "floppy", 6) == hay + 4, "find_string: first occurrence");
	expect(find_string(hay, strlen(hay), "kernel", 6) == hay + 21, "find_string: in the middle");
	expect(find_string(hay, 9, "floppy", 6) == NULL, "find_string: not past n");
	expect(find_string(hay, strlen(hay), "zebra", 5) == NULL, "find_string: absent");
	expect(find_string(hay, strlen(hay), "", 0) == hay, "find_string: empty needle");
	expect(find_string("ab", 2, "abc", 3) == NULL, "find_string: needle longer than hay");
	expect(find_string("xxy", 3, "xy", 2) != NULL, "find_string: overlapping start");
}

/* Write text to a temporary file and read it back with the line reader. */
static int reader_for(const char *text)
{
	char name[] = "/tmp/lines_test.XXXXXX";
	int fd = mkstemp(name);

	write_all(fd, text, strlen(text));
	lseek(fd, 0, SEEK_SET);
	unlink(name);
	return fd;
}

static void test_reader(void)
{
	struct lines in;
	size_t len;
	char *line, *big;
	int fd = reader_for("one\n\nthree");

	lines_start(&in, fd, '\n');
	line = lines_next(&in, &len);
	expect(line && strcmp(line, "one") == 0 && len == 3 && !in.last_unterminated, "reader: a first line");
	line = lines_next(&in, &len);
	expect(line && len == 0, "reader: an empty line");
	line = lines_next(&in, &len);
	expect(line && strcmp(line, "three") == 0 && in.last_unterminated, "reader: last line without newline");
	expect(lines_next(&in, &len) == NULL, "reader: the end");
	lines_end(&in);
	close(fd);

	/* A line longer than the 64 KiB block. */
	big = xmalloc(200002);
	memset(big, 'x', 200000);
	strcpy(big + 200000, "\n");
	fd = reader_for(big);
	lines_start(&in, fd, '\n');
	line = lines_next(&in, &len);
	expect(line && len == 200000 && lines_next(&in, &len) == NULL, "reader: a 200000-byte line");
	lines_end(&in);
	close(fd);
	free(big);

}

int main(void)
{
	test_find_byte();
	test_find_string();
	test_reader();
	return unit_failures != 0;
}
