#!/bin/sh
# Write the gen_init_cpio list of the rival: Debian's busybox-static as the whole
# userland, set up the usual BusyBox way, for the same kernel as mini.
#
# Usage: tools/bench/bb-initramfs.sh BUSYBOX LIST
# The file system mirrors mini's (tools/make-initramfs.sh): the same directories,
# /dev/console, one binary with a link for each of its applets (busybox --list-full
# gives their usual paths), and an init that does what mini's does: mount /proc,
# /sys and /dev, then a login shell on the serial line and on the first VGA console.
set -eu
busybox=$(readlink -f "$1")
list=$2
etc=$(dirname "$list")/bb-etc
mkdir -p "$etc"

# BusyBox init reads /etc/inittab; "respawn" restarts the shell when it exits.
cat > "$etc/inittab" <<'EOF'
::sysinit:/bin/mount -t proc proc /proc
::sysinit:/bin/mount -t sysfs sysfs /sys
::sysinit:/bin/mount -t devtmpfs devtmpfs /dev
ttyS0::respawn:-/bin/sh
tty1::respawn:-/bin/sh
::ctrlaltdel:/sbin/reboot
::shutdown:/bin/umount -a -r
EOF
echo "bb" > "$etc/hostname"

{
	echo "# initramfs of the BusyBox rival, written by tools/bench/bb-initramfs.sh"
	for d in /bin /sbin /usr /usr/bin /usr/sbin /dev /proc /sys /tmp /run /root /home /mnt \
		/var /var/log /etc; do
		case $d in
		/tmp) mode=1777 ;;
		/root) mode=0700 ;;
		*) mode=0755 ;;
		esac
		echo "dir $d $mode 0 0"
	done
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "file /bin/busybox $busybox 0755 0 0"
	"$busybox" --list-full | while IFS= read -r path; do
		[ "$path" = bin/busybox ] && continue
		# A link from usr/bin/x to /bin/busybox, relative like mini's.
		case $path in
		*/*/*) target=../../bin/busybox ;;
		bin/*) target=busybox ;;
		*) target=../bin/busybox ;;
		esac
		echo "slink /$path $target 0777 0 0"
	done
	echo "slink /init bin/busybox 0777 0 0"
	echo "file /etc/inittab $(readlink -f "$etc/inittab") 0644 0 0"
	echo "file /etc/hostname $(readlink -f "$etc/hostname") 0644 0 0"
} > "$list.tmp"
mv "$list.tmp" "$list"
