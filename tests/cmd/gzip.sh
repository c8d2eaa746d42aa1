# gzip (every result is checked by mini's gunzip and by the host's /usr/bin/gzip -d)
# both FILE.gz: decompress with mini and with the host, compare with FILE.
BOTH='both() { gunzip -c "$2" | cmp - "$1" && /usr/bin/gzip -dc < "$2" | cmp - "$1" && echo same; }'
check "gzip --help" 'gzip --help | head -n 1' $'Usage: gzip [-cdfk1-9] [FILE]...\n'
check "gzip: bad option" 'gzip -x' '' 2 "unknown option '-x'"
check "gzip: text, FILE becomes FILE.gz" \
	"$BOTH"'; cp /etc/services t 2>/dev/null || seq 5000 > t; cp t orig; gzip t; ls; both orig t.gz' $'orig\nt.gz\nsame\n'
check "gzip: random data is stored, barely grows" \
	"$BOTH"'; head -c 200000 /dev/urandom > r; gzip -k r; both r r.gz; [ $(wc -c < r.gz) -lt 200100 ] && echo small' $'same\nsmall\n'
check "gzip: empty input" "$BOTH"'; : > e; gzip -k e; both e e.gz; wc -c < e.gz' $'same\n22\n'
check "gzip: 5 MB seq file" \
	"$BOTH"'; seq 700000 > s; gzip -k s; both s s.gz; [ $(wc -c < s.gz) -lt 1500000 ] && echo small' $'same\nsmall\n'
check "gzip: long repeats" \
	"$BOTH"'; yes abcdefghij | head -c 2000000 > y; head -c 300 /dev/urandom >> y; yes x | head -c 70000 >> y; gzip -k y; both y y.gz; [ $(wc -c < y.gz) -lt 10000 ] && echo small' $'same\nsmall\n'
check "gzip: short data with overlapping matches" \
	"$BOTH"'; printf aaaaaaaaaaaaaaaaaaaaaaabababababababcabcabc > a; gzip -k a; both a a.gz; printf x > b; gzip -k b; both b b.gz' $'same\nsame\n'
check "gzip -1 and -9" \
	"$BOTH"'; seq 100000 > s; gzip -1 -c s > 1.gz; gzip -9 -c s > 9.gz; both s 1.gz; both s 9.gz; od -An -tu1 -j8 -N1 1.gz; od -An -tu1 -j8 -N1 9.gz' $'same\nsame\n   4\n   2\n'
check "gzip -c keeps FILE" 'seq 10 > f; gzip -c f > x.gz; ls; gunzip -c x.gz | wc -l' $'f\nx.gz\n10\n'
check "gzip -k keeps FILE" 'seq 10 > f; gzip -k f; ls' $'f\nf.gz\n'
check "gzip: existing FILE.gz refused" 'echo a > f; echo old > f.gz; gzip f; s=$?; ls; cat f.gz; exit $s' $'f\nf.gz\nold\n' 1 'gzip: f.gz already exists'
check "gzip -f overwrites FILE.gz" 'echo a > f; echo old > f.gz; gzip -f f; ls; gunzip -c f.gz' $'f.gz\na\n'
check "gzip: missing file" 'gzip nope; s=$?; ls; exit $s' '' 1 '^gzip: nope: No such file or directory$'
check "gzip: FILE.gz left alone" 'echo a | gzip > a.gz; gzip a.gz' '' 1 'already has .gz suffix'
check "gzip: a directory" 'mkdir d; gzip d' '' 1 'gzip: d: not a regular file'
check "gzip: standard input to standard output" 'seq 1000 | gzip | /usr/bin/gzip -d | tail -n 1; echo hi | gzip - | gunzip' $'1000\nhi\n'
check "gzip: mode and mtime kept, name in the header" \
	'echo hi > f; chmod 640 f; touch -d "2020-01-02 03:04:05" f; gzip f; stat -c "%a %Y" f.gz; /usr/bin/gzip -lN f.gz | tail -n 1 | sed "s/.* //"; rm -f f; /usr/bin/gzip -dN f.gz; stat -c "%Y" f' \
	$'640 1577934245\nf\n1577934245\n'
check "gzip -d is gunzip" 'seq 5 > f; gzip f; gzip -d f.gz; ls; cat f | wc -l; seq 3 | gzip | gzip -dc' $'f\n5\n1\n2\n3\n'
check "gzip -dk keeps FILE.gz" 'seq 5 | gzip > f.gz; gzip -dk f.gz; ls' $'f\nf.gz\n'
check "gzip: several files" 'echo a > a; echo b > b; gzip a b; ls; gunzip -c a.gz b.gz' $'a.gz\nb.gz\na\nb\n'
check "gzip: no compressed data to a terminal" 'echo hi | script -eqc "gzip" /dev/null > /dev/null; echo $?; echo hi | script -eqc "gzip -f" /dev/null > /dev/null; echo $?' $'1\n0\n'
