# gzip (every result is checked by mini's gunzip and by the host's /usr/bin/gzip -d)
# both FILE.gz: decompress with mini and with the host, compare with FILE.
BOTH='both() { gunzip -c "$2" | cmp - "$1" && /usr/bin/gzip -dc < "$2" | cmp - "$1" && echo same; }'
check "gzip --help" 'gzip --help | head -n 1' $'Usage: gzip [-cdfklNnqrtv1-9] [-S SUF] [FILE]...\n'
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
# The encoder's corners: every level, incompressible data, the window's far end, the longest
# matches, input arriving in small pieces.
MIXED='seq 20000 > m; head -c 3000 /dev/urandom >> m; yes "a run of the same line" | head -c 70000 >> m; head -c 40000 m >> m; printf x >> m'
check "gzip -1 to -9: each level round-trips" \
	"$BOTH; $MIXED"'; for l in 1 2 3 4 5 6 7 8 9; do gzip -$l -c m > $l.gz; both m $l.gz; done' \
	$'same\nsame\nsame\nsame\nsame\nsame\nsame\nsame\nsame\n'
check "gzip: text, -9 smallest, -1 largest" \
	'for i in $(seq 5000); do echo "the quick brown fox $((i * 7919 % 1000)) jumps over $((i % 37)) lazy dogs"; done > t; for l in 1 6 9; do gzip -$l -c t | wc -c > $l; done; [ $(cat 9) -le $(cat 6) ] && [ $(cat 6) -lt $(cat 1) ] && echo ordered' $'ordered\n'
check "gzip: random 1 MB at -1, -6, -9 grows by less than 0.1%" \
	"$BOTH"'; head -c 1048576 /dev/urandom > r; for l in 1 6 9; do gzip -$l -c r > r.gz; both r r.gz; [ $(wc -c < r.gz) -lt 1049600 ] && echo small; done' \
	$'same\nsmall\nsame\nsmall\nsame\nsmall\n'
check "gzip: repeats 32 KB back and just beyond" \
	"$BOTH"'; head -c 32000 /dev/urandom > a; cat a a a > near; head -c 32769 /dev/urandom > b; cat b b > far; gzip -k near far; both near near.gz; both far far.gz; [ $(wc -c < near.gz) -lt 33000 ] && echo near small' \
	$'same\nsame\nnear small\n'
check "gzip: matches of 258 bytes and more, back to back" \
	"$BOTH"'; head -c 300 /dev/urandom > p; for i in $(seq 200); do cat p; done > l; printf abc >> l; for l in 1 9; do gzip -$l -c l > l.gz; both l l.gz; done; [ $(wc -c < l.gz) -lt 1000 ] && echo small' \
	$'same\nsame\nsmall\n'
check "gzip: input through a pipe a line at a time" \
	"$BOTH"'; for i in $(seq 3000); do echo "line $i"; done > f; for i in $(seq 3000); do echo "line $i"; done | gzip > f.gz; both f f.gz' $'same\n'
check "gzip: not smaller than the host's gzip -6 by more than 1% at -6 and -9" \
	'seq 200000 > s; cp /etc/services t 2>/dev/null || seq 3000 > t; for f in s t; do h=$(/usr/bin/gzip -6 -c $f | wc -c); for l in 6 9; do [ $(gzip -$l -c $f | wc -c) -le $((h + h / 100)) ] && echo ok; done; done' \
	$'ok\nok\nok\nok\n'
check "gzip: a level out of range" 'gzip -0 < /dev/null' '' 2 "unknown option '-0'"
check "gzip: a read error leaves no FILE.gz" \
	'ln -s /proc/self/mem m; gzip -k m; s=$?; ls; exit $s' $'m\n' 1 '^gzip: read error: Input/output error$'
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
check "gzip: standard input keeps a file's time, no name" \
	'seq 10 > f; touch -d "2020-01-02 03:04:05" f; gzip < f | od -An -tu1 -j3 -N5; seq 10 | gzip | od -An -tu1 -j3 -N5' \
	$'   0 165  93  13  94\n   0   0   0   0   0\n'
check "gzip -n: no name, no time" \
	'echo hi > f; gzip -n f; od -An -tu1 -j3 -N5 f.gz; /usr/bin/gzip -lN f.gz | tail -n 1 | sed "s/.* //"; gunzip -c f.gz' $'   0   0   0   0   0\nf\nhi\n'
