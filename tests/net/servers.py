"""servers.py: small servers and clients for the network commands' tests, on 127.0.0.1.

    python3 servers.py tftp PORTFILE DIR      a TFTP server (RFC 1350 + blksize) serving DIR
    python3 servers.py time PORT SECONDS      an RFC 868 time server sending SECONDS (since 1900)
    python3 servers.py telnet PORTFILE LOG    a TELNET server that offers WILL ECHO, WILL SGA and
                                              DO TTYPE, writes what the client answered to LOG, and
                                              echoes the client's lines as "got: LINE"
    python3 servers.py telnet-client PORT     connect to a telnetd: print the options it offered,
                                              its answer to DO TTYPE, then type "hello" at the
                                              "login: " prompt and print what came back
    python3 servers.py raw-client PORT        print the bytes a server sends until it closes
    python3 servers.py relay PORT             copy stdin to 127.0.0.1:PORT and the replies to
                                              stdout (a guestfwd=...-cmd: per connection)

Every server ends after a minute at most; the port is written to PORTFILE when it is
ready (a free port picked by the kernel).
"""
import os
import select
import socket
import struct
import sys
import threading
import time

IAC, DONT, DO, WONT, WILL = 255, 254, 253, 252, 251


def ready(portfile, port):
    with open(portfile + ".tmp", "w") as f:
        f.write("%d\n" % port)
    os.rename(portfile + ".tmp", portfile)


def lifetime(seconds=60):
    threading.Timer(seconds, os._exit, [0]).start()


def tftp_server(portfile, root):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    ready(portfile, s.getsockname()[1])
    while True:
        req, peer = s.recvfrom(2048)
        threading.Thread(target=tftp_transfer, args=(req, peer, root), daemon=True).start()


def tftp_transfer(req, peer, root):
    t = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    t.bind(("127.0.0.1", 0))
    t.settimeout(3)
    op = struct.unpack("!H", req[:2])[0]
    parts = req[2:].split(b"\0")
    name, opts = parts[0].decode(), dict(zip(parts[2:-1:2], parts[3:-1:2]))
    size = int(opts.get(b"blksize", 512))
    path = os.path.join(root, os.path.basename(name))

    def send_wait(packet, want):
        for _ in range(5):
            t.sendto(packet, peer)
            try:
                while True:
                    data, _ = t.recvfrom(70000)
                    if data[:4] == want or (want[:2] == b"\0\3" and data[:2] == b"\0\3"):
                        return data
            except socket.timeout:
                pass
        return None

    if name == "error":
        t.sendto(struct.pack("!HH", 5, 2) + b"Access violation\0", peer)
        return
    if op == 1:    # read request
        if not os.path.isfile(path):
            t.sendto(struct.pack("!HH", 5, 1) + b"File not found\0", peer)
            return
        data = open(path, "rb").read()
        if b"blksize" in opts:
            if not send_wait(b"\0\6blksize\0%d\0" % size, b"\0\4\0\0"):
                return
        else:
            size = 512
        block = 1
        for i in range(0, len(data) + 1, size):
            if not send_wait(struct.pack("!HH", 3, block & 0xffff) + data[i:i + size],
                             struct.pack("!HH", 4, block & 0xffff)):
                return
            block += 1
    else:          # write request
        first = b"\0\6blksize\0%d\0" % size if b"blksize" in opts else struct.pack("!HH", 4, 0)
        if b"blksize" not in opts:
            size = 512
        got, block, packet = b"", 1, first
        while True:
            data = send_wait(packet, b"\0\3")
            if data is None or struct.unpack("!H", data[2:4])[0] != block & 0xffff:
                return
            got += data[4:]
            packet = struct.pack("!HH", 4, block & 0xffff)
            block += 1
            if len(data) - 4 < size:
                t.sendto(packet, peer)
                break
        with open(path + ".tmp", "wb") as f:
            f.write(got)
        os.rename(path + ".tmp", path)


def time_server(port, seconds):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", int(port)))
    s.listen(5)
    reply = int(seconds).to_bytes(4, "big") if seconds != "short" else b"\1\2"
    while True:
        c, _ = s.accept()
        c.sendall(reply)
        c.close()


