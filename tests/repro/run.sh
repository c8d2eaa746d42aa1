#!/bin/sh
# tests/repro/run.sh: the same sources give the same images, byte for byte.
#
# Builds the ISO and the boot floppy a second time, from a copy of the source files in
# a new folder, as another user (nobody, when run as root), under another umask (077),
# time zone and, with faketime, another clock
# (a year and a day ahead), and compares them with the images the Makefile built here
# (build/mini.iso and build/mini-floppy.img, or $ISO and $FLOPPY). The second build
# makes its own mini, initramfs, both kernels, GRUB images, ISO and floppy: it reuses
# only the unpacked kernel source (build/linux) and the uClibc-ng sysroot, not outputs.
# SOURCE_DATE_EPOCH is the one the first build had: the last commit's time, which the
# Makefile also keeps in build/.source-date-epoch (a new commit rebuilds the images).
#
# Usage: tests/repro/run.sh [MINI]   (tests/run.sh passes MINI; it is not needed here)
# It costs two kernel builds (minutes); KEEP=1 keeps the second build's folder.
set -u
cd "$(dirname "$0")/../.."
top=$(pwd)
iso=${ISO:-build/mini.iso}
floppy=${FLOPPY:-$(dirname "$iso")/mini-floppy.img}
# The epoch the images were made with: the Makefile exports it (make test) and keeps it
# beside them; by hand, the last commit's.
stamp=$(dirname "$iso")/.source-date-epoch
epoch=${SOURCE_DATE_EPOCH:-$(cat "$stamp" 2>/dev/null || git log -1 --format=%ct 2>/dev/null || stat -c %Y Makefile)}

for image in "$iso" "$floppy"; do
	[ -f "$image" ] || { echo "not ok - repro: $image missing (make iso floppy first)"; exit 1; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/mini-repro.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

# The sources as the first build saw them: in a git work tree the tracked files and any
# new ones not ignored (as they are, edits included); elsewhere (an unpacked archive)
# every file but build/. Copied into a folder of another name.
list_sources() {
	if [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$top" ]; then
		{ git ls-files; git ls-files --others --exclude-standard; } | sort -u |
			while IFS= read -r f; do [ -e "$f" ] && printf '%s\n' "$f"; done
	else
		find . -path ./build -prune -o -type f -print | sed 's|^\./||' | sort
	fi
}
src=$work/second-tree
mkdir -p "$src/build"
list_sources | tar -cf - -T - | (umask 077 && tar -xf - -C "$src" --no-same-permissions)
ln -s "$top/build/linux" "$src/build/linux"
ln -s "$top/build/sysroot" "$src/build/sysroot"
touch "$src/build/.deps"

# A clock a year and a day ahead, when faketime (libfaketime) is installed: the clock
# only (NO_FAKE_STAT=1), as libfaketime would otherwise also move every file's date by a
# year in what stat() tells xorriso and mtools, which no real build ever sees. rustc hangs
# under libfaketime, and the kernel's Makefile asks it for its version (mini's kernels
# have no Rust): the second build runs without it on its PATH.
fake=""
if command -v faketime >/dev/null 2>&1; then
	fake="env NO_FAKE_STAT=1 faketime -f +366d"
	PATH=$(printf '%s' "$PATH" | tr ':' '\n' |
		while IFS= read -r d; do [ -x "$d/rustc" ] || printf '%s:' "$d"; done)
	PATH=${PATH%:}
fi
# Another user too: as root, the second build runs as nobody, in a tree made theirs;
# otherwise under another name in USER and LOGNAME (what `whoami`-minded tools read).
as_user="env USER=mini-repro LOGNAME=mini-repro HOME=$work" who="as USER=mini-repro"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	chown -R nobody:nogroup "$work"
	as_user="setpriv --reuid=nobody --regid=nogroup --clear-groups env USER=nobody LOGNAME=nobody HOME=$work"
	who="as nobody"
fi
echo "# repro: second build in $src ($who, umask 077, TZ=Pacific/Kiritimati${fake:+, $fake})"
if ! (cd "$src" && umask 077 && TZ=Pacific/Kiritimati SOURCE_DATE_EPOCH=$epoch \
	$as_user $fake make -s iso floppy checksum >"$work/build.log" 2>&1); then
	echo "not ok - repro: the second build failed"
	tail -n 20 "$work/build.log" | sed 's/^/#   /'
	exit 1
fi

status=0
for pair in "$iso:mini.iso" "$floppy:mini-floppy.img"; do
	first=${pair%%:*} second=$src/build/${pair#*:}
	if cmp -s "$first" "$second"; then
		echo "ok - repro: $(basename "$first") is byte-identical when built again elsewhere ($(sha256sum <"$first" | cut -c1-16)...)"
	else
		echo "not ok - repro: $(basename "$first") differs when built again elsewhere"
		echo "#   $(cmp -l "$first" "$second" | wc -l) bytes differ; first difference:"
		cmp "$first" "$second" | sed 's/^/#   /'
		status=1
	fi
done
exit $status
