# resize, and the shell learning the size of a terminal that has none (a serial console):
# on a pseudo-terminal of 0 x 0 whose far end (size-pty.py) answers ESC [ 6 n, or never does.
SIZE_PTY="python3 $(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/size-pty.py"
# An interactive shell with a prompt of its own, its history in the test's folder.
SH_I='-- env HOME=$PWD PS1="P> " sh -i'
check "resize asks, sets and prints"  "$SIZE_PTY answer:37\;123 -- sh -c 'resize; stty size'" $'<ASK>COLUMNS=123;LINES=37;export COLUMNS LINES;\n37 123\n'
check "resize for eval"               "$SIZE_PTY answer:25\;200 -- sh -c 'eval \"\$(resize)\"; echo \$COLUMNS \$LINES'" $'<ASK>200 25\n'
check "resize: no answer"             "$SIZE_PTY -- sh -c 'resize; echo \$?; stty size'" $'<ASK>resize: the terminal did not say its size\n1\n0 0\n'
check "resize: a zero size is no answer" "$SIZE_PTY answer:0\;0 -- sh -c 'resize; echo \$?; stty size'" $'<ASK>resize: the terminal did not say its size\n1\n0 0\n'
check "resize: a huge size is no answer" "$SIZE_PTY answer:99999\;80 -- sh -c 'resize; echo \$?'" $'<ASK>resize: the terminal did not say its size\n1\n'
check "resize: not a terminal"        'resize' '' 1 'resize: standard input is not a terminal'
check "resize: extra operand"         'resize 80' '' 2 "resize: extra operand '80'"
check "sh asks once and sets the size" "$SIZE_PTY answer:37\;123 'wait:P> ' 'type:stty size\r' 'wait:37 123' 'type:exit\r' $SH_I | grep -c -e '<ASK>' -e '^37 123\$'" $'2\n'
check "sh: COLUMNS set, no question"   "$SIZE_PTY 'wait:P> ' 'type:exit\r' -- env COLUMNS=100 HOME=\$PWD PS1='P> ' sh -i | grep -c '<ASK>'" $'0\n' 1
check "sh: no answer, still a prompt"  "$SIZE_PTY 'wait:P> ' 'type:stty size\r' 'wait:0 0' 'type:exit\r' $SH_I | grep -x '0 0'" $'0 0\n'
check "sh keeps keys typed before the answer" "$SIZE_PTY 'type:echo typed\r' answer:30\;90 'wait:typed\nP> ' 'type:stty size\r' 'wait:30 90' 'type:exit\r' $SH_I | grep -x -e typed -e '30 90'" $'typed\n30 90\n'
check "sh: a late answer is not typed" "$SIZE_PTY 'wait:P> ' 'answer:37;123' 'type:echo late\r' 'wait:late\nP> ' 'type:exit\r' $SH_I | grep -e late -e R" $'<ASK>P> echo late\nlate\n'
