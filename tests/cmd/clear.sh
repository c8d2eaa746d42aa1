# clear, reset
check "clear writes home and erase-screen" 'clear | od -An -c | tr -s " "' $' 033 [ H 033 [ J\n'
check "reset also resets the terminal (RIS)" 'reset | od -An -c | tr -s " "' $' 033 c 033 [ H 033 [ J\n'
check "reset puts a terminal back to sane modes" 'script -qc "stty raw -echo; reset >/dev/null; stty" /dev/null </dev/null | tr -d "\r" | sed "s/\^D//g"' $'speed 38400 baud; line = 0;\n'
check "clear: extra operand" 'clear x' '' 2 "clear: extra operand 'x'"
