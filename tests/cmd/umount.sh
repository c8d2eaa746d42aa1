# umount (only errors on the host; real unmounts: tests/boot/smoke_sys.txt)
check "umount: not mounted" 'mkdir d; umount d' '' 1 'umount: d: Invalid argument'
check "umount: no such directory" 'umount /no/such/dir' '' 1 'umount: /no/such/dir: No such file or directory'
check "umount: carries on to the next operand" 'mkdir d; umount /no/such d; echo $?' $'1\n' 0 'umount: d:'
check "umount: no operand" 'umount' '' 2 'umount: what should be unmounted\?'
check "umount: unknown option" 'umount -x d' '' 2 "umount: unknown option '-x'"
check "umount -a leaves the system's mounts alone (none here to unmount)" 'umount -a -t no-such-type; echo $?' $'0\n'
check "umount --help names -d" 'umount --help | grep -c -- "-d  "' $'1\n'
