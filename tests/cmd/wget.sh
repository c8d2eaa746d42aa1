# wget against tests/net/httpserver.py on 127.0.0.1 (a free port); nothing leaves the machine.
unset http_proxy no_proxy HTTP_PROXY
NET=$(cd "$(dirname "${BASH_SOURCE[0]}")/../net" && pwd)
WGET_DIR=$(mktemp -d "${TMPDIR:-/tmp}/mini-wget.XXXXXX")
python3 "$NET/httpserver.py" "$WGET_DIR/port" 300 &
WGET_SERVER=$!
for _ in $(seq 50); do [ -s "$WGET_DIR/port" ] && break; sleep 0.1; done
export NET H="http://127.0.0.1:$(cat "$WGET_DIR/port")"

check "wget: a file, saved under its name" \
	'wget -q $H/file/100000 && cmp 100000 <(python3 $NET/httpserver.py --pattern 100000) && ls' $'100000\n'
check "wget -O FILE, messages on stderr" \
	'wget -O got $H/file/10 2>err; cat got | od -An -tu1; grep -c saved err' \
	$'   0   1   2   3   4   5   6   7   8   9\n1\n'
check "wget -O - writes to stdout" 'wget -q -O - $H/file/5 | od -An -tu1' $'   0   1   2   3   4\n'
check "wget: a directory URL is saved as index.html" \
	'wget -q $H/redirect/302/~file~7/ ; ls' $'index.html\n'
check "wget -O FIFO writes into it, never renames a file over it" \
	'mkfifo f; cat f > got & wget -q -O f $H/file/5; wait; od -An -tu1 got; test -p f && echo fifo' $'   0   1   2   3   4\nfifo\n'
check "wget -P DIR" 'mkdir d; wget -q -P d $H/file/3; ls d' $'3\n'
check "wget: chunked transfer-encoding" \
	'wget -q -O got $H/chunked/5500 && cmp got <(python3 $NET/httpserver.py --pattern 5500) && echo same' $'same\n'
for code in 301 302 303 307 308; do
	check "wget follows a $code redirect" \
		"wget -q -O got \$H/redirect/$code/~file~300 && wc -c < got" $'300\n'
done
check "wget: an absolute redirect" \
	'wget -q -O got "$H/redirect/302/$(echo $H | tr / "~")~file~20" && wc -c < got' $'20\n'
check "wget: a redirect loop ends" 'wget -q -O got $H/loop; s=$?; ls; exit $s' '' 1 'too many redirects'
check "wget -U and --header reach the server" \
	'wget -q -O - -U agent/1 --header "X-One: 1" --header="X-Two: 2" $H/headers | grep -v Host' \
	$'X-One: 1\r\nX-Two: 2\r\nUser-Agent: agent/1\r\nConnection: close\r\n'
check "wget: a 404 is an error, nothing saved" 'wget -q $H/nothing; s=$?; ls; exit $s' '' 1 'server returned error: HTTP/1.1 404'
check "wget: a server closing mid-body: error, no file left" \
	'wget -q $H/cut/10000; s=$?; ls; exit $s' '' 1 'connection closed early'
check "wget -c: a server closing mid-body leaves the part; -c again resumes" \
	'wget -q -c $H/cut/10000; wc -c < 10000; wget -q -c $H/cut/10000 && cmp 10000 <(python3 $NET/httpserver.py --pattern 10000) && echo whole' \
	$'5000\nwhole\n' 0 'connection closed early'
check "wget -c: a complete file is left alone (416)" \
	'python3 $NET/httpserver.py --pattern 300 > 300; wget -c $H/file/300 2>&1 | grep -c "fully retrieved"; wc -c < 300' $'1\n300\n'
check "wget -c: a server ignoring Range sends the whole file, which replaces the part" \
	'head -c 100 /dev/zero > 1000; wget -q -c $H/norange/1000 && cmp 1000 <(python3 $NET/httpserver.py --pattern 1000) && ls' $'1000\n'
check "wget: a failed download keeps the old file whole" \
	'echo old > 10000; wget -q $H/cut/10000; s=$?; cat 10000; ls; exit $s' $'old\n10000\n' 1 'closed early'
check "wget: a huge header line is refused" 'wget -q -O got $H/huge-header; s=$?; ls; exit $s' '' 1 'header line too long'
check "wget: a reply of headers only" 'wget -q -O got $H/header-only; s=$?; ls; exit $s' '' 1 'closed before the end'
check "wget: a bogus Content-Length" 'wget -q -O got $H/bad-length; s=$?; ls; exit $s' '' 1 'bad Content-Length'
check "wget: a chunk size overflow" 'wget -q -O got $H/chunk-overflow; s=$?; ls; exit $s' '' 1 'bad chunk'
check "wget: a chunk line that is not hex" 'wget -q -O got $H/bad-chunk; s=$?; ls; exit $s' '' 1 'bad chunk'
check "wget -T: a silent server times out" 'wget -q -T 1 -O got $H/slow; s=$?; ls; exit $s' '' 1 'timed out'
check "wget: a URL with no host" 'wget http:///file' '' 1 'bad URL'
check "wget: a bad port" 'wget http://127.0.0.1:x/' '' 1 'bad URL'
check "wget: https is refused clearly" 'wget https://127.0.0.1/' '' 1 'https is not supported \(no TLS in mini\)'
check "wget: no URL" 'wget -q' '' 2 'no URL'
check "wget: a bad -T" 'wget -T x $H/file/1' '' 2 'bad timeout'
check "wget: a refused connection" \
	'wget -q http://127.0.0.1:1/x' '' 1 'can.t connect to 127.0.0.1 \(127.0.0.1:1\): Connection refused'
check "wget: http_proxy gets the whole URL; no_proxy bypasses it" \
	'http_proxy=$H wget -q -O - http://192.0.2.1/x; http_proxy=http://192.0.2.1:1 no_proxy=127.0.0.1 wget -q -O - $H/file/2 | wc -c' \
	$'proxy\n2\n'
check "wget: a progress bar on a terminal" \
	'script -qec "wget $H/file/200000" /dev/null | tr "\r" "\n" | grep -c "100% |\**|"' $'1\n'
if [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then
	check "wget: an unreachable address fails at once (a namespace with only lo)" \
		'unshare -n "$MINI" wget -T 3 http://192.0.2.1/x' '' 1 'Network is unreachable'
fi
kill "$WGET_SERVER" 2>/dev/null
wait "$WGET_SERVER" 2>/dev/null
rm -rf "$WGET_DIR"
