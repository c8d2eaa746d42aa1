"""udhcpc-server.py: a tiny fake DHCP server for tests/cmd/udhcpc.sh.

Run inside a network namespace only: python3 udhcpc-server.py IFACE MODE [COUNT]
It answers DISCOVER with an OFFER and REQUEST with an ACK for 192.0.2.15 (server
192.0.2.2, router 192.0.2.2, name server 192.0.2.3, domain example.test, host name
leased-host, lease 3600 s), broadcast to port 68 through IFACE. MODE spoils the
OFFER (or the ACK) to see the client ignore it:
  good      nothing spoilt
  overrun   the last option's length runs past the packet's end
  badlen    the subnet mask option is 3 bytes long
  xid       a transaction id that is not the client's
  type      the answer to DISCOVER is an ACK, not an OFFER
  zero      the offered address is 0.0.0.0
  short     the packet ends inside the fixed BOOTP header
  nocookie  no magic cookie
  nak       a good OFFER, then a NAK to the REQUEST
  none      no answer at all
It ends after COUNT requests (default 20) or when killed.
"""
import socket
import struct
import sys

iface, mode = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 20

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
s.bind(("0.0.0.0", 67))
s.settimeout(30)


def ip(text):
    return socket.inet_aton(text)


def option(code, data):
    return bytes([code, len(data)]) + data


def answer(request, msg_type):
    xid = request[4:8]
    if mode == "xid":
        xid = bytes(b ^ 0xFF for b in xid)
    yiaddr = ip("0.0.0.0") if mode == "zero" else ip("192.0.2.15")
    fixed = struct.pack("!BBBB4sHH4s4s4s4s16s64s128s", 2, 1, 6, 0, xid, 0, 0x8000,
                        ip("0.0.0.0"), yiaddr, ip("192.0.2.2"), ip("0.0.0.0"),
                        request[28:44], b"", b"")
    cookie = b"" if mode == "nocookie" else bytes([99, 130, 83, 99])
    mask = ip("255.255.255.0")[:3] if mode == "badlen" else ip("255.255.255.0")
    opts = (option(53, bytes([msg_type])) + option(54, ip("192.0.2.2"))
            + option(51, struct.pack("!I", 3600)) + option(1, mask)
            + option(3, ip("192.0.2.2")) + option(6, ip("192.0.2.3"))
            + option(15, b"example.test") + option(12, b"leased-host"))
    if mode == "overrun":
        return fixed + cookie + opts + bytes([12, 40]) + b"abc"
    packet = fixed + cookie + opts + b"\xff"
    if mode == "short":
        packet = packet[:100]
    return packet


for _ in range(count):
    try:
        data, _ = s.recvfrom(2048)
    except socket.timeout:
        break
    if mode == "none" or len(data) < 240 or data[0] != 1:
        continue
    opts = data[240:]
    msg_type = opts[2] if len(opts) > 2 and opts[0] == 53 else 0
    if msg_type == 1:
        reply = answer(data, 5 if mode == "type" else 2)
    elif msg_type == 3:
        reply = answer(data, 6 if mode == "nak" else 5)
    else:
        continue
    s.sendto(reply, ("255.255.255.255", 68))
