# tests/lib.sh: what every command test file uses. Sourced by tests/cmd-tests.sh.
#
# A test file is a bash script made of `check` lines:
#
#   check "cat numbers lines"  'printf "a\nb\n" | cat -n'  $'     1\ta\n     2\tb\n'
#   check "cat: missing file"  'cat nosuch'  ''  1  'cat: nosuch: No such file'
#
# check DESCRIPTION SCRIPT EXPECTED_STDOUT [STATUS] [STDERR_PATTERN]
#   SCRIPT runs in bash, in a fresh empty directory, with mini's commands first in
#   PATH (so `cat` is mini's cat; `$MINI echo` reaches commands that bash has as
#   builtins, such as echo, printf, test, kill, pwd).
#   STATUS is a number (default 0) or "!0" for any failure.
#   STDERR_PATTERN, when given, is an extended regex stderr must match; when not
#   given, stderr must be empty for a STATUS of 0.
# Each check prints "ok - ..." or "not ok - ..." with the differences as "#" lines.

: "${MINI:?MINI must name the mini binary}"
: "${BIN:?BIN must name the folder of command links}"
TEST_TIMEOUT=${TEST_TIMEOUT:-20}

check() {
	local desc=$1 script=$2 want_out=$3 want_status=${4:-0} err_pattern=${5:-}
	local dir out err status problem="" started=$SECONDS
	dir=$(mktemp -d "${TMPDIR:-/tmp}/mini-test.XXXXXX")
	out=$dir.out
	err=$dir.err
	(cd "$dir" && PATH="$BIN:$PATH" MINI="$MINI" timeout -k 2 "$TEST_TIMEOUT" bash -c "$script") \
		>"$out" 2>"$err" </dev/null
	status=$?
	# timeout says 124 when it stopped the script; a command may exit 124 itself too.
	if [ "$status" -eq 124 ] && [ $((SECONDS - started)) -ge "$TEST_TIMEOUT" ]; then
		problem="timed out after ${TEST_TIMEOUT}s"
	elif [ "$want_status" = "!0" ]; then
		[ "$status" -ne 0 ] || problem="exit status 0, wanted a failure"
	elif [ "$status" -ne "$want_status" ]; then
		problem="exit status $status, wanted $want_status"
	fi
	if [ -z "$problem" ] && [ "$(cat "$out"; echo x)" != "${want_out}x" ]; then
		problem="stdout differs"
	fi
	if [ -z "$problem" ]; then
		if [ -n "$err_pattern" ]; then
			grep -Eq -- "$err_pattern" "$err" || problem="stderr does not match /$err_pattern/"
		elif [ "$want_status" = 0 ] && [ -s "$err" ]; then
			problem="unexpected stderr"
		fi
	fi
	if [ -z "$problem" ]; then
		echo "ok - $desc"
	else
		echo "not ok - $desc: $problem"
		echo "#   script: $script"
		printf '%s' "$want_out" | sed 's/^/#   want| /'
		sed 's/^/#   got | /' "$out"
		sed 's/^/#   err | /' "$err" | head -n 5
	fi
	chmod -R u+rwx "$dir" 2>/dev/null
	rm -rf "$dir" "$out" "$err"
}
