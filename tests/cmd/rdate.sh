# rdate against the RFC 868 server of tests/net/servers.py: port 37 is privileged, so the
# server and rdate run in a network namespace of their own (unshare -n: only its lo).
# -s is never run here: it would set the host's clock.
NET=$(cd "$(dirname "${BASH_SOURCE[0]}")/../net" && pwd)
export NET
# in_ns REPLY CMD: the time server sending REPLY on 127.0.0.1:37 of a new namespace, then CMD.
in_ns() {
	unshare -n bash -c 'ip link set lo up; timeout 10 python3 "$NET/servers.py" time 37 '"$1"' &
		for _ in $(seq 50); do ss -ltnH "sport = :37" | grep -q . && break; sleep 0.1; done; '"$2"'; s=$?; kill %1; exit $s'
}
export -f in_ns

if [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then
check "rdate -p: the remote date (2024-01-01 00:00 UTC)" "in_ns 3913056000 'TZ=UTC rdate -p 127.0.0.1'" $'Mon Jan  1 00:00:00 2024\n'
check "rdate -p: the last second of RFC 868's first era (2036)" "in_ns 4294967295 'TZ=UTC rdate -p 127.0.0.1'" $'Thu Feb  7 06:28:15 2036\n'
check "rdate: a time before 1970 (or after 2036's wrap) is refused" \
	"in_ns 2208988799 'rdate -p 127.0.0.1'" '' 1 'outside what this system can hold'
check "rdate: a short reply" "in_ns short 'rdate -p 127.0.0.1'" '' 1 'short reply \(2 bytes, not 4\)'
check "rdate: no server" "unshare -n bash -c 'ip link set lo up; rdate -p 127.0.0.1'" '' 1 "can't connect to 127.0.0.1 port 37: Connection refused"
fi
check "rdate: no host" 'rdate -p' '' 2 'no host given'
check "rdate: a bad option" 'rdate -x h' '' 2 "unknown option '-x'"
