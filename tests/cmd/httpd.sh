# httpd on 127.0.0.1 (a free port), fetched by the host's curl; each check starts its own
# httpd -f in the background and stops it at the end.
# serve DIR: start httpd -f on a free port of 127.0.0.1 serving DIR; sets $H and $HTTPD.
serve() {
	local port
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	httpd -f -p 127.0.0.1:$port -h "$1" 2>httpd.err &
	HTTPD=$!
	H=http://127.0.0.1:$port
	for _ in $(seq 50); do ss -ltnH "sport = :$port" | grep -q . && return 0; sleep 0.1; done
}
export -f serve
# A folder to serve: files, a folder with index.html, one without, a symlink out of it.
mkwww() {
	mkdir -p www/idx www/sub www/sub/deeper
	echo hello > www/a.txt
	echo '<p>index</p>' > www/idx/index.html
	echo x > 'www/sub/a <b>&c.txt'
	head -c 70000 /dev/urandom > www/big.bin
	ln -s /etc/passwd www/out
	ln -s a.txt www/in
}
export -f mkwww
C='curl -s --max-time 10 --path-as-is'
export C

check "httpd: a file, its type and length" \
	'mkwww; serve www; $C -D h $H/a.txt; kill $HTTPD; grep -i -e "^HTTP" -e "^content-" h | tr -d "\r"' \
	$'hello\nHTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: 6\n'
check "httpd: a binary file whole" \
	'mkwww; serve www; $C -o got $H/big.bin; kill $HTTPD; cmp got www/big.bin && echo same' $'same\n'
check "httpd: index.html of a folder" 'mkwww; serve www; $C $H/idx/; kill $HTTPD' $'<p>index</p>\n'
check "httpd: a folder without its slash is redirected" \
	'mkwww; serve www; $C -o /dev/null -D - $H/idx | tr -d "\r" | grep -e ^HTTP -e ^Location | sed "s/^HTTP.1.1 //"; kill $HTTPD' $'301 Moved Permanently\nLocation: /idx/\n'
check "httpd: a listing of a folder without index.html, names escaped" \
	'mkwww; serve www; $C $H/sub/ | grep "<li>"; kill $HTTPD' \
	$'<li><a href="../">../</a></li>\n<li><a href="a%20%3Cb%3E%26c.txt">a &lt;b&gt;&amp;c.txt</a></li>\n<li><a href="deeper/">deeper/</a></li>\n'
check "httpd: 404" 'mkwww; serve www; $C -o /dev/null -w "%{http_code}\n" $H/nothing; kill $HTTPD' $'404\n'
check "httpd: .. is refused, plain or %-encoded" \
	'mkwww; serve www; for u in ../etc/passwd %2e%2e/etc/passwd idx/../../x; do $C -o /dev/null -w "%{http_code}\n" $H/$u; done; kill $HTTPD' \
	$'400\n400\n400\n'
check "httpd: a symlink out of the home is refused, one inside is followed" \
	'mkwww; serve www; $C -o /dev/null -w "%{http_code}\n" $H/out; $C $H/in; kill $HTTPD' $'403\nhello\n'
check "httpd: HEAD gives the headers only" \
	'mkwww; serve www; $C -I $H/a.txt | tr -d "\r" | grep -e ^HTTP -e ^Content-Length; kill $HTTPD' $'HTTP/1.1 200 OK\nContent-Length: 6\n'
check "httpd: POST is 405" 'mkwww; serve www; $C -o /dev/null -w "%{http_code}\n" -d x $H/a.txt; kill $HTTPD' $'405\n'
check "httpd: a byte range" \
	'mkwww; serve www; $C -r 1-3 -w " %{http_code}\n" $H/a.txt; $C -r 100- -o /dev/null -w "%{http_code}\n" $H/a.txt; kill $HTTPD' $'ell 206\n416\n'
check "httpd: a request line too long is 414" \
	'mkwww; serve www; $C -o /dev/null -w "%{http_code}\n" $H/$(head -c 5000 /dev/zero | tr "\0" a); kill $HTTPD' $'414\n'
check "httpd: a garbage request is 400" \
	'mkwww; serve www; printf "garbage\r\n\r\n" | nc -w 5 127.0.0.1 ${H##*:} | head -c 12; kill $HTTPD' 'HTTP/1.1 400'
check "httpd: headers without end are 400" \
	'mkwww; serve www; { printf "GET / HTTP/1.1\r\n"; head -c 20000 /dev/zero | tr "\0" x; printf "\r\n"; } | nc -w 5 127.0.0.1 ${H##*:} | head -c 12; kill $HTTPD' 'HTTP/1.1 400'
check "httpd: a missing home" 'httpd -f -p 127.0.0.1:1 -h nosuch' '' 1 'httpd: nosuch: No such file'
check "httpd: a bad port" 'httpd -f -p x' '' 2 "httpd: bad port 'x'"
check "httpd: a bad address" 'httpd -f -p 1.2.3:80' '' 2 "httpd: bad address '1.2.3'"
