#!/bin/sh
# `make bench`: mini against BusyBox, side by side, in one run.
#
# Usage: tools/bench.sh           (make bench builds the ISO first)
# The rival is Debian's busybox-static for i386, fetched as a .deb and unpacked into
# build/bench/busybox (never installed), in an initramfs of its own inside a kernel
# built from the same configuration, on an ISO made by the same tools/make-iso.sh
# with the same grub.cfg: only the userland differs.
#
# Figures (medians of RUNS runs, host CPU times their means; ratio = mini / BusyBox,
# below 1 is mini's win):
#   size    ISO, kernel, initramfs (uncompressed, and its zstd share in the kernel), binary
#   boot    QEMU (TCG) start to the first shell prompt on the serial line: wall time,
#           and the CPU time QEMU used (what a busy host changes least)
#   ram     least -m (MB) that reaches a prompt and runs `ls -l /`
#   shell   mini sh, busybox ash and the host's dash on tools/bench/sh/*.sh
#   text    grep, sed, sort, wc, uniq on a generated text file of TEXT_MB (default 50)
#           megabytes (GNU as reference)
#   awk     awk's paths that must stay linear: split(), gsub, regex FS, s = s x
#           (tools/bench/awk.sh; mawk as reference)
#   files   ls -lR, find, cp -a, du -s on a tree of 10,000 files (GNU as reference)
#   (host workloads are CPU times, user + system: steadier than wall time on a busy host)
#   build   mini from clean; with BENCH_FULL=1 also the whole ISO from a clean clone
# The same workloads and more, timed inside QEMU where mini really runs: make bench-guest
# (tools/bench/guest.sh, its table in build/bench/guest.txt).
# A command mini does not have yet shows as n/a; one whose output differs from both
# BusyBox's and the reference's, as "differs" (it is not timed).
#
# Environment: O (mini's objects, default build/mini), RUNS (default 5), BOOT_RUNS
#   (default 15: a boot's time varies more than the host workloads'), TEXT_MB,
#   BENCH="size boot ram shell text awk files build" (the parts to run; BENCH=report only
#   writes the report again from the figures kept in build/bench/rows.tsv), BENCH_FULL=1.
# Writes build/bench/PART.txt for each part, results.txt (all) and FIGURES.md.
set -eu
O=${O:-build/mini}
ISO=${ISO:-build/mini.iso}
KERNEL_DIR=${KERNEL_DIR:-build/kernel}
FLOPPY=${FLOPPY:-$(dirname "$ISO")/mini-floppy.img}
RUNS=${RUNS:-5}
BOOT_RUNS=${BOOT_RUNS:-15}
TEXT_MB=${TEXT_MB:-50}
PARTS=${BENCH:-size boot ram shell text awk files build}
B=build/bench
MINI=$O/mini
BB=$B/busybox/bin/busybox
BB_KERNEL=$B/kernel-bb
BB_ISO=$B/busybox.iso
DATA=$B/data
ROWS=$B/rows.tsv
top=$(pwd)

say() { echo "bench: $*" >&2; }

# ---- the rival ----

fetch_busybox() {
	sh tools/bench/fetch-busybox.sh "$B"
}

# The same kernel configuration and tools, BusyBox inside. The kernel's own make
# rebuilds only what changed, so after the first run this takes seconds.
build_rival() {
	sh tools/bench/bb-initramfs.sh "$BB" "$B/bb-initramfs.list"
	say "building the rival's kernel in $BB_KERNEL (the first time takes minutes)"
	sh tools/build-kernel.sh "$B/bb-initramfs.list" "$BB_KERNEL" >&2
	sh tools/make-iso.sh "$BB_KERNEL/arch/x86/boot/bzImage" "$BB_ISO" >&2
}

