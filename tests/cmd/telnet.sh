# telnet against the TELNET server of tests/net/servers.py on 127.0.0.1 (a free port).
NET=$(cd "$(dirname "${BASH_SOURCE[0]}")/../net" && pwd)
export NET
# tnserve: start the test server; it writes its port to ./port and the client's bytes to ./log.
tnserve() {
	timeout 20 python3 "$NET/servers.py" telnet port log &
	for _ in $(seq 50); do [ -s port ] && return 0; sleep 0.1; done
}
export -f tnserve

check "telnet: agrees to ECHO and SGA, refuses TTYPE; lines end in CR LF" \
	'tnserve; printf "ab\ncd\n" | telnet 127.0.0.1 $(cat port) | tr -d "\r"; wait; grep -v raw log' \
	$'welcome\ngot: ab\ngot: cd\nanswers: 255 253 1 255 253 3 255 252 24\ndata: 97 98 13 10 99 100 13 10\n' 0 'Connection closed by foreign host'
check "telnet: a 0xFF byte is sent doubled" \
	'tnserve; printf "a\377b\nx\n" | telnet 127.0.0.1 $(cat port) >/dev/null 2>&1; wait; grep -o "97 255 255 98 13 10" log' $'97 255 255 98 13 10\n'
check "telnet: a refused connection" \
	'P=$(python3 -c "import socket; s=socket.socket(); s.bind((\"127.0.0.1\",0)); print(s.getsockname()[1])"); telnet 127.0.0.1 $P' \
	'' 1 "telnet: can't connect to 127.0.0.1 port [0-9]+: Connection refused"
check "telnet: no host" 'telnet' '' 2 'no host given'
check "telnet: too many operands" 'telnet a 1 2' '' 2 'too many operands'
