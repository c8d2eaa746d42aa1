# time (mini's: bash has a time keyword, so it is called as $MINI time)
check "time -p: three POSIX lines on stderr" '$MINI time -p sleep 0.1 2>err; sed "s/[0-9]/N/g" err' $'real N.NN\nuser N.NN\nsys N.NN\n'
check "time -p: real time measured" '$MINI time -p sleep 0.2 2>&1 | sed -n "s/^real //p" | cut -c1-3' $'0.2\n'
check "time: the default format" '$MINI time true 2>&1 | sed "s/[0-9]/N/g"' $'real\tNmN.NNNs\nuser\tNmN.NNNs\nsys\tNmN.NNNs\n'
check "time: the command output and status pass through" '$MINI time -p /bin/sh -c "echo out; exit 3" 2>/dev/null; echo $?' $'out\n3\n'
check "time: a killed command is 128+signal" '$MINI time -p /bin/sh -c "kill -9 \$\$" 2>/dev/null; echo $?' $'137\n'
check "time: not found is 127" '$MINI time no_such_cmd_xyz 2>err; echo $?; head -n 1 err' $'127\ntime: no_such_cmd_xyz: No such file or directory\n'
check "time: no command" '$MINI time' '' 2 'time: missing command'
check "time -f: GNU fields" '$MINI time -f "%e|%E|%U|%S|%x|%C|%%|%Z" sleep 0.1 2>&1 | sed "s/[0-9]/N/g"' $'N.NN|N:NN.NN|N.NN|N.NN|N|sleep N.N|%|NNNN\n'
check "time -f: \\n and \\t, %M and %P are numbers" '$MINI time -f "a\\tb\\n%M %P" true 2>&1 | sed "s/[0-9][0-9]*/N/g"' $'a\tb\nN N%\n'
check "time -f: a failed command is said first, %x" '$MINI time -f "%x" /bin/sh -c "exit 3" 2>&1; echo $?' $'Command exited with non-zero status 3\n3\n3\n'
check "time -v: the verbose report" '$MINI time -v true 2>&1 | sed -n "1p;\$p"' $'\tCommand being timed: "true"\n\tExit status: 0\n'
check "time -f: missing format" '$MINI time -f' '' 2 "option '-f' needs an argument"
check "time: the command's own options stay its own" '$MINI time -f "" ls -d . 2>/dev/null' $'.\n'
