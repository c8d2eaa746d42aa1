#!/usr/bin/env python3
"""Interactive tests of mini's sh through a pseudo-terminal: the line editor,
history, Ctrl-R, Tab completion, Ctrl-C, Ctrl-Z/fg/bg and job notices.

Each test starts a fresh `sh -i` on a new pty (its controlling terminal), types
keys, and looks at what the terminal shows. Prints "ok - ..." / "not ok - ...".
Usage: pty.py MINI
"""
import fcntl, os, pwd, traceback, pty, re, select, shutil, signal, struct, sys, tempfile, termios, time

PROMPT = "PROMPT$ "
MINI = None

class Shell:
    def __init__(self, cols=80, ps1=PROMPT, home=None):
        self.home = home or tempfile.mkdtemp(prefix="mini-pty-")
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(self.home)
            env = {"PATH": BIN + ":/usr/bin:/bin", "HOME": self.home, "TERM": "xterm",
                   "PS1": ps1, "LC_ALL": "C"}
            os.execve(os.path.join(BIN, "sh"), ["sh", "-i"], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))
        self.output = ""
        self.expect(PROMPT if ps1 == PROMPT else "# " if os.geteuid() == 0 else "$ ")

    def read(self, timeout):
        end = time.time() + timeout
        while time.time() < end:
            r, _, _ = select.select([self.fd], [], [], max(0, end - time.time()))
            if not r:
                break
            try:
                data = os.read(self.fd, 4096)
            except OSError:
                return False
            if not data:
                return False
            self.output += data.decode(errors="replace")
            return True
        return True

    def expect(self, text, timeout=5):
        """Wait until text appears in the output after what was consumed so far."""
        end = time.time() + timeout
        while text not in self.output:
            if time.time() > end or not self.read(end - time.time()):
                raise AssertionError("did not see %r; screen had %r" % (text, self.output[-300:]))
        before, _, self.output = self.output.partition(text)
        return before

    def send(self, keys):
        os.write(self.fd, keys.encode())

    def run(self, line):
        """Type a line and Enter; return what was printed before the next prompt."""
        self.send(line + "\r")
        self.expect("\n")
        return self.expect(PROMPT)

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        shutil.rmtree(self.home, ignore_errors=True)

def clean(text):
    """The text without escape sequences and carriage returns."""
    return re.sub(r"\x1b\[[0-9;]*[A-Za-z]|\r", "", text)

TESTS = []
def test(fn):
    TESTS.append(fn)
    return fn

@test
def simple_command(sh):
    assert "hi there" in sh.run("echo hi there")

@test
def insert_in_middle_with_ctrl_a_and_arrows(sh):
    sh.send("echo world\x01" + "\x1b[C" * 5 + "hello ")
    assert "hello world" in sh.run("")

@test
def ctrl_b_f_e(sh):
    sh.send("echo ac\x02b\x05d\x06")
    assert "abcd" in sh.run("")

@test
def home_end_keys_all_forms(sh):
    sh.send("cho x\x1b[He\x1b[Fy")          # xterm Home/End
    assert "xy" in sh.run("")
    sh.send("cho x\x1b[1~e\x1b[4~z")        # linux console / vt220
    assert "xz" in sh.run("")
    sh.send("cho x\x1bOHe\x1bOFw")          # application mode
    assert "xw" in sh.run("")

@test
def backspace_and_delete(sh):
    sh.send("echo abxc\x7f\x7fc\x01\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[3~")
    assert "bc" in clean(sh.run("")).splitlines()[-1]

@test
def ctrl_d_deletes_under_cursor(sh):
    sh.send("echo xab\x01" + "\x06" * 5 + "\x04")
    assert clean(sh.run("")).splitlines()[-1] == "ab"

@test
def kill_and_yank(sh):
    sh.send("echo one two\x17three \x19")    # Ctrl-W kills "two", Ctrl-Y yanks it back
    assert "one three two" in sh.run("")
    sh.send("echo keep drop\x02\x02\x02\x02\x0b")  # Ctrl-K kills to the end
    assert clean(sh.run("")).splitlines()[-1] == "keep"
    sh.send("garbage\x15echo fresh")          # Ctrl-U kills to the start
    assert "fresh" in sh.run("")

@test
def ctrl_l_clears_screen(sh):
    sh.send("\x0c")
    sh.expect("\x1b[2J")
    assert "ok" in sh.run("echo ok")