check "gzip -N is the default, -n -N stores the name" \
	'echo hi > f; gzip -c f > 1.gz; gzip -n -N -c f > 2.gz; cmp 1.gz 2.gz && od -An -c -j10 -N2 1.gz' $'   f  \\0\n'
check "gzip -t: good and bad files" \
	'seq 100 | gzip > a.gz; echo junk > b.gz; gzip -t a.gz; echo $?; gzip -t a.gz b.gz; s=$?; ls; exit $s' $'0\na.gz\nb.gz\n' 1 '^gzip: b.gz: not in gzip format$'
check "gzip -tv says OK" 'seq 100 | gzip > a.gz; gzip -tv a.gz' '' 0 $'^a.gz:\t OK$'
check "gzip -l: as GNU gzip prints it" \
	'seq 1000 > f; gzip -k f; gzip -l f.gz > mine; /usr/bin/gzip -l f.gz | cmp - mine && cat mine' \
	$'         compressed        uncompressed  ratio uncompressed_name\n               1851                3893  53.0% f\n'
check "gzip -l: several files, totals" \
	'seq 1000 > f; echo hi > g; gzip f g; gzip -l f.gz g.gz > mine; /usr/bin/gzip -l f.gz g.gz | cmp - mine && tail -n 2 mine' \
	$'                 25                   3 -66.7% g\n               1876                3896  52.4% (totals)\n'
check "gzip -lq: no heading" 'seq 1000 | gzip > f.gz; gzip -lq f.gz' $'               1849                3893  53.0% f\n'
check "gzip -l: not gzip data, missing file" \
	'echo junk > j.gz; gzip -l j.gz nosuch.gz' '' 1 $'^gzip: j.gz: not in gzip format\ngzip: nosuch.gz: No such file or directory$'
check "gzip -v: per file on stderr" \
	'seq 1000 > f; echo hi > g; gzip -v f g 2>&1; gzip -kv -c f.gz 2>/dev/null | wc -c > /dev/null; ls' \
	$'f:\t 53.0% -- replaced with f.gz\ng:\t-66.7% -- replaced with g.gz\nf.gz\ng.gz\n'
check "gzip -kv: created, -cv: stdout" \
	'seq 1000 > f; gzip -kv f 2>&1; gzip -cv f 2>&1 > x.gz' $'f:\t 53.0% -- created f.gz\nf:\t 53.0% -- replaced with stdout\n'
check "gzip -q: no warning" 'echo a | gzip > a.gz; gzip -q a.gz; echo $?; gzip -qv a.gz' $'0\n' 1 'already has .gz suffix'
check "gzip -S: another suffix" \
	'seq 5 > a; gzip -S .zz a; ls; gzip -S .zz a.zz; echo $?; gunzip -S .zz a.zz; ls' $'a.zz\n1\na\n' 0 'gzip: a.zz: already has .zz suffix -- unchanged'
check "gzip -S: empty suffix refused" 'echo a > a; gzip -S "" a; s=$?; ls; exit $s' $'a\n' 2 "gzip: invalid suffix ''"
check "gzip -S: missing argument" 'gzip -S' '' 2 'gzip: .*-S'
check "gzip -r: a tree, .gz files and symlinks left alone" \
	'mkdir -p d/e; seq 100 > d/a; echo b > d/e/b; echo c | gzip > d/c.gz; ln -s a d/l; gzip -r d; echo $?; find d | sort; gunzip -c d/e/b.gz' \
	$'0\nd\nd/a.gz\nd/c.gz\nd/e\nd/e/b.gz\nd/l\nb\n'
check "gzip -r: files and missing operands" \
	'echo a > f; mkdir d; echo b > d/b; gzip -r f d nosuch; s=$?; find . | sort; exit $s' $'.\n./d\n./d/b.gz\n./f.gz\n' 1 'gzip: nosuch: No such file'
check "gzip without -r: a directory" 'mkdir d; echo a > d/a; gzip d; s=$?; ls d; exit $s' $'a\n' 1 'gzip: d: not a regular file'
check "gzip -d with the new options" \
	'seq 3 > f; gzip -S .x f; gzip -dv -S .x f.x 2>&1; cat f; gzip f; gzip -dc -q f.gz | wc -l' $'f.x:\t-33.3% -- replaced with f\n1\n2\n3\n3\n'
check "gzip -dr: a tree" 'mkdir -p d/e; echo a > d/a; echo b > d/e/b; gzip -r d; gzip -dr d; find d -type f | sort' $'d/a\nd/e/b\n'
