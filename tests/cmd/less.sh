# less (not a terminal: it copies like cat; the screen is tested by tests/vi/keys.py)
check "less: copies standard input to a pipe" 'printf "a\nb\n" | less' $'a\nb\n'
check "less: several files in order" 'echo a > x; printf "b" > y; less x y' $'a\nb'
check "less -N -S: still a plain copy to a pipe" 'printf "a\tb\n" | less -N -S' $'a\tb\n'
check "less: - is standard input" 'echo b > y; echo a | less - y' $'a\nb\n'
check "less: missing file, carries on" 'echo a > x; less nosuch x' $'a\n' 1 'less: nosuch: No such file'
check "less: a directory" 'mkdir d; less d' '' 1 'less: d: Is a directory'
check "less --help" 'less --help | head -n 1' $'Usage: less [-NSi] [FILE]...\n'
check "less: bad option" 'less -Z' '' 2 "unknown option '-Z'"
check "less to a full disk: the write error is said once" 'echo a > x; less x x 2>err >/dev/full; echo $?; cat err' $'1\nless: write error: No space left on device\n'
check "less: - among the files is standard input" 'echo a > x; echo b | less x - x' $'a\nb\na\n'