@test
def history_up_down(sh):
    sh.run("echo first")
    sh.run("echo second")
    sh.send("\x1b[A\x1b[A")
    assert "first" in sh.run("")
    sh.send("\x10")                          # Ctrl-P
    assert "first" in sh.run("")
    sh.send("\x1b[A\x1b[A\x1b[A\x1b[B")
    assert "second" in clean(sh.run("")).splitlines()[-1]

@test
def reverse_search(sh):
    sh.run("echo alpha")
    sh.run("echo beta")
    sh.send("\x12alp")
    sh.expect("reverse-i-search")
    assert "alpha" in sh.run("")

@test
def history_builtin_and_file(sh):
    sh.run("echo remembered")
    assert "echo remembered" in sh.run("history")
    sh.send("exit\r")
    time.sleep(0.3)
    with open(os.path.join(sh.home, ".sh_history")) as f:
        assert "echo remembered" in f.read()

@test
def complete_file_name(sh):
    open(os.path.join(sh.home, "uniquefile123"), "w").write("content\n")
    sh.send("cat uniq\t")
    sh.expect("uniquefile123 ")
    assert "content" in sh.run("")

@test
def complete_name_with_blank_is_escaped(sh):
    open(os.path.join(sh.home, "my file.txt"), "w").write("spaced\n")
    sh.send("cat my\t")
    sh.expect("my\\ file.txt ")
    assert "spaced" in sh.run("")
    sh.send("cat my\\ f\t")
    sh.expect("file.txt ")
    assert "spaced" in sh.run("")

@test
def complete_command_name(sh):
    sh.send("ech\t")
    sh.expect("echo ")
    assert "done" in sh.run("done")

@test
def complete_directory_adds_slash(sh):
    os.makedirs(os.path.join(sh.home, "somedir/inner"))
    sh.send("ls som\t")
    sh.expect("somedir/")
    assert "inner" in sh.run("")

@test
def double_tab_lists_in_columns(sh):
    for n in ("aa1", "aa2", "aa3"):
        open(os.path.join(sh.home, n), "w").close()
    sh.send("ls aa\t\t")
    listing = sh.expect("aa3")
    assert "aa1" in listing and "aa2" in listing
    sh.send("\x15")
    sh.run("")

@test
def ctrl_c_abandons_line(sh):
    sh.send("echo partial\x03")
    sh.expect("^C")
    sh.expect(PROMPT)
    assert "130" in sh.run("echo $?")

@test
def ctrl_c_interrupts_foreground_job(sh):
    sh.send("sleep 30\r")
    time.sleep(0.5)
    sh.send("\x03")
    sh.expect(PROMPT, timeout=3)
    assert "130" in sh.run("echo $?")

@test
def ctrl_backslash_quits_foreground_job(sh):
    sh.send("sleep 30\r")
    time.sleep(0.5)
    sh.send("\x1c")
    sh.expect(PROMPT, timeout=3)
    assert "131" in sh.run("echo $?")
    assert "alive" in sh.run("echo alive")

@test
def history_file_is_bounded(sh):
    home = tempfile.mkdtemp(prefix="mini-pty-")
    with open(os.path.join(home, ".sh_history"), "w") as f:
        for i in range(700):
            f.write("echo old%d\n" % i)
    sh2 = Shell(home=home)
    try:
        out = clean(sh2.run("history | wc -l; history | head -1"))
        assert "500" in out and "old201" in out, out  # the newest 500, this line included
        with open(os.path.join(home, ".sh_history")) as f:
            assert len(f.read().splitlines()) <= 501
    finally:
        sh2.close()

@test
def fg_and_kill_by_job_number(sh):
    sh.send("sleep 30\r")
    time.sleep(0.5)
    sh.send("\x1a")
    sh.expect(PROMPT)
    sh.send("sleep 40\r")
    time.sleep(0.5)
    sh.send("\x1a")
    sh.expect(PROMPT)
    out = sh.run("jobs")
    assert "[1]" in out and "[2]" in out, out
    sh.run("kill %2")
    sh.send("fg %1\r")
    sh.expect("sleep 30")
    time.sleep(0.3)
    sh.send("\x03")
    sh.expect(PROMPT, timeout=3)
    out = sh.run("jobs")
    assert "sleep" not in out or "Done" in out or "Terminated" in out, out

