#!/bin/sh
# tests/fuzz/run.sh: the fuzz suite. Builds every fuzz target (make fuzz-build) and runs each
# from its seeds in tests/fuzz/corpus/TARGET, printing "ok - fuzz TARGET: N runs, no crash"
# or "not ok - ..." with libFuzzer's report as "#" lines.
#
# Usage: tests/fuzz/run.sh [-t SECONDS] [-k] [TARGET]...
#   -t SECONDS  how long each target runs (default 3: the suite of `make test`)
#   -n RUNS     stop a target after RUNS inputs too (a campaign: -t 3600 -n 1000000)
#   -k          keep what the fuzzer finds in build/fuzz/TARGET.corpus and start from it
#               next time (`make fuzz`); without -k every run starts from the seeds alone
#   TARGET      the targets to run (default: all); an operand with a '/' (the mini binary
#               tests/run.sh passes to every suite) is ignored
# A crash, a hang (-timeout) or memory without bound (-rss_limit_mb) is a failure; the
# input that caused it is kept as build/fuzz/artifacts/TARGET-crash-..., to replay with
# `build/fuzz/TARGET FILE`.
set -u
cd "$(dirname "$0")/../.."
seconds=3
keep=0
runs_limit=""
targets=""
while [ $# -gt 0 ]; do
	case $1 in
	-t) seconds=$2; shift ;;
	-k) keep=1 ;;
	-n) runs_limit=$2; shift ;;
	*/*) ;;
	*) targets="$targets $1" ;;
	esac
	shift
done
[ -n "$targets" ] || targets="sh_parse sh tar gunzip awk sed grep expr printf date fstype fsck_ext2 udhcpc wget httpd module"

if ! command -v clang >/dev/null 2>&1; then
	echo "not ok - fuzz: clang is not installed (tools/install-deps.sh installs it)"
	exit 1
fi
build_log=$(mktemp)
if ! make -s --no-print-directory fuzz-build FUZZ_TARGETS="$targets" >"$build_log" 2>&1; then
	echo "not ok - fuzz: the targets do not build"
	tail -n 20 "$build_log" | sed 's/^/#   /'
	rm -f "$build_log"
	exit 1
fi
rm -f "$build_log"

# The fuzzers run as nobody when started as root (fuzz.c): what they write must be open to it.
out=$(pwd)/build/fuzz
mkdir -p "$out/artifacts"
chmod 1777 "$out/artifacts"

# The longest input each target is given: enough for its formats, short enough to run fast.
max_len() {
	case $1 in
	tar) echo 8192 ;;
	fstype|fsck_ext2) echo 65536 ;;	# disk images: their seeds are up to 46 KB
	grep|expr|printf|date) echo 1024 ;;
	udhcpc) echo 1601 ;;		# a mode byte and a packet of udhcpc's 1600-byte buffer
	*) echo 4096 ;;
	esac
}

# make test: the same inputs every time (-seed=1), so that a failure comes back when run again
seed=-seed=1
[ "$keep" = 1 ] && seed=-seed=0

failed=0
for t in $targets; do
	corpus=$out/$t.corpus		# make fuzz's, kept from run to run
	[ "$keep" = 1 ] || corpus=$out/$t.test-corpus
	[ "$keep" = 1 ] || rm -rf "$corpus"
	mkdir -p "$corpus"
	chmod 1777 "$corpus"
	log=$out/$t.log
	# -close_fd_mask=3: the commands' output and messages are not wanted (crash reports
	# still come); -detect_leaks=0: fuzz.c frees what a run left, the C library's own
	# blocks (regcomp's...) it cannot see.
	"$out/$t" $seed -max_total_time="$seconds" ${runs_limit:+-runs=$runs_limit} -max_len="$(max_len "$t")" -timeout=10 \
		-rss_limit_mb=2048 -detect_leaks=0 -close_fd_mask=3 -print_final_stats=1 \
		-artifact_prefix="$out/artifacts/$t-" "$corpus" "tests/fuzz/corpus/$t" >"$log" 2>&1
	status=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | head -n 1)
	if [ "$status" -eq 0 ] && [ -n "$runs" ]; then
		echo "ok - fuzz $t: $runs runs, no crash"
	else
		echo "not ok - fuzz $t: exit status $status after ${runs:-?} runs"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|    #[0-9]+ |.*runtime error|.*Test unit written|artifact_prefix)' \
			"$log" | head -n 30 | sed 's/^/#   /'
		failed=1
	fi
	[ "$keep" = 1 ] || rm -rf "$corpus"
done
exit $failed
