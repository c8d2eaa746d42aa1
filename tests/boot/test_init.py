"""test_init.py: init (PID 1), the consoles, login and shutdown, in QEMU.

Boot 1, the default root shell on the serial console: the boot time line; a killed
console shell comes back; a respawn loop is held back; 200 orphans leave no zombie;
a memory hog dies and the rest lives; logs; Ctrl-Alt-Del and reboot restart the
machine; poweroff ends QEMU with status 0.
Boot 2, the kernel started with mini.login=1 (GRUB's "mini (login)") and its console
on the screen only: getty and login on the serial line all the same (the port answers); adduser, passwd, a refused wrong password, a user who cannot read
/etc/shadow or write /bin and /etc, who, w and last (utmp and wtmp: bob logged in, root's
ended session, the boot), and su back to root.
"""
import os
import re
import subprocess
import tempfile
import time
from qemu import Machine, Timeout, check, finish, iso_from_argv

iso = iso_from_argv()


def timed_prompt(m, text, timeout=10):
    """Send text and return how many seconds the next prompt took (None: none came)."""
    start = time.monotonic()
    m.send(text)
    try:
        m.wait_prompt(timeout)
    except Timeout:
        return None
    return time.monotonic() - start


def restarts(m, how, what):
    """After `how` (a function), the machine boots again to a prompt."""
    m.seen = len(m.log)
    how()
    try:
        m.expect(r"mini: booted in \d+ ms", 90)
        m.wait_prompt(30)
        check(what, True)
    except Timeout as e:
        check(what, False, e)


def default_boot():
    with Machine(iso) as m:
        try:
            m.wait_prompt(90)
        except Timeout as e:
            check("init: a root shell on the serial console", False, e)
            return
        check("init: prints the boot time in ms", re.search(r"mini: booted in \d+ ms", m.log), m.log[-1500:])
        check("init: PID 1 is init", m.run("cat /proc/1/comm") in ("init", "mini"), m.log[-500:])

        # The ISO's default entry has the screen too: a shell on tty1, and tty2-tty4 wait
        # for Enter (init's children named "askfirst", not yet a shell). Alt-F2 and Enter
        # start one.
        if "console=tty0" in m.run("cat /proc/cmdline"):
            waiting = m.run("cat /proc/[0-9]*/stat | grep -c '(askfirst) S'")
            check("init: tty2-tty4 wait for Enter", waiting == "3", waiting)
            m.monitor("sendkey alt-f2")
            m.monitor("sendkey ret")
            time.sleep(2)
            waiting = m.run("cat /proc/[0-9]*/stat | grep -c '(askfirst) S'")
            check("init: Enter on tty2 starts its shell", waiting == "2", waiting)

        took = timed_prompt(m, "kill -9 $$\n")
        check("init: a killed console shell is back within 2 s", took is not None and took < 2, m.log[-800:])

        # A respawn line that fails at once is held back (init reads inittab again on HUP).
        # Its messages come after the prompt: wait for them, not for a prompt.
        m.send("cp /etc/inittab /tmp/inittab; echo '::respawn:/bin/false' >>/etc/inittab; kill -HUP 1\n")
        try:
            m.expect(r"'/bin/false' on /dev/console keeps exiting: held back", 15)
            check("init: a respawn loop is held back, with a message", True)
        except Timeout as e:
            check("init: a respawn loop is held back, with a message", False, e)
        m.send("cp /tmp/inittab /etc/inittab; kill -HUP 1\n")
        time.sleep(1)
        out = m.run("echo still here")
        check("init: the console still serves during the loop", out.endswith("still here"), out)
        out = m.run("sleep 11; echo quiet")
        check("init: the loop ends when its line leaves /etc/inittab", "held back" not in out, out)

        out = m.run("i=0; while [ $i -lt 200 ]; do sh -c 'sleep 1 &'; i=$((i+1)); done; sleep 2; "
                    "cat /proc/[0-9]*/stat | grep -c ') Z '", timeout=120)
        check("init: 200 orphans, no zombie left", out.strip().endswith("0"), out)

        m.run("sh -c 'x=0123456789; while :; do x=$x$x; done'", timeout=120)
        out = m.run("echo alive; cat /proc/1/comm")
        check("init: a memory hog dies, init and the shell live", out.startswith("alive"), m.log[-1500:])

        # syslogd (started by /etc/rc) listens on a socket, or a FIFO without UNIX sockets.
        m.run("logger -t bt hi there")
        out = m.run("logread | grep -c 'bt: hi there'")
        check("logs: logger's message in logread (syslogd from /etc/rc)", out == "1", out)
        out = m.run("logread | grep -c 'kernel: Linux version'")
        check("logs: the kernel's messages too", out == "1", out)

        restarts(m, lambda: m.monitor("sendkey ctrl-alt-delete"), "init: Ctrl-Alt-Del reboots to a prompt")
        restarts(m, lambda: m.send("reboot\n"), "init: reboot restarts to a prompt")
        m.seen = len(m.log)
        status = m.poweroff(30)
        check("init: poweroff ends QEMU with status 0", status == 0, m.log[-1500:])
        check("init: shutdown says so", "the system is going down to power off" in m.log, m.log[-1500:])


