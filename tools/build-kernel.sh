#!/bin/sh
# Build the Linux kernel (build/linux, from Debian's linux-source-6.12) for the i486,
# with the initramfs described by a gen_init_cpio list built into it.
#
# Usage: tools/build-kernel.sh INITRAMFS_LIST [OUTPUT_DIR [FRAGMENT...]]
# Result: OUTPUT_DIR/arch/x86/boot/bzImage (OUTPUT_DIR defaults to build/kernel).
# FRAGMENTs are names in kernel-config/ (default: the ISO's, mini disks iso).
#
# The configuration is tinyconfig's fragments plus kernel-config/mini.config and the
# image's fragments, merged in one allnoconfig run (KCONFIG_ALLCONFIG): unlike
# olddefconfig, that switches nothing else on.
set -eu
top=$(pwd)
list=$(readlink -f "$1")
out=$(readlink -f "${2:-build/kernel}")
shift; [ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- mini disks iso
fragments=""
for part in "$@"; do
	fragments="$fragments $top/kernel-config/$part.config"
done
linux=$top/build/linux
jobs=$(nproc 2>/dev/null || echo 2)
# A `make -jN` that called us passes its jobserver down in MAKEFLAGS, but not its pipe
# (the rule has no '+'): the kernel's make would then warn and build with one job.
unset MAKEFLAGS MFLAGS MAKEOVERRIDES
# The build's stamp (uname -v, /proc/version) and the initramfs's dates come from
# SOURCE_DATE_EPOCH (the last commit's time, set by the Makefile), not from the clock,
# the user or the machine: the same commit gives the same bzImage anywhere.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
export KBUILD_BUILD_TIMESTAMP="$(LC_ALL=C date -u -d "@$epoch" '+%a %b %e %H:%M:%S UTC %Y')"
export KBUILD_BUILD_USER=mini KBUILD_BUILD_HOST=mini KBUILD_BUILD_VERSION=1
kmake() {
	make -s -C "$linux" O="$out" ARCH=i386 "$@"
}

mkdir -p "$out"
allconfig=$out/mini-allconfig
{
	cat "$linux/kernel/configs/tiny-base.config" "$linux/kernel/configs/tiny.config" \
		"$linux/arch/x86/configs/tiny.config" $fragments
	# A kernel with modules gets a second list: /lib/modules and the modules in it
	# (written below, once they are built).
	if grep -qx 'CONFIG_MODULES=y' $fragments; then
		echo "CONFIG_INITRAMFS_SOURCE=\"$list $out/modules.list\""
	else
		echo "CONFIG_INITRAMFS_SOURCE=\"$list\""
	fi
} > "$allconfig.new"

# Configure again only when the merged fragment changed: keeps rebuilds incremental.
if ! cmp -s "$allconfig.new" "$allconfig" || ! [ -f "$out/.config" ]; then
	echo "  CONFIG  kernel (tinyconfig + kernel-config/)"
	# (Its warnings go to a log: "override: reassigning to symbol" is what a later
	# fragment's =m for an earlier =y is meant to do.)
	kmake allnoconfig KCONFIG_ALLCONFIG="$allconfig.new" >"$out/config.log" 2>&1 ||
		{ cat "$out/config.log" >&2; exit 1; }
	# Every requested option must be in the result: a dependency we missed would
	# otherwise switch it off without a word. A later fragment may change an earlier
	# one's choice (=m for =y): the last line naming an option is the one checked.
	# shellcheck disable=SC2086
	grep -h '^CONFIG_' $fragments | awk -F= '{ last[$1] = $0; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
		END { for (i = 1; i <= n; i++) print last[order[i]] }' | while IFS= read -r line; do
		grep -qxF "$line" "$out/.config" || {
			echo "build-kernel: '$line' did not survive into the kernel's .config" >&2
			exit 1
		}
	done
	mv "$allconfig.new" "$allconfig"
else
	rm -f "$allconfig.new"
fi

# The modules' list for the initramfs: gen_init_cpio lines for /lib/modules/NAME.ko, in
# the kernel's link order, and that order as a file (modules.order, one name a line):
# /etc/rc loads them in it, so that ata_piix takes its ports before pata_legacy looks.
write_modules_list() {
	{
		echo "# /lib/modules of mini's initramfs, written by tools/build-kernel.sh"
		echo "dir /lib 0755 0 0"
		echo "dir /lib/modules 0755 0 0"
		if [ -f "$out/modules.order" ]; then
			sed 's|\.o$||; s|.*/||' "$out/modules.order" > "$out/modules.names"
			echo "file /lib/modules/modules.order $out/modules.names 0644 0 0"
			# Without the symbols no relocation needs (a fifth of each file): less
			# for the kernel to unpack at every boot and to hold in RAM.
			mkdir -p "$out/modules-stripped"
			sed 's|\.o$|.ko|' "$out/modules.order" | while IFS= read -r module; do
				stripped=$out/modules-stripped/${module##*/}
				[ "$stripped" -nt "$out/$module" ] ||
					strip --strip-unneeded -o "$stripped" "$out/$module"
				echo "file /lib/modules/${module##*/} $stripped 0644 0 0"
			done
		fi
	} > "$out/modules.list.new"
	cmp -s "$out/modules.list.new" "$out/modules.list" || mv "$out/modules.list.new" "$out/modules.list"
	rm -f "$out/modules.list.new"
}

kbuild() {	# TARGET...
	kmake -j"$jobs" "$@" >"$out/build.log" 2>&1 || { tail -n 40 "$out/build.log" >&2; exit 1; }
}

if grep -qx 'CONFIG_MODULES=y' "$out/.config"; then
	# The kernel and its modules first (they do not depend on the initramfs), then the
	# bzImage again with the modules inside (only the initramfs and the link are redone).
	[ -f "$out/modules.list" ] || write_modules_list
	echo "  KERNEL  modules"
	kbuild bzImage modules
	write_modules_list
fi
echo "  KERNEL  bzImage (i486, initramfs built in)"
kbuild bzImage
ls -l "$out/arch/x86/boot/bzImage" | awk '{print "  KERNEL  " $5 " bytes"}'
