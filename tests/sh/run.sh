#!/bin/sh
# The shell's tests: the script suite (*.t files, see run.py) and the
# interactive tests through a pseudo-terminal (interactive.py).
# Usage: tests/sh/run.sh MINI     (prints "ok - ..." / "not ok - ..." lines)
here=$(dirname "$0")
status=0
python3 "$here/run.py" "$1" || status=1
python3 "$here/interactive.py" "$1" || status=1
exit $status
