#!/bin/sh
# Make the boot floppy: a 1.44 MB FAT12 disk image that boots mini with GRUB2 (i386-pc),
# for the many 486 BIOSes that cannot boot a CD.
#
# Usage: tools/make-floppy.sh BZIMAGE OUTPUT.img
#
# The layout (every piece measured, see NOTES):
#   sector 0        GRUB's boot.img, with the FAT boot sector's BPB kept in the middle of
#                   it (bytes 3-0x59): the BIOS runs GRUB, DOS and Linux still see a FAT12
#                   disk. boot.img's default is right for a floppy: it loads sector 1 from
#                   the drive the BIOS booted.
#   sectors 1..N    core.img (grub-mkimage): diskboot, GRUB's kernel and the modules it
#                   needs, LZMA-packed, in the FAT's reserved sectors, where no file can
#                   overwrite it. diskboot's built-in list ("the N sectors after me") is
#                   then right as it is: no grub-install, no block list to patch.
#   the FAT         one file, /bzImage (the kernel with mini inside).
# core.img carries a two-line config that GRUB's rescue parser runs at once: no grub.cfg,
# no menu, nothing to read but the kernel. Its modules: biosdisk (the BIOS's floppy calls),
# fat, linux16 (the 16-bit entry: the kernel then finds the APM BIOS, for poweroff) and
# boot; Debian's linux16 needs linux, which needs normal and net, so they come along.
#
# Reproducible: the FAT's serial number and dates come from SOURCE_DATE_EPOCH (the last
# commit's time, set by the Makefile), never from the clock; grub-mkimage's output
# depends only on its input.
set -eu
kernel=$1
image=$2
grub=/usr/lib/grub/i386-pc
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
stage=$image.d
sectors=2880		# 1,474,560 bytes: 80 tracks, 2 heads, 18 sectors of 512 bytes

rm -rf "$stage"
mkdir -p "$stage"
# The last console= gets /dev/console (init's): the serial line, as on the ISO.
cat > "$stage/embedded.cfg" <<'EOF'
linux16 (fd0)/bzImage console=tty0 console=ttyS0,115200
boot
EOF
grub-mkimage --directory="$grub" --format=i386-pc --prefix='(fd0)/boot/grub' \
	--config="$stage/embedded.cfg" --output="$stage/core.img" biosdisk fat linux16 boot
core_sectors=$(( ($(stat -c %s "$stage/core.img") + 511) / 512 ))

# The FAT12 file system: boot sector, then core.img's sectors reserved. One FAT copy
# and one sector of root directory (16 entries: the label and bzImage need 3): a floppy
# that holds one file spends its room on the kernel. The serial number is the epoch's
# low 32 bits; --invariant keeps the label's date out of the clock.
serial=$(printf '%08x' $(( epoch & 0xffffffff )))
rm -f "$stage/fat.img"
mkfs.fat -C -F 12 -f 1 -r 16 -R $(( 1 + core_sectors )) --invariant -i "$serial" -n MINI \
	"$stage/fat.img" $(( sectors / 2 )) >"$stage/mkfs.log" 2>&1 || { cat "$stage/mkfs.log" >&2; exit 1; }
reserved=$(od -An -tu2 -j14 -N2 "$stage/fat.img" | tr -d ' ')
if [ "$reserved" -lt $(( 1 + core_sectors )) ]; then
	echo "make-floppy: mkfs.fat reserved $reserved sectors, GRUB needs $(( 1 + core_sectors ))" >&2
	exit 1
fi

# Sector 0: boot.img's jump (bytes 0-2) and code (0x5A-0x1FF), the BPB from mkfs.fat.
dd if="$grub/boot.img" of="$stage/fat.img" bs=1 count=3 conv=notrunc 2>/dev/null
dd if="$grub/boot.img" of="$stage/fat.img" bs=1 skip=90 seek=90 count=422 conv=notrunc 2>/dev/null
dd if="$stage/core.img" of="$stage/fat.img" bs=512 seek=1 conv=notrunc 2>/dev/null

# The kernel, with the epoch as its date (mcopy -m keeps the file's own). mtools
# would otherwise refuse a geometry it does not know from its table.
room=$(MTOOLS_SKIP_CHECK=1 mdir -i "$stage/fat.img" :: | sed -n 's/ *bytes free.*//p' | tr -d ' ')
cp "$kernel" "$stage/bzImage"
touch -d "@$epoch" "$stage/bzImage"
size=$(stat -c %s "$kernel")
if [ "$size" -gt "$room" ]; then
	echo "make-floppy: the kernel is $size bytes, $(( size - room )) over the floppy's room of $room" >&2
	exit 1
fi
TZ=UTC MTOOLS_SKIP_CHECK=1 mcopy -m -i "$stage/fat.img" "$stage/bzImage" ::/bzImage

mv "$stage/fat.img" "$image"
echo "  FLOPPY  $image: kernel $size bytes, $(( room - size )) bytes left; GRUB core $core_sectors sectors"
rm -rf "$stage"