@test
def ctrl_z_stops_and_fg_resumes(sh):
    sh.send("sleep 30\r")
    time.sleep(0.5)
    sh.send("\x1a")
    sh.expect("Stopped")
    sh.expect(PROMPT)
    assert "Stopped" in sh.run("jobs")
    sh.send("fg\r")
    sh.expect("sleep 30")
    time.sleep(0.3)
    sh.send("\x03")
    sh.expect(PROMPT, timeout=3)
    assert "130" in sh.run("echo $?")

@test
def exit_with_stopped_jobs_warns_once(sh):
    sh.send("sleep 30\r")
    time.sleep(0.5)
    sh.send("\x1a")
    sh.expect(PROMPT)
    assert "stopped jobs" in sh.run("exit")
    sh.send("exit\r")
    time.sleep(0.5)
    pid, status = os.waitpid(sh.pid, os.WNOHANG)
    assert pid == sh.pid
    sh.pid = os.fork() or os._exit(0)

@test
def bg_continues_job(sh):
    sh.send("sleep 30\r")
    time.sleep(0.5)
    sh.send("\x1a")
    sh.expect(PROMPT)
    assert "sleep 30 &" in sh.run("bg")
    assert "Running" in sh.run("jobs")
    sh.run("kill %1")

@test
def done_notice(sh):
    sh.run("sleep 0.2 &")
    time.sleep(0.5)
    assert "Done" in sh.run("")

@test
def background_reader_stops(sh):
    sh.run("cat &")
    time.sleep(0.5)
    assert "Stopped" in sh.run("jobs") or "Stopped" in sh.output
    sh.run("kill -9 %1")

@test
def long_line_wraps(sh_narrow):
    sh = sh_narrow
    word = "abcdefghij" * 6
    sh.send("echo " + word)
    sh.send("\x01\x05\r")
    sh.expect("\r\n" + word + "\r\n")
    sh.send("echo x" + "y" * 40 + "\x01" + "\x06" * 5 + "W\r")
    sh.expect("\r\nWx" + "y" * 40 + "\r\n")

@test
def ctrl_d_on_empty_line_exits(sh):
    sh.send("\x04")
    time.sleep(0.3)
    pid, status = os.waitpid(sh.pid, os.WNOHANG)
    assert pid == sh.pid
    sh.pid = os.fork() or os._exit(0)       # close() still has a child to reap

@test
def prompt_escapes(sh_default_prompt):
    sh = sh_default_prompt
    sh.send("cd /tmp\r")
    sh.expect("\n")
    prompt = sh.expect("# " if os.geteuid() == 0 else "$ ")
    assert prompt.endswith(pwd.getpwuid(os.geteuid()).pw_name + ":tmp"), prompt

@test
def syntax_error_returns_to_prompt(sh):
    out = sh.run("echo (")
    assert re.search(r"sh: \d+: ", out)
    assert "fine" in sh.run("echo fine")

@test
def ps2_continuation(sh):
    sh.send("echo 'a\r")
    sh.expect("> ")
    assert "a\r\nb" in sh.run("b'") or "a\nb" in clean(sh.run("echo a; echo b"))

def main():
    global MINI, BIN
    MINI = os.path.abspath(sys.argv[1])
    BIN = tempfile.mkdtemp(prefix="mini-pty-bin-")
    import subprocess
    for name in subprocess.run([MINI, "--list"], capture_output=True, text=True).stdout.split():
        os.symlink(MINI, os.path.join(BIN, name))
    failed = 0
    for fn in TESTS:
        arg = fn.__code__.co_varnames[0]
        if arg == "sh_narrow":
            sh = Shell(cols=20)
        elif arg == "sh_default_prompt":
            sh = Shell(ps1="\\u:\\W\\$ ")
        else:
            sh = Shell()
        try:
            fn(sh)
            print("ok - sh pty: %s" % fn.__name__.replace("_", " "))
        except Exception as e:
            failed += 1
            where = traceback.extract_tb(e.__traceback__)[-1]
            print("not ok - sh pty: %s: line %d: %s %r" % (fn.__name__.replace("_", " "), where.lineno,
                  str(e)[:300], clean(sh.output[-200:])))
        finally:
            sh.close()
        sys.stdout.flush()
    shutil.rmtree(BIN, ignore_errors=True)
    return 1 if failed else 0

if __name__ == "__main__":
    sys.exit(main())
