# telnetd on 127.0.0.1 (a free port) with -l a harmless script instead of login,
# driven by the TELNET client of tests/net/servers.py.
NET=$(cd "$(dirname "${BASH_SOURCE[0]}")/../net" && pwd)
export NET
# tdserve: a fake login program (asks a line, answers, then waits to be hung up) and
# telnetd -F serving it on a free port; sets $P and $TD.
tdserve() {
	printf '#!/bin/sh\necho $$ > %s/login.pid\nprintf "login: "\nread x\necho "you said $x"\necho bye\nsleep 15\n' "$PWD" > fakelogin
	chmod +x fakelogin
	P=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	telnetd -F -b 127.0.0.1 -p $P -l "$PWD/fakelogin" &
	TD=$!
	for _ in $(seq 50); do ss -ltnH "sport = :$P" | grep -q . && return 0; sleep 0.1; done
}
export -f tdserve

check "telnetd: offers WILL ECHO, WILL SGA, DO SGA; refuses TTYPE; the pty echoes; CR LF is Enter" \
	'tdserve; python3 $NET/servers.py telnet-client $P; kill $TD' \
	$'offered: 255 251 1 255 251 3 255 253 3\nanswer to DO TTYPE: 255 252 24\noutput: login: hello\\r\\nyou said hello\\r\\nbye\\r\\n\n'
check "telnetd: the session ends when the connection dies" \
	'tdserve; python3 $NET/servers.py telnet-client $P >/dev/null; sleep 1; kill -0 $(cat login.pid) 2>/dev/null && echo still there || echo gone; kill $TD' \
	$'gone\n'
check "telnetd -i: the connection on stdin/stdout (here from nc -e)" \
	'printf "#!/bin/sh\necho inetd-mode\n" > s; chmod +x s; P=$(python3 -c "import socket; s=socket.socket(); s.bind((\"127.0.0.1\",0)); print(s.getsockname()[1])"); nc -w 5 -l -p $P -e telnetd -i -l $PWD/s & for _ in $(seq 50); do ss -ltnH "sport = :$P" | grep -q . && break; sleep 0.1; done; python3 $NET/servers.py raw-client $P; wait' \
	$'255 251 1 255 251 3 255 253 3 105 110 101 116 100 45 109 111 100 101 13 10\n'
check "telnetd: a missing login program" 'telnetd -F -l /no/such/login' '' 1 'telnetd: /no/such/login: No such file'
check "telnetd: a bad port" 'telnetd -F -p 0' '' 2 "bad port '0'"
check "telnetd: a bad address" 'telnetd -F -b nowhere' '' 2 "bad address 'nowhere'"
