# gunzip (test data made with the host's /usr/bin/gzip)
# A member with every header flag: FEXTRA, FNAME "hi.txt", FCOMMENT "note", FHCRC; data "hi\n".
GZ_ALL_FLAGS='\037\213\010\036\000\000\000\000\000\003\004\000\130\131\000\000\150\151\056\164\170\164\000\156\157\164\145\000\101\012\313\310\344\002\000\172\172\157\355\003\000\000\000'
check "gunzip --help" 'gunzip --help | head -n 1' $'Usage: gunzip [-cfklNnqrtv] [-S SUF] [FILE]...\n'
check "gunzip: bad option" 'gunzip -x' '' 2 "unknown option '-x'"
check "gunzip: dynamic blocks, FILE.gz becomes FILE" \
	'seq 100000 | /usr/bin/gzip -9 > a.gz; gunzip a.gz; ls; seq 100000 | cmp - a && echo same' $'a\nsame\n'
check "gunzip: stored blocks (random data)" \
	'head -c 100000 /dev/urandom > r; /usr/bin/gzip -1 < r > r.gz; gunzip -c r.gz | cmp - r && echo same' $'same\n'
check "gunzip: fixed Huffman block" 'echo hello | /usr/bin/gzip > h.gz; gunzip h.gz; cat h' $'hello\n'
check "gunzip: large repetitive data" \
	'yes abcdefghij | head -n 300000 > y; /usr/bin/gzip -c y > y.gz; rm y; gunzip y.gz; yes abcdefghij | head -n 300000 | cmp - y && echo same' $'same\n'
check "gunzip: empty data" ': | /usr/bin/gzip > e.gz; gunzip e.gz; ls; wc -c < e' $'e\n0\n'
check "gunzip: empty file" ': > z.gz; gunzip z.gz; s=$?; ls; exit $s' $'z.gz\n' 1 'gunzip: z.gz: unexpected end of file'
check "gunzip: concatenated members" \
	'echo one | /usr/bin/gzip > c.gz; seq 3 | /usr/bin/gzip -1 >> c.gz; echo three | /usr/bin/gzip >> c.gz; gunzip c.gz; cat c' $'one\n1\n2\n3\nthree\n'
check "gunzip: FNAME header (gzip FILE)" 'echo hi > f; /usr/bin/gzip f; mv f.gz g.gz; gunzip g.gz; ls; cat g' $'g\nhi\n'
check "gunzip: FEXTRA FNAME FCOMMENT FHCRC headers" "printf '$GZ_ALL_FLAGS' > x.gz; gunzip x.gz; cat x" $'hi\n'
check "gunzip: bad header crc" "printf '$GZ_ALL_FLAGS' | sed 's/A/B/' > x.gz; gunzip x.gz; s=\$?; ls; exit \$s" $'x.gz\n' 1 'gunzip: x.gz: header crc error'
check "gunzip: corrupt CRC, FILE.gz kept" \
	'seq 1000 | /usr/bin/gzip > a.gz; n=$(wc -c < a.gz); head -c $((n - 8)) a.gz > b.gz; printf "\1\2\3\4" >> b.gz; tail -c 4 a.gz >> b.gz; gunzip b.gz; s=$?; ls; exit $s' \
	$'a.gz\nb.gz\n' 1 '^gunzip: b.gz: crc error$'
check "gunzip: wrong length" \
	'seq 1000 | /usr/bin/gzip > a.gz; n=$(wc -c < a.gz); head -c $((n - 4)) a.gz > b.gz; printf "\1\2\3\4" >> b.gz; gunzip -t b.gz' '' 1 'gunzip: b.gz: length error'
check "gunzip: truncated file, nothing left behind" \
	'seq 100000 | /usr/bin/gzip > a.gz; head -c 5000 a.gz > t.gz; gunzip t.gz; s=$?; ls; exit $s' $'a.gz\nt.gz\n' 1 'gunzip: t.gz: unexpected end of file'
check "gunzip: trailer cut short" \
	'seq 10 | /usr/bin/gzip > a.gz; n=$(wc -c < a.gz); head -c $((n - 2)) a.gz > t.gz; gunzip -c t.gz > /dev/null' '' 1 'gunzip: t.gz: unexpected end of file'
