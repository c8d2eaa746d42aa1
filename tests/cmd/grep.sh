# grep, egrep, fgrep: matching lines.
text='printf "apple pie\nbanana\nCherry tart\napple\ngrape fruit\n" > f;'
check "grep: plain string" "$text"' grep apple f' $'apple pie\napple\n'
check "grep: no match exits 1" "$text"' grep kiwi f' '' 1
check "grep: from stdin" 'printf "a\nb\n" | grep b' $'b\n'
check "grep: BRE" "$text"' grep "^[ab].*a$" f' $'banana\n'
check "grep: BRE interval and group" 'printf "aaa\naa\nabab\n" | grep "^\(ab\)\{2\}$"' $'abab\n'
check "grep: BRE back-reference" 'printf "abcabc\nabcabd\n" | grep "\(abc\)\1"' $'abcabc\n'
check "grep -E: alternation" "$text"' grep -E "^(banana|grape)" f' $'banana\ngrape fruit\n'
check "egrep" "$text"' egrep "an+a" f' $'banana\n'
check "grep -E: + ? {}" 'printf "ac\nabc\nabbc\n" | grep -E "^ab?c$|^ab{2}c$"' $'ac\nabc\nabbc\n'
check "grep -F: special characters are plain" 'printf "a.b\naxb\n[x]*\n" | grep -F -e a.b -e "[x]*"' $'a.b\n[x]*\n'
check "fgrep" 'printf "a.b\naxb\n" | fgrep .' $'a.b\n'
check "grep -G after -E" 'printf "a+\naa\n" | grep -E -G "a+"' $'a+\n'
check "grep -i (string)" "$text"' grep -i cherry f' $'Cherry tart\n'
check "grep -i (regex)" "$text"' grep -i "^CH.*T$" f' $'Cherry tart\n'
check "grep -i -F" 'printf "ABC\nabc\nxyz\n" | grep -iF bC' $'ABC\nabc\n'
check "grep -v" "$text"' grep -v a f' ''  1
check "grep -v selects the others" "$text"' grep -v apple f' $'banana\nCherry tart\ngrape fruit\n'
check "grep -n" "$text"' grep -n apple f' $'1:apple pie\n4:apple\n'
check "grep -c" "$text"' grep -c apple f' $'2\n'
check "grep -c with two files" "$text"' cp f g; grep -c banana f g' $'f:1\ng:1\n'
check "grep -l" "$text"' echo x > g; grep -l apple f g' $'f\n'
check "grep -L" "$text"' echo x > g; grep -L apple f g' $'g\n'
check "grep -q: match" "$text"' grep -q apple f' '' 0
check "grep -q: no match" "$text"' grep -q kiwi f' '' 1
check "grep -q: match wins over a missing file" "$text"' grep -q apple nosuch f' '' 0 'nosuch'
check "grep: missing file is trouble" "$text"' grep apple nosuch f' $'f:apple pie\nf:apple\n' 2 'grep: nosuch'
check "grep -s: no message" "$text"' grep -s apple nosuch' '' 2
check "grep -o" 'printf "ab12cd345\nx\n" | grep -o "[0-9][0-9]*"' $'12\n345\n'
check "grep -o -n -i" 'printf "Aa\n" | grep -o -n -i a' $'1:A\n1:a\n'
check "grep -w" 'printf "cat\ncats\nthe cat sat\nbobcat\n" | grep -w cat' $'cat\nthe cat sat\n'
check "grep -w: a later whole word" 'printf "cats cat\n" | grep -wo cat' $'cat\n'
check "grep -x" 'printf "cat\ncats\n" | grep -x cat; printf "ab\nabab\n" | grep -xE "(ab)+"' $'cat\nab\nabab\n'
check "grep -h and -H" "$text"' cp f g; grep -h banana f g; grep -H banana f' $'banana\nbanana\nf:banana\n'
check "grep: two files get names" "$text"' cp f g; grep banana f g' $'f:banana\ng:banana\n'
check "grep -e twice" "$text"' grep -e banana -e grape f' $'banana\ngrape fruit\n'
check "grep -e with a newline: two patterns" "$text"' grep -e "banana
grape" f' $'banana\ngrape fruit\n'
check "grep -f FILE" "$text"' printf "tart\nbanana\n" > pats; grep -f pats f' $'banana\nCherry tart\n'
check "grep -f empty file matches nothing" "$text"' : > pats; grep -f pats f' '' 1
check "grep: empty pattern matches every line" 'printf "a\n\nb\n" | grep -c ""' $'3\n'
check "grep -A" 'printf "1\n2\nx\n3\n4\n5\nx\n6\n" | grep -A 1 x' $'x\n3\n--\nx\n6\n'
check "grep -B" 'printf "1\n2\nx\n3\n4\n5\nx\n6\n" | grep -B 1 x' $'2\nx\n--\n5\nx\n'
check "grep -C with -n" 'printf "1\n2\nx\n3\n4\n5\nx\n6\n" | grep -n -C 1 x' $'2-2\n3:x\n4-3\n--\n6-5\n7:x\n8-6\n'
check "grep -C: overlapping context joins" 'printf "1\nx\n2\nx\n3\n" | grep -C 1 x' $'1\nx\n2\nx\n3\n'
check "grep -r" 'mkdir -p d/e; echo hit > d/a; echo miss > d/b; echo hit > d/e/c; grep -r hit d' $'d/a:hit\nd/e/c:hit\n'
check "grep -r without operand searches ." 'mkdir d; echo hit > d/a; grep -r hit' $'d/a:hit\n'
check "grep -R follows links" 'mkdir d t; echo hit > t/a; ln -s ../t d/l; grep -r hit d; grep -R hit d' $'d/l/a:hit\n'
check "grep: a directory without -r" 'mkdir d; grep x d' '' 2 'Is a directory'
check "grep --color=always" 'printf "xaby\n" | grep --color=always ab' $'x\e[01;31m\e[Kab\e[m\e[Ky\n'
check "grep --color=auto on a pipe: plain" 'printf "xaby\n" | grep --color=auto ab' $'xaby\n'
check "grep --color=never" 'printf "xaby\n" | grep --color=never ab' $'xaby\n'
check "grep: bad regex is trouble" 'echo a | grep "a\{1"' '' 2 'grep:'
check "grep: no pattern" 'grep' '' 2 'no pattern'
check "grep: bad option" 'grep -Y x' '' 2 'unknown option'
check "grep: line without final newline" 'printf "a\nab" | grep b' $'ab\n'
check "grep: long lines" 'head -c 200000 /dev/zero | tr "\0" a > long; echo b >> long; grep -c b long' $'1\n'
check "grep: (standard input) name" 'echo hit > f; echo hit | grep -H hit - f' $'(standard input):hit\nf:hit\n'
check "grep -n: block search counts lines across blocks" 'seq 1 100000 > f; grep -n 99999 f; grep -c 5 f' $'99999:99999\n40951\n'
check "grep -n: last line without newline" 'printf "a\nxb" | grep -n b' $'2:xb\n'
check "grep -o -C: no context lines, but separators" 'printf "x foo\na\nb\nc\nfoo\n" | grep -o -C1 foo' $'foo\n--\nfoo\n'
check "grep: -A and -B win over -C" 'printf "1\n2\n3\nx\n4\n" | grep -B2 -C1 x' $'2\n3\nx\n4\n'
check "grep -q -c prints nothing" 'printf "a\n" | grep -q -c b; echo $?' $'1\n'
check "grep -l wins over -c" 'printf "a\n" | grep -l -c a' $'(standard input)\n'
check "grep -m" 'printf "a1\nb\na2\na3\n" | grep -m2 a; printf "a1\nb\na2\n" | grep -m1 -A1 a; printf "a\n" | grep -m0 a' $'a1\na2\na1\nb\n' 1
check "grep -m stops reading" 'seq 1 1000000 | grep -m1 5' $'5\n'
bin='printf "a\0b\n" > bin; echo a > t;'
check "grep: binary file matches" "$bin"' grep a bin' $'Binary file bin matches\n'
check "grep: binary standard input" 'printf "a\0b\n" | grep b' $'Binary file (standard input) matches\n'
check "grep: binary file, no match" "$bin"' grep z bin' '' 1
check "grep: binary and text files" "$bin"' grep a bin t' $'Binary file bin matches\nt:a\n'
check "grep: binary file said once" 'printf "a\0\na\na\n" | grep a' $'Binary file (standard input) matches\n'
check "grep: binary file is left at the first match" '{ printf "a\0\n"; yes; } | grep y' $'Binary file (standard input) matches\n'
check "grep -c: binary file still counted" 'printf "a\0\na\nb\n" | grep -c a' $'2\n'
check "grep -l -L: binary files" "$bin"' echo x > x; grep -l a bin t x; grep -L a bin t x' $'bin\nt\nx\n'
check "grep -q: binary file" "$bin"' grep -q b bin' '' 0
check "grep -o -v -n: binary file" "$bin"' grep -o a bin; grep -v z bin; grep -n b bin' $'Binary file bin matches\nBinary file bin matches\nBinary file bin matches\n'
check "grep -a: binary as text" 'printf "a\0b\nc\n" | grep -a -n b | tr "\0" @' $'1:a@b\n'
check "grep -I: binary files do not match" "$bin"' grep -I a bin t; grep -I a bin; echo $?' $'t:a\n1\n'
check "grep -I -c -L" "$bin"' grep -I -c a bin t; grep -I -L a bin t' $'bin:0\nt:1\nbin\n'
check "grep -a and -I: the last wins" "$bin"' grep -I -a -c a bin; grep -a -I -c a bin' $'1\n0\n' 1
check "grep: lines before the NUL are text" '{ seq 1 30000; printf "x\0\n"; seq 1 30000; } > f; grep -n "^5000$" f; grep -n -x -F 5000 f' $'5000:5000\nBinary file f matches\n5000:5000\nBinary file f matches\n'
check "grep -F: NUL at the start of the file" '{ printf "x\0\n"; seq 1 100000; } | grep -F 99999' $'Binary file (standard input) matches\n'
check "grep -r: binary file" 'mkdir d; printf "a\0\n" > d/b; echo a > d/t; grep -r a d' $'Binary file d/b matches\nd/t:a\n'
check "grep -A: no context from a binary block" 'seq 1 30000 > f; printf "x\0\n" >> f; grep -A 100000 "^1$" f | tail -n 1 | grep -c x; grep -a -A 100000 "^1$" f | tail -n 1 | tr -d "\0"' $'0\nx\n'
check "grep -R: symlinks to .. are loops, warned about and left" \
	'mkdir -p d/e; echo hit > d/e/f; ln -s .. d/e/up; ln -s ../.. d/e/up2; ln -s . d/self; grep -R hit d; echo $?' \
	$'d/e/f:hit\n0\n' 0 'grep: d/e/up: warning: recursive directory loop'
