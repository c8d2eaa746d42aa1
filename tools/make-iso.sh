#!/bin/sh
# Pack the kernel and GRUB into a hybrid ISO (boots as a CD and from a USB stick).
#
# Usage: tools/make-iso.sh BZIMAGE OUTPUT.iso
#
# GRUB is Debian's grub-pc-bin (BIOS, i386-pc). We do not use grub-mkrescue, which puts
# GRUB's core on the CD and then reads each of dozens of modules, fonts and locales as a
# file of its own. We make the El Torito boot image ourselves with grub-mkimage: GRUB's
# core and the small modules boot/grub.cfg needs, in one piece that the BIOS loads at once.
#
# grub-mkimage always packs an i386-pc core with LZMA (its --compression option does not
# apply to this platform), and unpacking LZMA is slow: under QEMU GRUB spent 0.36 s of each
# boot on it, and a real 486 is slower still. So the biggest modules, normal (the
# menu and script language, 115 KB) with net (58 KB, which normal needs) and the two
# that need normal (linux, linux16), stay out of the core: they lie in
# /boot/grub/i386-pc as gzip files, which GRUB's gzio (in the core) unpacks many times
# faster. GRUB loads normal from there by itself; grub.cfg loads linux16.
#
# Reproducible: every date in the ISO (its volume's, its files') is SOURCE_DATE_EPOCH,
# the last commit's time (the Makefile sets it; by hand, git's or else 0), and xorriso
# derives the volume's UUID from it; -r gives every file the same owner and modes.
set -eu
kernel=$1
iso=$2
stage=$(dirname "$iso")/iso
limit=10000000
grub=/usr/lib/grub/i386-pc
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
export SOURCE_DATE_EPOCH

# What grub.cfg uses: biosdisk and iso9660 read the CD (or the USB stick, where the ISO
# starts at sector 0); gzio reads the gzip modules; serial puts the menu on the serial
# line too; keystatus lets grub.cfg see a held Shift key; linux16 boots the kernel the
# 16-bit way, which lets it find the APM BIOS (poweroff).
wanted="biosdisk iso9660 gzio serial keystatus linux16"
# The modules kept out of the core, as gzip files.
outside="normal net linux linux16"

# Print the modules named in $@ and all they depend on (moddep.lst: "mod: dep dep...").
with_dependencies() {
	awk -v want="$*" '
		{ sub(":", ""); deps[$1] = $0 }
		END {
			n = split(want, todo, " ")
			while (n > 0) {
				m = todo[n--]
				if (m in seen) continue
				seen[m] = 1; print m
				k = split(deps[m], d, " ")
				for (i = 2; i <= k; i++) todo[++n] = d[i]
			}
		}' "$grub/moddep.lst"
}

core=""
for module in $(with_dependencies $wanted); do
	case " $outside " in
	*" $module "*) ;;
	*) core="$core $module" ;;
	esac
done

rm -rf "$stage"
mkdir -p "$stage/boot/grub/i386-pc"
cp "$kernel" "$stage/boot/bzImage"
cp boot/grub.cfg "$stage/boot/grub/grub.cfg"
for module in $outside; do
	gzip -9n <"$grub/$module.mod" >"$stage/boot/grub/i386-pc/$module.mod"
done

echo "  ISO     $iso"
# The prefix has no device: GRUB takes the one it was booted from, CD or disk.
# shellcheck disable=SC2086 (core is a list of words on purpose)
grub-mkimage --directory="$grub" --format=i386-pc-eltorito \
	--prefix=/boot/grub --output="$stage/boot/grub/eltorito.img" $core
# Every file and folder dated SOURCE_DATE_EPOCH (xorriso then sets atime and ctime to it too).
find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

# -b/-no-emul-boot/-boot-load-size 4/-boot-info-table: the El Torito way GRUB's cdboot
# expects (the BIOS loads its first 2 KB, which load the rest). --grub2-boot-info and
# --grub2-mbr make the same image bootable as a disk: an MBR that finds eltorito.img.
# -padding BYTES (an xorriso command, after the --) adds zeros at the end.
pack() {
	xorriso -as mkisofs -quiet -r -V MINI \
		-b boot/grub/eltorito.img -no-emul-boot -boot-load-size 4 -boot-info-table \
		--grub2-boot-info --grub2-mbr "$grub/boot_hybrid.img" --protective-msdos-label \
		-o "$iso.tmp" "$stage" -- -padding "$1" >"$stage.log" 2>&1 ||
		{ cat "$stage.log" >&2; exit 1; }
}
# GRUB reads a disk in aligned blocks of 32 KB, and on a CD a block that runs past the
# end of the image fails. So the image must end on a 32 KB boundary: pack it once
# without padding to learn its size, then again with just enough (xorriso's default
# is 300 KB, which a 1.44 MB floppy cannot spare).
pack 0
block=32768
pack $(( (block - $(stat -c %s "$iso.tmp") % block) % block ))
mv "$iso.tmp" "$iso"

size=$(stat -c %s "$iso")
echo "  ISO     $size bytes"
if [ "$size" -ge "$limit" ]; then
	echo "make-iso: $iso is $size bytes, over the limit of $limit" >&2
	rm -f "$iso"
	exit 1
fi
