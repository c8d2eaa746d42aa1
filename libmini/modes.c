/*
 * modes.c: file mode bits as text, both ways.
 *
 * mode_string() writes the ls -l form; parse_mode() reads the two forms of POSIX
 * chmod: an octal number, or clauses like "u+x,go-w,a=rX" (XCU chmod).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "modes.h"

void mode_string(mode_t mode, char *buf)
{
	/* Indexed by the file type (mode >> 12): fifo 1, char 2, dir 4, block 6, ... */
	static const char types[] = "?pc?d?b?-?l?s???";
	static const char letters[] = "rwxrwxrwx";

	buf[0] = types[(mode >> 12) & 15];
	for (int i = 0; i < 9; i++)
		buf[i + 1] = mode & (0400 >> i) ? letters[i] : '-';
	/* A set-id or sticky bit shows in the x place: lower case when x is set too. */
	if (mode & S_ISUID)
		buf[3] = mode & S_IXUSR ? 's' : 'S';
	if (mode & S_ISGID)
		buf[6] = mode & S_IXGRP ? 's' : 'S';
	if (mode & S_ISVTX)
		buf[9] = mode & S_IXOTH ? 't' : 'T';
	buf[10] = '\0';
}

/* The bits one "who" letter of a clause stands for. */
static mode_t who_bits(char c)
{
	switch (c) {
	case 'u': return S_ISUID | S_IRWXU;
	case 'g': return S_ISGID | S_IRWXG;
	case 'o': return S_ISVTX | S_IRWXO;
	default:  return 07777;		/* 'a' */
	}
}

/* "g=u": the rwx bits of class c in mode, copied into all three classes. */
static mode_t copied_bits(char c, mode_t mode)
{
	int shift = c == 'u' ? 6 : c == 'g' ? 3 : 0;
	mode_t rwx = (mode >> shift) & 7;

	return rwx << 6 | rwx << 3 | rwx;
}

/* The permission letters after an operator: "rwX" becomes 0777 or 0666. */
static mode_t permission_bits(const char **p, mode_t mode)
{
	mode_t bits = 0;

	for (;; (*p)++) {
		switch (**p) {
		case 'r': bits |= 0444; break;
		case 'w': bits |= 0222; break;
		case 'x': bits |= 0111; break;
		case 'X':	/* x only for directories and files executable by someone */
			if (S_ISDIR(mode) || (mode & 0111))
				bits |= 0111;
			break;
		case 's': bits |= S_ISUID | S_ISGID; break;
		case 't': bits |= S_ISVTX; break;
		default: return bits;
		}
	}
}

/* One clause, "go-w" or "a=rX": changes *mode; returns the text after it, NULL if bad. */
static const char *apply_clause(const char *p, mode_t *mode, mode_t umask_bits)
{
	mode_t who = 0, affected, bits;

	for (; *p && strchr("ugoa", *p); p++)
		who |= who_bits(*p);
	/* Without a who, all classes are meant, except the bits the umask holds back. */
	affected = who ? who : 07777 & ~umask_bits;
	if (*p == '\0' || !strchr("+-=", *p))
		return NULL;
	while (*p && strchr("+-=", *p)) {
		char op = *p++;
		if (*p && strchr("ugo", *p))
			bits = copied_bits(*p++, *mode);
		else
			bits = permission_bits(&p, *mode);
		bits &= affected;
		if (op == '=')
			*mode &= ~(who ? who : 07777);
		if (op == '-')
			*mode &= ~bits;
		else
			*mode |= bits;
	}
	return p;
}

int parse_mode(const char *spec, mode_t old, mode_t *result)
{
	/* The file type stays in mode while the clauses work: X asks for it. */
	mode_t mode = old, umask_bits;
	const char *p = spec;

	if (*p >= '0' && *p <= '7') {
		char *end;
		long octal = strtol(spec, &end, 8);
		if (*end != '\0' || octal > 07777)
			return -1;
		*result = octal;
		return 0;
	}
	umask_bits = umask(0);
	umask(umask_bits);
	for (;;) {
		p = apply_clause(p, &mode, umask_bits);
		if (p == NULL)
			return -1;
		if (*p == '\0')
			break;
		if (*p++ != ',')
			return -1;
	}
	*result = mode & 07777;
	return 0;
}
