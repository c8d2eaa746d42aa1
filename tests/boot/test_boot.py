"""test_boot.py: the ISO's boot test.

Boots the ISO on a 486 with 32 MB under TCG, runs a few commands at the prompt over
the serial console, checks what they print, mounts the boot CD itself (/dev/sr0) and
reads GRUB's config back from it, then checks that poweroff ends QEMU.
Then boots the same ISO as a disk (USB stick), and with 12 MB of RAM (the ISO's kernel,
with its network and USB, needs more than the floppy's 8: test_floppy.py); boots its
kernel as on a 486SX (no387: the kernel's FPU emulator computes); types a command on a
USB keyboard (no PS/2 controller at all); and holds Shift while GRUB starts to get its
menu and choose the login entry.
"""
import json
import os
import socket
import sys
import tempfile
import time
from qemu import Machine, Timeout, check, finish, iso_from_argv

iso = iso_from_argv()
with Machine(iso, mem=32, cpu="486") as m:
    try:
        m.wait_prompt(90)
        check("boot: a shell prompt on the serial console (-cpu 486 -m 32)", True)
    except Timeout as e:
        check("boot: a shell prompt on the serial console (-cpu 486 -m 32)", False, e)
        finish()
    check("boot: init printed the boot time", "mini: booted in" in m.log, m.log[-2000:])
    out = m.run("echo hello mini")
    check("boot: echo", out == "hello mini", out)
    out = m.run("uname -a")
    check("boot: uname -a names Linux 6.12 on i486",
          out.startswith("Linux ") and " 6.12." in out and "i486" in out, out)
    out = m.run("ls /")
    check("boot: ls / lists the root", all(d in out.split() for d in ("bin", "dev", "etc", "proc", "sys")), out)
    out = m.run("cat /proc/version")
    check("boot: cat /proc/version", out.startswith("Linux version 6.12"), out)
    # The boot CD is the ATAPI drive on the second IDE channel: sr0 (read-only medium).
    # (The kernel may print "ISO 9660 Extensions: ..." on this console first.)
    out = m.run("mount -r -t iso9660 /dev/sr0 /mnt && grep -c ^menuentry /mnt/boot/grub/grub.cfg; umount /mnt")
    check("boot: the boot CD mounts (/dev/sr0, iso9660) and GRUB's config reads back",
          out.splitlines()[-1:] == ["3"], out)
    status = m.poweroff(30)
    check("boot: poweroff ends QEMU by itself, status 0", status == 0, m.log[-2000:])

# The ISO is hybrid: the same file boots as a hard disk (a USB stick written with dd).
disk = ["-drive", "file=%s,format=raw,if=ide,index=0,snapshot=on" % iso, "-boot", "c"]
with Machine(iso, mem=32, cpu="486", extra=disk, as_disk=True) as m:
    try:
        m.wait_prompt(90)
        check("boot: the ISO boots as a disk (USB stick) too", True)
        check("boot: poweroff ends QEMU after a disk boot", m.poweroff(30) == 0, m.log[-1500:])
    except Timeout as e:
        check("boot: the ISO boots as a disk (USB stick) too", False, e)

# The ISO's kernel (every driver, IPv4 and IPv6) must reach a working prompt in 12 MB;
# the boot floppy's is the one for 8 MB machines (test_floppy.py).
with Machine(iso, mem=12, cpu="486") as m:
    try:
        m.wait_prompt(90)
        out = m.run("ls -l /")
        check("boot: a working prompt in 12 MB of RAM (ls -l /)", " proc" in out, out)
        m.poweroff(30)
    except Timeout as e:
        check("boot: a working prompt in 12 MB of RAM (ls -l /)", False, e)

# A 486SX has no FPU: the kernel's FPU emulator must then do awk's and printf's
# arithmetic. "no387" makes the kernel act so on QEMU's 486 (which has an FPU). The
# kernel is the one on the ISO, booted directly (GRUB cannot be given the option).
kernel = os.path.join(os.path.dirname(iso), "iso", "boot", "bzImage")
direct = ["-kernel", kernel, "-append", "console=ttyS0 no387"]
with Machine(iso, mem=32, cpu="486", extra=direct, as_disk=True) as m:
    try:
        m.wait_prompt(90)
        out = m.run("dmesg | grep -c 'No FPU detected'")
        check("boot: no387: the kernel runs with no FPU", out == "1", out)
        out = m.run("awk 'BEGIN { print 7 % 3, 2 ^ 0.5, sin(1), 1e10 % 7 }'")
        check("boot: no387: awk computes through the FPU emulator", out == "1 1.41421 0.841471 4", out)
        out = m.run("printf '%.2f %g\\n' 2.5 1e-5")
        check("boot: no387: printf %f and %g through the FPU emulator", out == "2.50 1e-05", out)
    except Timeout as e:
        check("boot: no387: a prompt with the FPU emulator", False, e)


