#!/bin/sh
# guest-run.sh: the guest's half of tools/bench/guest.sh, run by mini's shell inside
# QEMU from the bench disk (an ext2 image the host made, mounted on /mnt).
#
# Usage (in the guest):
#   sh /mnt/guest-run.sh setup           BusyBox copied into /tmp/bb with a link for
#                                        each of its commands; the disk read once, so
#                                        that every timed run finds it in the page cache
#   sh /mnt/guest-run.sh list            the workloads: NAME<TAB>LABEL, one a line
#   sh /mnt/guest-run.sh run NAME IMPL   one timed run of NAME with IMPL's commands
#                                        (mini or bb); prints two lines,
#                                        "@@ NAME IMPL START END STATUS" (START and
#                                        END: date +%s%N) and "@@sum NAME IMPL SUM",
#                                        "@@err NAME IMPL LINE" between them if the
#                                        command wrote on stderr
#   sh /mnt/guest-run.sh check           every workload parses (make test's check)
#
# A workload is one command line, run by IMPL's own shell (/bin/sh or BusyBox's ash)
# with only IMPL's commands in PATH, so that pipes, redirections and the commands the
# line starts are all the one userland's. The time is the guest's own clock (mini's
# date +%s%N, before and after). STATUS is the command line's exit status. SUM is the
# md5 of its output file with blanks squeezed (the two userlands pad ls differently),
# or "-" where the output cannot be the same (find / sees /proc; gzip's bytes).
set -u
D=${BENCH_DISK:-/mnt}	# the bench disk: data, scripts, busybox
W=/tmp/bench		# the work folder (tmpfs): outputs, copies, extractions
out=$W/out

# The workloads, in the table's order. Labels are what the table shows.
list() {
	cat <<'EOF'
sh-startup	sh -c : (x1000)
sh-arith	sh: arith.sh
sh-fork	sh: fork.sh
sh-functions	sh: functions.sh
sh-pipeline	sh: pipeline.sh
sh-strings	sh: strings.sh
grep-F	grep -F word
grep-E	grep -E regex
sed	sed s/a/A/g
sort	sort (1 MB)
sort-n	sort -n (1 MB)
wc	wc
uniq	uniq -c (sorted input)
awk-nf	awk: sum of NF
awk-regex	awk: fields and a regex
ls-lR	ls -lR (10,000 files)
find-tree	find (10,000 files)
find-root	find / -name X
du	du -s (10,000 files)
cp-a	cp -a (10,000 files)
tar-czf	tar czf (source tree)
tar-xzf	tar xzf (source tree)
gzip	gzip -9 (10 MB)
gunzip	gunzip (10 MB)
md5sum	md5sum (10 MB)
vi	vi: open and save 1 MB
EOF
}

# Sets cmd (the command line), sum (yes: compare its output) and clean (what to
# remove after the run, untimed) for workload $1.
workload() {
	sum=yes clean=
	case $1 in
	sh-startup) cmd="sh $D/startup.sh > $out" ;;
	sh-*) cmd="sh $D/sh/${1#sh-}.sh > $out" ;;
	grep-F) cmd="grep -F floppy $D/text.txt > $out" ;;
	grep-E) cmd="grep -E '[0-9]{3}-k[a-z]+' $D/text.txt > $out" ;;
	sed) cmd="sed s/a/A/g $D/text.txt > $out" ;;
	sort) cmd="sort $D/text-1.txt > $out" ;;
	sort-n) cmd="sort -n $D/text-1.txt > $out" ;;
	wc) cmd="wc $D/text.txt > $out" ;;
	uniq) cmd="uniq -c $D/sorted.txt > $out" ;;
	awk-nf) cmd="awk '{ n += NF } END { print n }' $D/text.txt > $out" ;;
	awk-regex) cmd="awk '\$2 ~ /^[a-f]/ { c[\$3]++; m++ } END { for (k in c) n++; print n, m }' $D/text.txt > $out" ;;
	ls-lR) cmd="ls -lR $D/tree > $out" ;;
	find-tree) cmd="find $D/tree > $out" ;;
	find-root) cmd="find / -name 'README*' > $out" sum=no ;;
	du) cmd="du -s $D/tree > $out" ;;
	cp-a) cmd="cp -a $D/tree $W/copy" sum=no clean=$W/copy ;;
	tar-czf) cmd="tar czf $out -C $D src" sum=no ;;
	tar-xzf) cmd="mkdir $W/x && tar xzf $D/src.tar.gz -C $W/x" sum=no clean=$W/x ;;
	gzip) cmd="gzip -9 -c $D/big > $out" sum=no ;;
	gunzip) cmd="gunzip -c $D/big.gz > $out" ;;
	md5sum) cmd="md5sum $D/big > $out" ;;
	# vi draws on the console (the serial line) and needs it as its terminal; -c runs
	# an ex command once the file is read, in both vi's. The sum is the file's after
	# the save: it must be the same bytes.
	vi) cmd="vi -c ':wq' $W/vi.txt" out=$W/vi.txt ;;
	*) echo "guest-run: no workload $1" >&2; return 1 ;;
	esac
}

