# udhcpc against a fake DHCP server (udhcpc-server.py), over a veth pair: the server
# in one private network namespace (netns.bash), the client in another inside it.
# The client writes ./resolv.conf (RESOLV_CONF), never the host's /etc/resolv.conf, and
# its /etc/hostname is a bind mount in a private mount namespace.
source "$(dirname "${BASH_SOURCE[0]}")/netns.bash"
export DHCP_SERVER="python3 $(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/udhcpc-server.py"

# dhcp MODE 'CLIENT COMMANDS': the server answers in MODE (see udhcpc-server.py); the
# client's commands run from ./client.sh in its own namespace, in this directory.
dhcp() {
	printf '%s\n' "$2" >client.sh
	netns <<-EOF
	echo mini >hostname-file
	unshare -m bash -c '
		mount --bind hostname-file /etc/hostname; hostname mini
		veth; ifconfig v1 192.0.2.2/24 up
		$DHCP_SERVER v1 $1 8 & server=\$!
		unshare -n bash -c "for i in \\\$(seq 100); do ifconfig v0 >/dev/null 2>&1 && break; sleep 0.1; done
			ifconfig lo up; RESOLV_CONF=\\\$PWD/resolv.conf bash client.sh" & client=\$!
		sleep 0.2; host_ip link set v0 netns \$client
		wait \$client; status=\$?; kill \$server 2>/dev/null; exit \$status'
	EOF
}
export -f dhcp

quick='udhcpc -i v0 -n -q -t 2 -T 1'
check "udhcpc --help" 'udhcpc --help | head -n 1' $'Usage: udhcpc [-fbnqRS] [-i IFACE] [-s SCRIPT] [-p PIDFILE] [-r IP] [-x hostname:NAME]\n'
check "udhcpc: a lease sets address, route, resolv.conf, host name" \
	"dhcp good '$quick 2>/dev/null; ifconfig v0 | sed -n 2p; route -n | sed 1,2d; cat resolv.conf; hostname'" \
	$'          inet addr:192.0.2.15  Bcast:192.0.2.255  Mask:255.255.255.0\n0.0.0.0         192.0.2.2       0.0.0.0         UG    0      0        0 v0\n192.0.2.0       0.0.0.0         255.255.255.0   U     0      0        0 v0\n# written by udhcpc\nsearch example.test\nnameserver 192.0.2.3\nleased-host\n'
check "udhcpc: what it says" "dhcp good '$quick 2>&1 | grep -v \"sending discover\"'" \
	$'udhcpc: started, v0\nudhcpc: sending select for 192.0.2.15\nudhcpc: lease of 192.0.2.15 obtained from 192.0.2.2, lease time 3600\n'
check "udhcpc -s: the script's events and variables" \
	"dhcp good 'printf \"#!/bin/sh\\necho \\\$1 \\\$interface \\\$ip \\\$subnet \\\$mask \\\$broadcast \\\$router \\\$dns \\\$domain \\\$hostname \\\$lease \\\$serverid\\n\" >script; chmod +x script; $quick -s ./script 2>/dev/null; ifconfig v0 | grep -c \"inet addr\" || true'" \
	$'deconfig v0\nbound v0 192.0.2.15 255.255.255.0 24 192.0.2.2 192.0.2.3 example.test leased-host 3600 192.0.2.2\n0\n'
check "udhcpc: SIGUSR1 renews (unicast to the server), -R releases on exit" \
	"dhcp good 'udhcpc -i v0 -f -R -T 1 2>log & until grep -qs obtained log; do sleep 0.1; done; kill -USR1 \$!; until [ \$(grep -c obtained log) = 2 ]; do sleep 0.1; done; kill \$!; wait; grep -o \"sending renew to .*\\|releasing.*\" log; ifconfig v0 | grep -c \"inet addr\" || true'" \
	$'sending renew to 192.0.2.2\nreleasing 192.0.2.15\n0\n'
for bad in "overrun:option 12 overruns the packet" "badlen:option 1 has a bad length \\(3\\)" \
	"xid:wrong transaction id" "type:an unexpected message type" "zero:an unusable address offered" \
	"short:too short" "nocookie:no DHCP magic cookie" "nak:received DHCP NAK"; do
	mode=${bad%%:*} why=${bad#*:}
	check "udhcpc: a malformed offer ($mode): no lease, a log line" \
		"dhcp $mode '$quick 2>log; echo \$?; ifconfig v0 | grep -c \"inet addr\"; [ -e resolv.conf ] || echo no resolv.conf; grep -E \"$why\" log | head -n 1 | grep -c .'" \
		$'1\n0\nno resolv.conf\n1\n'
done
check "udhcpc: no server: -n fails" "dhcp none 'udhcpc -i v0 -n -t 1 -T 1'" '' 1 'udhcpc: no lease, failing'
check "udhcpc: an unknown interface" 'udhcpc -i nosuch0 -n' '' 1 'udhcpc: nosuch0: no such interface'
check "udhcpc: -x other than hostname" 'udhcpc -x vendor:x' '' 1 'udhcpc: -x vendor:x: only hostname:NAME is known'
check "udhcpc: a bad -r address" 'udhcpc -r 1.2.3' '' 1 'udhcpc: 1.2.3: bad address'
check "udhcpc: an operand" 'udhcpc eth0' '' 2 "udhcpc: unexpected operand 'eth0'"
