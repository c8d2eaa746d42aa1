# top (batch mode; the interactive screen is tried in the booted system and by hand)
check "top -b -n 1: the header" 'top -b -n 1 | sed -n "1p;2p;3p;4p" | cut -d" " -f1-2 | sed "s/ .*//"' $'top\nTasks:\n%Cpu(s):\nKiB\n'
check "top -b -n 1: the column titles" 'top -b -n 1 | sed -n 6p | tr -s " "' $' PID USER PR NI VIRT RES S %CPU %MEM TIME+ COMMAND\n'
check "top -b: a busy process shows its CPU use" '/bin/sh -c "while :; do :; done" & p=$!; sleep 0.2; top -b -n 2 -d 0.3 | awk -v p=$p "\$1 == p && \$8 > 0 { found = 1 } END { print found + 0 }"; kill $p' $'1\n'
check "top -b -n 2 -d: two frames" 'top -b -n 2 -d 0.1 | grep -c "^top - "' $'2\n'
check "top: not a terminal means batch" 'top -n 1 | grep -c $'"'"'\033'"'"'' $'0\n' 1
check "top: bad count" 'top -b -n x' '' 2 "top: invalid count 'x'"
check "top: bad delay" 'top -b -d soon' '' 2 "top: invalid delay 'soon'"
check "top quits on q (on a terminal), restoring it" '(sleep 0.5; echo q) | script -qc "stty sane; top -d 10; stty" /dev/null >out; echo $?; grep -c "PID USER" out; tr -d "\r" <out | tail -n 1' $'0\n1\nspeed 38400 baud; line = 0;\n'
check "top: the screen is cleared on a terminal" '(sleep 0.5; echo q) | script -qc "top -d 10" /dev/null | grep -c $'"'"'\033\[H\033\[J'"'"'' $'1\n'
