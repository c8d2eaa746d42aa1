# fsck.ext2 (e2fsck): clean file systems (made by mini and by the host's mke2fs) pass;
# damaged ones are reported with exit 4, never a crash or a hang.
DEBUGFS=/usr/sbin/debugfs
export DEBUGFS
mkimage='truncate -s 8M fs.img && mkfs.ext2 -q fs.img && seq 1 5000 > data && $DEBUGFS -w -R "write data data" fs.img >/dev/null 2>&1 && $DEBUGFS -w -R "mkdir sub" fs.img >/dev/null 2>&1'
check "fsck.ext2 -n: a clean file system made by mkfs.ext2" \
	"$mkimage"' && fsck.ext2 -n fs.img' $'fs.img: 13/2048 files, 300/8192 blocks\n'
check "e2fsck -f -n: a clean file system made by the host's mke2fs (resize inode, dir_index, xattrs)" \
	'truncate -s 20M fs.img && /usr/sbin/mke2fs -q -t ext2 -L host fs.img && seq 1 100000 > data &&
	 $DEBUGFS -w -R "write data data" fs.img >/dev/null 2>&1 && $DEBUGFS -w -R "symlink link data" fs.img >/dev/null 2>&1 &&
	 e2fsck -f -n fs.img' $'host: 13/5112 files, 2041/20480 blocks\n'
check "fsck.ext2: a flipped block bitmap bit" \
	"$mkimage"' && printf "\0" | dd of=fs.img bs=1 seek=3072 conv=notrunc 2>/dev/null; fsck.ext2 -n fs.img | head -n 2' \
	$'Block bitmap differences: Block 1 is in use but marked free.\nBlock bitmap differences: Block 2 is in use but marked free.\n' 0
check "fsck.ext2: exit 4 for errors left" \
	"$mkimage"' && printf "\0" | dd of=fs.img bs=1 seek=3072 conv=notrunc 2>/dev/null; fsck.ext2 -n fs.img >/dev/null' '' 4
check "fsck.ext2: a block pointer outside the file system" \
	"$mkimage"' && $DEBUGFS -w -R "sif data block[2] 99999" fs.img >/dev/null 2>&1; fsck.ext2 -n fs.img | head -n 2' \
	$'Inode 12: block 99999 is outside the file system.\nInode 12: i_blocks is 50, should be 48.\n' 0
check "fsck.ext2: a block used twice" \
	"$mkimage"' && $DEBUGFS -w -R "sif data block[2] 5" fs.img >/dev/null 2>&1; fsck.ext2 -n fs.img | head -n 1' \
	$'Inode 12: block 5 is used twice.\n'
check "fsck.ext2: an entry pointing to a cleared inode" \
	"$mkimage"' && $DEBUGFS -w -R "clri data" fs.img >/dev/null 2>&1; fsck.ext2 -n fs.img | head -n 1' \
	$'Entry \'data\' in directory inode 2 points to unused inode 12.\n'
check "fsck.ext2: a wrong link count" \
	"$mkimage"' && $DEBUGFS -w -R "sif data links_count 3" fs.img >/dev/null 2>&1; fsck.ext2 -n fs.img' \
	$'Inode 12 ref count is 3, should be 1.\nfs.img: 13/2048 files, 300/8192 blocks\n\nfs.img: ***** 1 PROBLEM FOUND: THE FILE SYSTEM HAS ERRORS (nothing was changed) *****\n' 4
check "fsck.ext2: a damaged directory entry" \
	"$mkimage"' && printf "\3\0" | dd of=fs.img bs=1 seek=$((1024*261+4)) conv=notrunc 2>/dev/null; fsck.ext2 -n fs.img | head -n 1' \
	$'Directory inode 2, block 261, offset 0: a damaged entry (length 3).\n'
check "fsck.ext2: a truncated image" \
	"$mkimage"' && truncate -s 4M fs.img && fsck.ext2 -n fs.img' \
	$'fs.img: the file system is 8192 blocks, but the device holds only 4096:\nit is truncated (or the superblock or the partition table is wrong).\n' 4
check "fsck.ext2: a corrupt superblock" \
	"$mkimage"' && printf "\377" | dd of=fs.img bs=1 seek=$((1024+40+3)) conv=notrunc 2>/dev/null; fsck.ext2 -n fs.img' \
	$'fs.img: the superblock is corrupt (block size, group sizes or counts out of range).\n' 4
check "fsck.ext2: not an ext2 at all" 'head -c 100000 /dev/zero > z.img && fsck.ext2 -n z.img' '' 8 'fsck.ext2: z.img: not an ext2 file system'
check "fsck.ext2: random damage never crashes or hangs" \
	"$mkimage"' && for i in $(seq 40); do cp fs.img f.img; for j in 1 2 3 4 5 6; do
	   printf "\\$(printf %o $((RANDOM % 256)))" | dd of=f.img bs=1 seek=$((1024 + RANDOM * 8 % 300000)) conv=notrunc 2>/dev/null; done;
	   fsck.ext2 -n f.img >/dev/null 2>&1; s=$?; [ $s = 0 ] || [ $s = 4 ] || [ $s = 8 ] || echo "status $s"; done' ''
check "fsck.ext2: repairs are refused" 'fsck.ext2 -p fs.img' '' 16 'fsck.ext2: repairing is not supported, run with -n'
check "fsck.ext2: no such file" 'fsck.ext2 -n nosuch' '' 8 'fsck.ext2: nosuch: No such file'
check "fsck.ext2: no operand" 'fsck.ext2 -n' '' 16 'fsck.ext2: no device given'
check "fsck.ext2 --help" 'fsck.ext2 --help | head -n 1' $'Usage: fsck.ext2 [-nf] DEVICE\n'
# Crafted superblocks: counts that fit the checks above, but would make the check wrap an
# allocation's size on a 32-bit machine or claim blocks for a time quadratic in the disk.
le32='le32() { printf "\\x$(printf %02x $(($2 & 255)))\\x$(printf %02x $(($2 >> 8 & 255)))\\x$(printf %02x $(($2 >> 16 & 255)))\\x$(printf %02x $(($2 >> 24 & 255)))" | dd of=fs.img bs=1 seek=$((1024 + $1)) conv=notrunc 2>/dev/null; }
superblock() { le32 0 $1; le32 4 $2; le32 20 $3; le32 24 $4; le32 32 $5; le32 40 $6; le32 56 0xEF53; le32 76 1; le32 84 11; le32 88 128; le32 100 1; }'
check "fsck.ext2: group descriptors that do not fit in group 0 (a million groups of one block)" \
	"$le32"' && truncate -s 1000000K fs.img && superblock 15999984 1000000 1 0 1 16 && fsck.ext2 -n fs.img' \
	$'fs.img: the superblock is corrupt: 999999 groups\' descriptors do not fit in a group of 1 blocks.\n' 4
check "fsck.ext2: 2^31 inodes: too big to check, not a wrapped allocation" \
	"$le32"' && truncate -s 512G fs.img && superblock 2147483648 8388608 0 6 256 65536 && fsck.ext2 -n fs.img' \
	'' 8 'fsck.ext2: fs.img: too big to check on this machine \([0-9]+ MB of memory needed\)'
check "fsck.ext2: more inodes than the disk can hold (400 million on 100 MB)" \
	"$le32"' && truncate -s 100M fs.img && superblock 419430400 1600 0 6 2 524288 && fsck.ext2 -n fs.img' \
	$'fs.img: the superblock is corrupt: 800 inode tables of 1024 blocks do not fit in 1600 blocks.\n' 4