check "gunzip: not gzip data" 'echo hello > n.gz; gunzip n.gz; s=$?; ls; exit $s' $'n.gz\n' 1 '^gunzip: n.gz: not in gzip format$'
check "gunzip: corrupt compressed data" \
	'seq 10000 | /usr/bin/gzip > a.gz; { head -c 20 a.gz; head -c 500 /dev/zero | tr "\0" "\377"; tail -c +521 a.gz; } > b.gz; gunzip -c b.gz > /dev/null' '' 1 'gunzip: b.gz: (invalid compressed data|crc error)'
check "gunzip: trailing zeros ignored" 'echo hi | /usr/bin/gzip > a.gz; head -c 100 /dev/zero >> a.gz; gunzip -c a.gz' $'hi\n'
check "gunzip: trailing garbage ignored with a warning" \
	'echo hi | /usr/bin/gzip > a.gz; echo junk >> a.gz; gunzip -c a.gz' $'hi\n' 0 'trailing garbage ignored'
check "gunzip -k keeps FILE.gz" 'echo hi | /usr/bin/gzip > a.gz; gunzip -k a.gz; ls; cat a' $'a\na.gz\nhi\n'
check "gunzip: refuses to overwrite FILE" \
	'echo hi | /usr/bin/gzip > a.gz; echo old > a; gunzip a.gz; s=$?; ls; cat a; exit $s' $'a\na.gz\nold\n' 1 'gunzip: a already exists'
check "gunzip -f overwrites FILE" 'echo hi | /usr/bin/gzip > a.gz; echo old > a; gunzip -f a.gz; ls; cat a' $'a\nhi\n'
check "gunzip -t: good file, nothing written" 'seq 100 | /usr/bin/gzip > a.gz; gunzip -t a.gz; ls' $'a.gz\n'
check "gunzip -t: bad file" 'echo hello > a.gz; gunzip -t a.gz' '' 1 'gunzip: a.gz: not in gzip format'
check "gunzip -c: to stdout, file kept" 'seq 3 | /usr/bin/gzip > a.gz; gunzip -c a.gz; ls' $'1\n2\n3\na.gz\n'
check "gunzip -c: any name" 'seq 2 | /usr/bin/gzip > data; gunzip -c data' $'1\n2\n'
check "gunzip: standard input to standard output" 'seq 3 | /usr/bin/gzip | gunzip' $'1\n2\n3\n'
check "gunzip: - is standard input" 'seq 2 | /usr/bin/gzip | gunzip -' $'1\n2\n'
check "gunzip: bad standard input" 'echo hi | gunzip' '' 1 'gunzip: stdin: not in gzip format'
check "gunzip: .tgz becomes .tar" 'echo x | /usr/bin/gzip > a.tgz; gunzip a.tgz; ls' $'a.tar\n'
check "gunzip: .z suffix" 'echo x | /usr/bin/gzip > b.z; gunzip b.z; ls; cat b' $'b\nx\n'
check "gunzip: file in a directory" 'mkdir d; echo x | /usr/bin/gzip > d/a.gz; gunzip d/a.gz; ls d' $'a\n'
check "gunzip: unknown suffix" 'echo x | /usr/bin/gzip > a.txt; gunzip a.txt; s=$?; ls; exit $s' $'a.txt\n' 1 'gunzip: a.txt: unknown suffix'
check "gunzip: keeps mode and mtime" \
	'echo x | /usr/bin/gzip > a.gz; chmod 640 a.gz; touch -t 200001021234.56 a.gz b; gunzip a.gz; stat -c %a a; [ "$(stat -c %Y a)" = "$(stat -c %Y b)" ] && echo same time' $'640\nsame time\n'
check "gunzip: missing file, carries on" \
	'echo x | /usr/bin/gzip > a.gz; gunzip nosuch.gz a.gz; s=$?; ls; exit $s' $'a\n' 1 'gunzip: nosuch.gz: No such file'
check "gunzip: several files" \
	'seq 2 | /usr/bin/gzip > a.gz; seq 3 | /usr/bin/gzip > b.gz; gunzip a.gz b.gz; cat a b' $'1\n2\n1\n2\n3\n'
