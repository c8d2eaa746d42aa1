"""test_boot.py: the walking skeleton's boot test.

Boots the ISO on a 486 with 32 MB under TCG, runs a few commands at the prompt over
the serial console, checks what they print, then checks that poweroff ends QEMU.
Then boots the same ISO as a disk (USB stick), and with 8 MB of RAM.
"""
import sys
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

# A real 486 often had 8 MB: the system must reach a working prompt in that much RAM.
with Machine(iso, mem=8, cpu="486") as m:
    try:
        m.wait_prompt(90)
        out = m.run("ls -l /")
        check("boot: a working prompt in 8 MB of RAM (ls -l /)", " proc" in out, out)
        m.poweroff(30)
    except Timeout as e:
        check("boot: a working prompt in 8 MB of RAM (ls -l /)", False, e)
finish()
