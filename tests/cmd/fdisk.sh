# fdisk: tables made by mini's fdisk are read back by the host's sfdisk, and the other way
SFDISK=/usr/sbin/sfdisk
export SFDISK
dump='$SFDISK -d d.img | grep "^d.img"'
check "fdisk: primary partitions from a script, read back by sfdisk" \
	'truncate -s 64M d.img && printf "n\np\n1\n\n+10M\nn\np\n2\n\n+20M\nt\n2\nc\na\n1\nw\n" | fdisk d.img >/dev/null && '"$dump" \
	$'d.img1 : start=        2048, size=       20480, type=83, bootable\nd.img2 : start=       22528, size=       40960, type=c\n'
check "fdisk: extended and logical partitions, read back by sfdisk" \
	'truncate -s 64M d.img && printf "n\np\n1\n\n+10M\nn\ne\n2\n\n\nn\nl\n\n+5M\nn\nl\n\n\nt\n6\n82\nw\n" | fdisk d.img >/dev/null && '"$dump" \
	$'d.img1 : start=        2048, size=       20480, type=83\nd.img2 : start=       22528, size=      108544, type=5\nd.img5 : start=       24576, size=       10240, type=83\nd.img6 : start=       36864, size=       94208, type=82\n'
check "fdisk: deleting a logical partition renumbers the next" \
	'truncate -s 64M d.img && printf "n\ne\n1\n\n\nn\nl\n\n+5M\nn\nl\n\n+5M\nd\n5\nw\n" | fdisk d.img >/dev/null && '"$dump" \
	$'d.img1 : start=        2048, size=      129024, type=5\nd.img5 : start=       16384, size=       10240, type=83\n'
check "fdisk -l: a table made by sfdisk" \
	'truncate -s 64M d.img && printf "label: dos\nlabel-id: 0x12345678\n2048,20480,83,*\n,40960,b\n,,5\n,8192,82\n,,83\n" | $SFDISK -q d.img >/dev/null 2>&1 && fdisk -l d.img' \
	'Disk d.img: 64M, 67108864 bytes, 131072 sectors
Geometry: 255 heads, 63 sectors/track
Units: sectors of 1 * 512 = 512 bytes
Disklabel type: dos
Disk identifier: 0x12345678

Device   Boot      Start        End    Sectors   Size Id Type
d.img1   *          2048      22527      20480    10M 83 Linux
d.img2             22528      63487      40960    20M 0b W95 FAT32
d.img3             63488     131071      67584    33M 05 Extended
d.img5             65536      73727       8192   4.0M 82 Linux swap / Solaris
d.img6             75776     131071      55296    27M 83 Linux
'
check "fdisk -l: a damaged table is listed with warnings, never changed" \
	'truncate -s 10M d.img && printf "\0\0\0\0\203\0\0\0\0\10\0\0\0\40\0\0\0\0\0\0\203\0\0\0\0\20\0\0\0\40\0\0" |
	 dd of=d.img bs=1 seek=446 conv=notrunc 2>/dev/null && printf "\125\252" | dd of=d.img bs=1 seek=510 conv=notrunc 2>/dev/null &&
	 cksum d.img > before; fdisk -l d.img | grep -E "^Warning"; printf "q\n" | fdisk d.img >/dev/null; cksum d.img | cmp - before' \
	$'Warning: partitions 1 and 2 overlap.\n'
check "fdisk: a partition past the end of the disk is warned about" \
	'truncate -s 10M d.img && printf "2048,8192,83\n" | $SFDISK -q d.img >/dev/null 2>&1 && truncate -s 4M d.img && fdisk -l d.img | grep Warning' \
	$'Warning: partition 1 (sectors 2048-10239) does not lie within the disk (sectors 1-8191).\n'
check "fdisk: p shows the new table before w, q writes nothing" \
	'truncate -s 8M d.img && printf "n\np\n1\n\n\np\nq\n" | fdisk d.img | grep "^d.img1"; od -An -tx1 -j510 -N2 d.img' \
	$'d.img1              2048      16383      14336   7.0M 83 Linux\n 00 00\n'
check "fdisk: a size too big is refused, nothing written at the end of input" \
	'truncate -s 8M d.img && printf "n\np\n1\n\n+100M\n" | fdisk d.img | grep -c "Value out of range"; od -An -tx1 -j510 -N2 d.img' \
	$'1\n 00 00\n' 0 'fdisk: end of input: the changes were not written'
check "fdisk: no room left" \
	'truncate -s 8M d.img && printf "n\np\n1\n1\n\nn\np\n2\nq\n" | fdisk d.img | grep -o "No free sectors available."' \
	$'No free sectors available.\n'
check "fdisk: the kernel is not asked to re-read a file's table" \
	'truncate -s 8M d.img && printf "n\n\n\n\n\nw\n" | fdisk d.img | tail -n 2' $'The partition table has been altered.\nSyncing disks.\n'
check "fdisk: overlapping sectors are refused" \
	'truncate -s 8M d.img && printf "n\np\n1\n\n+1M\nn\np\n2\n2048\n" | fdisk d.img | grep -o "Sector 2048 is already allocated."' \
	$'Sector 2048 is already allocated.\n' 0 'not written'
check "fdisk: a disk too small for a table" 'head -c 512 /dev/zero > d.img && fdisk d.img' '' 1 'fdisk: d.img: too small for a partition table'
check "fdisk -l: no such disk" 'fdisk -l /no/such/disk' '' 1 'fdisk: /no/such/disk: No such file'
check "fdisk: a bad -H" 'fdisk -H 300 d.img' '' 2 'fdisk: invalid head count'
check "fdisk: no disk" 'fdisk' '' 2 'fdisk: no disk given'
check "fdisk --help" 'fdisk --help | head -n 1' $'Usage: fdisk [-u] [-H HEADS] [-S SECTORS] DISK     edit the partition table of DISK\n'
