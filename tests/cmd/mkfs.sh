# mkfs.ext2 (mke2fs) and mkfs.vfat (mkdosfs, mkfs.fat): every file system made here is
# checked by the host's e2fsck / fsck.vfat, and files written by debugfs / mcopy read back.
E2FSCK=/usr/sbin/e2fsck DEBUGFS=/usr/sbin/debugfs FSCKVFAT=/usr/sbin/fsck.vfat
export E2FSCK DEBUGFS FSCKVFAT
ext2_clean='$E2FSCK -f -n fs.img >e2fsck.out 2>&1 && echo clean || cat e2fsck.out'

for size in "1M" "20M" "-b 4096 64M" "-b 2048 30M" "-N 5000 8M" "-i 1024 -m 0 9M" "-b 4096 300M"; do
	check "mkfs.ext2 ${size%${size##* }}on ${size##* }: e2fsck -f finds it clean" \
		"truncate -s ${size##* } fs.img && mkfs.ext2 -q ${size%${size##* }} fs.img && $ext2_clean" $'clean\n'
done
check "mkfs.ext2: label, UUID and block size as blkid reads them" \
	'truncate -s 8M fs.img && mkfs.ext2 -q -L disk1 -b 2048 fs.img && /usr/sbin/blkid -o export fs.img | grep -E "^(LABEL|TYPE|BLOCK_SIZE)=" | sort' \
	$'BLOCK_SIZE=2048\nLABEL=disk1\nTYPE=ext2\n'
check "mkfs.ext2: -N, -m and the features as dumpe2fs reads them" \
	'truncate -s 8M fs.img && mkfs.ext2 -q -N 3000 -m 10 fs.img && /usr/sbin/dumpe2fs -h fs.img 2>/dev/null | grep -E "^(Inode count|Reserved block count|Filesystem features|Filesystem revision #):"' \
	"$(printf '%-26s%s\n' 'Filesystem revision #:' '1 (dynamic)' 'Filesystem features:' 'filetype sparse_super large_file' 'Inode count:' '3000' 'Reserved block count:' '819')"$'\n'
check "mkfs.ext2: a file written by debugfs reads back, still clean" \
	'truncate -s 8M fs.img && mkfs.ext2 -q fs.img && seq 1 20000 > data && $DEBUGFS -w -R "write data data" fs.img >/dev/null 2>&1 &&
	 $DEBUGFS -w -R "mkdir sub" fs.img >/dev/null 2>&1 && $DEBUGFS -R "cat data" fs.img 2>/dev/null | cmp - data && '"$ext2_clean" $'clean\n'
check "mke2fs BLOCKS creates the image file" \
	'mke2fs -q fs.img 4096 && stat -c %s fs.img && '"$ext2_clean" $'4194304\nclean\n'
check "mkfs.ext2: says what it makes" \
	'truncate -s 10M fs.img && mkfs.ext2 fs.img | grep -v UUID' \
	$'Creating an ext2 file system: 10240 blocks of 1024 bytes, 2560 inodes, 2 groups\n512 blocks (5%) reserved for the super user\nSuperblock backups stored on blocks: 8193\nDone.\n'
check "mkfs.ext2: an old FAT signature is wiped" \
	'truncate -s 10M fs.img && mkfs.vfat fs.img && mkfs.ext2 -q fs.img && /usr/sbin/blkid -o value -s TYPE fs.img' $'ext2\n'
check "mkfs.ext2: too small a file" 'truncate -s 10k fs.img && mkfs.ext2 fs.img' '' 1 'mkfs.ext2: .*too small for an ext2'
check "mkfs.ext2: a bad block size" 'truncate -s 1M fs.img && mkfs.ext2 -b 3000 fs.img' '' 2 'block size must be 1024, 2048 or 4096'
check "mkfs.ext2: a label too long" 'truncate -s 1M fs.img && mkfs.ext2 -L 12345678901234567 fs.img' '' 2 'longer than 16 bytes'
check "mkfs.ext2: more inodes than fit" 'truncate -s 8M fs.img && mkfs.ext2 -N 100000 fs.img' '' 1 'inodes do not fit'
check "mkfs.ext2: no such device" 'mkfs.ext2 /no/such/dev' '' 1 'mkfs.ext2: /no/such/dev: No such file'
check "mkfs.ext2: a directory" 'mkdir d && mkfs.ext2 d' '' 1 'mkfs.ext2: d: Is a directory'
check "mkfs.ext2 --help" 'mkfs.ext2 --help | head -n 1' $'Usage: mkfs.ext2 [-Fq] [-b BLOCK_SIZE] [-i BYTES_PER_INODE] [-N INODES] [-m PERCENT]\n'

