# ls: listing names, the long format, sorting, columns, recursion.
# Setup: files with known sizes and times (TZ=UTC0 so the times read the same everywhere).
tree='export TZ=UTC0; umask 022; mkdir d; printf 12345 > b; printf 1 > a; : > .hidden;
touch -d "2020-01-02 03:04" a; touch -d "2020-01-03 03:04" b; touch -d "2020-01-01 00:00" d;'
check "ls: names sorted, hidden ones left out" "$tree"' ls' $'a\nb\nd\n'
check "ls -a: with . .. and hidden" "$tree"' ls -a' $'.\n..\n.hidden\na\nb\nd\n'
check "ls -A: hidden, without . and .." "$tree"' ls -A' $'.hidden\na\nb\nd\n'
check "ls -1 one a line" "$tree"' ls -1 a b' $'a\nb\n'
check "ls -r: reversed" "$tree"' ls -r' $'d\nb\na\n'
check "ls -t: newest first" "$tree"' ls -t' $'b\na\nd\n'
check "ls -tr: oldest first" "$tree"' ls -tr' $'d\na\nb\n'
check "ls -S: largest first" "$tree"' ls -S a b' $'b\na\n'
check "ls -l: GNU columns, old times show the year" "$tree"' ls -l a b' \
	$'-rw-r--r-- 1 root root 1 Jan  2  2020 a\n-rw-r--r-- 1 root root 5 Jan  3  2020 b\n'
check "ls -l: recent times show the hour" 'export TZ=UTC0; : > f; ls -l f | grep -c " [0-9][0-9]:[0-9][0-9] f$"' $'1\n'
check "ls -n: numeric ids" "$tree"' ls -n a' $'-rw-r--r-- 1 0 0 1 Jan  2  2020 a\n'
check "ls -l: total in KiB for a directory" 'mkdir d; head -c 5000 /dev/zero > d/f; ls -l d | head -1' $'total 8\n'
check "ls -l: symlink target" 'export TZ=UTC0; ln -s target l; touch -h -d "2020-01-01" l 2>/dev/null; ls -l l | sed "s/.* l /l /"' $'l -> target\n'
check "ls -l: device numbers" 'ls -l /dev/null | cut -d" " -f1,5,6' $'crw-rw-rw- 1, 3\n'
check "ls -l: widths line up" 'printf 1 > a; head -c 12345 /dev/zero > b; ls -l a b | cut -c24-29' $'    1 \n12345 \n'
check "ls -h: human sizes" 'head -c 1536 /dev/zero > f; ls -lh f | cut -d" " -f5' $'1.5K\n'
check "ls -i: inode first" ': > f; [ "$(ls -i f)" = "$(stat -c "%i f" f)" ] && echo same' $'same\n'
check "ls -d: the directory itself" "$tree"' ls -d d' $'d\n'
check "ls -F: type marks" 'mkdir d; : > f; printf "" > x; chmod +x x; ln -s f l; mkfifo p; ls -F' $'d/\nf\nl@\np|\nx*\n'
check "ls -R: recursive with headers" 'mkdir -p d/e; : > d/f; : > d/e/g; ls -R d' $'d:\ne\nf\n\nd/e:\ng\n'
check "ls: files first, then directories with headers" 'mkdir d; : > d/in; : > f; ls d f' $'f\n\nd:\nin\n'
check "ls -C: columns fill down first" 'for n in a b c d e; do : > $n; done; COLUMNS=10 ls -C' $'a  c  e\nb  d\n'
check "ls -C: one line when it fits" 'for n in a b c; do : > $n; done; COLUMNS=80 ls -C' $'a  b  c\n'
check "ls -c: status change time with -l" 'export TZ=UTC0; : > f; touch -d 2020-01-01 f; ls -lc f | grep -c 2020' $'0\n' 1
check "ls -u: access time with -l" 'export TZ=UTC0; : > f; touch -a -d "2019-05-05" f; ls -lu f | grep -c "May  5  2019"' $'1\n'
check "ls -ut: sorted by access time" 'touch -a -d 2020-01-01 a; touch -a -d 2021-01-01 b; ls -ut a b' $'b\na\n'
check "ls --color=always" ': > f; mkdir d; ls --color=always' $'\e[01;34md\e[0m\nf\n'
check "ls --color=auto: no colors into a pipe" 'mkdir d; ls --color=auto' $'d\n'
check "ls --color=never" 'mkdir d; ls --color=never' $'d\n'
check "ls --color=bad" 'ls --color=bad' '' 2 'invalid argument'
check "ls: missing file" ': > a; ls a nosuch' $'a\n' 1 'ls: nosuch: No such file or directory'
check "ls: bad option" 'ls -Q' '' 2 "unknown option '-Q'"
check "ls --help" 'ls --help | head -1' $'Usage: ls [-1aACcdFfgHhikLlmnopqRrSstux] [--color[=WHEN]] [FILE]...\n'
check "ls -L: what links point to" 'mkdir d; ln -s d l; ls -lLd l | cut -c1; ls -ld l | cut -c1' $'d\nl\n'
check "ls -C -F: marks count in the widths" 'mkdir aa; : > b; : > c; COLUMNS=8 ls -CF' $'aa/  c\nb\n'
check "ls -l: a file over 4 GiB" 'truncate -s 5G f; ls -l f | cut -d" " -f5' $'5368709120\n'
check "ls -lh: a file over 4 GiB" 'truncate -s 5G f; ls -lh f | cut -d" " -f5' $'5.0G\n'
check "ls -C: the most columns that fit, as GNU" 'for n in aaaaaaaaaa b c d eeeeeeeeee; do : > $n; done; COLUMNS=30 ls -C; COLUMNS=20 ls -C | wc -l' $'aaaaaaaaaa  c  eeeeeeeeee\nb           d\n5\n'
check "ls -C: a very narrow terminal" ': > a; : > b; COLUMNS=2 ls -C' $'a\nb\n'
check "ls -n: numbers line up on the right" 'export TZ=UTC0; : > a; : > b; chown 1000:5 b; touch -d 2020-01-01 a b; ls -n a b' $'-rw-r--r-- 1    0 0 0 Jan  1  2020 a\n-rw-r--r-- 1 1000 5 0 Jan  1  2020 b\n'
# -s: the disk space in KiB before each name, and a "total" that adds them up.
# (head -c writes every byte, so the files take whole 4 KiB blocks; truncate's do not.)
space='head -c 5000 /dev/zero > a; head -c 50000 /dev/zero > big; : > e; truncate -s 1M sparse;'
check "ls -s: KiB used, not the size" "$space"' ls -s a e sparse' $'8 a\n0 e\n0 sparse\n'
check "ls -s: the column lines up" "$space"' ls -s a big' $' 8 a\n52 big\n'
check "ls -s: a directory gets a total" "$space"' mkdir d; mv a big d; ls -s d' $'total 60\n 8 a\n52 big\n'
check "ls -sk: KiB, the same" "$space"' ls -sk a' $'8 a\n'
check "ls -sh: human sizes" "$space"' ls -sh a big e' $'8.0K a\n 52K big\n   0 e\n'
check "ls -ls: before the mode" "$space"' export TZ=UTC0; touch -d "2020-01-02 03:04" a; ls -ls a' \
	$'8 -rw-r--r-- 1 root root 5000 Jan  2  2020 a\n'
