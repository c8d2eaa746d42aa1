/*
 * httpd.c: fuzz target for what httpd reads from a client (shell/cmd/httpd.c): the
 * input is the request. First read_request alone, from memory, and the Range it
 * names against a few file sizes (parse_range); then the whole answer (serve_request)
 * with the request on standard input, serving a folder "www" (a file, a folder with
 * and without index.html, a symbolic link out of it) beside a file "secret" that no
 * request may get: a reply that holds the secret aborts, as a crash would.
 *
 * read_request, parse_range and serve_request are static: this file includes httpd.c
 * itself, after sandbox.h, as the Makefile's rule compiles each of mini's sources for
 * a fuzzer.
 */
#include "sandbox.h"
#include "cmd/httpd.c"
#include <stdio_ext.h>
#include <sys/mman.h>
#include "fuzz.h"

#define SECRET "the secret beside the served folder"

struct input {
	const uint8_t *data;
	size_t size;
};

static int parse(void *arg)
{
	const struct input *in = arg;
	static const long long sizes[] = { 0, 1, 10, 0x7fffffffffffffffLL };
	FILE *f = fmemopen((void *)in->data, in->size, "r");
	struct request rq;
	long long first, last;

	if (f == NULL)
		return 1;
	if (read_request(f, &rq) == 0)
		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
			parse_range(rq.range, sizes[i], &first, &last);
	free(rq.range);
	fclose(f);
	return 0;
}

static void make_file(const char *name, const char *text)
{
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || write_all(fd, text, strlen(text)) < 0)
		abort();
	close(fd);
}

/* Serve the request in "request", the reply going to the descriptor *arg. */
static int serve(void *arg)
{
	int request = open("request", O_RDONLY);

	if (request < 0)
		abort();
	mkdir("www", 0755);
	mkdir("www/dir", 0755);
	mkdir("www/indexed", 0755);
	make_file("www/dir/file.txt", "0123456789\n");
	make_file("www/indexed/index.html", "<html></html>\n");
	make_file("secret", SECRET);
	symlink("../../secret", "www/dir/out");
	if (realpath("www", home) == NULL)
		abort();
	/* The request on standard input, the reply out (the harness puts both back). */
	dup2(request, STDIN_FILENO);
	dup2(*(int *)arg, STDOUT_FILENO);
	__fpurge(stdin);
	clearerr(stdin);
	serve_request();
	return 0;
}

/* Did the reply in fd give the secret away? */
static int holds_secret(int fd)
{
	static char buf[1 << 16];
	ssize_t n = pread(fd, buf, sizeof buf - 1, 0);

	buf[n > 0 ? n : 0] = '\0';
	return strstr(buf, SECRET) != NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };
	/* Made before the run, so that the run's end leaves it open: the reply is read after. */
	int reply = memfd_create("reply", MFD_CLOEXEC);

	fuzz_run(parse, &in);
	fuzz_write_file("request", data, size);
	fuzz_run(serve, &reply);
	if (holds_secret(reply)) {
		fprintf(stderr, "httpd served a file outside its folder\n");
		abort();
	}
	close(reply);
	return 0;
}
