# cat
check "cat: files in order" 'echo a > x; echo b > y; cat x y' $'a\nb\n'
check "cat: standard input" 'echo a | cat' $'a\n'
check "cat: - is standard input" 'echo b > y; echo a | cat - y' $'a\nb\n'
check "cat -n: numbers lines" 'printf "a\nb\n" | cat -n' $'     1\ta\n     2\tb\n'
check "cat -n: across files" 'echo a > x; printf "b\nc" > y; cat -n x y' $'     1\ta\n     2\tb\n     3\tc'
check "cat -u" 'echo a | cat -u' $'a\n'
check "cat: missing file, carries on" 'echo a > x; cat nosuch x' $'a\n' 1 'cat: nosuch: No such file'
check "cat: a directory" 'mkdir d; cat d' '' 1 'cat: d: Is a directory'
check "cat: bad option" 'cat -z' '' 2 "unknown option '-z'"
check "cat -A: controls, tabs, ends, high bytes" 'printf "a\tb\001\177\303\n" | cat -A' $'a^Ib^A^?M-C$\n'
check "cat -v -e -t" 'printf "a\tb\001\n" | cat -v; printf "a\tb\n" | cat -e; printf "a\tb\n" | cat -t' $'a\tb^A\na\tb$\na^Ib\n'
check "cat -b: only lines that are not empty get numbers" 'printf "a\n\nb\n" | cat -b' $'     1\ta\n\n     2\tb\n'
check "cat -s: runs of empty lines squeezed" 'printf "a\n\n\n\nb\n\n" | cat -s' $'a\n\nb\n\n'
check "cat -sn across files" 'printf "a\n\n" > x; printf "\nb\n" > y; cat -sn x y' $'     1\ta\n     2\t\n     3\tb\n'
check "cat: a bad option" 'cat -y' '' 2 "unknown option '-y'"
