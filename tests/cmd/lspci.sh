# lspci
check "lspci: one line per device in /sys" 'lspci | wc -l' "$(ls /sys/bus/pci/devices | wc -l)"$'\n'
check "lspci: BusyBox's layout" 'lspci | grep -cvE "^[0-9a-f]{2}:[0-9a-f]{2}\.[0-9] Class [0-9a-f]{4}: [0-9a-f]{4}:[0-9a-f]{4}$"' $'0\n' 1
check "lspci: the ids of the first device" 'lspci | head -n 1' "$(d=$(ls /sys/bus/pci/devices | head -n 1); printf '%s Class %s: %s:%s' "${d#0000:}" "$(cut -c3-6 /sys/bus/pci/devices/$d/class)" "$(cut -c3- /sys/bus/pci/devices/$d/vendor)" "$(cut -c3- /sys/bus/pci/devices/$d/device)")"$'\n'
check "lspci -n is the same" 'diff <(lspci) <(lspci -n) && echo same' $'same\n'
check "lspci: extra operand" 'lspci x' '' 2 "lspci: extra operand 'x'"
