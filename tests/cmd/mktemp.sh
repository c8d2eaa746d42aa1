# mktemp
check "mktemp: a file in TMPDIR" 'TMPDIR=$PWD mktemp > out; f=$(cat out); [ -f "$f" ] && [ $(stat -c %a "$f") = 600 ] && basename "$f" | grep -c "^tmp\.[A-Za-z0-9]\{10\}$"' $'1\n'
check "mktemp: a template here" 'mktemp fooXXXXXX | grep -c "^foo[A-Za-z0-9]\{6\}$"; ls | grep -c foo' $'1\n1\n'
check "mktemp: every X replaced" 'mktemp aXXXXXXXXXX | grep -c XXXXX' $'0\n' 1
check "mktemp -d: a directory" 'd=$(mktemp -d -p .); [ -d "$d" ] && stat -c %a "$d"' $'700\n'
check "mktemp -p: in that directory" 'mkdir sub; mktemp -p sub | grep -c "^sub/tmp\."' $'1\n'
check "mktemp: new names each time" 'a=$(mktemp -p .); b=$(mktemp -p .); [ "$a" != "$b" ] && echo different' $'different\n'
check "mktemp: too few X" 'mktemp fooXX' '' 2 "too few X"
check "mktemp: missing directory" 'mktemp -p nosuch' '' 1 'mktemp: nosuch/tmp'
check "mktemp -t: the template in TMPDIR" 'mkdir t; TMPDIR=$PWD/t mktemp -t fooXXXXXX | sed "s|^$PWD/||" | grep -c "^t/foo"' $'1\n'
check "mktemp -u: only a name" 'mktemp -u -p . > out; [ -e "$(cat out)" ] || echo none' $'none\n'
check "mktemp -q: quiet failure" 'mktemp -q -p nosuch' '' 1
check "mktemp -u: the directory need not exist" 'mktemp -u -p nosuch | grep -c "^nosuch/tmp\.[A-Za-z0-9]\{10\}$"; ls' $'1\n'
check "mktemp -u: every X replaced" 'mktemp -u aXXXXXXXXXXXXb.XXXXXXXX | grep -c "^aXXXXXXXXXXXXb\.[A-Za-z0-9]\{8\}$"' $'1\n'
