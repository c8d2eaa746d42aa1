/* strings.c: small parsing and formatting helpers shared by the commands. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"

const char *base_name(const char *path)
{
	static char buf[256];
	size_t len = strlen(path);
	const char *start;

	while (len > 1 && path[len - 1] == '/')
		len--;
	if (len == 1 && path[0] == '/')
		return "/";
	start = path + len;
	while (start > path && start[-1] != '/')
		start--;
	if (path[len] == '\0')		/* no trailing slashes: point into path */
		return start;
	/* "dir/name//": copy the name out, the caller's string stays untouched. */
	len = path + len - start;
	if (len >= sizeof buf)
		len = sizeof buf - 1;
	memcpy(buf, start, len);
	buf[len] = '\0';
	return buf;
}

int parse_long(const char *s, long long *out)
{
	char *end;

	errno = 0;
	if (*s == '\0' || isspace((unsigned char)*s))
		return -1;
	*out = strtoll(s, &end, 10);
	if (errno || *end != '\0')
		return -1;
	return 0;
}

int parse_size(const char *s, long long *out)
{
	static const char suffixes[] = "bkmgt";
	char *end;
	long long n;
	const char *unit;

	errno = 0;
	if (!isdigit((unsigned char)*s))
		return -1;
	n = strtoll(s, &end, 10);
	if (errno)
		return -1;
	if (*end != '\0') {
		unit = strchr(suffixes, tolower((unsigned char)*end));
		if (unit == NULL || end[1] != '\0')
			return -1;
		if (*unit == 'b') {
			n *= 512;
		} else {
			for (; unit > suffixes; unit--)
				n *= 1024;
		}
	}
	*out = n;
	return 0;
}

char *human_size(char *buf, unsigned long long bytes)
{
	static const char units[] = "BKMGTPE";
	unsigned long long scaled = bytes * 10;	/* one decimal place, in tenths */
	int u = 0;

	if (bytes < 1024) {
		sprintf(buf, "%llu", bytes);
		return buf;
	}
	while (scaled >= 10240 && u < 6) {
		scaled = (scaled + 1023) / 1024;	/* round up, like ls -h and df -h */
		u++;
	}
	if (scaled < 100)
		sprintf(buf, "%llu.%llu%c", scaled / 10, scaled % 10, units[u]);
	else
		sprintf(buf, "%llu%c", (scaled + 9) / 10, units[u]);
	return buf;
}

int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}
