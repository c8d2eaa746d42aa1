# kill (mini's, not bash's builtin)
check "kill -l lists the names" '$MINI kill -l | cut -d" " -f1-15' $'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM\n'
check "kill -l NUMBER, status and NAME" '$MINI kill -l 9 143 TERM sigint' $'KILL\nTERM\n15\n2\n'
check "kill sends TERM by default" 'exec 2>/dev/null; sleep 5 & $MINI kill $!; { wait $!; } 2>/dev/null; echo $?' $'143\n'
check "kill -9" 'exec 2>/dev/null; sleep 5 & $MINI kill -9 $!; { wait $!; } 2>/dev/null; echo $?' $'137\n'
check "kill -s NAME" 'exec 2>/dev/null; sleep 5 & $MINI kill -s USR2 $!; { wait $!; } 2>/dev/null; echo $?' $'140\n'
check "kill -SIGNAME" 'exec 2>/dev/null; sleep 5 & $MINI kill -SIGUSR1 $!; { wait $!; } 2>/dev/null; echo $?' $'138\n'
check "kill -NAME in lower case" 'exec 2>/dev/null; sleep 5 & $MINI kill -hup $!; { wait $!; } 2>/dev/null; echo $?' $'129\n'
check "kill -0 probes a process" 'sleep 1 & $MINI kill -0 $! && echo alive; kill $!' $'alive\n'
check "kill a process group with -- -PGID" 'exec 2>/dev/null; set -m; sleep 5 & pg=$!; set +m; $MINI kill -- -$pg; { wait $pg; } 2>/dev/null; echo $?' $'143\n'
check "kill: no such process" '$MINI kill 999999' '' 1 'kill: \(999999\): No such process'
check "kill: carries on after a bad pid" 'sleep 5 & $MINI kill abc $!; s=$?; wait $!; echo $s $?' $'1 143\n' 0 'kill: abc: not a process id'
check "kill: unknown signal" '$MINI kill -FOO 1' '' 2 "kill: unknown signal 'FOO'"
check "kill -l: unknown number" '$MINI kill -l 99' '' 1 "unknown signal '99'"
check "kill: no pid" '$MINI kill' '' 2 "kill: no process id given"
check "kill --help" '$MINI kill --help | head -n 1' $'Usage: kill [-s SIGNAL | -SIGNAL] PID...\n'
check "kill -s: missing signal" '$MINI kill -s' '' 2 "kill: option '-s' needs an argument"
