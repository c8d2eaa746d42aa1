# sum: BSD (-r, the default) and System V (-s) checksums, fixed values and the host's sum.
check "sum abc (BSD)" 'printf abc | sum' $'16556     1\n'
check "sum -s abc (System V)" 'printf abc | sum -s' $'294 1\n'
check "sum files: names, empty file" 'printf "hello\n" >h; : >e; sum h e; sum -s h e' \
	$'36979     1 h\n00000     0 e\n542 1 h\n0 0 e\n'
check "sum one file is named too" 'printf "hello\n" >h; sum h; sum -r - <h' $'36979     1 h\n36979     1 -\n'
check "sum 5000 bytes of 0xff" '/usr/bin/head -c 5000 /dev/zero | /usr/bin/tr "\0" "\377" >f; sum f; sum -s f' \
	$'07673     5 f\n29835 10 f\n'
check "sum: the last of -r and -s wins" 'printf abc >a; sum -rs a; sum -sr a' $'294 1 a\n16556     1 a\n'
check "sum agrees with the host's on many sizes" \
	'for n in 0 1 511 512 513 1023 1024 1025 16385 70001; do /usr/bin/head -c $n /dev/urandom >f$n; done; [ "$(sum f*; sum -s f*; sum <f70001)" = "$(/usr/bin/sum f*; /usr/bin/sum -s f*; /usr/bin/sum <f70001)" ] && echo same' $'same\n'
check "sum -s: the 32-bit sum wraps as the host's does" \
	'/usr/bin/head -c 20000000 /dev/zero | /usr/bin/tr "\0" "\377" >f; [ "$(sum -s f; sum f)" = "$(/usr/bin/sum -s f; /usr/bin/sum f)" ] && echo same' $'same\n'
check "sum: missing file, goes on" 'printf abc >a; sum nosuch a' $'16556     1 a\n' 1 'sum: nosuch: No such file'
check "sum: bad option" 'sum -x' '' 2 "unknown option"
check "sum --help" 'sum --help | head -n 1' $'Usage: sum [-rs] [FILE]...\n'
