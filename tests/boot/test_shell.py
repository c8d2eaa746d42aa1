"""test_shell.py: the shell's test suite (tests/sh) inside the booted ISO (issue 15).

The host writes every case of tests/sh/*.t (parsed by tests/sh/run.py) to an ext2 image
made by mkfs.ext2 -d, with tests/sh/guest-run.sh, the guest's runner. One boot: the guest
mounts the image, its own sh runs guest-run.sh, which runs each case with the guest's
mini as run.py runs it on the host (a fresh directory, a clean environment) and writes
its stdout, stderr and exit status back to the image. After poweroff the host reads
them with debugfs and judges each case with run.py's judge(): one "ok - sh-guest
FILE: NAME" or "not ok - ..." line per case. A case that needs the host (a "--- host"
section saying why, or a cmd line that makes its input with python3) is skipped: an
"ok ... # skip REASON" line.

In the same boot, on the serial console (whose size the kernel does not know): a new
interactive sh asks the terminal its size (ESC [6n); the harness answers as a 132-column
terminal would, and the tty then has that size (stty size), as issue 15's point 3 wants.

Then the interactive tests of tests/sh/interactive.py (the line editor, history, Ctrl-C,
Ctrl-Z, fg/bg, job notices), each with a fresh `sh -i` typed at the console prompt, through
GuestShell, the serial line's stand-in for that file's pty Shell: "ok - sh-guest pty: NAME".
The few that read or write files on the host's side, or wait for the shell's process there,
are skipped with that reason.

Usage: test_shell.py [ISO]
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from qemu import Machine, Timeout, check, finish, iso_from_argv

HERE = os.path.dirname(os.path.abspath(__file__))
SH_TESTS = os.path.join(HERE, "..", "sh")
sys.path.insert(0, SH_TESTS)
from run import judge, parse  # noqa: E402

ALL_CASES_TIMEOUT = 900   # guards against a hang only (the suite takes 1 to 2 minutes)
CASE_TIMEOUT = 120        # the runner's own timeout ends a case after 60 s
SLOW = 30                 # a case taking longer is named in a "#" line


def host_only(case):
    """Why a case cannot run inside the guest, or None."""
    if "host" in case:
        return case["host"].strip()
    if "python3" in case.get("cmd", ""):
        return "makes its input with the host's python3"
    return None


def write_cases(folder):
    """Every case of tests/sh/*.t to folder/cases/N/; returns [(N, topic, case, skip)]."""
    cases = []
    for path in sorted(glob.glob(os.path.join(SH_TESTS, "*.t"))):
        topic = os.path.basename(path)[:-2]
        for case in parse(path):
            number = "%04d" % len(cases)
            skip = host_only(case)
            cases.append((number, topic, case, skip))
            if skip:
                continue
            d = os.path.join(folder, "cases", number)
            os.makedirs(d)
            for name, text in (("script.sh", case["script"]), ("stdin", case.get("stdin", "")),
                               ("cmd", case.get("cmd"))):
                if text is not None:
                    with open(os.path.join(d, name), "w", encoding="utf-8",
                              errors="surrogateescape") as f:
                        f.write(text)
    shutil.copy(os.path.join(SH_TESTS, "guest-run.sh"), folder)
    return cases


def make_image(folder, image):
    """An ext2 image of folder, with room for the results."""
    subprocess.run(["mkfs.ext2", "-q", "-F", "-L", "shtests", "-b", "1024", "-N", "8192",
                    "-d", folder, image, "32M"], check=True, stdout=subprocess.DEVNULL)


def read_results(image, folder):
    """The results the guest wrote: folder/results/N/{out,err,status}."""
    subprocess.run(["debugfs", "-R", "rdump /results %s" % folder, image], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.join(folder, "results")


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return None


def report(cases, results):
    for number, topic, case, skip in cases:
        what = "sh-guest %s: %s" % (topic, case["name"])
        if skip:
            print("ok - %s # skip %s" % (what, skip), flush=True)
            continue
        status = read(os.path.join(results, number, "status"))
        if status is None:
            check(what, False, "the guest wrote no result for case %s" % number)
            continue
        status = int(status.strip() or -1)
        problem = judge(case, status, read(os.path.join(results, number, "out")) or "",
                        read(os.path.join(results, number, "err")) or "")
        if problem and status == 124:
            problem = "timed out in the guest (60 s); " + problem
        check(what, problem is None, problem)


def wait_for(condition, m, timeout):
    """Read what the guest prints until condition() holds; False after timeout seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        m._read(0.3)
    return True


def wait_raw(m, text, start, timeout):
    """Wait until text (escapes and all) appears in what the guest printed after start."""
    return wait_for(lambda: text in m.raw[start:], m, timeout)


def console_size(m):
    """A new interactive sh on the serial console asks the terminal its size."""
    m.run("stty rows 0 cols 0")     # as at boot: the kernel knows no size
    start = len(m.raw)
    m.send("sh\n")
    asked = wait_raw(m, "\x1b[6n", start, 30)
    check("sh-guest: a new sh on the serial console asks the terminal its size", asked,
          m.raw[start:])
    if not asked:
        return
    m.send("\x1b[40;132R")          # the answer of a 40 x 132 terminal
    m.wait_prompt(30)
    out = m.run("stty size")
    check("sh-guest: the terminal's answer becomes the tty's size", out.strip() == "40 132", out)
    m.run("exit")


def follow_runner(m):
    """Wait for the runner's last line; name the slow cases in "#" lines."""
    deadline = time.monotonic() + ALL_CASES_TIMEOUT
    last = time.monotonic()
    while True:
        done = m.expect(r"@@ (\d+|all done)\n", CASE_TIMEOUT).group(1)
        now = time.monotonic()
        if done == "all done":
            return
        if now - last > SLOW:
            print("# sh-guest: case %s took %.0f s" % (done, now - last), flush=True)
        if now > deadline:
            raise Timeout("the runner took more than %d s" % ALL_CASES_TIMEOUT)
        last = now


# ---- interactive.py's tests on the serial console ----

HOST_SIDE = {   # what these tests do cannot be done from here: skip them, saying why
    "history_builtin_and_file": "reads the history file on the host",
    "complete_file_name": "makes its files on the host",
    "complete_name_with_blank_is_escaped": "makes its files on the host",
    "complete_directory_adds_slash": "makes its folders on the host",
    "double_tab_lists_in_columns": "makes its files on the host",
    "history_file_is_bounded": "writes the history file on the host",
    "exit_with_stopped_jobs_warns_once": "waits for the shell's process on the host",
    "ctrl_d_on_empty_line_exits": "waits for the shell's process on the host",
}
SLOWER = 6      # TCG: the pty tests' timeouts and pauses, this many times longer
CONSOLE_PROMPT = re.compile(r"\w@[\w.-]+:[^\n]*# ")


def console_run(m, command):
    """m.run at the console's prompt, after output the GuestShell read and m did not."""
    m._read(0.5)
    m.seen = len(m.log)
    return m.run(command)


class SlowTime:
    """interactive.py's time module, its pauses longer (the guest runs under TCG)."""
    def sleep(self, seconds):
        time.sleep(seconds * SLOWER)

    def time(self):
        return time.time()


class GuestShell:
    """interactive.py's Shell over the serial console: a fresh sh -i, typed at the
    console's prompt, in a fresh folder; the same send, expect, run and output."""
    count = 0

    def __init__(self, m, prompt_var, cols=80):
        GuestShell.count += 1
        self.m = m
        self.home = "/tmp/pty%d" % GuestShell.count
        console_run(m, "mkdir -p %s && cd %s && stty rows 24 cols %d" % (self.home, self.home, cols))
        self.pos = len(m.raw)
        # PS1 comes from a variable: the typed line must not show the prompt itself
        m.send('env -i PATH=/bin HOME=%s TERM=xterm LC_ALL=C PS1="$%s" sh -i\n'
               % (self.home, prompt_var))

    @property
    def output(self):
        return self.m.raw[self.pos:]

    def send(self, keys):
        self.m.proc.stdin.write(keys.encode("latin-1"))
        self.m.proc.stdin.flush()

    def expect(self, text, timeout=5):
        """Wait until text appears after what was consumed; returns what came before it."""
        deadline = time.monotonic() + timeout * SLOWER
        while text not in self.m.raw[self.pos:]:
            if time.monotonic() > deadline:
                raise AssertionError("did not see %r; screen had %r" % (text, self.output[-300:]))
            self.m._read(0.2)
        before, _, _ = self.m.raw[self.pos:].partition(text)
        self.pos += len(before) + len(text)
        return before

    def run(self, line):
        self.send(line + "\r")
        self.expect("\n")
        return self.expect(interactive.PROMPT)

    def close(self):
        """Leave the shell (stopped jobs make the first exit a warning: then again)
        until the console's own prompt (user@host:folder# ) is back; end what the
        test left running."""
        self.send("\x03")
        for attempt in range(3):
            start = len(self.m.raw)
            self.send("exit\r")
            if wait_for(lambda: CONSOLE_PROMPT.search(self.m.raw, start), self.m, 10 * SLOWER):
                break
        console_run(self.m, "cd /; kill -9 $(pidof sleep cat) 2>/dev/null; stty cols 80")


def pty_tests(m):
    global interactive
    import interactive as module
    interactive = module
    interactive.time = SlowTime()
    console_run(m, "P1='%s'; P2='\\u:\\W\\$ '" % interactive.PROMPT)
    for fn in interactive.TESTS:
        name = fn.__name__
        what = "sh-guest pty: %s" % name.replace("_", " ")
        if name in HOST_SIDE:
            print("ok - %s # skip %s" % (what, HOST_SIDE[name]), flush=True)
            continue
        arg = fn.__code__.co_varnames[0]
        sh = GuestShell(m, "P2" if arg == "sh_default_prompt" else "P1",
                        cols=20 if arg == "sh_narrow" else 80)
        try:
            sh.expect("sh -i")      # (the echo of a wrapped line redraws the console's prompt)
            sh.expect("# " if arg == "sh_default_prompt" else interactive.PROMPT)
            fn(sh)
            check(what, True)
        except Exception as e:
            check(what, False, "%s\n%r" % (str(e)[:400], interactive.clean(sh.output[-300:])))
        finally:
            sh.close()


def run_in_guest(iso, image):
    """Boot with the image as the IDE disk; True when the runner got to its end."""
    extra = ["-nic", "none", "-drive", "file=%s,format=raw,if=ide,index=0" % image]
    with Machine(iso, mem=128, extra=extra) as m:
        try:
            m.wait_prompt(120)
            out = m.run("mount /dev/sda /mnt && echo mounted", 60)
            check("sh-guest: the guest mounts the cases' disk", "mounted" in out, out)
            m.send("sh /mnt/guest-run.sh /mnt\n")
            follow_runner(m)
            m.wait_prompt(60)
        except Timeout as e:
            last = re.findall(r"@@ (\d+)", m.log)
            check("sh-guest: the runner ends (last case done: %s)"
                  % (last[-1] if last else "none"), False, e)
            return False
        try:
            console_size(m)
            pty_tests(m)
            m._read(0.5)
            m.seen = len(m.log)
            out = m.run("umount /mnt && echo unmounted", 60)
            check("sh-guest: the disk unmounts after the run", "unmounted" in out, out)
        except Timeout as e:
            check("sh-guest: the console shell answers after the tests", False, e)
            return False
        check("sh-guest: poweroff ends QEMU", m.poweroff() is not None)
    return True


def main():
    folder = tempfile.mkdtemp(prefix="mini-sh-guest-")
    try:
        disk = os.path.join(folder, "disk")
        os.makedirs(disk)
        cases = write_cases(disk)
        image = os.path.join(folder, "cases.img")
        make_image(disk, image)
        if run_in_guest(iso_from_argv(), image):
            out = os.path.join(folder, "out")
            os.makedirs(out)
            report(cases, read_results(image, out))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    finish()


main()