# Folders of links, one per name, as on the target: bin-mini/ls -> mini.
make_link_dirs() {
	rm -rf "$B/bin-mini" "$B/bin-bb"
	mkdir -p "$B/bin-mini" "$B/bin-bb"
	for name in $("$MINI" --list); do
		ln -s "$top/$MINI" "$B/bin-mini/$name"
	done
	for path in $("$BB" --list-full); do
		ln -sf "$top/$BB" "$B/bin-bb/${path##*/}"
	done
}

# ---- the table ----

# One figure: PART LABEL MINI BUSYBOX REFERENCE UNIT, tab-separated, into rows.tsv.
row() {
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" >> "$ROWS"
}

# The rows of one part as a text table (FORMAT=md: a Markdown table).
render() {
	awk -F '\t' -v part="$1" -v md="${FORMAT:-}" '
	function num(x) { return x ~ /^[0-9.]+$/ }
	function big(x,   s, out) {	# 1234567 -> 1,234,567
		if (x !~ /^[0-9]+$/) return x
		s = x; out = ""
		while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
		return s out
	}
	$1 == part {
		ratio = (num($3) && num($4) && $4 > 0) ? sprintf("%.2f", $3 / $4) : "-"
		if (md) printf "| %s | %s | %s | %s | %s | %s |\n", $2, big($3), big($4), ratio, big($5), $6
		else printf "  %-34s %12s %12s %7s %12s  %s\n", $2, big($3), big($4), ratio, big($5), $6
	}' "$ROWS"
}

table() {	# PART TITLE REFERENCE-NAME [NOTE]
	if [ "${FORMAT:-}" = md ]; then
		echo "### $2"
		echo
		echo "| | mini | BusyBox | mini/BB | $3 | unit |"
		echo "|---|---:|---:|---:|---:|---|"
	else
		echo "$2"
		printf '  %-34s %12s %12s %7s %12s  %s\n' "" mini BusyBox mini/BB "$3" unit
	fi
	render "$1"
	[ -n "${4:-}" ] && { [ "${FORMAT:-}" = md ] && echo; echo "$4" | fold -s -w 88 | sed 's/ *$//'; }
	echo
}

# ---- 1. sizes ----

kernel_share() {	# how many bytes FILE adds to the kernel, compressed as the kernel does (zstd)
	zstd -22 --ultra -q -c "$1" | wc -c
}

bench_size() {
	mini_cpio=$KERNEL_DIR/usr/initramfs_data.cpio
	bb_cpio=$BB_KERNEL/usr/initramfs_data.cpio
	row size "ISO" "$(stat -c %s "$ISO")" "$(stat -c %s "$BB_ISO")" "" bytes
	[ -f "$FLOPPY" ] && row size "boot floppy (its kernel: 1.44 MB less GRUB and the FAT)" \
		"$(stat -c %s "$FLOPPY")" "n/a" "" bytes
	row size "kernel bzImage (initramfs inside)" "$(stat -c %s "$KERNEL_DIR/arch/x86/boot/bzImage")" \
		"$(stat -c %s "$BB_KERNEL/arch/x86/boot/bzImage")" "" bytes
	row size "initramfs, uncompressed cpio" "$(stat -c %s "$mini_cpio")" "$(stat -c %s "$bb_cpio")" "" bytes
	row size "initramfs, zstd share in kernel" "$(kernel_share "$mini_cpio")" "$(kernel_share "$bb_cpio")" "" "bytes (estimate)"
	row size "the binary, stripped" "$(stat -c %s "$MINI")" "$(stat -c %s "$BB")" "" bytes
	row size "commands in it" "$("$MINI" --list | wc -l)" "$("$BB" --list | wc -l)" "" count
}

# ---- 2. and 3. in QEMU ----

