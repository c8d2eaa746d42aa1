#!/bin/sh
# The i486 gate: disassemble mini and fail on any instruction an i486 does not have.
# QEMU's `-cpu 486` does not trap endbr32 or the long nopl/nopw, so only this scan
# catches everything. Also checks that no member of Debian's libgcc.a (built for
# the i686) and no glibc object was linked in, using the link map.
# Usage: tests/check-486.sh BINARY (the unstripped mini.full, with its mini.map beside it)
binary=$1
map=${binary%.full}.map
# Instructions newer than the i486: CET (endbr32), P6 (cmov, fcmov, fcomi, fucomi,
# sysenter, rdpmc, long nops), Pentium (cmpxchg8b, rdtsc, rdmsr, cpuid), and every
# MMX/SSE/AVX register use.
forbidden='endbr32|endbr64|cmov[a-z]*|fcmov[a-z]*|f[u]?comip?|cmpxchg8b|rdtsc|rdtscp|rdmsr|wrmsr|cpuid|sysenter|sysexit|rdpmc|nopl|nopw|movbe|popcnt|lzcnt|tzcnt|prefetch[a-z0-9]*|emms|[a-z]*%x?mm[0-9]+|%ymm[0-9]+'

report() {
	if [ "$2" = ok ]; then echo "ok - $1"; else echo "not ok - $1"; fi
}

if ! [ -f "$binary" ]; then
	report "i486: $binary exists" fail
	exit 0
fi
found=$(objdump -d --no-show-raw-insn "$binary" | grep -E "	($forbidden)([ 	]|$)|%x?mm[0-9]" | head -n 20)
if [ -z "$found" ]; then
	report "i486: no instruction newer than the i486 in $(basename "$binary")" ok
else
	report "i486: no instruction newer than the i486 in $(basename "$binary")" fail
	echo "$found" | sed 's/^/#   /'
fi
if [ -f "$map" ] && ! grep -Eq 'libgcc\.a|libgcc_eh|/libc\.so|libc_nonshared|/lib/i386-linux-gnu/|/usr/lib32/' "$map"; then
	report "i486: nothing of libgcc.a or glibc is linked (link map)" ok
else
	report "i486: nothing of libgcc.a or glibc is linked (link map)" fail
	grep -E 'libgcc|i386-linux-gnu|lib32' "$map" 2>/dev/null | head -n 5 | sed 's/^/#   /'
fi
