# ping: only inside a private network namespace (netns.bash), to 127.0.0.1, ::1, 192.0.2.x.
source "$(dirname "${BASH_SOURCE[0]}")/netns.bash"

times='s/time=[0-9.]* ms/time=T ms/; s|= [0-9.]*/[0-9.]*/[0-9.]* ms|= A/B/C ms|'
check "ping --help" 'ping --help | head -n 1' $'Usage: ping [-46q] [-c COUNT] [-i SEC] [-W SEC] [-w SEC] [-s SIZE] [-t TTL] [-I IFACE] HOST\n'
check "ping -c 2: replies and the summary" "netns <<<'ping -c 2 -i 0.2 127.0.0.1' | sed '$times'" \
	$'PING 127.0.0.1 (127.0.0.1): 56 data bytes\n64 bytes from 127.0.0.1: seq=0 ttl=64 time=T ms\n64 bytes from 127.0.0.1: seq=1 ttl=64 time=T ms\n\n--- 127.0.0.1 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = A/B/C ms\n'
check "ping -q -s 100 -t 9" "netns <<<'ping -q -c 1 -s 100 -t 9 127.0.0.1' | sed '$times'" \
	$'PING 127.0.0.1 (127.0.0.1): 100 data bytes\n\n--- 127.0.0.1 ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min/avg/max = A/B/C ms\n'
check "ping -s 4: no times without room for them" "netns <<<'ping -c 1 -s 4 127.0.0.1'" \
	$'PING 127.0.0.1 (127.0.0.1): 4 data bytes\n12 bytes from 127.0.0.1: seq=0 ttl=64\n\n--- 127.0.0.1 ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\n'
check "ping6 ::1" "netns <<<'ping6 -c 1 ::1' | sed '$times' | sed -n 2p" $'64 bytes from ::1: seq=0 ttl=64 time=T ms\n'
check "ping an address on a veth" "netns <<<'veth; ifconfig v0 192.0.2.10/24; ifconfig v1 192.0.2.11/24; ping -c 1 192.0.2.11; ping -c 1 -I lo 127.0.0.1' | grep received" \
	$'1 packets transmitted, 1 packets received, 0% packet loss\n1 packets transmitted, 1 packets received, 0% packet loss\n'
check "ping: no answer: status 1" "set -o pipefail; netns <<<'veth; ifconfig v0 192.0.2.10/24; ifconfig v1 up; ping -c 1 -W 1 192.0.2.99' | tail -n 1" \
	$'1 packets transmitted, 0 packets received, 100% packet loss\n' 1
check "ping -w: the deadline ends it" "set -o pipefail; netns <<<'veth; ifconfig v0 192.0.2.10/24; ifconfig v1 up; ping -i 0.3 -w 1 192.0.2.99' | tail -n 1 | grep -c \" 0 packets received, 100%\"" $'1\n' 1
check "ping: an unknown host" 'netns <<<"ping -c 1 no.such.host.invalid"' '' 2 "ping: bad address 'no.such.host.invalid'"
check "ping: a bad count" 'ping -c x 127.0.0.1' '' 2 'ping: bad count'
check "ping: no host" 'ping' '' 2 'ping: no host given'
check "ping: ICMP sockets closed to our group" 'unshare -n bash -c "echo 1 0 >/proc/sys/net/ipv4/ping_group_range; ping -c 1 127.0.0.1"' '' 2 'ping: socket: Permission denied .*ping_group_range'
