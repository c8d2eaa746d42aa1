# eject (no CD-ROM drive on the host: the errors; the real drive: tests/boot/test_disks.py)
check "eject: not a block device" ': > f; eject f' '' 1 'eject: f: not a block device'
check "eject: missing device" 'eject /no/such/dev' '' 1 'eject: /no/such/dev: No such file'
check "eject: extra operand" 'eject a b' '' 2 "eject: extra operand 'b'"
check "eject: unknown option" 'eject -q' '' 2 "unknown option '-q'"
check "eject --help" 'eject --help | head -n 1' $'Usage: eject [-s] [-t|-T] [DEVICE]\n'
