"""test_netapps.py: the network applications in booted guests (issue 14).

Boot 1, one guest on QEMU user networking (restrict=on, the documentation range): wget
fetches a file from an HTTP server this script runs on the host's 127.0.0.1 (reached
through guestfwd as 192.0.2.100:80) and the checksums agree; a server that closes
mid-download makes wget -c fail, and wget -c again completes the file; the guest's httpd
is fetched from the host through hostfwd; telnetd in the guest lets a TELNET client on
the host log in as root (empty password on the live system) and run a command.

Boot 2, two guests on one virtual LAN (QEMU socket networking, listening and connecting
on 127.0.0.1; static addresses 192.0.2.10 and 192.0.2.11): nc carries a file across and
the checksums agree; wget fetches a file from the other guest's httpd.

Nothing leaves the machine: the host side is 127.0.0.1 only. Every wait is bounded.
"""
import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu import Machine, Timeout, check, finish, iso_from_argv  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
NET = os.path.join(HERE, "..", "net")
USER_NET = "restrict=on,net=192.0.2.0/24,host=192.0.2.2,dhcpstart=192.0.2.15"
IAC, DONT, DO, WONT, WILL = 255, 254, 253, 252, 251


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start_http_server(folder):
    """tests/net/httpserver.py serving folder (as /files/NAME) on a free port of 127.0.0.1."""
    portfile = os.path.join(folder, "port")
    proc = subprocess.Popen([sys.executable, os.path.join(NET, "httpserver.py"), portfile, "600",
                             folder])
    for _ in range(100):
        if os.path.exists(portfile):
            break
        time.sleep(0.1)
    return proc, int(open(portfile).read())


def pattern(n):
    out = subprocess.run([sys.executable, os.path.join(NET, "httpserver.py"), "--pattern", str(n)],
                         capture_output=True, check=True)
    return out.stdout


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def guest_sha256(m, path):
    out = m.run("sha256sum " + path, timeout=60)
    return out.split()[0] if out.split() else out


def http_get(url, timeout=20):
    """The body of url, or the error as text."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.read()
    except Exception as e:  # the check shows what went wrong
        return repr(e).encode()


def telnet_login(port, deadline=60):
    """Log in through the guest's telnetd as root and run a command; returns the text seen."""
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    seen = b""
    end = time.monotonic() + deadline

    def read_until(marker):
        nonlocal seen
        while marker not in strip(seen) and time.monotonic() < end:
            try:
                data = s.recv(4096)
            except socket.timeout:
                continue
            if not data:
                break
            seen += answer(data)
        return marker in strip(seen)

    def answer(data):
        # Agree to the server's WILL ECHO/SGA and DO SGA; refuse anything else.
        i = 0
        while i < len(data):
            if data[i] == IAC and i + 2 < len(data) and data[i + 1] in (WILL, DO):
                verb, opt = data[i + 1], data[i + 2]
                if verb == WILL:
                    s.sendall(bytes([IAC, DO if opt in (1, 3) else DONT, opt]))
                elif opt == 3:
                    s.sendall(bytes([IAC, WILL, 3]))
                else:
                    s.sendall(bytes([IAC, WONT, opt]))
                i += 3
            else:
                i += 1
        return data

    def strip(data):
        out, i = b"", 0
        while i < len(data):
            if data[i] == IAC and i + 1 < len(data) and data[i + 1] >= WILL:
                i += 3
            else:
                out += data[i:i + 1]
                i += 1
        return out

    ok = read_until(b"login: ")
    if ok:
        s.sendall(b"root\r\n")
        ok = read_until(b"# ")
    if ok:
        s.sendall(b"echo tel$((20+22))net\r\n")
        ok = read_until(b"tel42net")
        s.sendall(b"exit\r\n")
    s.close()
    return strip(seen).decode("latin-1")


