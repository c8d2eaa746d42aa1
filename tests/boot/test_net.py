"""test_net.py: the network of a booted mini, in QEMU (TCG); nothing leaves the machine.

1. One guest on QEMU user networking (restrict=on, its network moved to 192.0.2.0/24)
   with an e1000: the boot's DHCP (udhcpc in the background, /etc/network.conf) leases
   192.0.2.15 (QEMU's server offers no router or name server under restrict=on: the
   default route is added with ip); ping of the gateway answers; ip, route, netstat
   show what they should; udhcpc logs to syslogd.
2. Each other NIC model QEMU has and the kernel drives boots, leases and pings:
   ne2k_pci, ne2k_isa, rtl8139, pcnet, i82559er (e100).
3. Two guests on one virtual LAN (QEMU socket networking on 127.0.0.1): static
   addresses 192.0.2.10 and 192.0.2.11 set at the prompt, ping both ways.

two_guests(iso) starts the LAN pair of 3 for other tests (nc, wget between guests):
    from test_net import two_guests
    a, b = two_guests(iso)      # both at a prompt, eth0 at 192.0.2.10 / 192.0.2.11
"""
import os
import re
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qemu import Machine, Timeout, check, finish, iso_from_argv  # noqa: E402

USER_NET = "user,id=n0,restrict=on,net=192.0.2.0/24,host=192.0.2.2,dhcpstart=192.0.2.15"


def nic_device(model):
    """The -device argument of a NIC model; the ISA NE2000 at the port its driver probes."""
    if model == "ne2k_isa":
        return "ne2k_isa,iobase=0x300,irq=9,netdev=n0"
    return model + ",netdev=n0"


def wait_for_lease(m, timeout=60):
    """Poll ifconfig eth0 until the boot's udhcpc has set an address; the address or None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        out = m.run("ifconfig eth0")
        found = re.search(r"inet addr:(\S+)", out)
        if found:
            return found.group(1)
        time.sleep(1)
    return None


def at_prompt(m):
    """Wait for the first prompt; the NIC's "Link is Up" may come right after it, so
    an Enter then asks for a fresh one."""
    m.expect(r"mini: booted", 120)
    time.sleep(1)
    m.send("\n")
    m.wait_prompt(60)


def boot_prompt(m, what):
    try:
        at_prompt(m)
        return True
    except Timeout as e:
        check(what + ": the system boots to a prompt", False, e)
        return False


def user_net_full(iso):
    with Machine(iso, extra=["-netdev", USER_NET, "-device", nic_device("e1000")]) as m:
        if not boot_prompt(m, "e1000"):
            return
        addr = wait_for_lease(m)
        check("e1000: the boot's DHCP leases 192.0.2.15", addr == "192.0.2.15", m.log[-3000:])
        # QEMU's DHCP server names no router and no name server under restrict=on
        # (tests/cmd/udhcpc.sh checks that udhcpc sets them); ip adds the route here.
        out = m.run("ip route add default via 192.0.2.2 && ip r")
        check("e1000: ip route adds the default route", "default via 192.0.2.2 dev eth0" in out, out)
        out = m.run("route -n")
        check("e1000: route -n shows it",
              re.search(r"^0\.0\.0\.0 +192\.0\.2\.2 +0\.0\.0\.0 +UG .* eth0$", out, re.M), out)
        out = m.run("ip a show eth0")
        check("e1000: ip a shows the address", "inet 192.0.2.15/24 brd 192.0.2.255 scope global" in out, out)
        out = m.run("ping -c 2 192.0.2.2", 60)
        check("e1000: ping of the gateway answers", "2 packets received" in out, out)
        out = m.run("ping -c 1 127.0.0.1", 30)
        check("e1000: ping of 127.0.0.1 as an ordinary user's socket works",
              "1 packets received" in out, out)
        out = m.run("netstat -x")
        check("e1000: netstat lists syslogd's /dev/log", "/dev/log" in out, out)
        out = m.run("logread | grep udhcpc | tail -n 3")
        check("e1000: udhcpc logs to syslogd", "lease of 192.0.2.15" in out, out)
        m.poweroff()


def nic_ping(iso, model):
    with Machine(iso, extra=["-netdev", USER_NET, "-device", nic_device(model)]) as m:
        if not boot_prompt(m, model):
            return
        addr = wait_for_lease(m)
        if addr != "192.0.2.15":
            check("%s: DHCP lease and ping of the gateway" % model, False,
                  m.run("dmesg | tail -n 15") + "\n" + m.run("ifconfig -a"))
            return
        out = m.run("ping -c 2 192.0.2.2", 60)
        check("%s: DHCP lease and ping of the gateway" % model, "2 packets received" in out, out)
        m.poweroff()


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def two_guests(iso, mem=32):
    """Two guests on one LAN (QEMU socket network: one listens on 127.0.0.1, the other
    connects), each at a prompt with eth0 at 192.0.2.10 and 192.0.2.11. The caller
    kills them (m.kill()) or powers them off."""
    port = free_port()
    a = Machine(iso, mem=mem, extra=["-netdev", "socket,id=n0,listen=127.0.0.1:%d" % port,
                                     "-device", "e1000,netdev=n0,mac=52:54:00:00:02:0a"])
    a.start()
    time.sleep(0.5)  # the listening side first
    b = Machine(iso, mem=mem, extra=["-netdev", "socket,id=n0,connect=127.0.0.1:%d" % port,
                                     "-device", "e1000,netdev=n0,mac=52:54:00:00:02:0b"])
    b.start()
    for m, addr in ((a, "192.0.2.10"), (b, "192.0.2.11")):
        at_prompt(m)
        # The boot's udhcpc finds no server on this LAN: end it before setting the address.
        m.run("kill $(cat /run/udhcpc.eth0.pid) 2>/dev/null; ifconfig eth0 %s netmask 255.255.255.0 up"
              % addr)
    return a, b


def lan_pair(iso):
    try:
        a, b = two_guests(iso)
    except Timeout as e:
        check("LAN: both guests boot to a prompt", False, e)
        return
    try:
        out = a.run("ping -c 2 -W 5 192.0.2.11", 60)
        check("LAN: 192.0.2.10 pings 192.0.2.11", "2 packets received" in out, out)
        out = b.run("ping -c 2 -W 5 192.0.2.10", 60)
        check("LAN: 192.0.2.11 pings 192.0.2.10", "2 packets received" in out, out)
        out = a.run("arp -n")
        check("LAN: arp knows the other guest",
              "(192.0.2.11) at 52:54:00:00:02:0b [ether]" in out, out)
    finally:
        a.kill()
        b.kill()


if __name__ == "__main__":
    iso = iso_from_argv()
    only = os.environ.get("NET_TESTS", "user,nics,lan").split(",")
    if "user" in only:
        user_net_full(iso)
    if "nics" in only:
        for model in ("ne2k_pci", "ne2k_isa", "rtl8139", "pcnet", "i82559er"):
            nic_ping(iso, model)
    if "lan" in only:
        lan_pair(iso)
    finish()
