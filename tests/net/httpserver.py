"""httpserver.py: a small HTTP server for wget's tests, on 127.0.0.1 only.

    python3 tests/net/httpserver.py PORTFILE [LIFETIME] [DIR]
    python3 tests/net/httpserver.py --pattern N     (prints the N bytes /file/N sends)

Listens on a free port of 127.0.0.1, writes the port number to PORTFILE, and serves until
LIFETIME seconds (default 120) have passed. Paths:
  /file/N          N bytes of a known pattern (Range: bytes=K- honoured: 206)
  /cut/N           Content-Length N, but only half of it then the close (Range honoured,
                   so wget -c can fetch the rest)
  /norange/N       like /file/N but every Range ignored (200 with the whole file)
  /chunked/N       the pattern in chunks of 1000 bytes
  /redirect/CODE/X a CODE reply with Location: X (relative or absolute)
  /loop            a redirect to itself
  /headers         the request's header lines as the body
  /huge-header     a 100 KB header line
  /header-only     "HTTP/1.1 200 OK" and the close
  /bad-length      Content-Length: 12abc
  /chunk-overflow  a chunk size of 40 hex digits
  /bad-chunk       a chunk line that is not hex
  /slow            the headers, then silence for 60 s
  /files/NAME      a file of DIR
  anything else    404
"""
import os
import socketserver
import sys
import threading
import time


def pattern(n):
    block = bytes(range(256)) * 4
    return (block * (n // len(block) + 1))[:n]


class Handler(socketserver.StreamRequestHandler):
    timeout = 30

    def reply(self, status, headers, body=b""):
        head = "HTTP/1.1 %s\r\n" % status + "".join("%s: %s\r\n" % h for h in headers) + "\r\n"
        self.wfile.write(head.encode() + body)

    def serve_bytes(self, data, honour_range=True, cut=False):
        start = 0
        rng = self.headers.get("range", "")
        if honour_range and rng.startswith("bytes=") and rng.endswith("-"):
            start = int(rng[6:-1])
        if start >= len(data) and start > 0:
            self.reply("416 Range Not Satisfiable", [("Content-Range", "bytes */%d" % len(data))])
            return
        body = data[start:]
        headers = [("Content-Length", len(body))]
        if start:
            headers.append(("Content-Range", "bytes %d-%d/%d" % (start, len(data) - 1, len(data))))
        if cut and start == 0:
            self.reply("200 OK", headers, body[:len(body) // 2])
            return
        self.reply("206 Partial Content" if start else "200 OK", headers, body)

    def handle(self):
        line = self.rfile.readline(65536).decode("latin-1").strip()
        self.headers = {}
        raw = []
        while True:
            h = self.rfile.readline(65536).decode("latin-1")
            if h in ("\r\n", "\n", ""):
                break
            raw.append(h)
            k, _, v = h.partition(":")
            self.headers[k.strip().lower()] = v.strip()
        parts = line.split()
        if len(parts) != 3:
            return
        path = parts[1]
        if path.startswith("http://"):   # through a proxy: the whole URL
            self.reply("200 OK", [("Content-Length", 6)], b"proxy\n")
            return
        p = path.split("/")
        if p[1] == "file":
            self.serve_bytes(pattern(int(p[2])))
        elif p[1] == "cut":
            self.serve_bytes(pattern(int(p[2])), cut=True)
        elif p[1] == "norange":
            self.serve_bytes(pattern(int(p[2])), honour_range=False)
        elif p[1] == "chunked":
            data = pattern(int(p[2]))
            self.reply("200 OK", [("Transfer-Encoding", "chunked")])
            for i in range(0, len(data), 1000):
                piece = data[i:i + 1000]
                self.wfile.write(b"%x;ext=1\r\n" % len(piece) + piece + b"\r\n")
            self.wfile.write(b"0\r\nX-Trailer: yes\r\n\r\n")
        elif p[1] == "redirect":
            self.reply("%s Moved" % p[2], [("Location", "/".join(p[3:]).replace("~", "/")),
                                           ("Content-Length", 0)])
        elif p[1] == "loop":
            self.reply("302 Found", [("Location", "/loop"), ("Content-Length", 0)])
        elif p[1] == "headers":
            body = "".join(raw).encode()
            self.reply("200 OK", [("Content-Length", len(body))], body)
        elif p[1] == "huge-header":
            self.reply("200 OK", [("X-Big", "a" * 100000), ("Content-Length", 2)], b"hi")
        elif p[1] == "header-only":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        elif p[1] == "bad-length":
            self.reply("200 OK", [("Content-Length", "12abc")], b"hello")
        elif p[1] == "chunk-overflow":
            self.reply("200 OK", [("Transfer-Encoding", "chunked")], b"f" * 40 + b"\r\nxx")
        elif p[1] == "bad-chunk":
            self.reply("200 OK", [("Transfer-Encoding", "chunked")], b"zz\r\nxx")
        elif p[1] == "slow":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n")
            self.wfile.flush()
            time.sleep(60)
        elif p[1] == "files" and len(p) == 3 and DIR and os.path.isfile(os.path.join(DIR, p[2])):
            with open(os.path.join(DIR, p[2]), "rb") as f:
                self.serve_bytes(f.read())
        else:
            self.reply("404 Not Found", [("Content-Length", 10)], b"not found\n")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


DIR = sys.argv[3] if len(sys.argv) > 3 else None
if __name__ == "__main__" and sys.argv[1] == "--pattern":   # the bytes /file/N sends
    sys.stdout.buffer.write(pattern(int(sys.argv[2])))
elif __name__ == "__main__":
    server = Server(("127.0.0.1", 0), Handler)
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write("%d\n" % server.server_address[1])
    os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    threading.Timer(float(sys.argv[2]) if len(sys.argv) > 2 else 120, os._exit, [0]).start()
    server.serve_forever()