now() {	# nanoseconds since the epoch, by mini's date whatever PATH says
	/bin/date +%s%N
}

setup() {
	rm -rf "$W" /tmp/bb
	mkdir -p "$W" /tmp/bb
	# In RAM as mini is (the initramfs): neither pays for the disk.
	/bin/cp "$D/busybox" /tmp/bb/busybox
	for name in $(/tmp/bb/busybox --list); do
		[ "$name" = busybox ] || /bin/ln -s busybox "/tmp/bb/$name"
	done
	/bin/cp "$D/text-1.txt" "$W/vi.txt"
	/bin/find "$D" -type f -exec /bin/cat {} + > /dev/null
	/bin/ls -lR "$D" > /dev/null
	echo "@@ setup done $(/tmp/bb/busybox | /bin/head -n 1)"
}

run_one() {	# NAME IMPL
	workload "$1" || return 1
	case $2 in
	mini) path=/bin:/sbin shell=/bin/sh ;;
	bb) path=/tmp/bb shell=/tmp/bb/sh ;;
	*) echo "guest-run: no userland $2 (mini or bb)" >&2; return 1 ;;
	esac
	[ "$1" = vi ] || /bin/rm -f "$out"
	start=$(now)
	PATH=$path LC_ALL=C TZ=UTC0 $shell -c "$cmd" 2> $W/err
	status=$?
	end=$(now)
	# First the times, at once: the host reads QEMU's CPU time when it sees this line.
	printf '\n@@ %s %s %s %s %s\n' "$1" "$2" "$start" "$end" "$status"
	# What went wrong, if anything did: the first line the command wrote on stderr.
	[ -s $W/err ] && printf '@@err %s %s %s\n' "$1" "$2" "$(/bin/head -n 1 $W/err)"
	digest=-
	if [ $sum = yes ] && [ -f "$out" ]; then
		digest=$(/bin/tr -s ' \t' '  ' < "$out" | /bin/md5sum | /bin/cut -c1-12)
	fi
	printf '@@sum %s %s %s\n' "$1" "$2" "$digest"
	[ -n "$clean" ] && /bin/rm -rf "$clean"
	return 0
}

check() {	# every workload is known and its command line parses (sh -n: PATH's sh)
	list | while IFS='	' read -r name label; do
		workload "$name" || exit 1
		sh -n -c "$cmd" || { echo "guest-run: $name ($label): $cmd" >&2; exit 1; }
	done
}

case ${1:-} in
setup) setup ;;
list) list ;;
run) [ $# = 3 ] || { echo "usage: guest-run.sh run NAME mini|bb" >&2; exit 2; }
	run_one "$2" "$3" ;;
check) check && echo "guest-run: $(list | wc -l) workloads parse" ;;
*) echo "usage: guest-run.sh setup|list|run NAME IMPL|check" >&2; exit 2 ;;
esac
