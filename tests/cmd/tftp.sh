# tftp against the TFTP server of tests/net/servers.py on 127.0.0.1 (a free UDP port).
NET=$(cd "$(dirname "${BASH_SOURCE[0]}")/../net" && pwd)
export NET
# tfserve: the server serving ./root; sets $P.
tfserve() {
	mkdir -p root
	timeout 20 python3 "$NET/servers.py" tftp port root &
	for _ in $(seq 50); do [ -s port ] && break; sleep 0.1; done
	P=$(cat port)
}
export -f tfserve

check "tftp -g: 70000 bytes in 512-byte blocks" \
	'tfserve; head -c 70000 /dev/urandom > root/f; tftp -g -r f 127.0.0.1 $P && cmp f root/f && echo same' $'same\n'
check "tftp -g -b: an exact multiple of the block size, to -l NAME" \
	'tfserve; head -c 4096 /dev/urandom > root/f; tftp -g -r f -l got -b 1024 127.0.0.1 $P && cmp got root/f && echo same' $'same\n'
check "tftp -g -l -: to stdout" 'tfserve; echo hello > root/f; tftp -g -r f -l - 127.0.0.1 $P' $'hello\n'
check "tftp -p: a file up" \
	'tfserve; head -c 100000 /dev/urandom > up; tftp -p -l up 127.0.0.1 $P && sleep 0.3 && cmp up root/up && echo same' $'same\n'
check "tftp -p -b -r: a file up in 8 KB blocks, another name" \
	'tfserve; head -c 100000 /dev/urandom > up; tftp -p -l up -r other -b 8192 127.0.0.1 $P && sleep 0.3 && cmp up root/other && echo same' $'same\n'
check "tftp: the server's error, no file left" \
	'tfserve; tftp -g -r nothing 127.0.0.1 $P; s=$?; ls | grep -v -e ^port -e ^root; exit $s' '' 1 'tftp: server error 1: File not found'
check "tftp: an existing file stays whole after an error" \
	'tfserve; echo old > nothing; tftp -g -r nothing 127.0.0.1 $P; cat nothing' $'old\n' 0 'File not found'
check "tftp: no server (gives up after its tries)" \
	'P=$(python3 -c "import socket; s=socket.socket(type=socket.SOCK_DGRAM); s.bind((\"127.0.0.1\",0)); print(s.getsockname()[1])"); tftp -g -r x 127.0.0.1 $P' \
	'' 1 'tftp: timeout: no answer from the server'
check "tftp: -g or -p" 'tftp -r x 127.0.0.1' '' 2 'say -g \(get\) or -p \(put\)'
check "tftp: no file named" 'tftp -g 127.0.0.1' '' 2 'name the file'
check "tftp: a bad block size" 'tftp -g -r x -b 7 127.0.0.1' '' 2 "bad block size '7'"
check "tftp -p: a missing local file" 'tftp -p -l nosuch 127.0.0.1' '' 1 'tftp: nosuch: No such file'
