# expand: tabs to spaces.
check "expand" 'printf "a\tb\n" | expand' $'a       b\n'
check "expand -t 4" 'printf "a\tb\tc\n" | expand -t 4' $'a   b   c\n'
check "expand -t list" 'printf "a\tb\tc\n" | expand -t 2,5' $'a b  c\n'
check "expand -i" 'printf "\ta\tb\n" | expand -i -t 2' $'  a\tb\n'
check "expand: files" 'printf "\tx\n" > f; expand -t1 f' $' x\n'
check "expand: bad list" 'expand -t 4,2' '' 2 'invalid'
check "expand: missing file" 'expand nosuch' '' 1 'nosuch'
