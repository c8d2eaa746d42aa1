# tac: lines in reverse order.
check "tac" 'printf "1\n2\n3\n" | tac' $'3\n2\n1\n'
check "tac: no final newline" 'printf "a\nb" | tac' $'ba\n'
check "tac: files one after another" 'printf "1\n2\n" > x; printf "3\n4\n" > y; tac x y' $'2\n1\n4\n3\n'
check "tac -s" 'printf "a,b,c," | tac -s ,' 'c,b,a,'
check "tac: empty input" 'tac < /dev/null' ''
check "tac: missing file" 'tac nosuch' '' 1 'nosuch'
