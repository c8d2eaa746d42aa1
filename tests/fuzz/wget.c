/*
 * wget.c: fuzz target for what wget reads from a server (shell/cmd/wget.c's
 * receive_reply: the status line, the headers and their numbers, a body of
 * Content-Length bytes, chunked or up to the close, a redirect's Location). The input
 * is the server's whole answer, read from a file instead of a socket: once written to
 * standard output, once saved as "out" after a partial "out" of 3 bytes (as -c would:
 * a 206's range, a 416). A redirect's URL is parsed as the next request's would be.
 *
 * receive_reply is static: this file includes wget.c itself, after sandbox.h, as the
 * Makefile's rule compiles each of mini's sources for a fuzzer.
 */
#include "sandbox.h"
#include "cmd/wget.c"
#include "fuzz.h"

static int receive(void *arg)
{
	const char *name = arg;
	struct url u, next;
	struct target t = { 0 };
	char *next_url = NULL;
	int fd = open("reply", O_RDONLY);

	opt.quiet = 1;
	opt.show_headers = 1;
	opt.timeout_ms = 1000;
	if (fd < 0 || parse_url("http://example.org:8080/dir/file?q=1", &u) < 0)
		return 1;
	t.name = name;
	if (name) {
		int out = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		t.offset = 3;
		if (out < 0 || write_all(out, "abc", 3) < 0)
			return 1;
		close(out);
	}
	if (receive_reply(fd, &u, &t, &next_url) == 2 && parse_url(next_url, &next) == 0)
		free_url(&next);
	free(next_url);
	free_url(&u);
	close(fd);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_write_file("reply", data, size);
	fuzz_run(receive, NULL);
	fuzz_write_file("reply", data, size);
	fuzz_run(receive, "out");
	return 0;
}
