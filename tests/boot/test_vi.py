"""test_vi.py: vi and less on the serial console of the booted system.

Edit a new file with vi, save it, cat it; edit it again (yank, put, :s);
page it with less and quit. One boot for all.
"""
from qemu import Machine, Timeout, check, finish, iso_from_argv

with Machine(iso_from_argv()) as m:
    try:
        m.wait_prompt(90)
        m.send("vi /tmp/note\n")
        m.expect(r"New file", 30)
        m.send("ihello from vi\x1b:wq\r")
        m.wait_prompt(30)
        out = m.run("cat /tmp/note")
        check("vi over serial: type, :wq, cat", out == "hello from vi", out)
        m.send("vi /tmp/note\n")
        m.expect(r"1L, 14C", 30)
        m.send("yyp:s/vi/less/\rZZ")
        m.wait_prompt(30)
        out = m.run("cat /tmp/note")
        check("vi over serial: yy p :s ZZ", out == "hello from vi\nhello from less", out)
        m.send("less /tmp/note\n")
        m.expect(r"hello from less", 30)
        m.send("q")
        m.wait_prompt(30)
        check("less over serial: shows the file, q quits", True)
    except Timeout as e:
        check("vi and less over serial", False, e)
    m.poweroff()
finish()
