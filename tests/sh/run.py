#!/usr/bin/env python3
"""The shell's script suite: run every case of tests/sh/*.t with mini's sh.

A .t file holds cases; each starts with a line "=== NAME" followed by the
script, then optional sections:

    --- out        the exact expected stdout (default: empty)
    --- err        an extended regex stderr must match (default: stderr empty)
    --- status     the expected exit status (default 0)
    --- stdin      what the script gets as standard input (default: nothing)
    --- cmd        a host /bin/sh command line that runs the test instead of
                   "$SH script.sh" ($SH is mini's sh, $MINI the binary)
    --- host       why the case cannot run inside the booted ISO (it needs
                   something of the host's); tests/boot/test_shell.py skips it

The script is written to script.sh in a fresh directory and run as
"$SH script.sh" there, with PATH starting with links to all of mini's commands.
Prints "ok - FILE: NAME" or "not ok - ..." for each case.
Usage: run.py MINI [FILE.t]...   (SH_OVERRIDE=/bin/dash runs the cases with another shell)
"""
import glob, os, re, shutil, subprocess, sys, tempfile

def parse(path):
    cases, case, section = [], None, None
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            if line.startswith("=== "):
                case = {"name": line[4:].strip(), "script": ""}
                cases.append(case)
                section = "script"
            elif case is None:
                continue
            elif line.startswith("--- ") and line[4:].strip() in ("out", "err", "status", "stdin", "cmd", "host"):
                section = line[4:].strip()
                case[section] = ""
            else:
                case[section] += line
    return cases

def judge(case, status, out, err):
    """None if the status, stdout and stderr a case gave are what it wants,
    else what differs (shared with tests/boot/test_shell.py, which runs the
    cases inside the booted ISO)."""
    want_status = int(case.get("status", "0").strip() or 0)
    problems = []
    if status != want_status:
        problems.append("status %d, wanted %d" % (status, want_status))
    if out != case.get("out", ""):
        problems.append("stdout differs")
    pattern = case.get("err", "").strip()
    if pattern:
        if not re.search(pattern, err):
            problems.append("stderr does not match /%s/" % pattern)
    elif err:
        problems.append("unexpected stderr")
    if not problems:
        return None
    detail = "; ".join(problems)
    for label, text in (("want", case.get("out", "")), ("got ", out), ("err ", err)):
        for l in text.splitlines()[:8]:
            detail += "\n#   %s| %s" % (label, l)
    return detail

def run_case(mini, bindir, case):
    d = tempfile.mkdtemp(prefix="mini-sh-")
    try:
        with open(os.path.join(d, "script.sh"), "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(case["script"])
        env = {"PATH": bindir + ":/usr/bin:/bin", "HOME": d, "MINI": mini,
               "SH": os.environ.get("SH_OVERRIDE") or os.path.join(bindir, "sh"),
               "LC_ALL": "C", "TERM": "dumb"}
        if "ASAN_OPTIONS" in os.environ:      # for a host build with sanitizers
            env["ASAN_OPTIONS"] = os.environ["ASAN_OPTIONS"]
        cmd = case.get("cmd")
        argv = ["/bin/sh", "-c", cmd] if cmd else [env["SH"], "script.sh"]
        try:
            p = subprocess.run(argv, cwd=d, env=env, input=case.get("stdin", "").encode(),
                               capture_output=True, timeout=20)
        except subprocess.TimeoutExpired:
            return "timed out"
        return judge(case, p.returncode, p.stdout.decode(errors="replace"),
                     p.stderr.decode(errors="replace"))
    finally:
        shutil.rmtree(d, ignore_errors=True)

def main():
    mini = os.path.abspath(sys.argv[1])
    here = os.path.dirname(os.path.abspath(__file__))
    files = sys.argv[2:] or sorted(glob.glob(os.path.join(here, "*.t")))
    bindir = tempfile.mkdtemp(prefix="mini-sh-bin-")
    names = subprocess.run([mini, "--list"], capture_output=True, text=True).stdout.split()
    for name in names + ["mini"]:
        os.symlink(mini, os.path.join(bindir, name))
    failed = 0
    try:
        for path in files:
            topic = os.path.basename(path)[:-2]
            for case in parse(path):
                problem = run_case(mini, bindir, case)
                if problem is None:
                    print("ok - sh %s: %s" % (topic, case["name"]))
                else:
                    failed += 1
                    print("not ok - sh %s: %s: %s" % (topic, case["name"], problem))
                sys.stdout.flush()
    finally:
        shutil.rmtree(bindir, ignore_errors=True)
    return 1 if failed else 0

if __name__ == "__main__":
    sys.exit(main())
