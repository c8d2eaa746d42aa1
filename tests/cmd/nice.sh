# nice
check "nice prints the niceness" 'nice' $'0\n'
check "nice runs at +10 by default" 'nice nice' $'10\n'
check "nice -n N" 'nice -n 5 nice; nice -n 3 nice -n 4 nice' $'5\n7\n'
check "nice -nN glued" 'nice -n7 nice' $'7\n'
check "nice: the status of the command" 'nice /bin/sh -c "exit 4"; echo $?' $'4\n'
check "nice: command not found is 127" 'nice no_such_cmd_xyz; echo $?' $'127\n' 0 'nice: no_such_cmd_xyz:'
check "nice: bad adjustment" 'nice -n x true' '' 2 "nice: invalid adjustment 'x'"
