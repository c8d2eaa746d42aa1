# zcat (test data made with the host's /usr/bin/gzip)
check "zcat --help" 'zcat --help | head -n 1' $'Usage: zcat [-fq] [FILE]...\n'
check "zcat: bad option" 'zcat -x' '' 2 "unknown option '-x'"
check "zcat: a file, which is kept" 'seq 3 | /usr/bin/gzip > a.gz; zcat a.gz; ls' $'1\n2\n3\na.gz\n'
check "zcat: files in order" 'echo a | /usr/bin/gzip > a.gz; echo b | /usr/bin/gzip -9 > b.gz; zcat b.gz a.gz' $'b\na\n'
check "zcat: standard input" 'seq 2 | /usr/bin/gzip | zcat' $'1\n2\n'
check "zcat: - is standard input" 'echo b | /usr/bin/gzip > b.gz; echo a | /usr/bin/gzip | zcat - b.gz' $'a\nb\n'
check "zcat: any file name" 'echo x | /usr/bin/gzip > data; zcat data' $'x\n'
check "zcat: concatenated members" '{ echo one | /usr/bin/gzip; echo two | /usr/bin/gzip -1; } > c.gz; zcat c.gz' $'one\ntwo\n'
check "zcat: big file" 'seq 200000 | /usr/bin/gzip > a.gz; zcat a.gz | cksum; seq 200000 | cksum' "$(seq 200000 | cksum; seq 200000 | cksum)"$'\n'
check "zcat: random data (stored blocks)" \
	'head -c 70000 /dev/urandom > r; /usr/bin/gzip -1 < r > r.gz; zcat r.gz | cmp - r && echo same' $'same\n'
check "zcat: empty data" ': | /usr/bin/gzip | zcat | wc -c' $'0\n'
check "zcat: missing file, carries on" 'echo x | /usr/bin/gzip > a.gz; zcat nosuch a.gz' $'x\n' 1 'zcat: nosuch: No such file'
check "zcat: not gzip data" 'echo hello > a.gz; zcat a.gz' '' 1 '^zcat: a.gz: not in gzip format$'
check "zcat: bad standard input" 'echo hello | zcat' '' 1 'zcat: stdin: not in gzip format'
check "zcat: corrupt CRC" \
	'seq 1000 | /usr/bin/gzip > a.gz; n=$(wc -c < a.gz); { head -c $((n - 8)) a.gz; printf "\1\2\3\4"; tail -c 4 a.gz; } | zcat > /dev/null' '' 1 'zcat: stdin: crc error'
check "zcat: truncated, what was decoded is given" 'seq 100000 | /usr/bin/gzip | head -c 3000 | zcat 2>/dev/null | head -n 2' $'1\n2\n'
check "zcat: truncated, status" 'seq 100000 | /usr/bin/gzip | head -c 3000 | zcat > /dev/null' '' 1 'zcat: stdin: unexpected end of file'
check "zcat: write error" 'seq 100 | /usr/bin/gzip > a.gz; zcat a.gz > /dev/full' '' 1 'zcat: a.gz: write error: No space left'
check "zcat: a directory" 'mkdir d; zcat d' '' 1 'zcat: d: read error: Is a directory'
check "zcat -f: other data copied unchanged" \
	'echo plain > p; echo hi | /usr/bin/gzip > g.gz; zcat -f p g.gz - < p; head -c 5000 /dev/urandom > r; zcat -f r | cmp - r && echo same' $'plain\nhi\nplain\nsame\n'
check "zcat -f: empty and one-byte input" 'zcat -f < /dev/null; echo $?; printf "\037" | zcat -f | od -An -c' $'0\n 037\n'
check "zcat -f: gzip data in a slow pipe" \
	'seq 100 | /usr/bin/gzip > g.gz; { head -c 1 g.gz; sleep 0.2; tail -c +2 g.gz; } | zcat -f | tail -n 1' $'100\n'
check "zcat -f: a missing file" 'zcat -f nosuch' '' 1 'zcat: nosuch: No such file'
check "zcat -f: write error" 'echo plain > p; zcat -f p > /dev/full' '' 1 'zcat: p: write error: No space left'
check "zcat: without -f, other data is an error" 'echo plain | zcat' '' 1 'zcat: stdin: not in gzip format'
check "zcat -q: no trailing garbage warning" \
	'echo hi | /usr/bin/gzip > g.gz; echo junk >> g.gz; zcat -q g.gz; zcat g.gz 2>&1 >/dev/null | grep -c garbage' $'hi\n1\n'
check "zcat: bad option, with -f" 'zcat -f -y' '' 2 "zcat: unknown option '-y'"
