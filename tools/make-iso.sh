#!/bin/sh
# Pack the kernel and GRUB into a hybrid ISO (boots as a CD and from a USB stick).
#
# Usage: tools/make-iso.sh BZIMAGE OUTPUT.iso
# GRUB is Debian's grub-pc-bin (BIOS, i386-pc) with only the modules boot/grub.cfg
# uses, and no fonts, locales or themes; grub-mkrescue hands the rest to xorriso.
set -eu
kernel=$1
iso=$2
stage=$(dirname "$iso")/iso
limit=10000000

rm -rf "$stage"
mkdir -p "$stage/boot/grub"
cp "$kernel" "$stage/boot/bzImage"
cp boot/grub.cfg "$stage/boot/grub/grub.cfg"

echo "  ISO     $iso"
# linux16 boots through the kernel's 16-bit entry, so it finds the APM BIOS (poweroff);
# normal reads grub.cfg and shows the menu; serial puts it on the serial line too.
# (iso9660 and biosdisk, to read the CD, are inside eltorito.img already.)
grub-mkrescue --directory=/usr/lib/grub/i386-pc \
	--install-modules="linux16 normal serial" \
	--fonts= --locales= --themes= --compress=xz \
	-o "$iso.tmp" "$stage" -- -padding 32k >"$stage.log" 2>&1 || { cat "$stage.log" >&2; exit 1; }
mv "$iso.tmp" "$iso"

size=$(stat -c %s "$iso")
echo "  ISO     $size bytes"
if [ "$size" -ge "$limit" ]; then
	echo "make-iso: $iso is $size bytes, over the limit of $limit" >&2
	rm -f "$iso"
	exit 1
fi
