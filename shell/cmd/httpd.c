/*
 * httpd: serve a directory over HTTP/1.1 (RFC 9110, RFC 9112), as BusyBox's httpd does.
 *
 * A child process per connection answers one request (GET or HEAD) and closes: static
 * files with a Content-Type from their extension, index.html for a folder, or a listing
 * of the folder in HTML when it has none; a single byte range when asked.
 *
 * The request is hostile input: its line and headers are bounded (414, 400), a client
 * that is slow or silent is dropped after a timeout, a path with a ".." part is refused,
 * and a file is served only if its real path (symlinks resolved) lies in the home folder.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "mini.h"
#include "net.h"
#include "daemon.h"

static const char usage[] =
	"Usage: httpd [-fv] [-p [IP:]PORT] [-h HOME]\n"
	"Serve the files of HOME (default: the current folder) over HTTP.\n"
	"  -p [IP:]PORT  where to listen (default 80, every address)\n"
	"  -h HOME       the folder to serve\n"
	"  -f            stay in the foreground\n"
	"  -v            log every request on stderr\n";

enum {
	MAX_REQUEST_LINE = 4096,
	MAX_HEADER_BYTES = 16384,
	CLIENT_TIMEOUT = 30,	/* seconds a client may take to send its request */
	SEND_TIMEOUT = 300,	/* seconds a reply may take to go out */
};

static int verbose;
static char home[PATH_MAX];	/* the real path of the served folder */
static char client[64];		/* "address:port" of the client, for the log */

/* ---- the reply ---- */

static const char *status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 206: return "Partial Content";
	case 301: return "Moved Permanently";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 408: return "Request Timeout";
	case 414: return "URI Too Long";
	case 416: return "Range Not Satisfiable";
	default: return "Internal Server Error";
	}
}

/* The status line and the common headers; the caller adds its own and the empty line. */
static void start_reply(int status, const char *type, long long length)
{
	char date[64];
	time_t now = time(NULL);

	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", gmtime(&now));
	printf("HTTP/1.1 %d %s\r\nServer: mini httpd\r\nDate: %s\r\nConnection: close\r\n",
	       status, status_text(status), date);
	if (type)
		printf("Content-Type: %s\r\n", type);
	if (length >= 0)
		printf("Content-Length: %lld\r\n", length);
}

/* An error page, and the end of this connection. */
static void __attribute__((noreturn)) fail(int status, int head_only)
{
	char body[128];
	int len = snprintf(body, sizeof body, "<html><body><h1>%d %s</h1></body></html>\n",
			   status, status_text(status));

	start_reply(status, "text/html", len);
	if (status == 405)
		printf("Allow: GET, HEAD\r\n");
	printf("\r\n%s", head_only ? "" : body);
	if (verbose)
		fprintf(stderr, "httpd: %s: %d\n", client, status);
	fflush(stdout);
	exit(0);
}

static const struct {
	const char *ext, *type;
} types[] = {
	{ "html", "text/html" }, { "htm", "text/html" }, { "txt", "text/plain" },
	{ "css", "text/css" }, { "js", "application/javascript" }, { "json", "application/json" },
	{ "xml", "application/xml" }, { "png", "image/png" }, { "jpg", "image/jpeg" },
	{ "jpeg", "image/jpeg" }, { "gif", "image/gif" }, { "ico", "image/x-icon" },
	{ "svg", "image/svg+xml" }, { "pdf", "application/pdf" }, { "zip", "application/zip" },
	{ "gz", "application/gzip" }, { "tar", "application/x-tar" }, { "iso", "application/x-iso9660-image" },
	{ "sh", "text/plain" }, { "c", "text/plain" }, { "h", "text/plain" }, { "md", "text/plain" },
	{ "wav", "audio/wav" }, { "mp3", "audio/mpeg" }, { "mp4", "video/mp4" },
};