check "ls -is: inode, then space" "$space"' [ "$(ls -is a)" = "$(stat -c "%i 8 a" a)" ] && echo same' $'same\n'
check "ls -sC: the space counts in the widths" "$space"' COLUMNS=16 ls -sC a big e' $' 8 a     0 e\n52 big\n'
# -x: columns filled across, then down.
check "ls -x: columns fill across first" 'for n in a b c d e; do : > $n; done; COLUMNS=9 ls -x' $'a  b  c\nd  e\n'
check "ls -x: the most columns that fit" 'for n in aaaaaaaaaa b c d eeeeeeeeee; do : > $n; done; COLUMNS=30 ls -x' \
	$'aaaaaaaaaa  b  c  d\neeeeeeeeee\n'
check "ls -xF: marks count in the widths" 'mkdir aa; : > b; : > c; COLUMNS=9 ls -xF' $'aa/  b\nc\n'
check "ls -xr: reversed across" 'for n in a b c; do : > $n; done; COLUMNS=80 ls -xr' $'c  b  a\n'
# -p: a / after directories only.
check "ls -p: / after directories" 'mkdir d; : > f; printf "" > x; chmod +x x; ln -s d l; ls -p' $'d/\nf\nl\nx\n'
check "ls -pd: a directory operand" 'mkdir d; ls -pd d' $'d/\n'
check "ls -Fp: the last one wins" 'printf "" > x; chmod +x x; ls -Fp x; ls -pF x' $'x\nx*\n'
# -m: a stream of names separated by commas.
check "ls -m: commas" 'for n in a b c; do : > $n; done; ls -m' $'a, b, c\n'
check "ls -m: lines break after a comma" 'for n in aaa bbb ccc; do : > $n; done; COLUMNS=10 ls -m' $'aaa, bbb,\nccc\n'
check "ls -mF: with marks" 'mkdir d; : > f; ls -mF' $'d/, f\n'
check "ls -m: an empty directory prints nothing" 'mkdir d; ls -m d' ''
check "ls -ms: no padding" "$space"' ls -ms a big' $'8 a, 52 big\n'
# -g, -o: the long format without the owner or the group.
check "ls -g: no owner" 'export TZ=UTC0; printf 1 > a; chown 1000:5 a; touch -d 2020-01-02 a; ls -gn a' \
	$'-rw-r--r-- 1 5 1 Jan  2  2020 a\n'
