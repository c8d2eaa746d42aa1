/*
 * wget: fetch a file over HTTP/1.1 (RFC 9110, RFC 9112), as BusyBox's wget does.
 *
 * One request per connection ("Connection: close"); redirects are followed a bounded
 * number of times; the body comes as Content-Length bytes, as chunks, or up to the
 * close. Every byte the server sends is hostile input: lines and header counts are
 * bounded, numbers are checked for overflow, and a short body is an error.
 *
 * The file is written to a temporary file beside its name and renamed when complete,
 * so a failed download never leaves a half-written file under the target name. With
 * -c the partial file is the point: the rest is appended to it (Range: bytes=N-), and
 * a server that ignores Range sends the whole file, which then replaces it the safe way.
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "duration.h"
#include "mini.h"
#include "net.h"

static const char usage[] =
	"Usage: wget [-cqS] [-O FILE] [-P DIR] [-T SEC] [-U AGENT] [--header 'NAME: VALUE'] URL...\n"
	"Fetch each URL over HTTP (http_proxy and no_proxy are obeyed).\n"
	"  -c        continue: append the rest to a partly fetched file\n"
	"  -q        quiet: no progress bar or messages\n"
	"  -S        show the server's reply headers\n"
	"  -O FILE   save to FILE (- for standard output)\n"
	"  -P DIR    save into DIR\n"
	"  -T SEC    give up when the network is silent for SEC seconds (default 900)\n"
	"  -U AGENT  the User-Agent header\n"
	"  -Y off    no proxy, whatever http_proxy says\n"
	"  --header 'NAME: VALUE'  one more request header (may be repeated)\n";

enum {
	MAX_LINE = 8192,	/* longest header line accepted */
	MAX_HEADERS = 100,	/* most header lines in one reply */
	MAX_REDIRECTS = 20,
	MAX_EXTRA_HEADERS = 32,
};

static struct {
	int continue_download, quiet, show_headers;
	const char *output, *prefix, *agent;
	const char *extra_headers[MAX_EXTRA_HEADERS];
	int extra_count;
	int timeout_ms;
} opt;

/* ---- URLs ---- */

struct url {
	char *host;	/* without brackets for an IPv6 address */
	char *port;
	char *path;	/* from the '/' on, with the query */
};

static void free_url(struct url *u)
{
	free(u->host);
	free(u->port);
	free(u->path);
}

/* Split "http://host[:port]/path" into u. Returns 0, or -1 after saying why not. */
static int parse_url(const char *text, struct url *u)
{
	const char *host, *end, *port_at = NULL;

	if (strncasecmp(text, "https://", 8) == 0) {
		warn("https is not supported (no TLS in mini)");
		return -1;
	}
	if (strncasecmp(text, "http://", 7) == 0)
		host = text + 7;
	else if (strstr(text, "://")) {
		warn("%s: only http:// URLs are supported", text);
		return -1;
	} else
		host = text;	/* "example.org/file", as wget allows */
	end = host + strcspn(host, "/?#");
	if (*host == '[') {	/* an IPv6 literal */
		const char *close = memchr(host, ']', end - host);
		if (!close) {
			warn("%s: bad URL", text);
			return -1;
		}
		u->host = xstrndup(host + 1, close - host - 1);
		if (close[1] == ':')
			port_at = close + 2;
		else if (close + 1 != end) {
			warn("%s: bad URL", text);
			return -1;
		}
	} else {
		const char *colon = memchr(host, ':', end - host);
		u->host = xstrndup(host, (colon ? colon : end) - host);
		if (colon)
			port_at = colon + 1;
	}
	u->port = port_at ? xstrndup(port_at, end - port_at) : xstrdup("80");
	u->path = xmalloc(strlen(end) + 2);	/* "?q" becomes "/?q"; the #fragment stays here */
	sprintf(u->path, "%s%.*s", *end == '/' ? "" : "/", (int)strcspn(end, "#"), end);
	if (*u->host == '\0' || strchr(u->host, '@') || *u->port == '\0' ||
	    strspn(u->port, "0123456789") != strlen(u->port)) {
		warn("%s: bad URL (no host or a bad port)", text);
		free_url(u);
		return -1;
	}
	return 0;
}

