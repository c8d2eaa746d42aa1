# fold: wrap lines.
check "fold -w" 'echo abcdefgh | fold -w 3' $'abc\ndef\ngh\n'
check "fold: default 80" 'head -c 100 /dev/zero | tr "\0" a | fold | head -n 1 | wc -c' $'81\n'
check "fold -s" 'echo "hello world foo" | fold -s -w 12' $'hello world \nfoo\n'
check "fold: tab counts to column 8" 'printf "\tab\n" | fold -w 9' $'\ta\nb\n'
check "fold -b: tab is one byte" 'printf "\tab\n" | fold -b -w 2' $'\ta\nb\n'
check "fold: short lines untouched" 'printf "ab\ncd" | fold -w 5' $'ab\ncd'
check "fold: bad width" 'fold -w 0' '' 2 'invalid width'
check "fold: missing file" 'fold nosuch' '' 1 'nosuch'