def hold_shift_until_menu(m, qmp_path, seconds=15):
    """Hold Shift down on the PS/2 keyboard from QEMU's start until GRUB's menu shows.
    grub.cfg looks at Shift once, at a moment we cannot see coming, and the BIOS drops
    keys pressed before it set the keyboard up: so we press Shift again and again and
    never let go. (QMP, as the human monitor's sendkey always releases the key.)"""
    end = time.monotonic() + seconds
    qmp = None
    while time.monotonic() < end:
        if qmp is None:
            try:
                qmp = socket.socket(socket.AF_UNIX)
                qmp.connect(qmp_path)
                qmp.sendall(b'{"execute": "qmp_capabilities"}\n')
            except OSError:          # the socket is not there yet
                qmp = None
        if qmp is not None:
            qmp.sendall(json.dumps({"execute": "input-send-event", "arguments": {"events": [
                {"type": "key", "data": {"down": True, "key": {"type": "qcode", "data": "shift"}}}]}}
            ).encode() + b"\n")
        m._read(0.1)
        if "mini (login)" in m.log:
            return True
    return False


def type_on_keyboard(m, text):
    """Type text (lower-case letters, digits, space, '>', '/', '.') and Enter with the
    monitor's sendkey, which presses and releases each key on QEMU's active keyboard."""
    names = {" ": "spc", ">": "shift-dot", "/": "slash", ".": "dot", "-": "minus"}
    s = socket.socket(socket.AF_UNIX)
    s.connect(m.monitor_path)
    for ch in text:
        s.sendall(("sendkey %s\n" % names.get(ch, ch)).encode())
        time.sleep(0.05)
    s.sendall(b"sendkey ret\n")
    time.sleep(0.3)
    s.close()


# A USB keyboard on a machine with no PS/2 controller (i8042=off), so that keys can only
# come through UHCI and the HID driver. They go to the screen's console, tty1, where
# init starts a shell too: the typed command writes a file, read back on the serial line.
usb = ["-machine", "pc,i8042=off", "-device", "piix3-usb-uhci", "-device", "usb-kbd"]
with Machine(iso, mem=32, cpu="486", extra=usb) as m:
    try:
        # USB enumerates the keyboard after the prompt (the kernel no longer says so on
        # the console once /etc/rc is done): look for its input device until it is there.
        m.wait_prompt(90)
        found = ""
        for _ in range(60):
            found = m.run("cat /sys/class/input/input*/name 2>/dev/null")
            if "USB Keyboard" in found:
                break
            time.sleep(1)
        check("usb: the USB keyboard is an input device", "USB Keyboard" in found, found)
        type_on_keyboard(m, "echo typed on usb >/tmp/usbkbd")
        out = ""
        for _ in range(20):
            out = m.run("cat /tmp/usbkbd 2>/dev/null")
            if out:
                break
            time.sleep(0.5)
        check("usb: a command typed on the USB keyboard runs on tty1", out == "typed on usb", out)
    except Timeout as e:
        check("usb: a prompt with a USB keyboard and no PS/2 controller", False, e)

qmp_path = tempfile.mktemp(prefix="mini-qmp.")
with Machine(iso, mem=32, cpu="486", extra=["-qmp", "unix:%s,server,nowait" % qmp_path]) as m:
    menu = hold_shift_until_menu(m, qmp_path)
    check("grub: holding Shift at boot shows the menu", menu, m.log[-1500:])
    if menu:
        m.send("l")              # the login entry's hotkey, typed on the serial line
        try:
            m.expect(r"mini login: ", 90)
            check("grub: the menu's login entry (hotkey l) boots to getty", True)
        except Timeout as e:
            check("grub: the menu's login entry (hotkey l) boots to getty", False, e)
if os.path.exists(qmp_path):
    os.unlink(qmp_path)
finish()
