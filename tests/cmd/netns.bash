# tests/cmd/netns.bash: sourced by the network commands' tests (ifconfig.sh, ip.sh...).
#
# Nothing they do may touch the host's network: a check's script gives its commands
# to netns on standard input, which runs them in a fresh network namespace (it has
# only lo, brought up first; ICMP sockets are opened to every group for ping) and a
# UTS namespace of its own (setting the host name changes nothing outside), with
# two helpers: veth (makes the pair v0/v1 with the host's iproute2, whose `ip link add`
# mini's ip does not have) and `host_ip`.
#   check "ifconfig shows lo" 'netns <<<"ifconfig lo | head -n 1"' $'lo ...\n'
netns() {
	{
		echo 'host_ip() { if [ -x /sbin/ip ]; then /sbin/ip "$@"; else /usr/sbin/ip "$@"; fi; }'
		echo 'veth() { host_ip link add v0 type veth peer name v1; }; export -f host_ip veth'
		echo 'echo "0 2147483647" >/proc/sys/net/ipv4/ping_group_range'
		echo 'ifconfig lo up'
		cat
	} | unshare -n -u bash -s
}
export -f netns
