#!/bin/sh
# fetch-busybox.sh: the rival of the benchmarks, Debian's busybox-static for i386, downloaded
# as a .deb and unpacked under DIR (never installed). Shared by tools/bench.sh and
# tools/bench/guest.sh.
#
# Usage: sh tools/bench/fetch-busybox.sh DIR   then DIR/busybox/bin/busybox is there
set -eu
dir=$1
bb=$dir/busybox/bin/busybox
[ -x "$bb" ] && exit 0
mkdir -p "$dir"
dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386
# Some index may fail to refresh (a mirror mid-sync): the download decides.
apt-get update -q >/dev/null 2>&1 ||
	echo "bench: apt-get update reported errors; trying the download anyway" >&2
rm -f "$dir"/busybox-static_*.deb
(cd "$dir" && apt-get download -q busybox-static:i386 >/dev/null)
rm -rf "$dir/busybox"
dpkg -x "$dir"/busybox-static_*.deb "$dir/busybox"
[ -x "$bb" ] || { echo "bench: no $bb in the package" >&2; exit 1; }
