# arp: the ARP cache of a private network namespace only (netns.bash).
source "$(dirname "${BASH_SOURCE[0]}")/netns.bash"

setup='veth; ifconfig v0 192.0.2.10/24 up; ifconfig v1 up; ping -c 1 -W 1 192.0.2.99 >/dev/null;'
check "arp --help" 'arp --help | head -n 1' $'Usage: arp [-a] [-n] [-i IFACE] [HOST]\n'
check "arp -a: an entry with no answer" "netns <<<'$setup arp -a'" $'? (192.0.2.99) at <incomplete>  on v0\n'
check "arp -n -i IFACE, HOST" "netns <<<'$setup arp -n -i v0; arp -i lo; arp 192.0.2.99'" \
	$'? (192.0.2.99) at <incomplete>  on v0\n? (192.0.2.99) at <incomplete>  on v0\n'
check "arp: no such entry" "netns <<<'$setup arp 192.0.2.98'" $'No match found in 1 entries\n' 1
check "arp: a bad address to delete" "netns <<<'arp -d 192.0.2'" '' 1 'arp: 192.0.2: bad address'
check "arp: too many operands" 'arp a b' '' 2 'arp: too many operands'
