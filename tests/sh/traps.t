# Traps and signals (POSIX XCU 2.11, 2.14 trap, wait).
=== a trap runs while the shell loops on builtins only
trap 'echo got; exit 3' USR1
(sleep 0.3; kill -USR1 $$) &
while :; do :; done
--- out
got
--- status
3
=== children are reaped while only builtins run
sleep 0.2 & p=$!
while kill -0 $p 2>/dev/null; do :; done
echo done
--- out
done
=== exit alone in a trap exits with $? from before the trap
trap 'false; exit' USR1
(exit 4)
kill -USR1 $$
echo not reached
=== exit alone in the EXIT trap
trap '(exit 5); exit' EXIT
(exit 4)
--- status
4
=== return in a trap returns from the interrupted function
f() { trap 'return 7' USR1; kill -USR1 $$; echo not reached; }
f
echo "f=$?"
--- out
f=7
=== a trap that signals its own shell runs the nested trap at once
trap 'echo usr1; kill -USR2 $$; echo back' USR1
trap 'echo usr2' USR2
kill -USR1 $$
echo end
--- out
usr1
usr2
back
end
=== wait is interrupted by a trapped signal: 128 + its number
trap 'echo trapped' USR1
(until [ -f ready ]; do sleep 0.05; done; sleep 0.5; kill -USR1 $$) &
sleep 30 &
touch ready
wait $!
echo "st=$?"
kill %2 2>/dev/null
rm ready
trap 'echo hup' HUP
(until [ -f ready ]; do sleep 0.05; done; sleep 0.5; kill -HUP $$) &
touch ready
wait
echo "st=$?"
--- out
trapped
st=138
hup
st=129
=== a trap set inside a background group stays for the rest of it
{ trap 'echo bgtrap' USR1; touch ready; sleep 1; } &
until [ -f ready ]; do sleep 0.05; done
kill -USR1 $!
wait
echo end
--- out
bgtrap
end
=== trap without operands in $(...) prints the parent's traps
trap 'echo x' INT
trap '' QUIT
saved=$(trap)
echo "$saved"
trap - INT QUIT
eval "$saved"
trap
--- out
trap -- 'echo x' INT
trap -- '' QUIT
trap -- 'echo x' INT
trap -- '' QUIT
=== a subshell that sets a trap prints only its own
trap 'echo x' INT
(trap 'echo y' TERM; trap)
--- out
trap -- 'echo y' TERM
=== return as the condition of a loop returns from the function
f() { while return 3; do echo loop; done; echo after; }
f
echo $?
g() { until return 4; do :; done; }
g
echo $?
--- out
3
4
=== a command killed by a signal is reported
sh -c 'kill $$'
echo $?
sh -c 'kill -HUP $$'
echo $?
sh -c 'kill -INT $$'
echo $?
--- out
143
129
130
--- err
^Terminated
Hangup
$
