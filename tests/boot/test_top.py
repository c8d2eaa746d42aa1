"""test_top.py: top's interactive screen on the serial console.

The smoke files only run commands to their end; top runs until a key says 'q'.
One boot: top draws its screen, quits on 'q' leaving the terminal as it was,
and is ended by timeout (in a process group of its own, top then takes no keys).
"""
import time
from qemu import Machine, Timeout, check, finish, iso_from_argv

with Machine(iso_from_argv()) as m:
    try:
        m.wait_prompt(90)
    except Timeout as e:
        check("top: the system boots to a prompt", False, e)
        finish()
    m.send("top -d 1\n")
    try:
        m.expect(r"PID USER +PR +NI", 30)
        check("top: draws the process table", True)
    except Timeout as e:
        check("top: draws the process table", False, e)
    time.sleep(2)
    m.send("q")
    try:
        m.wait_prompt(20)
        check("top: q quits", True)
    except Timeout as e:
        check("top: q quits", False, e)
        finish()
    out = m.run("stty")
    check("top: the terminal's modes are restored", "icanon" not in out and "echo" not in out, out)
    m.send("timeout 3 top -d 1\n")
    try:
        m.wait_prompt(30)
        check("top: timeout ends it", True)
    except Timeout as e:
        check("top: timeout ends it", False, e)
    out = m.run("echo after")
    check("top: the shell works on afterwards", out == "after", out)
    m.poweroff()
finish()
