# blkid (libmini/fstype.c): file systems made by the host's mkfs tools, and crafted ones.
# The images are made once, here, in a folder the checks read (never write).
BLKID_IMG=$(mktemp -d "${TMPDIR:-/tmp}/mini-blkid.XXXXXX")
(
	cd "$BLKID_IMG" || exit 1
	truncate -s 8M e2.img e3.img e4.img
	mkfs.ext2 -q -F -L MYEXT -U 0a1b2c3d-1111-2222-3333-444455556666 e2.img
	mkfs.ext3 -q -F -L j3 -U 11111111-0000-0000-0000-000000000003 e3.img
	mkfs.ext4 -q -F -L j4 -U 11111111-0000-0000-0000-000000000004 e4.img
	mkfs.vfat -C -F 12 -n F12LAB -i 1234abcd f12.img 1440
	mkfs.vfat -C -F 16 -n F16LAB -i 00c0ffee f16.img 20000
	mkfs.vfat -C -F 32 -n F32LAB -i deadbeef f32.img 40000
	mkfs.vfat -C -F 16 -i 0000abcd nolabel.img 20000
	truncate -s 1M sw.img && mkswap -q -L swlab -U 11111111-2222-3333-4444-555555555555 sw.img
	mkdir cd && echo hello > cd/a.txt
	xorriso -as mkisofs -quiet -J -V CD_LABEL_LONGER_THAN_16 --modification-date=2024011510300000 -o joliet.iso cd
	xorriso -as mkisofs -quiet -V PLAIN --modification-date=2024011510300000 -o plain.iso cd
	# Crafted: random bytes; an ext2 cut short before its superblock; a FAT boot sector
	# whose counts are absurd (0 sectors per cluster, a FAT larger than the disk).
	head -c 100000 /dev/urandom > garbage.img
	head -c 1100 e2.img > cut.img
	cp f16.img badfat.img && printf '\000' | dd of=badfat.img bs=1 seek=13 conv=notrunc
	cp f16.img hugefat.img && printf '\377\377' | dd of=hugefat.img bs=1 seek=22 conv=notrunc
	: > empty.img
) >/dev/null 2>&1
B=$BLKID_IMG

check "blkid: ext2 label and UUID" "blkid $B/e2.img" "$B/e2.img: LABEL=\"MYEXT\" UUID=\"0a1b2c3d-1111-2222-3333-444455556666\" TYPE=\"ext2\""$'\n'
check "blkid: ext3 from has_journal" "blkid -o value -s TYPE $B/e3.img" $'ext3\n'
check "blkid: ext4 from its features" "blkid -o value -s TYPE -s LABEL $B/e4.img" $'j4\next4\n'
check "blkid: FAT12" "blkid $B/f12.img" "$B/f12.img: LABEL=\"F12LAB\" UUID=\"1234-ABCD\" TYPE=\"vfat\""$'\n'
check "blkid: FAT16" "blkid $B/f16.img" "$B/f16.img: LABEL=\"F16LAB\" UUID=\"00C0-FFEE\" TYPE=\"vfat\""$'\n'
check "blkid: FAT32 (label in the root directory cluster)" "blkid $B/f32.img" "$B/f32.img: LABEL=\"F32LAB\" UUID=\"DEAD-BEEF\" TYPE=\"vfat\""$'\n'
check "blkid: FAT without a label" "blkid $B/nolabel.img" "$B/nolabel.img: UUID=\"0000-ABCD\" TYPE=\"vfat\""$'\n'
check "blkid: swap" "blkid $B/sw.img" "$B/sw.img: LABEL=\"swlab\" UUID=\"11111111-2222-3333-4444-555555555555\" TYPE=\"swap\""$'\n'
check "blkid: ISO9660, Joliet label longer than 16" "blkid $B/joliet.iso" "$B/joliet.iso: LABEL=\"CD_LABEL_LONGER_THAN_16\" UUID=\"2024-01-15-10-30-00-00\" TYPE=\"iso9660\""$'\n'
check "blkid: ISO9660 without Joliet" "blkid -o export $B/plain.iso" "DEVNAME=$B/plain.iso"$'\nLABEL=PLAIN\nUUID=2024-01-15-10-30-00-00\nTYPE=iso9660\n\n'
check "blkid: -o device" "blkid -o device $B/e2.img $B/garbage.img" "$B/e2.img"$'\n' 0 'garbage.img: unknown file system'
check "blkid: garbage is unknown, status 2" "blkid $B/garbage.img" '' 2 'blkid: .*garbage.img: unknown file system'
check "blkid: a cut ext2 is unknown" "blkid $B/cut.img" '' 2 'cut.img: unknown file system'
check "blkid: FAT with 0 sectors per cluster" "blkid $B/badfat.img" '' 2 'unknown file system'
check "blkid: FAT larger than the disk" "blkid $B/hugefat.img" '' 2 'unknown file system'
check "blkid: an empty file" "blkid $B/empty.img" '' 2 'unknown file system'
check "blkid: missing file" "blkid $B/nosuch" '' 2 'nosuch: No such file'
check "blkid: bad -o" "blkid -o fancy $B/e2.img" '' 2 "unknown output format 'fancy'"
check "blkid: -L finds nothing" "blkid -L no-such-label-anywhere-42" '' 2
check "blkid --help" 'blkid --help | head -n 1' $'Usage: blkid [-s TAG]... [-o FORMAT] [DEVICE]...\n'
rm -rf "$BLKID_IMG"