def telnet_server(portfile, log):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(1)
    ready(portfile, s.getsockname()[1])
    c, _ = s.accept()
    c.sendall(bytes([IAC, WILL, 1, IAC, WILL, 3, IAC, DO, 24]) + b"welcome\r\n")
    c.settimeout(10)
    data = b""
    # Two lines and the three answers (in whatever order they come), or the client's end.
    while data.count(b"\r\n") < 2 or len(commands(data)) < 3:
        try:
            more = c.recv(4096)
        except socket.timeout:
            break
        if not more:
            break
        data += more
    with open(log, "w") as f:
        f.write("answers: " + " ".join("%d %d %d" % cmd for cmd in commands(data)) + "\n")
        f.write("data: " + " ".join("%d" % b for b in strip_commands(data)) + "\n")
        f.write("raw: " + " ".join("%d" % b for b in data) + "\n")
    for line in data.split(b"\r\n")[:-1]:
        c.sendall(b"got: " + strip_commands(line) + b"\r\n")
    c.close()


def commands(data):
    """The (IAC, verb, option) triples in data."""
    found, i = [], 0
    while i + 2 < len(data):
        if data[i] == IAC and data[i + 1] == IAC:
            i += 2
        elif data[i] == IAC and data[i + 1] >= WILL:
            found.append(tuple(data[i:i + 3]))
            i += 3
        else:
            i += 1
    return found


def strip_commands(data):
    out, i = b"", 0
    while i < len(data):
        if data[i] == IAC and i + 1 < len(data) and data[i + 1] == IAC:
            out += bytes([IAC])
            i += 2
        elif data[i] == IAC and i + 1 < len(data) and data[i + 1] >= WILL:
            i += 3
        else:
            out += bytes([data[i]])
            i += 1
    return out


def raw_client(port):
    c = socket.create_connection(("127.0.0.1", int(port)), timeout=10)
    got = b""
    while True:
        more = c.recv(4096)
        if not more:
            break
        got += more
    print(" ".join("%d" % b for b in got))


def relay(port):
    """Copy stdin to 127.0.0.1:port and back (QEMU's guestfwd=...-cmd: runs one per connection)."""
    c = socket.create_connection(("127.0.0.1", int(port)), timeout=60)
    inputs = [sys.stdin.buffer.raw, c]
    while c in inputs:
        ready, _, _ = select.select(inputs, [], [], 60)
        if not ready:
            break
        for r in ready:
            if r is c:
                data = c.recv(65536)
                if not data:
                    inputs.remove(c)
                else:
                    sys.stdout.buffer.write(data)
                    sys.stdout.buffer.flush()
            else:
                data = os.read(0, 65536)
                if not data:
                    inputs.remove(r)
                    c.shutdown(socket.SHUT_WR)
                else:
                    c.sendall(data)


def telnet_client(port):
    c = socket.create_connection(("127.0.0.1", int(port)), timeout=10)
    got = b""
    deadline = time.time() + 10
    while len(got) < 9 and time.time() < deadline:
        got += c.recv(9 - len(got))
    print("offered:", " ".join("%d" % b for b in got[:9]))
    c.sendall(bytes([IAC, DO, 24]))
    answer = b""
    while len(answer) < 3 and time.time() < deadline:
        answer += c.recv(1)
        if answer[:1] != bytes([IAC]):
            answer = b""
    print("answer to DO TTYPE:", " ".join("%d" % b for b in answer))
    out = b""
    while b"login: " not in out and time.time() < deadline:   # type when asked
        more = c.recv(4096)
        if not more:
            break
        out += more
    c.sendall(b"hello\r\n")
    while b"bye" not in out and time.time() < deadline:
        r, _, _ = select.select([c], [], [], 1)
        if r:
            more = c.recv(4096)
            if not more:
                break
            out += more
    print("output:", out.decode("latin-1").replace("\r", "\\r").replace("\n", "\\n"))
    c.close()


if __name__ == "__main__":
    lifetime()
    what = sys.argv[1]
    if what == "tftp":
        tftp_server(sys.argv[2], sys.argv[3])
    elif what == "time":
        time_server(sys.argv[2], sys.argv[3])
    elif what == "telnet":
        telnet_server(sys.argv[2], sys.argv[3])
    elif what == "telnet-client":
        telnet_client(sys.argv[2])
    elif what == "raw-client":
        raw_client(sys.argv[2])
    elif what == "relay":
        relay(sys.argv[2])
    os._exit(0)
