# nslookup: names from a private /etc/hosts (a bind mount in a private mount namespace),
# in a private network namespace whose resolv.conf names 127.0.0.1, where nothing answers.
source "$(dirname "${BASH_SOURCE[0]}")/netns.bash"

# lookup 'COMMANDS': run them with the private hosts and resolv.conf.
lookup() {
	netns <<-EOF
	printf "127.0.0.1 localhost\n192.0.2.7 myhost.example.test myhost\n2001:db8::7 six\n" >hosts
	echo "nameserver 127.0.0.1" >resolv
	unshare -m bash -c "mount --bind hosts /etc/hosts; mount --bind resolv /etc/resolv.conf; $1"
	EOF
}
export -f lookup

check "nslookup --help" 'nslookup --help | head -n 1' $'Usage: nslookup HOST [SERVER]\n'
check "nslookup: a name from /etc/hosts" 'lookup "nslookup myhost"' \
	$'Server:\t\t127.0.0.1\nAddress:\t127.0.0.1:53\n\nName:\tmyhost\nAddress: 192.0.2.7\n\n'
check "nslookup: an IPv6 address" 'lookup "nslookup six | tail -n 2"' $'Address: 2001:db8::7\n\n'
check "nslookup: an address's name" 'lookup "nslookup 192.0.2.7 | tail -n 2"' \
	$'7.2.0.192.in-addr.arpa\tname = myhost.example.test\n\n'
check "nslookup: SERVER" 'lookup "nslookup myhost 127.0.0.1"' \
	$'Server:\t\t127.0.0.1\nAddress:\t127.0.0.1:53\n\nName:\tmyhost\nAddress: 192.0.2.7\n\n'
check "nslookup: an unknown name" 'lookup "nslookup nosuch.invalid | tail -n 2"' \
	$'** server can\'t find nosuch.invalid: NXDOMAIN\n\n'
check "nslookup: an unknown name's status" 'lookup "nslookup nosuch.invalid >/dev/null"' '' 1
check "hostname -i, -f: from /etc/hosts" 'lookup "hostname myhost; hostname -i; hostname -f"' $'192.0.2.7\nmyhost.example.test\n'
check "nslookup: a bad server" 'nslookup myhost 999.1.1.1' '' 1 'bad server address'
check "nslookup: no host" 'nslookup' '' 2 'nslookup: no host given'
