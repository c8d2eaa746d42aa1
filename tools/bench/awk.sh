#!/bin/sh
# awk.sh: awk's paths that must stay linear (issue 17), mini against mawk and BusyBox on
# the same input: split() of a line of a million fields, gsub of a regex over 200,000
# lines (a bracket expression, and a group of alternatives), a regex FS on a line of
# 100,000 fields (BusyBox's is quadratic: a million would take it minutes), and s = s x
# appended 100,000 times.
#
# Usage: sh tools/bench/awk.sh [MINI [BUSYBOX]]   the table: CPU milliseconds (user +
#                                                  system), medians of RUNS (default 5),
#                                                  and mini / the best of the other two
#        sh tools/bench/awk.sh list DIR           the inputs made in DIR, then one line
#                                                  a workload: LABEL<TAB>COMMAND, "@awk"
#                                                  standing for the awk to run
#                                                  (tools/bench.sh's awk part)
# MINI defaults to build/mini/mini, BUSYBOX to build/bench/busybox/bin/busybox (make bench
# fetches it); the inputs go to build/bench/awk. A workload whose output differs from
# mawk's shows "differs" instead of a time.
set -eu

make_inputs() {	# DIR: lines of a million and 100,000 fields, 200,000 lines of words and numbers
	mkdir -p "$1"
	[ -f "$1/fields.txt" ] || mawk 'BEGIN { for (i = 1; i <= 1000000; i++)
		printf "f%d%s", i, i < 1000000 ? " " : "\n" }' > "$1/fields.txt"
	[ -f "$1/fields-100k.txt" ] || mawk 'BEGIN { for (i = 1; i <= 100000; i++)
		printf "f%d%s", i, i < 100000 ? " " : "\n" }' > "$1/fields-100k.txt"
	[ -f "$1/lines.txt" ] || mawk 'BEGIN { srand(1); split("floppy kernel boot disk grub init shell vi awk 123 4567 x9", w)
		for (i = 1; i <= 200000; i++) { s = ""; for (j = 0; j < 8; j++) s = s w[int(rand() * 12) + 1] " "
			print s i } }' > "$1/lines.txt"
}

list() {	# DIR
	d=$1
	printf '%s\t%s\n' \
		"split() of a million fields" "@awk '{ n = split(\$0, a) } END { print n, a[n] }' $d/fields.txt" \
		"gsub(/[0-9]+/) on 200,000 lines" "@awk '{ n += gsub(/[0-9]+/, \"#\") } END { print n }' $d/lines.txt" \
		"gsub(/(boot|disk)s?/) on 200,000 lines" "@awk '{ n += gsub(/(boot|disk)s?/, \"&&\") } END { print n }' $d/lines.txt" \
		"regex FS on a line of 100,000 fields" "@awk -F '[0-9]+ f' '{ print NF }' $d/fields-100k.txt" \
		"s = s x, 100,000 times" "@awk 'BEGIN { for (i = 0; i < 100000; i++) s = s \"x\"; print length(s) }'"
}

# The CPU milliseconds (user + system) of each of RUNS runs of a command line, sorted.
cpu_times() {	# COMMAND
	python3 -c 'import resource, subprocess, sys
for _ in range(int(sys.argv[2])):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(sys.argv[1], shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(round((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000))' "$1" "$RUNS" |
		sort -n
}

median() {	# COMMAND
	cpu_times "$1" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

table() {	# MINI BUSYBOX
	printf '%-42s %8s %8s %8s %10s\n' "awk workload (CPU ms, median of $RUNS)" mini mawk BusyBox mini/best
	list "$DIR" | while IFS='	' read -r label cmd; do
		mini_cmd=$(echo "$cmd" | sed "s|@awk|$1 awk|")
		mawk_cmd=$(echo "$cmd" | sed "s|@awk|mawk|")
		bb_cmd=$(echo "$cmd" | sed "s|@awk|$2 awk|")
		want=$(sh -c "$mawk_cmd" | md5sum)
		m=differs
		[ "$(sh -c "$mini_cmd" | md5sum)" = "$want" ] && m=$(median "$mini_cmd")
		w=$(median "$mawk_cmd")
		b=n/a
		[ -x "$2" ] && b=$(median "$bb_cmd")
		echo "$label $m $w $b" | awk -v label="$label" '{ m = $(NF - 2); w = $(NF - 1); b = $NF
			best = (b ~ /^[0-9]+$/ && b < w) ? b : w
			ratio = (m ~ /^[0-9]+$/ && best > 0) ? sprintf("%.2f", m / best) : "-"
			printf "%-42s %8s %8s %8s %10s\n", label, m, w, b, ratio }'
	done
}

RUNS=${RUNS:-5}
DIR=${AWK_BENCH_DIR:-build/bench/awk}
command -v mawk >/dev/null || { echo "awk.sh: mawk is the reference: apt-get install mawk" >&2; exit 1; }
if [ "${1:-}" = list ]; then
	make_inputs "$2"
	list "$2"
	exit 0
fi
make_inputs "$DIR"
table "$(realpath "${1:-build/mini/mini}")" "$(realpath "${2:-build/bench/busybox/bin/busybox}")"
