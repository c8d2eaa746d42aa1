# tty
check "tty: not a terminal" 'tty; echo $?' $'not a tty\n1\n'
check "tty -s: silent" 'tty -s; echo $?' $'1\n'
check "tty on a terminal" 'script -qc "tty; tty -s && echo yes" /dev/null | tr -d "\r" | sed "s|/dev/pts/[0-9]*|/dev/pts/N|"' $'/dev/pts/N\nyes\n'
check "tty: extra operand" 'tty x' '' 2 "tty: extra operand 'x'"
