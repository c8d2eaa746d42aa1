# ip: addresses, links, routes and neighbours in a private network namespace only (netns.bash).
source "$(dirname "${BASH_SOURCE[0]}")/netns.bash"

setup='veth; ip link set v0 up; ip link set v1 up; ip addr add 192.0.2.10/24 brd + dev v0;'
check "ip --help" 'ip --help | head -n 1' $'Usage: ip [-4|-6] OBJECT COMMAND [ARGS]\n'
check "ip a: lo in iproute2's format" 'netns <<<"ip a"' \
	$'1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n    inet6 ::1/128 scope host\n       valid_lft forever preferred_lft forever\n'
check "ip -4 addr show dev: the address added" "netns <<<'$setup ip -4 addr show dev v0 | sed 1,2d'" \
	$'    inet 192.0.2.10/24 brd 192.0.2.255 scope global v0\n       valid_lft forever preferred_lft forever\n'
check "ip addr add with a label, del" "netns <<<'$setup ip addr add 192.0.2.20/24 dev v0 label v0:1; ip -4 a s v0 | grep -o \"inet 192.0.2.20.*\"; ip addr del 192.0.2.20/24 dev v0; ip -4 a s v0 | grep -c 192.0.2.20 || true'" \
	$'inet 192.0.2.20/24 scope global secondary v0:1\n0\n'
check "ip addr flush" "netns <<<'$setup ip addr flush dev v0; ip -4 a s v0 | grep -c inet || true'" $'0\n'
check "ip addr add: an IPv6 address" "netns <<<'$setup ip -6 addr add 2001:db8::1/64 dev v0; ip -6 a s v0 | grep -o \"inet6 2001:db8::1/64 scope global\"'" \
	$'inet6 2001:db8::1/64 scope global\n'
check "ip l s: the link line" "netns <<<'$setup ip link set v0 mtu 1400; ip link set v0 address 52:54:00:00:00:01; ip l s v0 | sed \"s/^[0-9]*: v0@v1:/N: v0:/;s/^[0-9]*: v0:/N: v0:/\"'" \
	$'N: v0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 qdisc noqueue state UP qlen 1000\n    link/ether 52:54:00:00:00:01 brd ff:ff:ff:ff:ff:ff\n'
check "ip link set down, name" "netns <<<'$setup ip link set dev v0 down; ip link set v0 name lan0; ip link show lan0 | grep -o \"lan0: <[A-Z,_]*>\"'" \
	$'lan0: <BROADCAST,MULTICAST>\n'
check "ip r: the kernel's route" "netns <<<'$setup ip r'" $'192.0.2.0/24 dev v0 proto kernel scope link src 192.0.2.10\n'
check "ip route add default via, metric; del" "netns <<<'$setup ip route add default via 192.0.2.1 metric 5; ip route add 198.51.100.0/24 via 192.0.2.2 dev v0; ip ro; ip route del 198.51.100.0/24; ip r | grep -c 198 || true'" \
	$'default via 192.0.2.1 dev v0 metric 5\n192.0.2.0/24 dev v0 proto kernel scope link src 192.0.2.10\n198.51.100.0/24 via 192.0.2.2 dev v0\n0\n'
check "ip route replace" "netns <<<'$setup ip route add default via 192.0.2.1; ip route replace default via 192.0.2.3; ip r | grep default'" \
	$'default via 192.0.2.3 dev v0\n'
check "ip route add: an existing route" "netns <<<'$setup ip route add default via 192.0.2.1; ip route add default via 192.0.2.1'" '' 2 'RTNETLINK answers: File exists'
check "ip n: a neighbour that does not answer; flush" "netns <<<'$setup ping -c 1 -W 1 192.0.2.99 >/dev/null; ip n | grep -c \"^192.0.2.99 dev v0 .*\\(INCOMPLETE\\|FAILED\\)\$\"; ip neigh flush all; ip n | grep -c 192.0.2.99 || true'" \
	$'1\n0\n'