def boot_one(iso):
    folder = tempfile.mkdtemp(prefix="mini-netapps.")
    blob = os.urandom(300000)
    with open(os.path.join(folder, "blob"), "wb") as f:
        f.write(blob)
    server, http_port = start_http_server(folder)
    web_port, telnet_port = free_port(), free_port()
    # guestfwd to a tcp: device is one connection for the whole boot; cmd: runs a relay
    # to the host's server for each connection the guest opens.
    netdev = ("user,id=n0,%s,guestfwd=tcp:192.0.2.100:80-cmd:%s %s relay %d,"
              "hostfwd=tcp:127.0.0.1:%d-:80,hostfwd=tcp:127.0.0.1:%d-:23"
              % (USER_NET, sys.executable, os.path.join(NET, "servers.py"), http_port,
                 web_port, telnet_port))
    try:
        with Machine(iso, mem=48, extra=["-netdev", netdev, "-device", "e1000,netdev=n0"]) as m:
            m.wait_prompt(120)
            # The kernel's "Link is Up" must not land after a prompt: console messages off.
            m.run("dmesg -n 1; ifconfig lo 127.0.0.1 up; ifconfig eth0 192.0.2.15 netmask 255.255.255.0 up")
            out = m.run("cd /tmp && wget -q -T 30 http://192.0.2.100/files/blob && echo fetched", timeout=120)
            check("wget: a file from the host through guestfwd", "fetched" in out, m.log[-2000:])
            got = guest_sha256(m, "/tmp/blob")
            check("wget: its checksum is the host's", got == sha256(blob), got)

            out = m.run("wget -q -T 30 -c http://192.0.2.100/cut/100000; echo status=$?; wc -c < 100000", timeout=120)
            check("wget -c: a server closing mid-download is an error, the part stays",
                  "status=1" in out and "50000" in out, out)
            out = m.run("wget -q -T 30 -c http://192.0.2.100/cut/100000; echo status=$?", timeout=120)
            got = guest_sha256(m, "/tmp/100000")
            check("wget -c again: resumed and whole", "status=0" in out and got == sha256(pattern(100000)),
                  out + "\n" + got)

            m.run("mkdir -p /tmp/www/sub && echo guest-page > /tmp/www/index.html && "
                  "head -c 200000 /tmp/blob > /tmp/www/sub/part && httpd -p 80 -h /tmp/www")
            page = http_get("http://127.0.0.1:%d/" % web_port)
            check("httpd in the guest, fetched from the host through hostfwd", page == b"guest-page\n", page)
            part = http_get("http://127.0.0.1:%d/sub/part" % web_port, timeout=60)
            check("httpd: a 200 KB file whole", part == blob[:200000], len(part))
            listing = http_get("http://127.0.0.1:%d/sub/" % web_port)
            check("httpd: a listing", b'href="part"' in listing, listing[:300])

            m.run("telnetd")
            text = telnet_login(telnet_port)
            check("telnetd: root logs in from the host and runs a command", "tel42net" in text, text)
            m.poweroff()
    except Timeout as e:
        check("boot 1 (one guest on user networking)", False, str(e))
    finally:
        server.kill()
        server.wait()


def boot_two(iso):
    port = free_port()
    one = Machine(iso, mem=48, extra=["-netdev", "socket,id=n1,listen=127.0.0.1:%d" % port,
                                       "-device", "e1000,netdev=n1,mac=52:54:00:00:00:10"])
    two = Machine(iso, mem=48, extra=["-netdev", "socket,id=n1,connect=127.0.0.1:%d" % port,
                                       "-device", "e1000,netdev=n1,mac=52:54:00:00:00:11"])
    try:
        one.start()
        time.sleep(1)    # the listening side first
        two.start()
        one.wait_prompt(180)
        two.wait_prompt(180)
        one.run("dmesg -n 1; ifconfig eth0 192.0.2.10 netmask 255.255.255.0 up")
        two.run("dmesg -n 1; ifconfig eth0 192.0.2.11 netmask 255.255.255.0 up")
        one.run("head -c 500000 /dev/urandom > /tmp/f; mkdir /tmp/www; cp /tmp/f /tmp/www/f; "
                "httpd -p 80 -h /tmp/www")
        want = guest_sha256(one, "/tmp/f")

        two.run("nc -w 30 -l -p 5000 > /tmp/got &")
        out = one.run("nc -w 30 192.0.2.11 5000 < /tmp/f; echo status=$?", timeout=120)
        two.run("wait", timeout=60)
        got = guest_sha256(two, "/tmp/got")
        check("nc: a 500 KB file from one guest to the other", got == want and "status=0" in out,
              "%s %s %s" % (out, got, want))

        out = two.run("wget -q -T 30 -O /tmp/w http://192.0.2.10/f; echo status=$?", timeout=120)
        got = guest_sha256(two, "/tmp/w")
        check("wget from the other guest's httpd", got == want and "status=0" in out,
              "%s %s %s" % (out, got, want))
        one.poweroff()
        two.poweroff()
    except Timeout as e:
        check("boot 2 (two guests on a socket LAN)", False, str(e))
    finally:
        one.kill()
        two.kill()


if __name__ == "__main__":
    iso = iso_from_argv()
    boot_one(iso)
    boot_two(iso)
    finish()
