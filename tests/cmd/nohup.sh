# nohup (standard output is not a terminal here, so no nohup.out)
check "nohup runs the command" 'nohup echo hi; ls' $'hi\n'
check "nohup ignores SIGHUP" 'nohup /bin/sh -c "kill -HUP \$\$; echo survived"' $'survived\n'
check "nohup: status of the command" 'nohup /bin/sh -c "exit 5"; echo $?' $'5\n'
check "nohup: command not found is 127" 'nohup no_such_cmd_xyz; echo $?' $'127\n' 0 'nohup: no_such_cmd_xyz:'
check "nohup: no command" 'nohup' '' 2 "nohup: missing command"
check "nohup writes nohup.out when output is a terminal" 'script -qc "nohup echo hi" /dev/null >/dev/null; cat nohup.out' $'hi\n'
