# unexpand: spaces to tabs.
check "unexpand: leading blanks" 'printf "                a       b\n" | unexpand' $'\t\ta       b\n'
check "unexpand -a" 'printf "a       b\n" | unexpand -a' $'a\tb\n'
check "unexpand -t 4" 'printf "    a   b\n" | unexpand -t 4' $'\ta\tb\n'
check "unexpand: lone space stays" 'printf "abcdefg b\n" | unexpand -a' $'abcdefg b\n'
check "unexpand: partial run stays spaces" 'printf "   a\n" | unexpand' $'   a\n'
check "unexpand: bad list" 'unexpand -t x' '' 2 'invalid'
check "unexpand: missing file" 'unexpand nosuch' '' 1 'nosuch'
