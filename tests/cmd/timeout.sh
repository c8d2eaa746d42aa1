# timeout
check "timeout: a quick command keeps its status" 'timeout 1 /bin/sh -c "exit 3"; echo $?' $'3\n'
check "timeout: time runs out, status 124" 'timeout 0.2 sleep 5; echo $?' $'124\n'
check "timeout: fractional durations end early" 's=${EPOCHREALTIME/./}; timeout 0.1 sleep 5; e=${EPOCHREALTIME/./}; [ $(( (e - s) / 1000 )) -lt 1000 ] && echo quick' $'quick\n'
check "timeout -s KILL: status 137" 'timeout -s KILL 0.1 sleep 5; echo $?' $'137\n'
check "timeout -s INT" 'timeout -s INT 1 /bin/sh -c "trap \"echo got INT; exit 7\" INT; sleep 5 & wait"; echo $?' $'got INT\n124\n'
check "timeout -k: KILL when the signal is ignored" 'timeout -k 0.2 0.1 /bin/sh -c "trap \"\" TERM; sleep 3"; echo $?' $'137\n'
check "timeout: the whole process group gets the signal" 'timeout 0.2 /bin/sh -c "sleep 3; echo late"; echo $?' $'124\n'
check "timeout: not found is 127" 'timeout 1 no_such_cmd_xyz; echo $?' $'127\n' 0 'timeout: no_such_cmd_xyz:'
check "timeout: bad duration" 'timeout 1q true' '' 2 "timeout: invalid time interval '1q'"
check "timeout: bad signal" 'timeout -s NOPE 1 true' '' 2 "timeout: unknown signal 'NOPE'"
check "timeout: no command" 'timeout 1' '' 2 'timeout: missing command'