check "ls -o: no group" 'export TZ=UTC0; printf 1 > a; chown 1000:5 a; touch -d 2020-01-02 a; ls -on a' \
	$'-rw-r--r-- 1 1000 1 Jan  2  2020 a\n'
check "ls -go: neither" 'export TZ=UTC0; printf 1 > a; touch -d 2020-01-02 a; ls -go a' \
	$'-rw-r--r-- 1 1 Jan  2  2020 a\n'
# -f: not sorted, and every name.
check "ls -f: all names, as the directory has them" "$tree"' ls -f | sort' $'.\n..\n.hidden\na\nb\nd\n'
check "ls -f: operands as given" "$tree"' ls -f b a' $'b\na\n'
check "ls -f: -t and -r are ignored (POSIX)" "$tree"' ls -ft a b; ls -fr b a' $'a\nb\nb\na\n'
# -H: symlinks on the command line are followed, the ones inside are not.
check "ls -H: follows a symlink operand" 'mkdir d; ln -s d l; ln -s .. d/up; ls -FH l; ls -F l' $'up@\nl@\n'
check "ls -lH: even with -l" 'mkdir d; ln -s d l; ls -ldH l | cut -c1' $'d\n'
# -q: control characters as ?, even into a pipe.
check "ls -q: control characters as ?" 'printf 1 > "$(printf "a\tb\001c")"; ls -q; ls | od -An -c | tr -s " "' \
	$'a?b?c\n a \\t b 001 c \\n\n'
# Past 2038 (the host's touch has a 64-bit time): stat() would give 1903; never shown.
check "ls -l: a file of 2040 shows ?, says date out of range, lists the rest, fails" \
	'export TZ=UTC0; /usr/bin/touch -d 2040-01-01 future; /usr/bin/touch -d 2020-05-05 old; ls -gon future old >out; s=$?; cut -c16- out; exit $s' \
	$'           ? future\nMay  5  2020 old\n' 1 '^ls: future: date out of range$'
check "ls -t: a file of 2040 is the newest, not the oldest (statx's whole time)" \
	'/usr/bin/touch -d 2040-01-01 future; /usr/bin/touch -d 2020-05-05 old; : > now; ls -t; ls -tr | head -1' \
	$'future\nnow\nold\nold\n'
# Many entries: the sort (of pointers) agrees with GNU ls in the C locale, ties by name.
many='export TZ=UTC0; for i in $(seq 1 150); do n=$(( (i * 37) % 150 )); head -c $(( i % 13 )) /dev/zero > f$n; touch -d "2020-01-01 00:00:$(( i % 7 ))" f$n; done;'
check "ls, -S, -t, -r on 150 files: the order of GNU ls" "$many"' for o in "" -S -t -Sr -tr -r; do [ "$(ls $o)" = "$(LC_ALL=C /usr/bin/ls $o)" ] || echo "differs: $o"; done; echo done' $'done\n'
check "ls -l: a time after another and back" 'export TZ=UTC0; : > a; : > b; : > c; touch -d 2020-01-02 a c; touch -d 2019-03-04 b; ls -go a b c | cut -c16-' \
	$'Jan  2  2020 a\nMar  4  2019 b\nJan  2  2020 c\n'
check "ls -l: sizes, links, owners line up as GNU's" 'export TZ=UTC0; head -c 123456 /dev/zero > a; : > b; ln b c; chown 1000:5 c; touch -d 2020-01-02 a b c; [ "$(ls -ln)" = "$(LC_ALL=C /usr/bin/ls -ln)" ] && echo same' $'same\n'
# A file gone between the reading of its directory and the look at it is passed over in
# silence (GNU ls does so): ls's own directory descriptor in /proc/self/fd is one.
check "ls -l /proc/self/fd: its own descriptor, gone, is no error" 'ls -l /proc/self/fd > /dev/null; echo $?' $'0\n'
check "ls -lR: what vanishes below the operands is no error" 'ls -lR /proc/self/task > /dev/null; echo $?' $'0\n'
