/*
 * rdate: get the date from a time server (RFC 868, TCP port 37), as BusyBox's rdate.
 *
 * The server sends the seconds since 1900-01-01 00:00 UTC as 32 bits in network order,
 * then closes. With no option the clock is set and the date printed; -s only sets,
 * -p only prints. mini's time_t is 32 bits (uClibc on i386): a reply before 1970 or
 * after 2038-01-19 is refused rather than wrapped into a wrong date.
 */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "mini.h"
#include "net.h"

static const char usage[] =
	"Usage: rdate [-sp] HOST\n"
	"Get the date from the RFC 868 time server on HOST; set the clock and print it.\n"
	"  -s  only set the clock\n"
	"  -p  only print the remote date\n";

enum { TIMEOUT_MS = 10000 };
/* Seconds from 1900-01-01 to 1970-01-01: 70 years, 17 of them leap years. */
#define SECONDS_1900_TO_1970 2208988800LL

/* The server's four bytes, as seconds since 1970; dies on a short or impossible reply. */
static time_t remote_time(int fd, const char *host)
{
	unsigned char b[4];
	size_t got = 0;
	long long seconds;

	while (got < sizeof b) {
		ssize_t n;
		if (wait_ready(fd, POLLIN, TIMEOUT_MS) < 0)
			die("%s: no reply:", host);
		n = read(fd, b + got, sizeof b - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			die("%s:", host);
		if (n == 0)
			die("%s: short reply (%zu bytes, not 4)", host, got);
		got += n;
	}
	seconds = ((long long)b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]) - SECONDS_1900_TO_1970;
	if (seconds < 0 || seconds > INT32_MAX)
		die("%s: the remote time is outside what this system can hold (1970 to 2038)", host);
	return (time_t)seconds;
}

int rdate_main(int argc, char **argv)
{
	struct options o;
	int c, set = 1, print = 1, fd;
	time_t t;

	options_start(&o, argc, argv, "sp", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 's')
			print = 0;
		else
			set = 0;
	}
	argv += o.index;
	if (!argv[0] || argv[1])
		usage_error(usage, argv[0] ? "too many operands" : "no host given");
	if (!set && !print)	/* -s -p: only print, as BusyBox does */
		print = 1;
	fd = connect_host(argv[0], "37", TIMEOUT_MS);
	if (fd < 0)
		return 1;
	t = remote_time(fd, argv[0]);
	close(fd);
	if (set) {
		struct timeval now;
		gettimeofday(&now, NULL);
		if (now.tv_sec == t)
			fprintf(stderr, "rdate: current time matches remote time\n");
		else {
			struct timeval tv = { .tv_sec = t };
			if (settimeofday(&tv, NULL) < 0)
				die("can't set the time:");
		}
	}
	if (print)
		printf("%s", ctime(&t));
	return flush_stdout() < 0;
}
