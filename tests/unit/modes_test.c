/* modes_test.c: unit tests of libmini's mode strings and chmod mode parsing (modes.c). */
#include <sys/stat.h>
#include "mini.h"
#include "modes.h"
#include "unit.h"

/* parse_mode's result for spec applied to old, or -1 when spec is refused. */
static long mode_of(const char *spec, mode_t old)
{
	mode_t result;

	return parse_mode(spec, old, &result) < 0 ? -1 : (long)result;
}

static void test_mode_string(void)
{
	char buf[11];

	mode_string(S_IFREG | 0644, buf);
	expect_str(buf, "-rw-r--r--", "mode_string of a 644 file");
	mode_string(S_IFDIR | 01777, buf);
	expect_str(buf, "drwxrwxrwt", "mode_string of /tmp");
	mode_string(S_IFREG | 06644, buf);
	expect_str(buf, "-rwSr-Sr--", "mode_string: set-id without x is upper case");
	mode_string(S_IFLNK | 0777, buf);
	expect_str(buf, "lrwxrwxrwx", "mode_string of a symlink");
	mode_string(S_IFCHR | 0620, buf);
	expect_str(buf, "crw--w----", "mode_string of a terminal");
}

static void test_parse_mode(void)
{
	umask(022);
	expect(mode_of("755", 0) == 0755, "octal 755");
	expect(mode_of("4755", 0) == 04755, "octal with setuid");
	expect(mode_of("8", 0) == -1 && mode_of("17777", 0) == -1, "bad octal refused");
	expect(mode_of("u+x", 0644) == 0744, "u+x");
	expect(mode_of("go-w", 0666) == 0644, "go-w");
	expect(mode_of("a=rX", S_IFREG | 0600) == 0444, "a=rX on a plain file");
	expect(mode_of("a=rX", S_IFREG | 0700) == 0555, "a=rX on an executable");
	expect(mode_of("a=rX", S_IFDIR | 0700) == 0555, "a=rX on a directory");
	expect(mode_of("u=rwx,g=rx,o=", 0) == 0750, "three clauses");
	expect(mode_of("g=u", 0640) == 0660, "g=u copies the user's bits");
	expect(mode_of("+x", 0644) == 0755, "+x without who: all classes");
	expect(mode_of("-w", 0666) == 0444 + 0022, "-w without who keeps what the umask masks");
	expect(mode_of("u+s,+t", 0755) == 05755, "u+s and +t");
	expect(mode_of("=", 0777) == 0, "= clears everything");
	expect(mode_of("u+q", 0) == -1 && mode_of("x", 0) == -1 && mode_of("u+x,", 0) == -1,
	       "bad symbolic modes refused");
}

int main(void)
{
	test_mode_string();
	test_parse_mode();
	return unit_failures != 0;
}
