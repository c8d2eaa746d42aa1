# route: routes in a private network namespace only (netns.bash).
source "$(dirname "${BASH_SOURCE[0]}")/netns.bash"

setup='veth; ifconfig v0 192.0.2.10/24 up; ifconfig v1 up;'
check "route --help" 'route --help | head -n 1' $'Usage: route [-n]\n'
check "route -n: the table" "netns <<<'$setup route -n'" \
	$'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n192.0.2.0       0.0.0.0         255.255.255.0   U     0      0        0 v0\n'
check "route add default gw" "netns <<<'$setup route add default gw 192.0.2.1; route | sed -n 3p'" \
	$'0.0.0.0         192.0.2.1       0.0.0.0         UG    0      0        0 v0\n'
check "route add -net with netmask, gw, dev and metric" "netns <<<'$setup route add -net 198.51.100.0 netmask 255.255.255.0 gw 192.0.2.5 dev v0 metric 3; route -n | grep ^198'" \
	$'198.51.100.0    192.0.2.5       255.255.255.0   UG    3      0        0 v0\n'
check "route add -host, and N/PREFIX" "netns <<<'$setup route add -host 203.0.113.9 dev v0; route add 203.0.113.64/26 gw 192.0.2.6; route -n | grep ^203'" \
	$'203.0.113.9     0.0.0.0         255.255.255.255 UH    0      0        0 v0\n203.0.113.64    192.0.2.6       255.255.255.192 UG    0      0        0 v0\n'
check "route del" "netns <<<'$setup route add default gw 192.0.2.1; route del default; route -n | grep -c ^0.0.0.0 || true'" $'0\n'
check "route del: no such route" "netns <<<'$setup route del default'" '' 1 'route: SIOCDELRT: No such process'
check "route: a bad gateway" "netns <<<'$setup route add default gw 192.0.2'" '' 1 'route: 192.0.2: bad gateway address'
check "route: bits outside the netmask" "netns <<<'$setup route add -net 192.0.2.1 netmask 255.255.255.0'" '' 1 'the address has bits outside the netmask'
check "route: an unknown keyword" "netns <<<'$setup route add default via 192.0.2.1'" '' 1 'route: via: unknown keyword'
check "route: an unknown command" 'route flush' '' 2 'route: flush: unknown command'
check "route: unreachable gateway" "netns <<<'$setup route add default gw 198.51.100.1'" '' 1 'route: SIOCADDRT: Network is unreachable'
