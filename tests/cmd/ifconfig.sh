# ifconfig: interfaces in a private network namespace only (netns.bash).
source "$(dirname "${BASH_SOURCE[0]}")/netns.bash"

check "ifconfig --help" 'ifconfig --help | head -n 1' $'Usage: ifconfig [-a] [IFACE]\n'
check "ifconfig lo: the classic format" 'netns <<<"ifconfig lo | sed -n 1,4p"' \
	$'lo        Link encap:Local Loopback  \n          inet addr:127.0.0.1  Mask:255.0.0.0\n          inet6 addr: ::1/128 Scope:Host\n          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n'
check "ifconfig: counters and byte amounts" 'netns <<<"ifconfig lo | sed -n 5p; ifconfig lo | grep -c \"RX bytes:[0-9]* ([0-9]*\\.[0-9] [KMG]*i*B)  TX bytes\""' \
	$'          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n1\n'
check "ifconfig sets address, netmask, broadcast and up" 'netns <<<"veth; ifconfig v0 192.0.2.10 netmask 255.255.255.0 broadcast 192.0.2.255 up; ifconfig v0 | sed -n 2p; ifconfig v0 | grep -c \"^          UP BROADCAST\""' \
	$'          inet addr:192.0.2.10  Bcast:192.0.2.255  Mask:255.255.255.0\n1\n'
check "ifconfig ADDRESS/PREFIX" 'netns <<<"veth; ifconfig v0 192.0.2.10/25; ifconfig v0 | sed -n 2p"' \
	$'          inet addr:192.0.2.10  Bcast:192.0.2.127  Mask:255.255.255.128\n'
check "ifconfig mtu and hw ether" 'netns <<<"veth; ifconfig v0 mtu 1400 hw ether 52:54:00:00:00:01; ifconfig -a v0 | grep -o \"HWaddr.*\\|MTU:[0-9]*\""' \
	$'HWaddr 52:54:00:00:00:01  \nMTU:1400\n'
check "ifconfig lists only what is up, -a all" 'netns <<<"veth; ifconfig v0 192.0.2.10 up; ifconfig v0 down; ifconfig | grep -c ^v0; ifconfig -a | grep -c ^v"' $'0\n2\n'
check "ifconfig: an unknown interface" 'netns <<<"ifconfig nosuch0 up"' '' 1 'ifconfig: nosuch0: no such interface'
check "ifconfig: showing an unknown interface" 'netns <<<"ifconfig nosuch0"' '' 1 'nosuch0: error fetching interface information: Device not found'
check "ifconfig: a bad address" 'netns <<<"ifconfig lo 192.0.2.300"' '' 1 'ifconfig: 192.0.2.300: unknown keyword or bad address'
check "ifconfig: a netmask with holes" 'netns <<<"veth; ifconfig v0 netmask 255.0.255.0"' '' 1 'ifconfig: 255.0.255.0: bad netmask'
check "ifconfig: netmask without a value" 'netns <<<"veth; ifconfig v0 netmask"' '' 1 'ifconfig: netmask: needs a value'
check "ifconfig: a bad MTU" 'netns <<<"veth; ifconfig v0 mtu 12x"' '' 1 'ifconfig: 12x: bad MTU'
