# killall
check "killall by name" 'exec 2>/dev/null; cp /bin/sleep ./snoozer_kt; ./snoozer_kt 5 & ./snoozer_kt 5 & sleep 0.1; killall snoozer_kt; wait; echo done' $'done\n'
check "killall -KILL" 'exec 2>/dev/null; cp /bin/sleep ./snoozer_k9; ./snoozer_k9 5 & p=$!; sleep 0.1; killall -KILL snoozer_k9; { wait $p; } 2>/dev/null; echo $?' $'137\n'
check "killall -s USR1" 'exec 2>/dev/null; cp /bin/sleep ./snoozer_s; ./snoozer_s 5 & p=$!; sleep 0.1; killall -s USR1 snoozer_s; { wait $p; } 2>/dev/null; echo $?' $'138\n'
check "killall -9 (a number)" 'exec 2>/dev/null; cp /bin/sleep ./snoozer_n; ./snoozer_n 5 & p=$!; sleep 0.1; killall -9 snoozer_n; { wait $p; } 2>/dev/null; echo $?' $'137\n'
check "killall: nothing of that name" 'killall no_such_program_xyz' '' 1 "killall: no_such_program_xyz: no process killed"
check "killall -q: quiet when nothing found" 'killall -q no_such_program_xyz; echo $?' $'1\n'
check "killall: unknown signal" 'killall -BOGUS x' '' 2 "unknown signal 'BOGUS'"
check "killall: no name" 'killall' '' 2 "no process name given"