# A file system in use is refused: mounted (a loop device, root only) and as swap.
if [ "$(id -u)" = 0 ] && /sbin/losetup -f >/dev/null 2>&1; then
	check "mkfs.ext2, mkfs.vfat, mkswap: a mounted loop device and its image file are refused, untouched" \
		'truncate -s 8M fs.img && mkfs.ext2 -q fs.img && mkdir m && dev=$(/sbin/losetup -f --show fs.img) &&
		 /bin/mount -t ext2 $dev m && echo keep > m/f;
		 { mkfs.ext2 -q $dev; mkfs.vfat $dev; mkswap fs.img; } 2>&1 | sed "s|$PWD|.|; s|$dev|LOOP|g"; cat m/f;
		 /bin/umount m; /sbin/losetup -d $dev; '"$ext2_clean" \
		$'mkfs.ext2: LOOP is in use: LOOP is mounted on ./m\nmkfs.vfat: LOOP is in use: LOOP is mounted on ./m\nmkswap: fs.img is in use: LOOP is mounted on ./m\nkeep\nclean\n'
fi

for args in "1440k" "10M" "40M" "-F 12 10M" "-F 16 40M" "-F 32 40M" "-s 1 -F 16 8M" "-F 32 600M"; do
	check "mkfs.vfat ${args%${args##* }}on ${args##* }: fsck.vfat finds it clean" \
		"truncate -s ${args##* } fs.img && mkfs.vfat ${args%${args##* }} fs.img && \$FSCKVFAT -n fs.img >fsck.out 2>&1 && echo clean || cat fsck.out" \
		$'clean\n'
done
check "mkfs.vfat: the FAT type chosen by size (blkid)" \
	'for s in 1440k 10M 600M; do truncate -s $s fs$s && mkfs.vfat fs$s && od -An -c -j54 -N5 fs$s; od -An -c -j82 -N5 fs$s; done | tr -d " " | grep FAT' \
	$'FAT12\nFAT16\nFAT32\n'
check "mkfs.vfat: label and serial as blkid reads them" \
	'truncate -s 10M fs.img && mkfs.vfat -n data -i 1234abcd fs.img && /usr/sbin/blkid -o export fs.img | grep -E "^(LABEL|UUID|TYPE)="' \
	$'LABEL=DATA\nUUID=1234-ABCD\nTYPE=vfat\n'
for bits in 12 16 32; do
	check "mkfs.vfat -F $bits: files written by mcopy read back, still clean" \
		'truncate -s 40M fs.img && mkfs.vfat -F '$bits' fs.img 2>/dev/null || mkfs.vfat -F '$bits' fs.img 9000 || exit 1;
		 seq 1 30000 > data && /usr/bin/mmd -i fs.img ::/dir && /usr/bin/mcopy -i fs.img data ::/dir/data.txt &&
		 /usr/bin/mtype -i fs.img ::/dir/data.txt | cmp - data && $FSCKVFAT -n fs.img >fsck.out && echo clean' $'clean\n'
done
check "mkfs.vfat -v says what it makes" \
	'truncate -s 10M fs.img && mkfs.vfat -v -i 1 fs.img' \
	$'fs.img: FAT16, 20480 sectors, 10183 clusters of 1024 bytes, FATs of 40 sectors, volume id 00000001\n'
check "mkdosfs BLOCKS creates the image file" 'mkdosfs fs.img 1440 && stat -c %s fs.img' $'1474560\n'
check "mkfs.vfat: too small a file" 'truncate -s 2k fs.img && mkfs.vfat fs.img' '' 1 'mkfs.vfat: .*does not fit'
check "mkfs.vfat: FAT32 on too small a disk" 'truncate -s 10M fs.img && mkfs.vfat -F 32 fs.img' '' 1 'FAT32 needs at least 65525 clusters'
check "mkfs.vfat: FAT12 on too big a disk" 'truncate -s 600M fs.img && mkfs.fat -F 12 fs.img' '' 1 'FAT12 file system does not fit'
check "mkfs.vfat: a bad -F" 'truncate -s 1M fs.img && mkfs.vfat -F 24 fs.img' '' 2 '-F takes 12, 16 or 32'
check "mkfs.vfat: a label too long" 'truncate -s 1M fs.img && mkfs.vfat -n 123456789012 fs.img' '' 2 'longer than 11'
check "mkfs.vfat: a bad label character" 'truncate -s 1M fs.img && mkfs.vfat -n "a*b" fs.img' '' 2 "not allowed in a FAT label"
check "mkfs.vfat: no such device" 'mkfs.vfat /no/such/dev' '' 1 'mkfs.vfat: /no/such/dev: No such file'
check "mkfs.vfat --help" 'mkfs.vfat --help | head -n 1' $'Usage: mkfs.vfat [-Iv] [-F 12|16|32] [-n LABEL] [-s SECTORS_PER_CLUSTER] [-i VOLUME_ID]\n'
