# netstat: the sockets of a private network namespace only (netns.bash), made by python3.
source "$(dirname "${BASH_SOURCE[0]}")/netns.bash"

# Python listens on TCP 127.0.0.1:7001, UDP 127.0.0.1:7002, and a UNIX socket ./sock.
servers='python3 -c "
import socket, time
t = socket.socket(); t.bind((\"127.0.0.1\", 7001)); t.listen()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind((\"127.0.0.1\", 7002))
x = socket.socket(socket.AF_UNIX); x.bind(\"sock\"); x.listen()
c = socket.create_connection((\"127.0.0.1\", 7001))
open(\"ready\", \"w\").close(); time.sleep(20)
" & until [ -e ready ]; do sleep 0.1; done;'
check "netstat --help" 'netstat --help | head -n 1' $'Usage: netstat [-ratulxnp]\n'
check "netstat -tln: a listening TCP socket" "netns <<<'$servers netstat -tln'" \
	$'Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \ntcp        1      0 127.0.0.1:7001          0.0.0.0:*               LISTEN      \n'
check "netstat -t: the connection, both ends" "netns <<<'$servers netstat -tn | sed 1,2d | awk \"{ print \\\$1, \\\$4, \\\$5, \\\$6 }\" | sed -E \"s/:[0-9]{5}/:P/\" | sort'" \
	$'tcp 127.0.0.1:7001 127.0.0.1:P ESTABLISHED\ntcp 127.0.0.1:P 127.0.0.1:7001 ESTABLISHED\n'
check "netstat -uln" "netns <<<'$servers netstat -uln | sed 1,2d'" \
	$'udp        0      0 127.0.0.1:7002          0.0.0.0:*                           \n'
check "netstat -xl: a listening UNIX socket" "netns <<<'$servers netstat -xl | sed 1,2d | sed \"s/ [0-9]* *sock\$/ I sock/\"'" \
	$'unix  2      [ ACC ]     STREAM     LISTENING     I sock\n'
check "netstat -tlp: the owner" "netns <<<'$servers netstat -tlnp | grep -o \"LISTEN *[0-9]*/python3\" | sed -E \"s/ [0-9]+\\//N\\//\"'" $'LISTEN     N/python3\n'
check "netstat -r" 'netns <<<"netstat -rn"' \
	$'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n'
check "netstat: a bad option" 'netstat -Z' '' 2 "netstat: .*Z"
check "netstat: an operand" 'netstat foo' '' 2 "netstat: unexpected operand 'foo'"
