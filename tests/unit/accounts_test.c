/* accounts_test.c: unit tests of libmini/accounts.c (fields, lists, names, crypt hashes). */
#include <string.h>
#include "mini.h"
#include "accounts.h"
#include "password.h"
#include "unit.h"

static void test_fields(void)
{
	expect_str(account_field("bob:x:1000:1000::/home/bob:/bin/sh", 2), "1000", "account_field in the middle");
	expect_str(account_field("bob:x:1000:1000::/home/bob:/bin/sh", 6), "/bin/sh", "account_field at the end");
	expect_str(account_field("bob:x", 4), "", "account_field past the end is empty");
	expect_str(account_with_field("bob:!:19000:0:99999:7:::", 1, "$6$s$h"), "bob:$6$s$h:19000:0:99999:7:::",
		   "account_with_field replaces a field");
	expect_str(account_with_field("wheel:x:10:", 3, "root,bob"), "wheel:x:10:root,bob",
		   "account_with_field fills an empty last field");
	expect_str(account_with_field("wheel:x", 3, "bob"), "wheel:x::bob", "account_with_field adds missing fields");
}

static void test_lists(void)
{
	expect_str(account_list_with("", "bob", 1), "bob", "list_with adds to an empty list");
	expect_str(account_list_with("root", "bob", 1), "root,bob", "list_with appends");
	expect_str(account_list_with("root,bob", "bob", 1), "root,bob", "list_with never adds twice");
	expect_str(account_list_with("root,bob,eve", "bob", 0), "root,eve", "list_with removes");
	expect_str(account_list_with("bob", "bob", 0), "", "list_with removes the only one");
}

static void test_names(void)
{
	expect(account_name_ok("bob") && account_name_ok("_x-1.y"), "valid names");
	expect(!account_name_ok("") && !account_name_ok("Bob") && !account_name_ok("1x"), "names: empty, capital, digit first");
	expect(!account_name_ok("a:b") && !account_name_ok("a b"), "names with ':' or blanks");
	expect(!account_name_ok("abcdefghijklmnopqrstuvwxyzabcdefg"), "a name of 33 characters");
	expect(account_text_ok("Bob Smith") && !account_text_ok("a:b") && !account_text_ok("a\nb"), "text for fields");
}

static void test_passwords(void)
{
	char *hash;

	expect(password_matches("secret", "$1$saltsalt$9xy1btjgzLYfb7hivXtC//"), "MD5 hash matches");
	expect(password_matches("secret", "$5$saltsalt$0IyaXrmV7.sGNS6tirgqHLqX/G.FBvgkYA.lpPdS5sA"), "SHA-256 hash matches");
	expect(password_matches("secret", "$6$saltsalt$TVLlQcbpFVof5W3Yz4DTP6gRstiNuHwwTt6GLc1E5n0U0aDehy0S5knV8wiOQSpT0Y77vwPZN.Pq.H91p5hVO1"),
	       "SHA-512 hash matches");
	expect(!password_matches("Secret", "$6$saltsalt$TVLlQcbpFVof5W3Yz4DTP6gRstiNuHwwTt6GLc1E5n0U0aDehy0S5knV8wiOQSpT0Y77vwPZN.Pq.H91p5hVO1"),
	       "a wrong password does not match");
	expect(password_matches("anything", ""), "an empty hash: no password needed");
	expect(!password_matches("", "!") && !password_matches("", "*") && !password_matches("x", "!$6$saltsalt$x"),
	       "locked accounts match nothing");
	hash = password_hash("pw");
	expect(hash && strncmp(hash, "$6$", 3) == 0 && strlen(hash) == 3 + 16 + 1 + 86, "password_hash makes SHA-512 with a 16-character salt");
	hash = hash ? xstrdup(hash) : "";
	expect(password_matches("pw", hash) && !password_matches("pW", hash), "password_hash's hash checks");
	expect(strcmp(hash, password_hash("pw")) != 0, "two hashes of one password differ (random salt)");
}

/* A group line of n members named "m001"..., as long as the loop makes it. */
static char *group_line(int n)
{
	static char line[4096];

	strcpy(line, "big:x:500:");
	for (int i = 1; i <= n; i++)
		sprintf(line + strlen(line), "%sm%03d", i > 1 ? "," : "", i);
	return line;
}

static void test_line_limits(void)
{
	char line[1100];

	memset(line, 'a', sizeof line);
	line[ACCOUNT_LINE_MAX] = '\0';
	expect(account_line_fits(PASSWD_FILE, line), "a passwd line of 1022 characters fits uClibc's buffer");
	line[ACCOUNT_LINE_MAX] = 'a';
	line[ACCOUNT_LINE_MAX + 1] = '\0';
	expect(!account_line_fits(SHADOW_FILE, line), "a line of 1023 characters does not");
	/* Measured: uClibc reads 112 members of 4 letters (569 characters), not 113 (574);
	 * the limit allows for a buffer that is not 4-byte aligned, so it stops at 111. */
	expect(account_line_fits(GROUP_FILE, group_line(111)), "a group line of 111 members (564 characters) fits");
	expect(!account_line_fits(GROUP_FILE, group_line(113)), "with 113 members its pointers no longer fit");
	expect(account_line_fits(GROUP_FILE, "g:x:1:"), "a group without members fits");
}

static void test_fail_delay(void)
{
	expect(password_fail_delay(0, 1) == 0 && password_fail_delay(1, 1) == 1 && password_fail_delay(2, 1) == 2
	       && password_fail_delay(3, 1) == 4 && password_fail_delay(4, 3) == 24, "the wait doubles with each failure");
	expect(password_fail_delay(7, 1) == 60 && password_fail_delay(1000, 1) == FAIL_DELAY_MAX,
	       "the wait stops growing at FAIL_DELAY_MAX");
	expect(password_fail_delay(5, 0) == 0, "FAIL_DELAY 0: no wait");
}

static void test_wipe(void)
{
	char secret[16] = "hunter2";

	password_wipe(secret, sizeof secret);
	expect(secret[0] == 0 && secret[6] == 0, "password_wipe zeroes the buffer");
}

int main(void)
{
	test_line_limits();
	test_fail_delay();
	test_wipe();
	test_fields();
	test_lists();
	test_names();
	test_passwords();
	return unit_failures != 0;
}
