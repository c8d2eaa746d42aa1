#!/bin/sh
# Pack the kernel and GRUB into a hybrid ISO (boots as a CD and from a USB stick).
#
# Usage: tools/make-iso.sh BZIMAGE OUTPUT.iso
#
# GRUB is Debian's grub-pc-bin (BIOS, i386-pc). Rather than grub-mkrescue, which puts a
# small core on the CD and then reads each GRUB module as a file of its own, we make one
# El Torito boot image holding GRUB's core and every module boot/grub.cfg needs: the BIOS
# loads it in one go, and the ISO carries no modules, fonts or locales at all. Measured
# under QEMU against grub-mkrescue's: the ISO 81,920 bytes smaller, and GRUB at its
# "Booting" line 0.16 s sooner (median of 7: 0.64 s from QEMU's start, not 0.80).
set -eu
kernel=$1
iso=$2
stage=$(dirname "$iso")/iso
limit=10000000
grub=/usr/lib/grub/i386-pc

# biosdisk and iso9660 read the CD (or the USB stick, where the ISO starts at sector 0);
# normal reads grub.cfg and runs its menu; serial puts that menu on the serial line too;
# keystatus lets grub.cfg see a held Shift key; linux16 boots the kernel the 16-bit way,
# which lets it find the APM BIOS (poweroff). grub-mkimage adds what these depend on.
modules="biosdisk iso9660 normal serial keystatus linux16"

rm -rf "$stage"
mkdir -p "$stage/boot/grub"
cp "$kernel" "$stage/boot/bzImage"
cp boot/grub.cfg "$stage/boot/grub/grub.cfg"

echo "  ISO     $iso"
# The prefix has no device: GRUB takes the one it was booted from, CD or disk.
# shellcheck disable=SC2086 (modules is a list of words on purpose)
grub-mkimage --directory="$grub" --format=i386-pc-eltorito --compression=xz \
	--prefix=/boot/grub --output="$stage/boot/grub/eltorito.img" $modules

# -b/-no-emul-boot/-boot-load-size 4/-boot-info-table: the El Torito way GRUB's cdboot
# expects (the BIOS loads its first 2 KB, which load the rest). --grub2-boot-info and
# --grub2-mbr make the same image bootable as a disk: an MBR that finds eltorito.img.
# -padding 32k (an xorriso command, after the --): GRUB reads the disk in blocks of
# up to 32 KB, and one that runs past the image's end fails (seen with no padding);
# xorriso's default is 300 KB.
xorriso -as mkisofs -quiet -r -V MINI \
	-b boot/grub/eltorito.img -no-emul-boot -boot-load-size 4 -boot-info-table \
	--grub2-boot-info --grub2-mbr "$grub/boot_hybrid.img" --protective-msdos-label \
	-o "$iso.tmp" "$stage" -- -padding 32k >"$stage.log" 2>&1 || { cat "$stage.log" >&2; exit 1; }
mv "$iso.tmp" "$iso"

size=$(stat -c %s "$iso")
echo "  ISO     $size bytes"
if [ "$size" -ge "$limit" ]; then
	echo "make-iso: $iso is $size bytes, over the limit of $limit" >&2
	rm -f "$iso"
	exit 1
fi
