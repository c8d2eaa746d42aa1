# free
check "free: the header" 'free | head -n 1' $'               total        used        free      shared  buff/cache   available\n'
check "free: Mem total from /proc/meminfo" 'free | awk "/^Mem:/ { print \$2 }"' "$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)"$'\n'
check "free: the rows and columns" 'free | awk "{ print \$1, NF }"' $'total 6\nMem: 7\nSwap: 4\n'
check "free -m" 'free -m | awk "/^Mem:/ { print \$2 }"' "$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)"$'\n'
check "free -k is the default" 'free -k | sed -n 2p | awk "{ print \$2 }"' "$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)"$'\n'
check "free -h: units" 'free -h | awk "/^Mem:/ { print \$2 }" | grep -c "^[0-9.]*[KMGT]i$"' $'1\n'
check "free -h: an empty swap is 0B" 'grep -q "^SwapTotal: *0 kB" /proc/meminfo || { echo 0B; exit; }; free -h | awk "/^Swap:/ { print \$2 }"' $'0B\n'
check "free: extra operand" 'free x' '' 2 "free: extra operand 'x'"
