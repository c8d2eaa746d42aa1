# mkswap: a version 1 swap header, checked with the host's blkid (never swapped on here)
check "mkswap: a header blkid reads (label, UUID, type)" \
	'truncate -s 1M sw.img && mkswap -L myswap -U 01234567-89ab-cdef-0123-456789abcdef sw.img >/dev/null &&
	 /usr/sbin/blkid -o export sw.img | grep -E "^(LABEL|UUID|TYPE)="' \
	$'LABEL=myswap\nUUID=01234567-89ab-cdef-0123-456789abcdef\nTYPE=swap\n'
check "mkswap: says the size and the UUID" \
	'truncate -s 1M sw.img && mkswap -U 01234567-89ab-cdef-0123-456789abcdef sw.img' \
	$'Setting up swapspace version 1, size = 1020 KiB (1044480 bytes)\nno label, UUID=01234567-89ab-cdef-0123-456789abcdef\n'
check "mkswap: the last page number and the magic" \
	'truncate -s 1M sw.img && mkswap sw.img >/dev/null && od -An -tu4 -j1024 -N8 sw.img && tail -c +4087 sw.img | head -c 10; echo' \
	$'          1        255\nSWAPSPACE2\n'
check "mkswap: SIZE_IN_KB uses only part of the file" \
	'truncate -s 1M sw.img && mkswap sw.img 400 | head -n 1' $'Setting up swapspace version 1, size = 396 KiB (405504 bytes)\n'
check "mkswap: too small" 'truncate -s 20k sw.img && mkswap sw.img' '' 1 'mkswap: sw.img: too small for a swap area'
check "mkswap: SIZE_IN_KB past the end" 'truncate -s 100k sw.img && mkswap sw.img 200' '' 1 'more than the device holds'
check "mkswap: a label too long" 'truncate -s 1M sw.img && mkswap -L 12345678901234567 sw.img' '' 2 'longer than 16 bytes'
check "mkswap: a bad UUID" 'truncate -s 1M sw.img && mkswap -U xyz sw.img' '' 2 "invalid UUID 'xyz'"
check "mkswap: no such file" 'mkswap nosuch.img' '' 1 'mkswap: nosuch.img: No such file'
check "mkswap: no operand" 'mkswap' '' 2 'mkswap: no device given'
check "mkswap --help" 'mkswap --help | head -n 1' $'Usage: mkswap [-L LABEL] [-U UUID] DEVICE [SIZE_IN_KB]\n'