# Boot each ISO BOOT_RUNS times, taking turns (a drift in the host's speed then hits
# all of them alike); per ISO one line "WALL KERNEL CPU" of medians: seconds from QEMU's
# start to the prompt, from GRUB's "Booting" line to the prompt (kernel and init alone),
# and the CPU time QEMU used until the prompt; or "n/a n/a n/a".
boot_medians() {	# CPU ISO...
	cpu=$1
	shift
	python3 tools/bench/boot.py compare "$@" --cpu "$cpu" --runs "$BOOT_RUNS" |
		sed -e 's/^median=n\/a.*/n\/a n\/a n\/a/' \
			-e 's/^median=\([0-9.]*\) kernel_median=\([0-9.]*\) cpu_median=\([0-9.]*\).*/\1 \2 \3/'
}

bench_boot() {
	say "boot: $BOOT_RUNS boots each (TCG)"
	# shellcheck disable=SC2046 (three words per ISO)
	set -- $(boot_medians pentium2 "$ISO" "$BB_ISO") $(boot_medians 486 "$ISO")
	[ $# = 9 ] || set -- n/a n/a n/a n/a n/a n/a n/a n/a n/a
	row boot "prompt, -cpu pentium2, wall" "$1" "$4" "" s
	row boot "  of it GRUB's Booting to prompt" "$2" "$5" "" s
	row boot "  QEMU CPU time" "$3" "$6" "" s
	row boot "prompt, -cpu 486, wall" "$7" "n/a" "" "s (BusyBox: i686 code)"
	row boot "  of it GRUB's Booting to prompt" "$8" "n/a" "" s
	row boot "  QEMU CPU time" "$9" "n/a" "" s
	[ -f "$FLOPPY" ] || return 0
	# The floppy: QEMU start to the prompt, booted from drive A: (tools/bench/boot.py).
	# shellcheck disable=SC2046
	set -- $(boot_medians 486 "$FLOPPY")
	[ $# = 3 ] || set -- n/a n/a n/a
	row boot "boot floppy, -cpu 486, wall" "$1" "n/a" "" s
	row boot "  of it the kernel's first line to prompt" "$2" "n/a" "" s
	row boot "  QEMU CPU time" "$3" "n/a" "" s
}

min_ram() {	# ISO -> least MB of RAM that works, or n/a
	python3 tools/bench/boot.py minram "$1" --cpu pentium2 --low 2 --high 32 --timeout 60 |
		sed -n 's/^minram=\([0-9]*\).*/\1/p' | grep . || echo n/a
}

bench_ram() {
	say "ram: bisecting -m for a prompt that runs ls -l /"
	row ram "least RAM for ls -l /, pentium2" "$(min_ram "$ISO")" "$(min_ram "$BB_ISO")" "" MB
}

# ---- 4. on the host ----

# CPU time in ms (user + system) of each shell command line, "name=cmd" pairs, over
# RUNS runs (hyperfine's mean, or the median of a plain loop without hyperfine);
# prints "name ms" lines.
time_commands() {	# PREPARE NAME=CMD...
	prepare=$1
	shift
	if command -v hyperfine >/dev/null 2>&1; then
		count=$#
		for pair in "$@"; do	# NAME=CMD becomes -n NAME CMD
			set -- "$@" -n "${pair%%=*}" "${pair#*=}"
		done
		shift "$count"
		[ -n "$prepare" ] && set -- --prepare "$prepare" "$@"
		rm -f "$B/last.json"
		hyperfine --style none --runs "$RUNS" --export-json "$B/last.json" "$@" >/dev/null 2>&1 || true
		# user + system: the CPU the command used, which other load on the host changes
		# far less than the wall time (hyperfine gives their means).
		python3 -c 'import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(r["command"], round((r["user"] + r["system"]) * 1000))' "$B/last.json" 2>/dev/null
		return 0
	fi
	# Without hyperfine: the median of the CPU times the shell's `times` reports for
	# its children (user + system, in seconds with a fraction).
	for pair in "$@"; do
		for run in $(seq "$RUNS"); do
			[ -n "$prepare" ] && sh -c "$prepare"
			sh -c "${pair#*=} >/dev/null 2>&1; times" | tail -n 1 |
				awk '{ gsub(/[ms]/, " "); print int(($1 * 60 + $2 + $3 * 60 + $4) * 1000) }'
		done | sort -n | awk -v n="${pair%%=*}" '{ t[NR] = $1 } END { print n, t[int((NR + 1) / 2)] }'
	done
}

# Does mini have every command named? (n/a in the table otherwise)
mini_has() {
	for cmd in "$@"; do
		"$MINI" --list | grep -qx "$cmd" || return 1
	done
}

# The output of a command line, blanks squeezed (GNU and BusyBox pad differently).
output_of() {
	sh -c "$1" 2>/dev/null | tr -s ' \t' '  ' | sed 's/^ //' | md5sum | cut -c1-32
}

# One host workload: LABEL, the commands mini needs, then the three command lines
# (each with its binaries' link folder first in PATH), checked against the reference.
workload() {	# PART LABEL "NEEDS" MINI_CMD BB_CMD REF_CMD [PREPARE]
	part=$1 label=$2 needs=$3 mcmd=$4 bcmd=$5 rcmd=$6 prepare=${7:-}
	run_mini=yes
	mini_has $needs || run_mini=no
	want=$(output_of "$rcmd")
	if [ $run_mini = yes ] && [ -z "$prepare" ]; then
		got=$(output_of "$mcmd")
		[ "$got" = "$want" ] || [ "$got" = "$(output_of "$bcmd")" ] || run_mini=wrong
	fi
	set -- "bb=$bcmd" "ref=$rcmd"
	[ $run_mini = yes ] && set -- "mini=$mcmd" "$@"
	time_commands "$prepare" "$@" > "$B/times"
	m=$(awk '$1 == "mini" { print $2 }' "$B/times")
	case $run_mini in
	no) m="n/a" ;;
	wrong) m="differs" ;;
	esac
	row "$part" "$label" "${m:-n/a}" "$(awk '$1 == "bb" { print $2 }' "$B/times")" \
		"$(awk '$1 == "ref" { print $2 }' "$B/times")" "ms CPU"
	say "$part: $label done"
}

