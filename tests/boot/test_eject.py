"""test_eject.py: eject on the boot CD's drive (issue 13), the tray seen from QEMU's side.

One boot of the ISO (-m 32). QEMU's own account of the drive (QMP query-block:
tray_open) says whether the tray really moved:
- a mounted CD whose file system is busy (the shell's current directory in it) is
  refused with a clear error, stays mounted, and the tray stays shut;
- once it is not busy, `eject /dev/sr0` unmounts it first (mounted as /dev/cdrom,
  the name /proc/mounts shows), then opens the tray;
- `eject -t` closes it, `eject /dev/cdrom` opens it, `eject -T` closes it again;
- with the tray open, mounting the drive fails with an error, not a hang.

Usage: test_eject.py [ISO]
"""
import json
import os
import socket
import tempfile
import time
from qemu import Machine, Timeout, check, finish, iso_from_argv


class Qmp:
    """QEMU's machine protocol on a unix socket: one command, its answer."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX)
        for _ in range(100):		# QEMU makes the socket as it starts
            try:
                self.sock.connect(path)
                break
            except OSError:
                time.sleep(0.1)
        self.reader = self.sock.makefile("r")
        self.reader.readline()		# the greeting
        self.execute("qmp_capabilities")

    def execute(self, command):
        self.sock.sendall((json.dumps({"execute": command}) + "\n").encode())
        while True:
            reply = json.loads(self.reader.readline())
            if "return" in reply or "error" in reply:	# events come in between
                return reply

    def tray_open(self):
        """The CD-ROM drive's tray_open (None when QEMU shows no tray)."""
        for device in self.execute("query-block").get("return", []):
            if "tray_open" in device:
                return device["tray_open"]
        return None

    def close(self):
        self.sock.close()


def tray_is(qmp, wanted):
    """QEMU moves the tray when the guest's command comes: ask a few times."""
    for _ in range(20):
        if qmp.tray_open() == wanted:
            return True
        time.sleep(0.25)
    return False


iso = iso_from_argv()
qmp_path = tempfile.mktemp(prefix="mini-qmp.")
extra = ["-nic", "none", "-qmp", "unix:%s,server=on,wait=off" % qmp_path]
try:
    with Machine(iso, mem=32, extra=extra) as m:
        try:
            m.wait_prompt(120)
        except Timeout as e:
            check("eject: boots to a prompt", False, e)
            finish()
        # The kernel's messages about the empty drive (hotplug looks at the medium
        # when the tray moves) would land after a prompt: only emergencies on the console.
        m.run("echo 1 > /proc/sys/kernel/printk")
        qmp = Qmp(qmp_path)
        check("eject: QEMU shows the CD-ROM tray shut at the start", qmp.tray_open() is False,
              qmp.execute("query-block"))

        out = m.run("mount /dev/cdrom /mnt && cd /mnt && eject; echo status $?")
        check("eject: a busy mounted CD is refused with a clear error",
              "cannot unmount /mnt: Device or resource busy" in out
              and "/dev/cdrom: still mounted: not ejected" in out and "status 1" in out, out)
        out = m.run("cd /; grep -c ' /mnt ' /proc/mounts")
        check("eject: ... it stays mounted", out.strip() == "1", out)
        check("eject: ... and the tray stays shut", tray_is(qmp, False), qmp.execute("query-block"))

        # /proc/mounts says /dev/cdrom (the name mount was given): eject must see that
        # it is sr0 all the same.
        out = m.run("eject /dev/sr0; echo status $?; grep -c ' /mnt ' /proc/mounts")
        check("eject /dev/sr0: unmounts the CD (mounted as /dev/cdrom) first",
              "status 0" in out and out.strip().endswith("0"), out)
        check("eject /dev/sr0: the tray opens (QMP tray_open)", tray_is(qmp, True),
              qmp.execute("query-block"))
        out = m.run("mount /dev/sr0 /mnt; echo status $?", timeout=60)
        check("eject: with the tray open, mount fails with an error",
              "status 1" in out and "mount:" in out, out)

        out = m.run("eject -t /dev/sr0; echo status $?", timeout=60)
        check("eject -t: closes the tray", "status 0" in out and tray_is(qmp, False), out)
        out = m.run("eject /dev/cdrom; echo status $?", timeout=60)
        check("eject /dev/cdrom: the tray opens", "status 0" in out and tray_is(qmp, True), out)
        out = m.run("eject -T /dev/sr0; echo status $?", timeout=60)
        check("eject -T: an open tray is closed", "status 0" in out and tray_is(qmp, False), out)
        out = m.run("mount /dev/cdrom /mnt && head -n 1 /mnt/boot/grub/grub.cfg; umount /mnt", timeout=60)
        check("eject: the CD is read again after the tray closed", "grub" in out.lower(), out)
        qmp.close()
        check("eject: poweroff ends QEMU", m.poweroff(30) == 0, m.log[-1500:])
finally:
    if os.path.exists(qmp_path):
        os.unlink(qmp_path)
finish()
