# poweroff, reboot, halt: only their option parsing is tested here. The real thing
# would signal the host's PID 1 (or, with -f, stop the host): tests/boot/test_init.py
# checks them in QEMU.
check "poweroff --help" 'poweroff --help | head -1' $'Usage: poweroff|reboot|halt [-f]\n'
check "poweroff: an operand" 'poweroff now' '' 2 "poweroff: extra operand 'now'"
check "reboot: an unknown option" 'reboot -x' '' 2 "reboot: "
check "halt: an operand" 'halt 1' '' 2 "halt: extra operand '1'"