bench_shell() {
	for script in tools/bench/sh/*.sh; do
		name=$(basename "$script" .sh)
		workload shell "$name" "sh" \
			"PATH=$top/$B/bin-mini:\$PATH $top/$B/bin-mini/sh $script" \
			"PATH=$top/$B/bin-bb:\$PATH $top/$B/bin-bb/sh $script" \
			"dash $script"
	done
}

make_data() {
	mkdir -p "$DATA"
	# The text's size is part of its name: changing TEXT_MB makes a new one.
	text=$DATA/text-$TEXT_MB.txt
	[ -f "$text" ] || python3 tools/bench/make-data.py text "$text" "$TEXT_MB"
	[ -f "$DATA/sorted-$TEXT_MB.txt" ] || LC_ALL=C sort "$text" > "$DATA/sorted-$TEXT_MB.txt"
	[ -d "$DATA/tree" ] || python3 tools/bench/make-data.py tree "$DATA/tree" 10000
}

# Text workload: the same command line run with mini's, BusyBox's and GNU's tools.
# Output goes to a file: GNU grep stops at the first match when it sees /dev/null.
text_workload() {	# LABEL NEEDS ARGS-WITH-@-FOR-THE-TOOL
	out=$DATA/out.tmp
	cmd=$3
	workload text "$1" "$2" \
		"$(echo "$cmd" | sed "s|@|$top/$B/bin-mini/|g") > $out" \
		"$(echo "$cmd" | sed "s|@|$top/$B/bin-bb/|g") > $out" \
		"$(echo "$cmd" | sed "s|@||g") > $out"
}

bench_text() {
	make_data
	t=$DATA/text-$TEXT_MB.txt
	export LC_ALL=C
	text_workload "grep -F word" grep "@grep -F floppy $t"
	text_workload "grep -E regex" grep "@grep -E '[0-9]{3}-k[a-z]+' $t"
	text_workload "sed s/a/A/g" sed "@sed s/a/A/g $t"
	text_workload "sort" sort "@sort $t"
	text_workload "sort -n" sort "@sort -n $t"
	text_workload "wc" wc "@wc $t"
	text_workload "uniq -c (sorted input)" uniq "@uniq -c $DATA/sorted-$TEXT_MB.txt"
	# The host's awk (Debian's mawk) is the reference here: GNU awk is not installed.
	text_workload "awk: sum of NF" awk "@awk '{ n += NF } END { print n }' $t"
	text_workload "awk: fields and a regex" awk "@awk '\$2 ~ /^[a-f]/ { c[\$3]++; m++ } END { for (k in c) n++; print n, m }' $t"
}

# awk's paths that must stay linear (issue 17): tools/bench/awk.sh makes the inputs and
# names the workloads, "@awk" standing for the awk to run; mawk (the host's awk) is the reference.
bench_awk() {
	sh tools/bench/awk.sh list "$DATA/awk" > "$B/awk.list"
	while IFS='	' read -r label cmd; do
		workload awk "$label" awk \
			"$(echo "$cmd" | sed "s|@awk|$top/$B/bin-mini/awk|")" \
			"$(echo "$cmd" | sed "s|@awk|$top/$B/bin-bb/awk|")" \
			"$(echo "$cmd" | sed "s|@awk|mawk|")"
	done < "$B/awk.list"
}

bench_files() {
	make_data
	tree=$DATA/tree
	# The time zone as on the ISO, where /etc/TZ exists. This host may have no /etc/TZ,
	# and uClibc then looks for it again at every localtime(): ls -l would pay for an
	# open(2) per file that it never pays on mini's own system.
	export TZ=UTC0
	copy=$DATA/copy
	for pair in "ls -lR:ls:@ls -lR $tree" "find:find:@find $tree" "du -s:du:@du -s $tree"; do
		label=${pair%%:*} rest=${pair#*:}
		need=${rest%%:*} cmd=${rest#*:}
		workload files "$label" "$need" \
			"$(echo "$cmd" | sed "s|@|$top/$B/bin-mini/|") >/dev/null" \
			"$(echo "$cmd" | sed "s|@|$top/$B/bin-bb/|") >/dev/null" \
			"$(echo "$cmd" | sed "s|@||") >/dev/null"
	done
	workload files "cp -a" cp "$top/$B/bin-mini/cp -a $tree $copy" \
		"$top/$B/bin-bb/cp -a $tree $copy" "cp -a $tree $copy" "rm -rf $copy"
	rm -rf "$copy" "$DATA/out.tmp"
}

# ---- 5. build time ----

seconds_of() {	# run a command, print its wall time in seconds
	start=$(date +%s%N)
	"$@" >/dev/null 2>&1 || { echo n/a; return 0; }
	awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.1f", ns / 1e9 }'
}

bench_build() {
	tmp=$B/o-build
	# Only mini's own compile and link are timed: a stale sysroot would be rebuilt
	# (and removed first) by this make, under everyone's feet. Leave that to `make`.
	if ! make -q build/sysroot/.done 2>/dev/null; then
		say "build: the sysroot is not up to date; run make first"
		row build "mini alone, from clean" "n/a" "" "" s
		return 0
	fi
	rm -rf "$tmp"
	row build "mini alone, from clean" "$(seconds_of make -s -j"$(nproc)" mini O="$tmp")" "" "" s
	rm -rf "$tmp"
	if [ "${BENCH_FULL:-0}" = 1 ]; then
		say "build: the whole ISO from a clean clone (minutes)"
		clone=$(mktemp -d "${TMPDIR:-/tmp}/mini-clone.XXXXXX")
		git clone -q "$top" "$clone/mini"
		row build "whole ISO from a clean clone" "$(cd "$clone/mini" && seconds_of make)" "" "" s
		rm -rf "$clone"
	fi
}

# ---- the report ----

report() {
	cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)
	bb_version=$("$BB" 2>/dev/null | head -n 1 | sed 's/ multi-call.*//; s/^BusyBox //')
	qemu=$(qemu-system-i386 --version | sed -n '1s/.*version \([^ ]*\).*/\1/p')
	if [ "${FORMAT:-}" = md ]; then
		echo "## Figures"
		echo
		echo "mini against BusyBox $bb_version, Debian's busybox-static for i386, measured on"
		echo "$(date -u '+%Y-%m-%d') on an $cpu ($(nproc) cores) with \`make bench\`"
		echo "(tools/bench.sh): QEMU $qemu under TCG, medians of $RUNS runs ($BOOT_RUNS for boots; host workloads: the"
		echo "mean CPU time, user + system, of $RUNS runs). Both systems use the same kernel"
		echo "configuration, GRUB and grub.cfg; only the userland differs."
		echo "mini/BB below 1 means mini is smaller or faster. n/a: mini has no such command yet."
		echo
	else
		echo "mini against BusyBox $bb_version"
		echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $cpu ($(nproc) cores), QEMU $qemu, TCG"
		echo "command: make bench (tools/bench.sh), RUNS=$RUNS, BOOT_RUNS=$BOOT_RUNS: medians; ratio mini/BusyBox"
		echo
	fi
	for part in size boot ram shell text awk files build; do
		grep -q "^$part	" "$ROWS" || continue
		case $part in
		size) table size "Sizes" "" ;;
		boot) table boot "Boot to the first prompt (QEMU start to the shell's prompt on ttyS0)" "" \
			"The wall time includes QEMU's start, the BIOS and GRUB (no menu timeout); \"GRUB's Booting to prompt\" is the kernel (loading, unpacking, booting) and init alone. On a busy host every figure here stretches (the kernel's delays follow the wall clock): compare them at a low load average." ;;
		ram) table ram "Least RAM (-m, 1 MB steps) for a prompt that runs ls -l /" "" ;;
		shell) table shell "Shell workloads on the host (tools/bench/sh)" dash ;;
		text) table text "Text workloads on a $TEXT_MB MB file (LC_ALL=C)" GNU ;;
		awk) table awk "awk paths that must stay linear (tools/bench/awk.sh)" mawk ;;
		files) table files "File workloads on a tree of 10,000 files" GNU \
			"Note: uClibc (mini) enters the kernel with int \$0x80, which an x86_64 host kernel emulates slowly (perf: 64% of mini du's time in do_int80_emulation); glibc (BusyBox) uses the vDSO's sysenter. On an i386 kernel int \$0x80 is the native path, so these ratios say little about a real 486." ;;
		build) table build "Build time ($(nproc) cores)" "" ;;
		esac
	done
}

[ -x "$MINI" ] || { say "$MINI missing: make mini"; exit 1; }
[ -f "$ISO" ] || { say "$ISO missing: make iso"; exit 1; }
mkdir -p "$B"
# The figures of the parts run now replace their old ones; those of other parts stay,
# so that BENCH=boot refreshes the boot figures of the whole report.
touch "$ROWS"
for part in $PARTS; do
	[ "$part" = report ] && continue
	awk -F '\t' -v p="$part" '$1 != p' "$ROWS" > "$ROWS.new"
	mv "$ROWS.new" "$ROWS"
done
fetch_busybox
case " $PARTS " in *" size "*|*" boot "*|*" ram "*) build_rival ;; esac
make_link_dirs
for part in $PARTS; do
	[ "$part" = report ] && continue	# BENCH=report: only write the report again
	"bench_$part"
	# How busy the host was: wall times stretch with it (CPU times much less).
	row "$part" "host load average (1 min), at the end" "$(cut -d' ' -f1 /proc/loadavg)" "" "" ""
	FORMAT= table "$part" "$part" "" > "$B/$part.txt"
done
report > "$B/results.txt"
FORMAT=md report > "$B/FIGURES.md"
cat "$B/results.txt"
