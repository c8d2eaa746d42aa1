# strings: printable runs.
check "strings" 'printf "ab\001hello\002xyz\003world!\n" | strings' $'hello\nworld!\n'
check "strings -n 3" 'printf "ab\001xyz\002" | strings -n 3' $'xyz\n'
check "strings -a -f" 'printf "\001hello\001" > f; strings -a -f f' $'f: hello\n'
check "strings -t x" 'printf "\001\001hello" | strings -t x' $'      2 hello\n'
check "strings -t d" 'printf "0123456789\001hello" | strings -t d' $'      0 0123456789\n     11 hello\n'
check "strings: bad number" 'strings -n 0' '' 2 'invalid'
check "strings: missing file" 'strings nosuch' '' 1 'nosuch'
