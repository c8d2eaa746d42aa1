#!/bin/sh
# `make bench-guest`: mini against BusyBox INSIDE QEMU, where uClibc's int $0x80 is the
# kernel's native path (on the x86_64 host it is emulated slowly, see tools/bench.sh).
#
# Usage: tools/bench/guest.sh   (ISO=build/mini.iso, BENCH_RUNS=3, GUEST_ONLY="NAME...":
#        only these workloads, as tools/bench/guest-run.sh list names them;
#        GUEST_IMG and GUEST_OUT: where the disk image and the table go, so that two
#        measurements can run side by side)
# 1. The rival: Debian's busybox-static for i386 in build/bench/busybox, as make bench
#    fetches it (apt-get download and dpkg -x, never installed).
# 2. The bench disk, build/bench/guest.img: an ext2 image made by mkfs.ext2 -d from
#    build/bench/guest-disk, holding busybox, the runner (tools/bench/guest-run.sh), the
#    shell scripts of tools/bench/sh and the inputs: a text of GUEST_TEXT_MB (default 10)
#    megabytes and one of 1 MB (make-data.py), their sorted copy, the tree of 10,000
#    files, a source tree (C files of the kernel's fs/ext4, fs/ext2 and net/ipv4, ≈5 MB)
#    and its .tar.gz, and 10 MB of kernel sources in one file (big) and gzipped.
#    Made once; remove build/bench/guest-disk to make it again.
# 3. tools/bench/guest.py boots the ISO with that disk (-cpu pentium2, TCG), runs every
#    workload BENCH_RUNS times with each userland and writes the table of medians to
#    build/bench/guest.txt (and guest.md, the same as a Markdown table).
set -eu
ISO=${ISO:-build/mini.iso}
RUNS=${BENCH_RUNS:-3}
TEXT_MB=${GUEST_TEXT_MB:-10}
LINUX=${LINUX:-build/linux}
B=build/bench
BB=$B/busybox/bin/busybox
DISK_DIR=$B/guest-disk
IMG=${GUEST_IMG:-$B/guest.img}
OUT=${GUEST_OUT:-$B/guest.txt}
# Fixed times and owners: the disk's bytes do not depend on when it was made.
EPOCH=1700000000

say() { echo "guest-bench: $*" >&2; }

fetch_busybox() {
	sh tools/bench/fetch-busybox.sh "$B"
}

# The source tree tar czf packs and tar xzf unpacks: real C, a few MB.
copy_sources() {	# DIR
	[ -d "$LINUX/fs/ext4" ] || { say "no kernel sources in $LINUX: run make first"; exit 1; }
	(cd "$LINUX" && find fs/ext4 fs/ext2 net/ipv4 -type f \( -name '*.[ch]' -o -name Makefile \
		-o -name 'Kconfig*' \) | LC_ALL=C sort) > "$B/guest-src.list"
	mkdir -p "$1"
	tar -C "$LINUX" -cf - -T "$B/guest-src.list" | tar -C "$1" -xf -
}

# 10 MB of kernel C sources in one file: what gzip, gunzip and md5sum chew on.
make_big() {	# FILE
	(cd "$LINUX" && find kernel mm lib -name '*.c' | LC_ALL=C sort | xargs cat) |
		head -c 10485760 > "$1"
	gzip -9 -n -c "$1" > "$1.gz"
}

make_disk_dir() {
	d=$DISK_DIR
	[ -f "$d/.done" ] && [ -f "$d/text-$TEXT_MB.mb" ] && return 0
	say "making the bench disk's files in $d"
	rm -rf "$d"
	mkdir -p "$d"
	python3 tools/bench/make-data.py text "$d/text.txt" "$TEXT_MB"
	touch "$d/text-$TEXT_MB.mb"
	python3 tools/bench/make-data.py text "$d/text-1.txt" 1
	LC_ALL=C sort "$d/text.txt" > "$d/sorted.txt"
	python3 tools/bench/make-data.py tree "$d/tree" 10000
	copy_sources "$d/src"
	tar -C "$d" --format=ustar --sort=name --owner=0 --group=0 --mtime=@$EPOCH \
		-cf - src | gzip -n > "$d/src.tar.gz"
	make_big "$d/big"
	touch "$d/.done"
}

# The files that change with the tree: copied every time, then the image is made.
make_disk() {
	d=$DISK_DIR
	cp "$BB" "$d/busybox"
	cp tools/bench/guest-run.sh tools/bench/startup.sh "$d/"
	rm -rf "$d/sh"
	cp -r tools/bench/sh "$d/sh"
	find "$d" -exec touch -h -d @$EPOCH {} +
	# Room for the files (du counts 1 KB blocks), their inodes and a margin.
	kb=$(du -sk "$d" | cut -f1)
	rm -f "$IMG"
	E2FSPROGS_FAKE_TIME=$EPOCH mkfs.ext2 -q -F -L bench -b 1024 -N 16384 -d "$d" \
		"$IMG" "$((kb + kb / 4 + 8192))k"
}

[ -f "$ISO" ] || { say "$ISO missing: make iso"; exit 1; }
mkdir -p "$B"
fetch_busybox
make_disk_dir
make_disk
say "booting $ISO with the bench disk ($RUNS runs of each workload)"
python3 tools/bench/guest.py "$ISO" "$IMG" "$RUNS" "$OUT"
