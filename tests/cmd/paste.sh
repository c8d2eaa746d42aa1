# paste: merge lines.
check "paste: two files" 'printf "a\nb\n" > x; printf "1\n2\n3\n" > y; paste x y' $'a\t1\nb\t2\n\t3\n'
check "paste -d" 'printf "a\nb\n" > x; printf "1\n2\n" > y; paste -d, x y' $'a,1\nb,2\n'
check "paste -d list round-robin" 'echo a > x; echo b > y; echo c > z; paste -d ":;" x y z' $'a:b;c\n'
check "paste -s" 'printf "a\nb\nc\n" | paste -s' $'a\tb\tc\n'
check "paste -s -d" 'printf "a\nb\nc\n" | paste -s -d+' $'a+b+c\n'
check "paste - -" 'printf "1\n2\n3\n4\n" | paste - -' $'1\t2\n3\t4\n'
check "paste -d \\n" 'echo a > x; echo b > y; paste -d "\n" x y' $'a\nb\n'
check "paste: missing file" 'paste nosuch' '' 1 'nosuch'