/* The target of a redirect: an absolute URL, or a path on the same server. */
static char *resolve_location(const struct url *base, const char *location)
{
	struct strbuf b = { 0 };

	if (strstr(location, "://") || starts_with(location, "//")) {
		sb_adds(&b, starts_with(location, "//") ? "http:" : "");
		sb_adds(&b, location);
		return sb_take(&b);
	}
	sb_adds(&b, "http://");
	if (strchr(base->host, ':')) {
		sb_addc(&b, '[');
		sb_adds(&b, base->host);
		sb_addc(&b, ']');
	} else
		sb_adds(&b, base->host);
	sb_addc(&b, ':');
	sb_adds(&b, base->port);
	if (*location == '/')
		sb_adds(&b, location);
	else {	/* relative to the base path's folder */
		const char *slash = strrchr(base->path, '/');
		size_t keep = strcspn(base->path, "?");
		if (slash && (size_t)(slash - base->path) < keep)
			keep = slash - base->path + 1;
		sb_addn(&b, base->path, keep);
		sb_adds(&b, location);
	}
	return sb_take(&b);
}

/* True when host is named by no_proxy (a comma list of names or domain suffixes). */
static int bypasses_proxy(const char *host)
{
	const char *list = getenv("no_proxy");
	char *copy, *item, *save;
	int found = 0;

	if (!list)
		return 0;
	copy = xstrdup(list);
	for (item = strtok_r(copy, ", ", &save); item && !found; item = strtok_r(NULL, ", ", &save)) {
		size_t hl = strlen(host), il;
		if (*item == '.')
			item++;
		il = strlen(item);
		found = strcmp(item, "*") == 0 || strcasecmp(host, item) == 0 ||
			(hl > il && host[hl - il - 1] == '.' && strcasecmp(host + hl - il, item) == 0);
	}
	free(copy);
	return found;
}

/* ---- the connection: a socket with a read buffer and a timeout on every wait ---- */

struct conn {
	int fd;
	char buf[16384];
	size_t start, end;	/* the unread bytes are buf[start..end) */
};

/* Connect to host:port, trying each address it has. Returns the socket or -1 (said). */
static int open_connection(const char *host, const char *port)
{
	struct addrinfo *list = resolve_tcp(host, port), *a;
	char shown[64] = "?";
	int fd = -1;

	if (list == NULL)
		return -1;
	for (a = list; a && fd < 0; a = a->ai_next) {
		getnameinfo(a->ai_addr, a->ai_addrlen, shown, sizeof shown, NULL, 0, NI_NUMERICHOST);
		if (!opt.quiet)
			fprintf(stderr, "Connecting to %s (%s:%s)\n", host, shown, port);
		fd = connect_address(a, opt.timeout_ms);
	}
	if (fd < 0)
		warn("can't connect to %s (%s:%s):", host, shown, port);
	freeaddrinfo(list);
	return fd;
}

/* Read more into the buffer. Returns bytes added, 0 at the end, -1 on error/timeout. */
static ssize_t conn_fill(struct conn *c)
{
	ssize_t n;

	if (c->start == c->end)
		c->start = c->end = 0;
	if (c->end == sizeof c->buf) {	/* move the unread bytes to the front */
		memmove(c->buf, c->buf + c->start, c->end - c->start);
		c->end -= c->start;
		c->start = 0;
	}
	if (wait_ready(c->fd, POLLIN, opt.timeout_ms) < 0)
		return -1;
	while ((n = read(c->fd, c->buf + c->end, sizeof c->buf - c->end)) < 0 && errno == EINTR)
		;
	if (n > 0)
		c->end += n;
	return n;
}

enum { LINE_EOF = -1, LINE_ERROR = -2, LINE_TOO_LONG = -3 };

/* One line without its CR LF into line (room for MAX_LINE + 1). Returns its length or LINE_*. */
static int conn_line(struct conn *c, char *line)
{
	for (;;) {
		char *nl = memchr(c->buf + c->start, '\n', c->end - c->start);
		if (nl) {
			size_t len = nl - (c->buf + c->start);
			if (len > MAX_LINE)
				return LINE_TOO_LONG;
			memcpy(line, c->buf + c->start, len);
			c->start += len + 1;
			if (len > 0 && line[len - 1] == '\r')
				len--;
			line[len] = '\0';
			return len;
		}
		if (c->end - c->start > MAX_LINE)
			return LINE_TOO_LONG;
		ssize_t n = conn_fill(c);
		if (n <= 0)
			return n == 0 ? LINE_EOF : LINE_ERROR;
	}
}

