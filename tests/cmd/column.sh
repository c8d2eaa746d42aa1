# column: columns and tables.
check "column -t" 'printf "a bb c\nddd e f\n" | column -t' $'a    bb  c\nddd  e   f\n'
check "column -t -s" 'printf "a:b\nccc:d\n" | column -t -s :' $'a    b\nccc  d\n'
check "column -t -o" 'printf "a b\ncc d\n" | column -t -o "|"' $'a |b\ncc|d\n'
check "column: fill columns" 'printf "a\nb\nc\nd\n" | column -c 20' $'a\tc\nb\td\n'
check "column -x: fill rows" 'printf "a\nb\nc\nd\n" | column -x -c 20' $'a\tb\nc\td\n'
check "column: narrow width, one per line" 'printf "aaaa\nbbbb\n" | column -c 5' $'aaaa\nbbbb\n'
check "column: empty lines skipped" 'printf "a\n\nb\n" | column -c 80' $'a\tb\n'
check "column: missing file" 'column nosuch' '' 1 'nosuch'