check "gunzip: a directory" 'mkdir d.gz; gunzip d.gz' '' 1 'gunzip: d.gz: not a regular file'
check "gunzip -l: as GNU gzip prints it" \
	'seq 1000 | /usr/bin/gzip -n > a.gz; gunzip -l a.gz > mine; /usr/bin/gzip -l a.gz | cmp - mine && cat mine; ls' \
	$'         compressed        uncompressed  ratio uncompressed_name\n               1848                3893  53.0% a\na.gz\nmine\n'
check "gunzip -l: standard input, -N shows the stored name" \
	'echo hi > f; /usr/bin/gzip f; mv f.gz x.gz; gunzip -lq < x.gz; gunzip -lqN x.gz; gunzip -lq x.gz' \
	$'                 25                   3 -66.7% stdout\n                 25                   3 -66.7% f\n                 25                   3 -66.7% x\n'
check "gunzip -l: a pipe cannot be listed" 'echo hi | /usr/bin/gzip | gunzip -l' '' 1 'gunzip: stdin: Illegal seek'
check "gunzip -N: the stored name and time" \
	'echo hi > f; touch -d "2020-01-02 03:04:05" f; /usr/bin/gzip f; mv f.gz x.gz; touch x.gz; gunzip -N x.gz; ls; stat -c %Y f; cat f' $'f\n1577934245\nhi\n'
check "gunzip -n (default): name and time of FILE.gz" \
	'echo hi > f; touch -d "2020-01-02 03:04:05" f; /usr/bin/gzip f; mv f.gz x.gz; touch -d "2021-01-01 00:00:00" x.gz; gunzip -N -n x.gz; ls; stat -c %Y x' $'x\n1609459200\n'
check "gunzip -N: no stored name, the suffix decides" 'echo hi | /usr/bin/gzip > x.gz; gunzip -N x.gz; ls' $'x\n'
check "gunzip -N: a stored path stays in FILE's directory" \
	"mkdir d; printf '\\037\\213\\010\\010\\0\\0\\0\\0\\0\\003../../evil\\0' > d/x.gz; echo hi | /usr/bin/gzip -n | tail -c +11 >> d/x.gz; gunzip -N d/x.gz; find . | sort" $'.\n./d\n./d/evil\n'
check "gunzip -N: the stored name may not be FILE.gz itself" \
	"printf '\\037\\213\\010\\010\\0\\0\\0\\0\\0\\003x.gz\\0' > x.gz; echo hi | /usr/bin/gzip -n | tail -c +11 >> x.gz; gunzip -Nf x.gz; ls; cat x" $'x\nhi\n'
check "gunzip -N: an existing file is refused" \
	'echo hi > f; /usr/bin/gzip -k f; mv f.gz x.gz; gunzip -N x.gz; s=$?; ls; exit $s' $'f\nx.gz\n' 1 'gunzip: f already exists'
check "gunzip -v: per file on stderr" \
	'seq 1000 > f; /usr/bin/gzip f; gunzip -v f.gz 2>&1; /usr/bin/gzip f; gunzip -kv f.gz 2>&1; gunzip -cv f.gz 2>&1 >/dev/null; ls' \
	$'f.gz:\t 53.0% -- replaced with f\nf.gz:\t 53.0% -- created f\nf.gz:\t 53.0% -- replaced with stdout\nf\nf.gz\n'
check "gunzip -tv: OK" 'echo hi | /usr/bin/gzip > a.gz; gunzip -tv a.gz' '' 0 $'^a.gz:\t OK$'
check "gunzip -q: no warnings" \
	'echo x > a.txt; gunzip -q a.txt; echo $?; echo hi | /usr/bin/gzip > g.gz; echo junk >> g.gz; gunzip -cq g.gz' $'0\nhi\n'
check "gunzip -qv: the later wins" 'echo x > a.txt; gunzip -qv a.txt' '' 1 'unknown suffix'
check "gunzip -S: another suffix" \
	'echo hi | /usr/bin/gzip > a.zz; echo hi | /usr/bin/gzip > b.gz; gunzip -S .zz a.zz b.gz; ls' $'a\nb\n'
