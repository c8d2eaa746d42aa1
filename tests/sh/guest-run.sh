#!/bin/sh
# guest-run.sh: the guest's half of tests/boot/test_shell.py, run by mini's own sh
# inside the booted ISO. The host wrote each case of tests/sh/*.t to DIR/cases/N/:
# script.sh, stdin, and cmd when the case has a "--- cmd" line. Each case runs as
# run.py runs it on the host: in a fresh directory, with a clean environment, mini's
# commands in PATH; its stdout, stderr and exit status go to DIR/results/N/, which the
# host reads back and judges with run.py's judge().
# Usage: sh guest-run.sh DIR        (prints "@@ N" after each case, "@@ all done" at the end)
top=$1
work=/tmp/sh-cases
mkdir -p "$top/results" "$work" || exit 1
for case in "$top"/cases/*; do
	n=${case##*/}
	result=$top/results/$n
	dir=$work/$n
	mkdir "$result" "$dir"
	cp "$case/script.sh" "$dir/"
	if [ -f "$case/cmd" ]; then
		# The command line exactly, its last newline too: $(...) would drop it.
		cmd=$(cat "$case/cmd"; echo .)
		set -- /bin/sh -c "${cmd%.}"
	else
		set -- /bin/sh script.sh
	fi
	# 60 s guards against a hang only: TCG is slow, no case depends on it.
	(cd "$dir" && exec env -i PATH=/bin HOME="$dir" MINI=/bin/mini SH=/bin/sh \
		LC_ALL=C TERM=dumb timeout 60 "$@") <"$case/stdin" >"$result/out" 2>"$result/err"
	echo $? >"$result/status"
	rm -rf "$dir"
	echo "@@ $n"
done
echo "@@ all done"
