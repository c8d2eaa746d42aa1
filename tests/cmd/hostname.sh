# hostname (setting it would change the host: see tests/boot/smoke_sys.txt)
check "hostname prints the name" 'hostname' "$(cat /proc/sys/kernel/hostname)"$'\n'
check "hostname -s cuts at the first dot" 'hostname -s' "$(cut -d. -f1 /proc/sys/kernel/hostname)"$'\n'
check "hostname -F: a missing file" 'hostname -F nosuch' '' 1 'hostname: nosuch: No such file or directory'
check "hostname -F: no name in the file" 'printf "# only a comment\n\n" >f; hostname -F f' '' 1 'hostname: f: no host name in the file'
check "hostname: two operands" 'hostname a b' '' 2 'hostname: too many operands'
check "hostname: unknown option" 'hostname -x' '' 2 "unknown option '-x'"
