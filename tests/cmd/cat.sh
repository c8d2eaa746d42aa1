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
