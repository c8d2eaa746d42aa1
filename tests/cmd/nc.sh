# nc on 127.0.0.1 (a free port from the kernel, for each check); every nc is bounded by -w.
# free_port: a TCP (or with -u, UDP) port nobody listens on right now.
free_port() {
	python3 -c 'import socket,sys; s=socket.socket(type=socket.SOCK_DGRAM if sys.argv[1:] else socket.SOCK_STREAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' "$@"
}
# wait_port PORT: until something listens on TCP PORT (5 s at most).
wait_port() {
	for _ in $(seq 50); do ss -ltnH "sport = :$1" | grep -q . && return 0; sleep 0.1; done
	return 1
}
export -f free_port wait_port

check "nc: a file across TCP, client to server" \
	'head -c 300000 /dev/urandom > f; P=$(free_port); nc -w 5 -l -p $P > got & wait_port $P; nc -w 5 127.0.0.1 $P < f; wait; cmp f got && echo same' $'same\n'
check "nc: a file across TCP, server to client (nc -l PORT)" \
	'head -c 300000 /dev/urandom > f; P=$(free_port); nc -w 5 -l $P < f & wait_port $P; nc -w 5 127.0.0.1 $P < /dev/null > got; wait; cmp f got && echo same' $'same\n'
check "nc: both ways at once, half-close on end of input" \
	'P=$(free_port); (echo from-server; sleep 0.5) | nc -w 5 -l -p $P > server.out & wait_port $P; echo from-client | nc -w 5 127.0.0.1 $P; wait; cat server.out' \
	$'from-server\nfrom-client\n'
check "nc -e: a program serves the connection" \
	'P=$(free_port); nc -w 5 -l -p $P -e tr a-z A-Z & wait_port $P; echo hello | nc -w 5 127.0.0.1 $P; wait' $'HELLO\n'
check "nc -e on the client side" \
	'P=$(free_port); echo data | nc -w 5 -l -p $P > got & wait_port $P; nc -w 5 127.0.0.1 $P -e cat; wait; cat got' $'data\n'
check "nc -u: a datagram across" \
	'P=$(free_port u); nc -u -w 2 -l -p $P > got & sleep 0.5; echo udp-data | nc -u -w 1 127.0.0.1 $P; wait; cat got' $'udp-data\n'
check "nc -z: an open and a closed port" \
	'P=$(free_port); nc -w 5 -l -p $P < /dev/null > /dev/null & wait_port $P; nc -z 127.0.0.1 $P && echo open; Q=$(free_port); nc -z 127.0.0.1 $Q || echo closed; wait' \
	$'open\nclosed\n'
check "nc -s and -p: the local address and port (nc -v -l names the peer)" \
	'P=$(free_port); Q=$(free_port); nc -v -w 5 -l -p $P </dev/null >/dev/null 2>err & wait_port $P; nc -w 5 -s 127.0.0.1 -p $Q 127.0.0.1 $P </dev/null; wait; grep -c "connection from 127.0.0.1:$Q" err' \
	$'1\n'
check "nc: a refused connection" 'P=$(free_port); nc 127.0.0.1 $P' '' 1 "nc: can't connect to 127.0.0.1:[0-9]+: Connection refused"
check "nc -n: a name is not looked up" 'nc -n localhost 80' '' 1 'nc: localhost:80: '
check "nc -l -w: no client within the timeout" 'P=$(free_port); nc -w 1 -l -p $P' '' 1 'no connection within the timeout'
check "nc: a bad port" 'nc 127.0.0.1 99999' '' 2 "bad port '99999'"
check "nc: no port" 'nc 127.0.0.1' '' 2 'need a host and a port'
check "nc -l: no port" 'nc -l' '' 2 'needs a port'
check "nc -e: no program" 'nc -l -p 1 -e' '' 2 "requires an argument -- 'e'"
check "nc: a bad -w" 'nc -w 0 127.0.0.1 1' '' 2 "bad timeout '0'"