def kernel_of(iso_path, folder):
    """The bzImage inside the ISO, to boot it with other kernel arguments."""
    kernel = os.path.join(folder, "bzImage")
    subprocess.run(["xorriso", "-osirrox", "on", "-indev", iso_path, "-extract", "/boot/bzImage", kernel],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return kernel


def answer(m, prompt, text, timeout=20):
    m.expect(prompt, timeout)
    m.send(text + "\n")


def login_boot():
    folder = tempfile.mkdtemp(prefix="mini-init-test.")
    kernel = kernel_of(iso, folder)
    with Machine(iso, extra=["-kernel", kernel, "-append", "console=tty0 mini.login=1"]) as m:
        try:
            answer(m, r"mini login: ", "root", 90)
            m.wait_prompt(20)
            check("login: getty and login on the serial line; root without a password", True)
        except Timeout as e:
            check("login: getty and login on the serial line; root without a password", False, e)
            return
        check("login: root is told to set a password", "root has no password" in m.log, m.log[-800:])
        m.send("adduser bob\n")
        answer(m, r"New password: ", "bobpw")
        answer(m, r"Retype new password: ", "bobpw")
        m.wait_prompt(20)
        m.send("passwd\n")
        answer(m, r"New password: ", "rootpw")
        answer(m, r"Retype new password: ", "rootpw")
        out = m.wait_prompt(20)
        check("login: adduser and passwd", "password for root changed" in out and m.run("grep -c '^bob:' /etc/passwd") == "1", m.log[-800:])

        m.send("exit\n")
        try:
            answer(m, r"mini login: ", "bob")
            answer(m, r"Password: ", "wrong")
            m.expect(r"Login incorrect", 10)
            answer(m, r"mini login: ", "bob")
            answer(m, r"Password: ", "bobpw")
            m.wait_prompt(20)
            check("login: a wrong password is refused, the right one lets bob in", True)
        except Timeout as e:
            check("login: a wrong password is refused, the right one lets bob in", False, e)
            return
        check("login: bob's shell runs as bob", m.run("id -u") == "1000", m.log[-500:])
        out = m.run("who")
        check("login: who lists bob on ttyS0", re.search(r"^bob +ttyS0 ", out, re.M) is not None, out)
        out = m.run("w -h")
        # the shell runs w in its own process: the terminal's foreground is the shell (-sh)
        check("login: w shows what bob runs", re.search(r"^bob +ttyS0 .* (-sh|w -h)\s*$", out, re.M) is not None, out)
        out = m.run("last")
        check("login: last shows bob still logged in, root's ended session and the boot",
              re.search(r"^bob +ttyS0 .*still logged in", out, re.M) is not None
              and re.search(r"^root +ttyS0 .* - \d\d:\d\d ", out, re.M) is not None
              and re.search(r"^reboot +system boot .*still running", out, re.M) is not None, out)
        out = m.run("cat /etc/shadow")
        check("login: bob cannot read /etc/shadow", "Permission denied" in out, out)
        out = m.run("touch /bin/x /etc/x; ls /bin/x /etc/x 2>&1 | grep -c 'No such file'")
        check("login: bob cannot write /bin or /etc", out.endswith("2"), out)
        m.send("su -c 'id -u'\n")
        try:
            answer(m, r"Password: ", "rootpw")
            out = m.wait_prompt(20)
            check("login: su to root with root's password", re.search(r"^0\s*$", out, re.M) is not None, out)
        except Timeout as e:
            check("login: su to root with root's password", False, e)


default_boot()
login_boot()
finish()
