# ps
check "ps: the default header" 'ps | head -n 1' $'  PID TTY          TIME CMD\n'
check "ps -f header" 'ps -f | head -n 1' $'UID        PID  PPID  C STIME TTY          TIME CMD\n'
check "ps -e shows pid 1" 'ps -e | awk "\$1 == 1 { print \"found\" }"' $'found\n'
check "ps -o pid,ppid,comm with -p" 'sleep 2 & p=$!; ps -o pid= -o ppid= -p $p | awk -v p=$p -v me=$$ "{ print (\$1 == p), (\$2 == me) }"; kill $p' $'1 1\n'
check "ps -o args shows arguments" 'sleep 2.5 & p=$!; ps -o args= -p $p; kill $p' $'sleep 2.5\n'
check "ps -o comm shows the name" 'cp /bin/sleep ./nappy; ./nappy 2 & p=$!; ps -o comm= -p $p; kill $p' $'nappy\n'
check "ps -o headers" 'ps -o pid,user,comm,args,ppid,stat,vsz,rss,tty,time,etime,nice -p 1 | head -n 1 | tr -s " "' $' PID USER COMMAND COMMAND PPID STAT VSZ RSS TT TIME ELAPSED NI\n'
check "ps -o NAME=HEADER" 'ps -o pid=Process -p 1' $'Process\n      1\n'
check "ps -o user shows a name" 'ps -o user= -p $$' "$(id -un)"$'\n'
check "ps: a stopped process has state T" 'sleep 2 & p=$!; kill -STOP $p; sleep 0.1; ps -o stat= -p $p | cut -c1; kill -CONT $p; kill $p' $'T\n'
check "ps: unknown column" 'ps -o nosuch' '' 2 "ps: unknown column 'nosuch'"
check "ps: unknown option" 'ps -Z' '' 2 "ps: unknown option"
check "ps aux: every process, the user format" 'ps aux | head -n 1; ps aux | awk "\$2 == 1 { print \$1 }"' $'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START     TIME COMMAND\nroot\n'
check "ps ax: every process, default columns" 'ps ax | head -n 1; ps ax | awk "\$1 == 1 { print \"found\" }"' $'  PID TTY          TIME CMD\nfound\n'
check "ps -o pmem" 'ps -o pmem= -p $$ | grep -cE "^ *[0-9]+\.[0-9]$"' $'1\n'
