# cksum: the POSIX CRC, fixed values and the host's coreutils cksum.
check "cksum 123456789 (the CRC check value)" 'printf 123456789 | cksum' $'930766865 9\n'
check "cksum abc" 'printf abc | cksum' $'1219131554 3\n'
check "cksum empty input" 'cksum </dev/null' $'4294967295 0\n'
check "cksum files: names, empty file" 'printf "hello\n" >h; : >e; cksum h e' $'3015617425 6 h\n4294967295 0 e\n'
check "cksum -: named -" 'printf abc | cksum -' $'1219131554 3 -\n'
check "cksum 256 bytes (two length bytes)" '/usr/bin/head -c 256 /dev/zero | /usr/bin/tr "\0" a | cksum' $'3916537103 256\n'
check "cksum agrees with the host's on many sizes" \
	'for n in 0 1 255 256 4095 16384 16385 65536 70001; do /usr/bin/head -c $n /dev/urandom >f$n; done; [ "$(cksum f*)" = "$(/usr/bin/cksum f*)" ] && echo same' $'same\n'
check "cksum agrees with the host's on 5 MB" \
	'/usr/bin/head -c 5000000 /dev/urandom >f; [ "$(cksum f; cksum <f)" = "$(/usr/bin/cksum f; /usr/bin/cksum <f)" ] && echo same' $'same\n'
check "cksum: missing file, goes on" 'printf abc >a; cksum nosuch a' $'1219131554 3 a\n' 1 'cksum: nosuch: No such file'
check "cksum: bad option" 'cksum -x' '' 2 "unknown option"
check "cksum --help" 'cksum --help | head -n 1' $'Usage: cksum [FILE]...\n'