check "gunzip -S: empty suffix refused" 'echo hi | /usr/bin/gzip > a; gunzip -S "" a; s=$?; ls; exit $s' $'a\n' 2 "gunzip: invalid suffix ''"
check "gunzip -r: a tree, other files left alone" \
	'mkdir -p d/e; echo a | /usr/bin/gzip > d/a.gz; echo b | /usr/bin/gzip > d/e/b.gz; echo j > d/j; gunzip -r d; echo $?; find d -type f | sort; cat d/e/b' \
	$'0\nd/a\nd/e/b\nd/j\nb\n'
check "gunzip -rt: test a tree" 'mkdir d; echo a | /usr/bin/gzip > d/a.gz; echo bad > d/b.gz; gunzip -rt d' '' 1 'gunzip: d/b.gz: not in gzip format'
check "gunzip -cf: data that is not gzip goes through" \
	'echo plain > p; echo hi | /usr/bin/gzip > g.gz; gunzip -cf p g.gz p; echo plain | gunzip -f' $'plain\nhi\nplain\nplain\n'
check "gunzip -f without -c: still not gzip" 'echo plain > p.gz; gunzip -f p.gz; s=$?; ls; exit $s' $'p.gz\n' 1 'gunzip: p.gz: not in gzip format'

# Crafted headers and data: every length read from the file is checked.
check "gunzip: an FEXTRA longer than the file" "printf '\\037\\213\\010\\004\\0\\0\\0\\0\\0\\003\\377\\377abc' > x.gz; gunzip -c x.gz" '' 1 'gunzip: x.gz: unexpected end of file'
check "gunzip -l: an FEXTRA longer than the file" "printf '\\037\\213\\010\\004\\0\\0\\0\\0\\0\\003\\377\\377abc' > x.gz; gunzip -l x.gz" '' 1 'gunzip: x.gz: not in gzip format'
check "gunzip -l: FEXTRA flag, file ends before its length" "printf '\\037\\213\\010\\004\\0\\0\\0\\0\\0\\003' > x.gz; gunzip -l x.gz" '' 1 'gunzip: x.gz: not in gzip format'
check "gunzip: a name without its NUL" "printf '\\037\\213\\010\\010\\0\\0\\0\\0\\0\\003abcdefgh' > x.gz; gunzip -c x.gz; gunzip -lN x.gz" '' 1 'gunzip: x.gz: unexpected end of file'
check "gunzip: a match reaching back before the start" \
	"printf '\\037\\213\\010\\0\\0\\0\\0\\0\\0\\003\\003\\002\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0' > x.gz; gunzip -c x.gz" '' 1 'distance too far back'
check "gunzip: a stored block whose length check fails" \
	"printf '\\037\\213\\010\\0\\0\\0\\0\\0\\0\\003\\001\\005\\0\\005\\0abcde' > x.gz; gunzip -c x.gz" '' 1 'bad stored block length'
check "gunzip: a dynamic block with too many codes" \
	"printf '\\037\\213\\010\\0\\0\\0\\0\\0\\0\\003\\375\\377\\377\\377' > x.gz; gunzip -c x.gz" '' 1 'too many codes'
