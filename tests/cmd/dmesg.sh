# dmesg (-c, -C and -n change the host: see tests/boot/smoke_sys.txt)
check "dmesg prints the kernel messages" 'dmesg | head -n 1 | grep -cE "^\[ *[0-9]+\.[0-9]{6}\] "' $'1\n'
# (not "[    0.0": on a host that has run for a while the ring has wrapped past the boot)
check "dmesg drops the <N> priorities" 'dmesg | grep -c "^<[0-9]>"' $'0\n' 1
check "dmesg -r keeps them" 'dmesg -r | head -n 1 | grep -c "^<[0-9]>"' $'1\n'
check "dmesg -n: bad level" 'dmesg -n 9' '' 2 "dmesg: invalid level '9'"
check "dmesg: extra operand" 'dmesg x' '' 2 "dmesg: extra operand 'x'"