static const char *content_type(const char *path)
{
	const char *dot = strrchr(base_name(path), '.');

	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcasecmp(dot + 1, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

/* ---- the request ---- */

/* One line of the request into line (room for max + 1), without CR LF; -1 if too long or cut. */
static int read_line(FILE *in, char *line, int max)
{
	int len = 0, c;

	while ((c = getc(in)) != EOF && c != '\n') {
		if (len == max)
			return -1;
		line[len++] = c;
	}
	if (c == EOF && (len == 0 || ferror(in)))
		return -2;
	if (len > 0 && line[len - 1] == '\r')
		len--;
	line[len] = '\0';
	return len;
}

static int hex_value(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	       c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Decode %XX in place; the query is cut off. -1 for a bad escape or a NUL byte. */
static int decode_path(char *path)
{
	char *in = path, *out = path;

	for (; *in && *in != '?'; in++) {
		if (*in == '%') {
			int hi = hex_value(in[1]), lo = hi < 0 ? -1 : hex_value(in[2]);
			if (lo < 0 || (hi | lo) == 0)
				return -1;
			*out++ = hi * 16 + lo;
			in += 2;
		} else
			*out++ = *in;
	}
	*out = '\0';
	return 0;
}

/* True when a part of the path between slashes is "..". */
static int has_dot_dot(const char *path)
{
	for (const char *p = path; (p = strstr(p, "..")); p += 2)
		if ((p == path || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
			return 1;
	return 0;
}

/* The real path of the file asked for, checked to lie inside home; exits with 404/403. */
static char *local_path(const char *path, int head_only)
{
	char *joined = path_join(home, path + 1), *real = realpath(joined, NULL);
	size_t n = strlen(home);

	if (!real)
		fail(errno == EACCES ? 403 : 404, head_only);
	if (strncmp(real, home, n) != 0 || (real[n] != '/' && real[n] != '\0' && n > 1))
		fail(403, head_only);	/* a symlink out of the home */
	free(joined);
	return real;
}

/* ---- the replies ---- */

/* Parse "bytes=A-B", "bytes=A-" or "bytes=-N" against size. 1 with a range, 0 none, -1 bad. */
static int parse_range(const char *value, long long size, long long *first, long long *last)
{
	long long a = -1, b = -1;
	const char *p;

	if (!value || strncmp(value, "bytes=", 6) != 0 || strchr(value, ','))
		return 0;	/* none, or several ranges: the whole file, as RFC 9110 allows */
	p = value + 6;
	if (*p == '-') {
		if (parse_long(p + 1, &b) < 0 || b <= 0)
			return 0;
		*first = b > size ? 0 : size - b;
		*last = size - 1;
	} else {
		char *dash = strchr(p, '-'), *end;
		if (!dash)
			return 0;
		errno = 0;
		a = strtoll(p, &end, 10);
		if (end != dash || errno || a < 0)
			return 0;
		if (dash[1] && (parse_long(dash + 1, &b) < 0 || b < a))
			return 0;
		*first = a;
		*last = dash[1] && b < size ? b : size - 1;
	}
	return *first < size ? 1 : -1;
}

static void send_file(const char *path, const struct stat *st, int head_only, const char *range)
{
	long long first = 0, last = st->st_size - 1, left;
	int fd = open(path, O_RDONLY), ranged;
	char buf[16384], modified[64];

	if (fd < 0)
		fail(errno == EACCES ? 403 : 404, head_only);
	ranged = parse_range(range, st->st_size, &first, &last);
	if (ranged < 0) {
		start_reply(416, NULL, 0);
		printf("Content-Range: bytes */%lld\r\n\r\n", (long long)st->st_size);
		return;
	}
	strftime(modified, sizeof modified, "%a, %d %b %Y %H:%M:%S GMT", gmtime(&st->st_mtime));
	start_reply(ranged ? 206 : 200, content_type(path), last - first + 1);
	printf("Last-Modified: %s\r\nAccept-Ranges: bytes\r\n", modified);
	if (ranged)
		printf("Content-Range: bytes %lld-%lld/%lld\r\n", first, last, (long long)st->st_size);
	printf("\r\n");
	if (verbose)
		fprintf(stderr, "httpd: %s: %d %s\n", client, ranged ? 206 : 200, path);
	if (head_only)
		return;
	fflush(stdout);
	if (first > 0 && lseek(fd, first, SEEK_SET) < 0)
		exit(1);
	for (left = last - first + 1; left > 0;) {
		ssize_t n = read(fd, buf, left < (long long)sizeof buf ? (size_t)left : sizeof buf);
		if (n <= 0 || write_all(STDOUT_FILENO, buf, n) < 0)
			exit(1);	/* the file shrank or the client left: the length tells it */
		left -= n;
	}
	close(fd);
}

/* Text with &, <, >, " written as entities, for HTML. */
static void put_html(struct strbuf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': sb_adds(b, "&amp;"); break;
		case '<': sb_adds(b, "&lt;"); break;
		case '>': sb_adds(b, "&gt;"); break;
		case '"': sb_adds(b, "&quot;"); break;
		default: sb_addc(b, *s);
		}
	}
}

/* A name in a URL: everything but letters, digits and -._~ as %XX. */
static void put_url(struct strbuf *b, const char *s)
{
	char hex[4];

	for (; *s; s++) {
		unsigned char c = *s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~", c))
			sb_addc(b, c);
		else {
			snprintf(hex, sizeof hex, "%%%02X", c);
			sb_adds(b, hex);
		}
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder without index.html: its entries as an HTML list. */
static void send_listing(const char *dir, const char *url_path, int head_only)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct strbuf b = { 0 };
	char **names = NULL, *page;
	size_t count = 0;

	if (!d)
		fail(errno == EACCES ? 403 : 404, head_only);
	while ((e = readdir(d)))
		if (e->d_name[0] != '.') {
			names = xrealloc(names, (count + 1) * sizeof *names);
			names[count++] = xstrdup(e->d_name);
		}
	closedir(d);
	qsort(names, count, sizeof *names, by_name);
	sb_adds(&b, "<html><head><title>Index of ");
	put_html(&b, url_path);
	sb_adds(&b, "</title></head>\n<body><h1>Index of ");
	put_html(&b, url_path);
	sb_adds(&b, "</h1>\n<ul>\n<li><a href=\"../\">../</a></li>\n");
	for (size_t i = 0; i < count; i++) {
		char *full = path_join(dir, names[i]);
		struct stat st;
		int is_dir = stat(full, &st) == 0 && S_ISDIR(st.st_mode);
		sb_adds(&b, "<li><a href=\"");
		put_url(&b, names[i]);
		sb_adds(&b, is_dir ? "/\">" : "\">");
		put_html(&b, names[i]);
		sb_adds(&b, is_dir ? "/</a></li>\n" : "</a></li>\n");
		free(full);
		free(names[i]);
	}
	free(names);
	sb_adds(&b, "</ul></body></html>\n");
	size_t len = b.len;
	page = sb_take(&b);
	start_reply(200, "text/html", len);
	printf("\r\n");
	if (!head_only)
		fwrite(page, 1, len, stdout);
	if (verbose)
		fprintf(stderr, "httpd: %s: 200 %s (listing)\n", client, dir);
	free(page);
}

/* A folder asked for without its final '/': send the client there, so relative links work. */
static void redirect_to_folder(const char *url_path)
{
	struct strbuf b = { 0 };
	char *location;

	for (const char *p = url_path; *p; p++) {	/* re-encode the decoded path */
		char one[2] = { *p, 0 };
		if (*p == '/')
			sb_addc(&b, '/');
		else
			put_url(&b, one);
	}
	sb_addc(&b, '/');
	location = sb_take(&b);
	start_reply(301, NULL, 0);
	printf("Location: %s\r\n\r\n", location);
	free(location);
}

struct request {
	char *method, *target;	/* in read_request's buffer; target %-decoded, no query */
	char *range;		/* the Range header's value (malloc'd), or NULL */
	int head_only;
};

/*
 * Read the request line and headers from in and check them: bytes in, a request or
 * a verdict out (the fuzz target tests/fuzz/httpd.c calls it too). 0 and *rq filled;
 * -1 when the client sent nothing; else the status to fail with (400, 405, 414).
 */
static int read_request(FILE *in, struct request *rq)
{
	static char line[MAX_REQUEST_LINE + 1];
	char *version;
	int len, header_bytes = 0;

	memset(rq, 0, sizeof *rq);
	len = read_line(in, line, MAX_REQUEST_LINE);
	if (len == -2)
		return -1;
	if (len < 0)
		return 414;
	rq->method = strtok(line, " ");
	rq->target = strtok(NULL, " ");
	version = strtok(NULL, " ");
	if (!rq->method || !rq->target || (version && !starts_with(version, "HTTP/")) || strtok(NULL, " "))
		return 400;
	rq->head_only = strcmp(rq->method, "HEAD") == 0;
	for (;;) {	/* the headers: only Range matters */
		char header[MAX_HEADER_BYTES + 1];
		int n = read_line(in, header, MAX_HEADER_BYTES - header_bytes);
		if (n < 0)
			return 400;
		if (n == 0)
			break;
		header_bytes += n;
		if (strncasecmp(header, "Range:", 6) == 0) {
			free(rq->range);
			rq->range = xstrdup(header + 6 + strspn(header + 6, " \t"));
		}
	}
	if (!rq->head_only && strcmp(rq->method, "GET") != 0)
		return 405;
	if (rq->target[0] != '/' || decode_path(rq->target) < 0 || has_dot_dot(rq->target))
		return 400;
	return 0;
}

/* Read one request from stdin and answer it on stdout. */
static void serve_request(void)
{
	struct request rq;
	char *target, *range, *path;
	int head_only, status;
	struct stat st;

	alarm(CLIENT_TIMEOUT);
	status = read_request(stdin, &rq);
	if (status < 0)
		exit(0);	/* the client said nothing */
	if (status > 0)
		fail(status, rq.head_only);
	alarm(SEND_TIMEOUT);
	target = rq.target;
	range = rq.range;
	head_only = rq.head_only;
	if (verbose)
		fprintf(stderr, "httpd: %s: %s %s\n", client, rq.method, target);
	path = local_path(target, head_only);
	if (stat(path, &st) < 0)
		fail(404, head_only);
	if (S_ISDIR(st.st_mode)) {
		char *index = path_join(path, "index.html");
		struct stat ist;
		if (target[strlen(target) - 1] != '/')
			redirect_to_folder(target);
		else if (stat(index, &ist) == 0 && S_ISREG(ist.st_mode)) {
			char *index_target = path_join(target, "index.html");
			free(path);
			path = local_path(index_target, head_only);	/* it may be a symlink out */
			send_file(path, &ist, head_only, range);
			free(index_target);
		} else
			send_listing(path, target, head_only);
		free(index);
	} else if (S_ISREG(st.st_mode))
		send_file(path, &st, head_only, range);
	else
		fail(403, head_only);
	fflush(stdout);
}

/* Open the listening socket for "[IP:]PORT". */
static int listen_on(const char *spec)
{
	struct in_addr a = { .s_addr = htonl(INADDR_ANY) };
	const char *colon = strrchr(spec, ':');
	long long port;

	if (colon) {
		char *ip = xstrndup(spec, colon - spec);
		if (inet_pton(AF_INET, ip, &a) != 1)
			usage_error(usage, "bad address '%s'", ip);
		free(ip);
		spec = colon + 1;
	}
	if (parse_long(spec, &port) < 0 || port < 1 || port > 65535)
		usage_error(usage, "bad port '%s'", spec);
	return tcp_listen(a, (int)port, 16);
}

/* Each connection in a child of its own: a slow client never holds up the others. */
static void __attribute__((noreturn)) serve_forever(int listener)
{
	signal(SIGCHLD, SIG_IGN);	/* the kernel reaps the children */
	for (;;) {
		struct sockaddr_in from;
		socklen_t len = sizeof from;
		int conn = accept(listener, (struct sockaddr *)&from, &len);
		if (conn < 0)
			continue;
		pid_t pid = fork();
		if (pid == 0) {
			close(listener);
			snprintf(client, sizeof client, "%s:%d", inet_ntoa(from.sin_addr), ntohs(from.sin_port));
			signal(SIGALRM, SIG_DFL);	/* the timeout ends the child */
			dup2(conn, STDIN_FILENO);
			dup2(conn, STDOUT_FILENO);
			close(conn);
			serve_request();
			exit(0);
		}
		close(conn);
	}
}

int httpd_main(int argc, char **argv)
{
	struct options o;
	int c, foreground = 0, listener;
	const char *port = "80", *dir = ".";

	options_start(&o, argc, argv, "fvp:h:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'f': foreground = 1; break;
		case 'v': verbose = 1; break;
		case 'p': port = o.arg; break;
		case 'h': dir = o.arg; break;
		}
	}
	if (argv[o.index])
		usage_error(usage, "unexpected operand '%s'", argv[o.index]);
	if (!realpath(dir, home))
		die("%s:", dir);
	if (chdir(home) < 0)
		die("%s:", home);
	listener = listen_on(port);
	signal(SIGPIPE, SIG_IGN);
	if (!foreground && become_daemon(verbose) < 0)
		die("fork:");
	serve_forever(listener);
}