check "gunzip: a 1-byte file" "printf '\\037' > x.gz; gunzip -c x.gz; gunzip -l x.gz" '' 1 'not in gzip format'
# Corrupt DEFLATE data, crafted bit by bit: literals follow the fault, so that the fast
# decoder (which needs 16 bytes of input left) is the one that meets it. What was decoded
# before the fault is still given.
# A fixed block: 'a', then a match 2 bytes back, then 40 'b'.
GZ_TOO_FAR='\037\213\010\000\000\000\000\000\000\003\113\004\302\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\244\044\000\000\000\000\000\000\000\000\000'
# A fixed block: 30 'c', the unused length code 286, 30 'c'.
GZ_CODE_286='\037\213\010\000\000\000\000\000\000\003\113\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\036\113\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\116\006\000\000\000\000\000\000\000\000\000'
# A fixed block: 30 'd', a match with the unused distance code 30, 30 'd'.
GZ_DISTANCE_30='\037\213\010\000\000\000\000\000\000\003\113\111\111\111\111\111\111\111\111\111\111\111\111\111\111\111\111\111\111\111\111\111\111\111\111\111\111\111\111\111\001\276\224\224\224\224\224\224\224\224\224\224\224\224\224\224\224\224\224\224\224\224\224\224\224\224\224\224\224\224\224\024\000\000\000\000\000\000\000\000\000'
# A dynamic block whose code length code gives all 19 symbols 1 bit.
GZ_OVERSUBSCRIBED='\037\213\010\000\000\000\000\000\000\003\005\340\223\044\111\222\044\111\222\000\000\000\000\000\000\000\000\000\000\000\000\000'
# A dynamic block whose literal code is 'a' (1 bit) and the end (12 bits): incomplete.
GZ_INCOMPLETE='\037\213\010\000\000\000\000\000\000\003\005\340\001\011\000\000\100\000\040\154\365\377\211\004\000\000\000\000\000\000\000\000\000\000\000\000'
# A fixed block starting with a match 1 byte back (for a second member).
GZ_MATCH_FIRST='\037\213\010\000\000\000\000\000\000\003\003\002\000\000\000\000\000\000\000\000\000'
check "gunzip: a match too far back, fast decoder" "printf '$GZ_TOO_FAR' > x.gz; gunzip -c x.gz" 'a' 1 '^gunzip: x.gz: invalid compressed data \(distance too far back\)$'
check "gunzip: an unused length code" "printf '$GZ_CODE_286' > x.gz; gunzip -c x.gz" 'cccccccccccccccccccccccccccccc' 1 '^gunzip: x.gz: invalid compressed data \(bad Huffman code\)$'
check "gunzip: an unused distance code" "printf '$GZ_DISTANCE_30' > x.gz; gunzip -c x.gz" 'dddddddddddddddddddddddddddddd' 1 'bad Huffman code'
check "gunzip: a Huffman code with too many codes" "printf '$GZ_OVERSUBSCRIBED' > x.gz; gunzip -t x.gz" '' 1 '^gunzip: x.gz: invalid compressed data \(too many Huffman codes\)$'
check "gunzip: an incomplete Huffman code with a long code" "printf '$GZ_INCOMPLETE' > x.gz; gunzip -t x.gz" '' 1 '^gunzip: x.gz: invalid compressed data \(incomplete Huffman code\)$'
check "gunzip: a second member may not reach back into the first" \
	"seq 1000 | /usr/bin/gzip > x.gz; printf '$GZ_MATCH_FIRST' >> x.gz; gunzip -c x.gz | tail -n 1" $'1000\n' 0 'distance too far back'
check "gunzip: matches reaching back across the output buffer's moves" \
	'head -c 20000 /dev/urandom > r; for i in 1 2 3 4 5 6 7 8 9 10 11 12; do cat r; done > big; /usr/bin/gzip -9 < big > big.gz; gunzip -c big.gz | cmp - big && echo same' $'same\n'
check "gunzip: stored and Huffman blocks mixed, 64 KB and more each" \
	'{ head -c 70000 /dev/urandom; seq 30000; head -c 70000 /dev/urandom; seq 30000; } > m; /usr/bin/gzip -1 < m > m.gz; gunzip -c m.gz | cmp - m && echo same' $'same\n'
check "gunzip: a big member after a big member" \
	'{ seq 200000 | /usr/bin/gzip; seq 100000 | /usr/bin/gzip -1; } > c.gz; { seq 200000; seq 100000; } > c; gunzip -c c.gz | cmp - c && echo same' $'same\n'
check "gunzip -f into a FIFO writes into it (write_new_file keeps devices and FIFOs)" \
	'echo hi | gzip > a.gz; mkfifo a; cat a > got & gunzip -f a.gz; wait; cat got; test -p a && echo fifo' $'hi\nfifo\n'
check "gunzip -f over a symlink to a FIFO replaces the link, never writes through it" \
	'echo hi | gzip > a.gz; mkfifo f; ln -s f a; gunzip -f a.gz; test -p f && test -f a && ! test -L a && cat a' $'hi\n'