check "grep -F -f: 20000 words, the same lines as one search each" \
	'seq 100000 120000 | sed "s/^/w/" > pats; seq 1 300000 | sed "s/^/w/;s/$/ x/" > text; grep -F -f pats text | wc -l; grep -c -F -w -f pats text; grep -F -x -f pats text | wc -l; printf "ab\nw100000z\nW100001\n" | grep -F -i -f pats' \
	$'20001\n20001\n0\nw100000z\nW100001\n'
check "grep -F -f: many patterns with -o and -w pick the earliest, longest match" \
	'printf "%s\n" a ab abc b bc x1 x2 x3 x4 x5 > pats; echo "zabcz bc abc" | grep -o -F -f pats; echo "zabcz bc abc" | grep -o -w -F -f pats' $'abc\nbc\nabc\nbc\nabc\n'
check "grep -z: NUL-separated lines in and out" "printf 'one\\0two hit\\0th\\nhit\\0' | grep -z hit | od -An -c | tr -s ' '; printf 'a\\nhit\\0b\\0' | grep -zc hit" $' t w o h i t \\0 t h \\n h i t \\0\n1\n'
check "grep -Z: a NUL after file names" 'echo hit > a; echo hit > b; grep -lZ hit a b | od -An -c | tr -s " "; grep -HZ hit a | od -An -c | tr -s " "; grep -cZ hit a | od -An -c | tr -s " "' \
	$' a \\0 b \\0\n a \\0 h i t \\n\n 1 \\n\n'