/* Up to max bytes of the body. Returns how many, 0 at the end, -1 on error. */
static ssize_t conn_read(struct conn *c, char *out, size_t max)
{
	size_t n;

	if (c->start == c->end) {
		ssize_t got = conn_fill(c);
		if (got <= 0)
			return got;
	}
	n = c->end - c->start < max ? c->end - c->start : max;
	memcpy(out, c->buf + c->start, n);
	c->start += n;
	return n;
}

/* ---- the reply ---- */

struct reply {
	int status;
	long long length;	/* Content-Length, or -1 */
	long long range_start;	/* of a 206's Content-Range, or -1 */
	long long range_total;	/* the whole file's size from Content-Range, or -1 */
	int chunked;
	char *location;
	char status_line[128];
};

/* A whole unsigned decimal number that fits a long long, or -1. */
static long long parse_count(const char *s)
{
	long long v = 0;

	if (*s < '0' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > (0x7fffffffffffffffLL - (*s - '0')) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	while (*s == ' ' || *s == '\t')
		s++;
	return *s ? -1 : v;
}

static int header_value(const char *line, const char *name, const char **value)
{
	size_t n = strlen(name);

	if (strncasecmp(line, name, n) != 0 || line[n] != ':')
		return 0;
	for (line += n + 1; *line == ' ' || *line == '\t'; line++)
		;
	*value = line;
	return 1;
}

/* Take in one header line. Returns 0, or -1 after saying what is wrong with it. */
static int reply_header(struct reply *r, const char *line)
{
	const char *v;

	if (header_value(line, "Content-Length", &v)) {
		if ((r->length = parse_count(v)) < 0) {
			warn("bad Content-Length in the reply: '%.40s'", v);
			return -1;
		}
	} else if (header_value(line, "Transfer-Encoding", &v)) {
		r->chunked = strcasestr(v, "chunked") != NULL;
	} else if (header_value(line, "Location", &v)) {
		free(r->location);
		r->location = xstrdup(v);
	} else if (header_value(line, "Content-Range", &v)) {
		long long start, end, total = -1;
		char star;
		if (sscanf(v, "bytes %lld-%lld/%lld", &start, &end, &total) >= 2 && start >= 0)
			r->range_start = start, r->range_total = total;
		else if (sscanf(v, "bytes */%lld", &total) == 1 || sscanf(v, "bytes %c", &star) == 1)
			r->range_total = total;
	}
	return 0;
}

/* Read the status line and the headers. Returns 0, or -1 after saying what was wrong. */
static int read_reply(struct conn *c, struct reply *r)
{
	char line[MAX_LINE + 1];
	int len, count = 0;

	memset(r, 0, sizeof *r);
	r->length = r->range_start = r->range_total = -1;
	do {	/* "100 Continue" replies come before the real one */
		len = conn_line(c, line);
		if (len < 0)
			break;
		if (strncmp(line, "HTTP/", 5) != 0 || sscanf(line, "HTTP/%*d.%*d %3d", &r->status) != 1 ||
		    r->status < 100) {
			warn("not an HTTP reply: '%.60s'", line);
			return -1;
		}
		snprintf(r->status_line, sizeof r->status_line, "%.100s", line);
		if (opt.show_headers)
			fprintf(stderr, "  %s\n", line);
		while ((len = conn_line(c, line)) > 0) {
			if (++count > MAX_HEADERS) {
				warn("too many header lines in the reply");
				return -1;
			}
			if (opt.show_headers)
				fprintf(stderr, "  %s\n", line);
			if (reply_header(r, line) < 0)
				return -1;
		}
	} while (len == 0 && r->status >= 100 && r->status < 200);
	if (len == LINE_TOO_LONG)
		warn("header line too long in the reply");
	else if (len == LINE_ERROR)
		warn("reading the reply:");
	else if (len == LINE_EOF)
		warn("connection closed before the end of the reply's headers");
	return len == 0 ? 0 : -1;
}

/* ---- the progress bar (on a terminal only) ---- */

struct progress {
	int shown;
	const char *name;
	long long start_offset, done, total;	/* total -1: unknown */
	long long started, last_drawn;		/* monotonic nanoseconds */
};

static void draw_progress(struct progress *p, int final)
{
	long long now = monotonic_nanoseconds(), elapsed_ms, speed;
	long long got = p->done - p->start_offset;
	char size[16], speed_text[16], eta[64] = "";
	int rows, cols, bar, percent = -1;

	if (!p->shown || (!final && now - p->last_drawn < 200000000LL))
		return;
	p->last_drawn = now;
	elapsed_ms = (now - p->started) / 1000000 + 1;
	speed = got * 1000 / elapsed_ms;
	if (p->total > 0)
		percent = p->done >= p->total ? 100 : (int)(p->done * 100 / p->total);
	human_size(size, p->done);
	human_size(speed_text, speed);
	if (final)
		snprintf(eta, sizeof eta, "%lld:%02lld:%02lld", elapsed_ms / 3600000,
			 elapsed_ms / 60000 % 60, elapsed_ms / 1000 % 60);
	else if (p->total > 0 && speed > 0) {
		long long left = (p->total - p->done) / speed;
		snprintf(eta, sizeof eta, "%lld:%02lld:%02lld ETA", left / 3600, left / 60 % 60, left % 60);
	}
	terminal_size(STDERR_FILENO, &rows, &cols);
	bar = cols - 20 - 4 - 2 - 7 - 9 - 13 - 6;
	fprintf(stderr, "\r%-20.20s ", p->name);
	if (percent >= 0) {
		fprintf(stderr, "%3d%% |", percent);
		for (int i = 0; i < bar; i++)
			fputc(i < bar * percent / 100 ? '*' : ' ', stderr);
		fputc('|', stderr);
	}
	fprintf(stderr, " %6s %6s/s %-13s", size, speed_text, eta);
	if (final)
		fputc('\n', stderr);
	fflush(stderr);
}

/* ---- the body ---- */

struct sink {
	int fd;
	struct progress *progress;
};

static int put_body(struct sink *s, const char *buf, size_t n)
{
	if (write_all(s->fd, buf, n) < 0) {
		warn("write error:");
		return -1;
	}
	s->progress->done += n;
	draw_progress(s->progress, 0);
	return 0;
}

/* Copy exactly length bytes (-1: up to the close) from the connection. */
static int copy_body(struct conn *c, struct sink *s, long long length)
{
	char buf[16384];
	ssize_t n;

	while (length != 0) {
		size_t want = length < 0 || length > (long long)sizeof buf ? sizeof buf : (size_t)length;
		n = conn_read(c, buf, want);
		if (n < 0) {
			warn("reading the body:");
			return -1;
		}
		if (n == 0) {
			if (length < 0)
				return 0;
			warn("connection closed early (%lld bytes missing)", length);
			return -1;
		}
		if (put_body(s, buf, n) < 0)
			return -1;
		if (length > 0)
			length -= n;
	}
	return 0;
}

/* The size on a chunk's line: hex digits, then maybe ";extension". -1 if bad or too big. */
static long long chunk_size(const char *line)
{
	long long v = 0;
	int digits = 0;

	for (; *line; line++, digits++) {
		int d = *line >= '0' && *line <= '9' ? *line - '0' :
			*line >= 'a' && *line <= 'f' ? *line - 'a' + 10 :
			*line >= 'A' && *line <= 'F' ? *line - 'A' + 10 : -1;
		if (d < 0)
			break;
		if (v > 0x7fffffffffffffffLL >> 4)
			return -1;
		v = v * 16 + d;
	}
	while (*line == ' ' || *line == '\t')
		line++;
	return digits && (*line == '\0' || *line == ';') ? v : -1;
}

/* Transfer-Encoding: chunked: size lines, data, an empty chunk, the trailers. */
static int copy_chunks(struct conn *c, struct sink *s)
{
	char line[MAX_LINE + 1];
	long long size;
	int len, trailers = 0;

	for (;;) {
		len = conn_line(c, line);
		if (len < 0 || (size = chunk_size(line)) < 0) {
			warn(len == LINE_EOF ? "connection closed early (in the chunks)" : "bad chunk in the reply");
			return -1;
		}
		if (size == 0)
			break;
		if (copy_body(c, s, size) < 0)
			return -1;
		if (conn_line(c, line) != 0) {	/* the CR LF after the data */
			warn("bad chunk in the reply");
			return -1;
		}
	}
	while ((len = conn_line(c, line)) > 0)	/* trailer fields, ignored */
		if (++trailers > MAX_HEADERS)
			break;
	return 0;	/* a missing final CR LF loses nothing */
}

/* ---- one download ---- */

struct target {
	const char *name;	/* NULL: standard output */
	int fd;
	char *temp;		/* the temporary file being written, or NULL when appending */
	long long offset;	/* bytes already there (-c) */
};

/* The name to save to: -O, or the URL path's last part (index.html for none), in -P. */
static char *target_name(const char *url_path)
{
	const char *name;
	size_t len;
	char *base, *full;

	if (opt.output)
		return xstrdup(opt.output);
	len = strcspn(url_path, "?");
	if (len > 0 && url_path[len - 1] == '/')
		len = 0;	/* a folder: index.html */
	name = url_path;
	for (size_t i = 0; i < len; i++)
		if (url_path[i] == '/')
			name = url_path + i + 1;
	len -= name - url_path;
	base = len ? xstrndup(name, len) : xstrdup("index.html");
	if (!opt.prefix)
		return base;
	full = path_join(opt.prefix, base);
	free(base);
	return full;
}

/* Open where the body goes: append to the file (keep), or a new temporary file beside it. */
static int open_target(struct target *t, int keep)
{
	struct stat st;

	if (!t->name) {
		t->fd = STDOUT_FILENO;
		return 0;
	}
	/* -O /dev/null or a FIFO: written into; a file renamed over it would replace it. */
	int special = stat(t->name, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
	if (keep || special) {
		t->fd = open(t->name, O_WRONLY | O_CREAT | (special ? 0 : O_APPEND), 0666);
		if (t->fd < 0)
			warn("%s:", t->name);
		return t->fd < 0 ? -1 : 0;
	}
	t->temp = xmalloc(strlen(t->name) + 16);
	sprintf(t->temp, "%s.wget-XXXXXX", t->name);
	t->fd = mkstemp(t->temp);
	if (t->fd < 0) {
		warn("%s:", t->temp);
		free(t->temp);
		t->temp = NULL;
		return -1;
	}
	mode_t mask = umask(0);
	umask(mask);
	fchmod(t->fd, 0666 & ~mask);
	return 0;
}

/* Finish the file: rename the complete temporary file, or remove it after a failure. */
static int close_target(struct target *t, int ok)
{
	if (!t->name)
		return ok ? 0 : -1;
	if (close(t->fd) < 0 && ok) {
		warn("%s:", t->name);
		ok = 0;
	}
	if (t->temp) {
		if (ok && rename(t->temp, t->name) < 0) {
			warn("%s:", t->name);
			ok = 0;
		}
		if (!ok)
			unlink(t->temp);
		free(t->temp);
		t->temp = NULL;
	}
	return ok ? 0 : -1;
}

static void send_request(struct strbuf *b, const struct url *u, int via_proxy, long long offset)
{
	int has_agent = 0;

	sb_adds(b, "GET ");
	if (via_proxy) {
		sb_adds(b, "http://");
		sb_adds(b, u->host);
		sb_addc(b, ':');
		sb_adds(b, u->port);
	}
	sb_adds(b, u->path);
	sb_adds(b, " HTTP/1.1\r\nHost: ");
	if (strchr(u->host, ':')) {
		sb_addc(b, '[');
		sb_adds(b, u->host);
		sb_addc(b, ']');
	} else
		sb_adds(b, u->host);
	if (strcmp(u->port, "80") != 0) {
		sb_addc(b, ':');
		sb_adds(b, u->port);
	}
	sb_adds(b, "\r\n");
	for (int i = 0; i < opt.extra_count; i++) {
		has_agent |= strncasecmp(opt.extra_headers[i], "User-Agent:", 11) == 0;
		sb_adds(b, opt.extra_headers[i]);
		sb_adds(b, "\r\n");
	}
	if (!has_agent) {
		sb_adds(b, "User-Agent: ");
		sb_adds(b, opt.agent);
		sb_adds(b, "\r\n");
	}
	if (offset > 0) {
		char range[48];
		snprintf(range, sizeof range, "Range: bytes=%lld-\r\n", offset);
		sb_adds(b, range);
	}
	sb_adds(b, "Connection: close\r\n\r\n");
}

/* Connect (directly or through the proxy) and send the request. Returns the socket or -1. */
static int start_request(const struct url *u, long long offset)
{
	const char *proxy = getenv("http_proxy");
	struct url p = { 0 };
	struct strbuf request = { 0 };
	int via_proxy = proxy && *proxy && !bypasses_proxy(u->host), fd;
	char *text;

	if (via_proxy && parse_url(proxy, &p) < 0)
		return -1;
	fd = via_proxy ? open_connection(p.host, p.port) : open_connection(u->host, u->port);
	if (via_proxy)
		free_url(&p);
	if (fd < 0)
		return -1;
	send_request(&request, u, via_proxy, offset);
	text = sb_take(&request);
	if (write_all(fd, text, strlen(text)) < 0) {
		warn("sending the request:");
		close(fd);
		fd = -1;
	}
	free(text);
	return fd;
}

/* The body of a 200 or 206 reply into the target. Returns 0 or -1 (said). */
static int save_body(struct conn *c, struct reply *r, struct target *t)
{
	int partial = r->status == 206;
	/* -c with nothing fetched yet writes under the name at once, so that a later -c can
	 * resume; a whole file replacing a partial one goes the safe way (a temporary file). */
	int append = partial || (opt.continue_download && t->offset == 0);
	struct progress p = { 0 };
	struct sink s = { .progress = &p };
	int ok;

	if (partial && r->range_start != t->offset) {
		warn("the server sent a range that does not start at byte %lld", t->offset);
		return -1;
	}
	if (!partial && t->offset > 0) {
		if (!opt.quiet)
			fprintf(stderr, "The server ignored the range: fetching the whole file\n");
		t->offset = 0;
	}
	if (open_target(t, append) < 0)
		return -1;
	s.fd = t->fd;
	p.name = t->name ? base_name(t->name) : "-";
	p.shown = !opt.quiet && isatty(STDERR_FILENO);
	p.start_offset = p.done = t->offset;
	/* A crafted Content-Length near the largest number must not overflow the sum. */
	p.total = r->length >= 0 && r->length <= 0x7fffffffffffffffLL - t->offset ? t->offset + r->length : -1;
	p.started = monotonic_nanoseconds();
	ok = (r->chunked ? copy_chunks(c, &s) : copy_body(c, &s, r->length)) == 0;
	draw_progress(&p, 1);
	if (close_target(t, ok) < 0)
		return -1;
	if (ok && !opt.quiet && t->name && !p.shown)
		fprintf(stderr, "'%s' saved\n", t->name);
	return ok ? 0 : -1;
}

static long long existing_size(const char *name)
{
	struct stat st;

	return name && stat(name, &st) == 0 && S_ISREG(st.st_mode) ? st.st_size : 0;
}

/*
 * What the server sends on fd, once the request is sent: the status line and headers,
 * then the body of a 200 or 206 saved into t, or a redirect's target (resolved against
 * u, malloc'd) in *next_url. Bytes in, a file or a URL out: the fuzz target
 * tests/fuzz/wget.c gives it a file of hostile replies. Returns 0 done, 1 failed
 * (said), 2 redirected.
 */
static int receive_reply(int fd, const struct url *u, struct target *t, char **next_url)
{
	struct conn *c = xmalloc(sizeof *c);
	struct reply r;
	int result;

	c->fd = fd;
	c->start = c->end = 0;
	if (read_reply(c, &r) < 0) {
		result = 1;
	} else if (r.status >= 300 && r.status < 400 && r.status != 304 && r.location) {
		*next_url = resolve_location(u, r.location);
		result = 2;
	} else if (r.status == 200 || r.status == 206) {
		result = save_body(c, &r, t) == 0 ? 0 : 1;
	} else if (r.status == 416 && t->offset > 0) {
		if (!opt.quiet)
			fprintf(stderr, "The file is already fully retrieved; nothing to do.\n");
		result = 0;
	} else {
		warn("server returned error: %s", r.status_line);
		result = 1;
	}
	free(r.location);
	free(c);
	return result;
}

/* Fetch one URL, following redirects. Returns 0 or 1. */
static int fetch(const char *start_url)
{
	char *url_text = xstrdup(start_url);
	struct target t = { 0 };
	char *name = NULL;
	int result = 1;

	for (int hops = 0; hops <= MAX_REDIRECTS; hops++) {
		struct url u;
		char *next_url = NULL;
		int fd;

		if (parse_url(url_text, &u) < 0) {
			result = 1;	/* a bad URL, maybe a redirect's: said */
			break;
		}
		if (!name) {
			name = target_name(u.path);
			t.name = strcmp(name, "-") == 0 ? NULL : name;
			t.offset = opt.continue_download ? existing_size(t.name) : 0;
		}
		fd = start_request(&u, t.offset);
		result = fd < 0 ? 1 : receive_reply(fd, &u, &t, &next_url);
		if (fd >= 0)
			close(fd);
		free_url(&u);
		if (result != 2)
			break;
		free(url_text);
		url_text = next_url;
		if (!opt.quiet)
			fprintf(stderr, "Redirected to %s\n", url_text);
	}
	if (result == 2) {
		warn("too many redirects");
		result = 1;
	}
	free(url_text);
	free(name);
	return result;
}

/* Take --header, --user-agent, --quiet... out of argv (BusyBox's long names). */
static int long_options(int argc, char **argv)
{
	int kept = 1;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *value = NULL;
		if (strcmp(a, "--") == 0) {
			while (i < argc)
				argv[kept++] = argv[i++];
			break;
		}
		if (!starts_with(a, "--") || strcmp(a, "--help") == 0) {
			argv[kept++] = argv[i];
			continue;
		}
		const char *eq = strchr(a, '=');
		size_t n = eq ? (size_t)(eq - a) : strlen(a);
		int takes_value = !strncmp(a, "--header", n) || !strncmp(a, "--user-agent", n) ||
				  !strncmp(a, "--output-document", n) || !strncmp(a, "--timeout", n) ||
				  !strncmp(a, "--directory-prefix", n);
		if (takes_value) {
			value = eq ? eq + 1 : argv[++i];
			if (!value)
				usage_error(usage, "option '%s' needs a value", a);
		}
		if (!strncmp(a, "--header", n) && n == 8) {
			if (opt.extra_count == MAX_EXTRA_HEADERS || strpbrk(value, "\r\n"))
				usage_error(usage, "bad or too many --header options");
			opt.extra_headers[opt.extra_count++] = value;
		} else if (!strncmp(a, "--user-agent", n) && n == 12)
			opt.agent = value;
		else if (!strncmp(a, "--output-document", n) && n == 17)
			opt.output = value;
		else if (!strncmp(a, "--directory-prefix", n) && n == 18)
			opt.prefix = value;
		else if (!strncmp(a, "--timeout", n) && n == 9) {
			argv[kept++] = "-T";
			argv[kept++] = (char *)value;
		} else if (!strcmp(a, "--quiet"))
			opt.quiet = 1;
		else if (!strcmp(a, "--continue"))
			opt.continue_download = 1;
		else if (!strcmp(a, "--server-response"))
			opt.show_headers = 1;
		else if (strcmp(a, "--no-check-certificate") != 0)
			usage_error(usage, "unknown option '%s'", a);
	}
	argv[kept] = NULL;
	return kept;
}

int wget_main(int argc, char **argv)
{
	struct options o;
	int c, status = 0;
	long long seconds;

	opt.agent = "Wget (mini)";
	opt.timeout_ms = 900 * 1000;
	argc = long_options(argc, argv);
	options_start(&o, argc, argv, "cqSO:P:T:U:Y:", usage);
	while ((c = options_next(&o)) != -1) {
		switch (c) {
		case 'c': opt.continue_download = 1; break;
		case 'q': opt.quiet = 1; break;
		case 'S': opt.show_headers = 1; break;
		case 'O': opt.output = o.arg; break;
		case 'P': opt.prefix = o.arg; break;
		case 'U': opt.agent = o.arg; break;
		case 'Y':	/* -Y on/off: use the proxy or not */
			if (strcmp(o.arg, "off") == 0)
				unsetenv("http_proxy");
			break;
		case 'T':
			if (parse_long(o.arg, &seconds) < 0 || seconds <= 0 || seconds > 86400)
				usage_error(usage, "bad timeout '%s'", o.arg);
			opt.timeout_ms = seconds * 1000;
			break;
		}
	}
	argv += o.index;
	if (!*argv)
		usage_error(usage, "no URL given");
	signal(SIGPIPE, SIG_IGN);
	for (; *argv; argv++)
		status |= fetch(*argv);
	if (opt.output && strcmp(opt.output, "-") == 0 && flush_stdout() < 0)
		status = 1;
	return status;
}