check "ip: an unknown object" 'ip foo' '' 2 "ip: unknown object 'foo'"
check "ip: a bad address" "netns <<<'$setup ip addr add 192.0.2.300/24 dev v0'" '' 1 'ip: invalid address "192.0.2.300/24"'
check "ip: a prefix too long" "netns <<<'$setup ip route add 192.0.2.0/33 dev v0'" '' 1 'ip: invalid address "192.0.2.0/33"'
check "ip: no dev" "netns <<<'$setup ip addr add 192.0.2.1/24'" '' 1 'an address and "dev IFACE" are both needed'
check "ip: an unknown device" 'netns <<<"ip link set nosuch0 up"' '' 1 'Cannot find device "nosuch0"'
check "ip: an unknown argument" "netns <<<'$setup ip link set v0 sideways'" '' 1 'ip: unknown argument "sideways"'
check "ip neigh add, show, replace, del" "netns <<<'$setup ip neigh add 192.0.2.5 lladdr 52:54:00:00:00:05 dev v0; ip n s dev v0; ip neigh replace 192.0.2.5 lladdr 52:54:00:00:00:06 dev v0 nud stale; ip n; ip neigh del 192.0.2.5 dev v0; ip n | grep -c 192.0.2.5 || true'" \
	$'192.0.2.5 dev v0 lladdr 52:54:00:00:00:05 PERMANENT\n192.0.2.5 dev v0 lladdr 52:54:00:00:00:06 STALE\n0\n'
check "ip neigh replace: creates; change, nud reachable" "netns <<<'$setup ip neigh replace 192.0.2.6 lladdr 52:54:00:00:00:06 dev v0 nud permanent; ip neigh change 192.0.2.6 lladdr 52:54:00:00:00:07 dev v0 nud reachable; ip n | grep -o \"^192.0.2.6 dev v0 lladdr 52:54:00:00:00:07\"'" \
	$'192.0.2.6 dev v0 lladdr 52:54:00:00:00:07\n'
check "ip neigh add: nud noarp, shown with nud all only" "netns <<<'$setup ip neigh add 192.0.2.7 lladdr 52:54:00:00:00:07 dev v0 nud noarp; ip n | grep -c 192.0.2.7; ip n show nud all | grep 192.0.2.7; ip -4 n show nud noarp dev v0'" \
	$'0\n192.0.2.7 dev v0 lladdr 52:54:00:00:00:07 NOARP\n192.0.2.7 dev v0 lladdr 52:54:00:00:00:07 NOARP\n'
check "ip -6 neigh add" "netns <<<'$setup ip -6 neigh add 2001:db8::5 lladdr 52:54:00:00:00:05 dev v0; ip -6 n s dev v0 | grep 2001'" \
	$'2001:db8::5 dev v0 lladdr 52:54:00:00:00:05 PERMANENT\n'
check "ip neigh add: an existing neighbour" "netns <<<'$setup ip n add 192.0.2.5 lladdr 52:54:00:00:00:05 dev v0; ip n add 192.0.2.5 lladdr 52:54:00:00:00:05 dev v0'" '' 2 'RTNETLINK answers: File exists'
check "ip neigh del: no such neighbour" "netns <<<'$setup ip neigh del 192.0.2.8 dev v0'" '' 2 'RTNETLINK answers: No such file'
check "ip neigh add: the kernel wants an lladdr" "netns <<<'$setup ip neigh add 192.0.2.9 dev v0'" '' 2 'RTNETLINK answers: Invalid argument \(no lladdr MAC given\)'
check "ip neigh add: a bad address" "netns <<<'$setup ip neigh add 192.0.2.256 lladdr 52:54:00:00:00:05 dev v0'" '' 1 'ip: invalid address "192.0.2.256"'
check "ip neigh add: a prefix is not a neighbour" "netns <<<'$setup ip neigh add 192.0.2.5/24 lladdr 52:54:00:00:00:05 dev v0'" '' 1 'ip: invalid address "192.0.2.5/24"'
check "ip neigh add: a bad MAC" "netns <<<'$setup ip neigh add 192.0.2.5 lladdr 52:54:00:00:05 dev v0'" '' 1 'ip: invalid lladdr "52:54:00:00:05"'
check "ip neigh add: no dev" "netns <<<'$setup ip neigh add 192.0.2.5 lladdr 52:54:00:00:00:05'" '' 1 'an address and "dev IFACE" are both needed'
check "ip neigh add: an unknown device" 'netns <<<"ip neigh add 192.0.2.5 lladdr 52:54:00:00:00:05 dev nosuch0"' '' 1 'Cannot find device "nosuch0"'
check "ip neigh add: an unknown state" "netns <<<'$setup ip neigh add 192.0.2.5 dev v0 nud failed'" '' 1 'ip: unknown neighbour state "failed"'
check "ip neigh: an unknown command" 'ip neigh frob' '' 1 'ip: unknown command for ip neigh: "frob"'
