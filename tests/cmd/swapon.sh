# swapon, swapoff (only what changes nothing on the host; real swap: tests/boot/test_disks.py)
check "swapon -s shows /proc/swaps" 'swapon -s | head -n 1' "$(head -n 1 /proc/swaps)"$'\n'
check "swapon: not a swap area" 'truncate -s 1M f && swapon f' '' 1 'swapon: f: not a swap area \(make one with mkswap\)'
check "swapon: missing file" 'swapon nosuch' '' 1 'swapon: nosuch: No such file'
check "swapon: no device with the label" 'swapon LABEL=no-such-label-anywhere-42' '' 1 'swapon: no device with LABEL=no-such-label-anywhere-42'
check "swapon: bad priority" 'swapon -p high f' '' 2 "swapon: bad priority 'high'"
check "swapoff: not in use" ': > f; swapoff f' '' 1 'swapoff: f: not in use as swap'
check "swapoff: no operand" 'swapoff' '' 2 'swapoff: which device\?'
check "swapoff: -s is swapon's" 'swapoff -s' '' 2 "unknown option '-s'"
check "swapon --help" 'swapon --help | head -n 1' $'Usage: swapon [-p PRIORITY] DEVICE...\n'
check "swapoff --help" 'swapoff --help | head -n 1' $'Usage: swapoff DEVICE...   swapoff -a\n'
