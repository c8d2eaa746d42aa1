#!/bin/sh
# Run mini's tests and end with one line "N passed, N failed".
#
# Usage: tests/run.sh [SUITE]...     (all suites when none is named)
# Suites:
#   unit   C tests of libmini (tests/unit/*.c), built for i386 like mini itself
#   486    the i486 gate: no instruction newer than the i486 in mini
#   cmd    command tests (tests/cmd/*.sh): the real i386 mini on this host
#   DIR    any other suite: tests/DIR/run.sh MINI (the shell's tests/sh, vi's tests/vi...)
#          (tests/fuzz/run.sh: the libFuzzer targets, built and run a few seconds each)
#   boot   QEMU boot tests over the serial console (tests/boot/*.py)
# Every test prints "ok - what" or "not ok - what"; this script counts them.
# Environment: O (mini's build folder, default build/mini), ISO (default build/mini.iso),
# VERBOSE=1 to see every ok line.
set -u
cd "$(dirname "$0")/.."
O=${O:-build/mini}
MINI=$O/mini
log=$(mktemp "${TMPDIR:-/tmp}/mini-tests.XXXXXX")
extra_suites=$(for f in tests/*/run.sh; do [ -x "$f" ] && basename "$(dirname "$f")"; done)
suites=${*:-unit 486 cmd $extra_suites boot}

run_suite() {
	echo "== $1"
	shift
	"$@" 2>&1 | tee -a "$log" | if [ "${VERBOSE:-0}" = 1 ]; then cat; else grep -v '^ok ' ; fi
}

for suite in $suites; do
	case $suite in
	unit)
		make -s --no-print-directory unit-tests O="$O" >/dev/null || echo "not ok - unit tests build" >>"$log"
		for t in "$O"/tests/unit/*; do
			[ -x "$t" ] && run_suite "unit $(basename "$t")" "$t"
		done ;;
	486)	run_suite "i486 gate" sh tests/check-486.sh "$MINI.full" ;;
	cmd)	run_suite "commands" bash tests/cmd-tests.sh "$MINI" ;;
	boot)
		for t in tests/boot/test_*.py; do
			run_suite "boot $(basename "$t")" python3 "$t" "${ISO:-build/mini.iso}"
		done ;;
	*)
		if [ -x "tests/$suite/run.sh" ]; then
			run_suite "$suite" "tests/$suite/run.sh" "$MINI"
		else
			echo "run.sh: unknown suite '$suite'" >&2
			exit 2
		fi ;;
	esac
done

passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok ' "$log")
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