check "grep --exclude-dir --include --exclude" \
	'mkdir -p d/skip d/keep; for f in d/a.c d/a.h d/skip/x.c d/keep/y.c; do echo hit > $f; done; grep -r --exclude-dir=skip hit d | sort; grep -r --include="*.c" --exclude-dir="s*" hit d | sort; grep -r --exclude="*.c" hit d; grep --exclude="*.h" hit d/a.h; echo $?' \
	$'d/a.c:hit\nd/a.h:hit\nd/keep/y.c:hit\nd/a.c:hit\nd/keep/y.c:hit\nd/a.h:hit\n1\n'
# libmini/regex.c: stacked repetitions double the C library's compiled tree at each one
check "grep -E: 24 stacked + are refused, not a crash" 'grep -E "a++++++++++++++++++++++++" /dev/null' '' 2 'grep: a\++: Invalid preceding regular expression'
check "grep: 20 stacked \\+ in a BRE refused" 'grep "a\+\+\+\+\+\+\+\+\+\+\+\+\+\+\+\+\+\+\+\+" /dev/null' '' 2 'Invalid preceding regular expression'
check "grep -E: a few stacked repetitions still work" 'echo aaa | grep -E "a+*" && echo "a+" | grep "[+++++]"' $'aaa\na+\n'
