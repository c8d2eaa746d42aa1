#!/bin/sh
# Write the list the kernel's gen_init_cpio turns into the initramfs (the root file system).
#
# Usage: tools/make-initramfs.sh MINI LIST
# The list names every directory, file, link and device node with owner and mode, so no
# root rights are needed to build it: /dev/console, for instance, is a line here, not a
# node on the build machine's disk. (Format: usr/gen_init_cpio.c in the kernel source.)
set -eu
mini=$(readlink -f "$1")
list=$2
rootfs=boot/rootfs

{
	echo "# initramfs of mini, written by tools/make-initramfs.sh"
	for d in /bin /sbin /dev /proc /sys /tmp /run /root /home /mnt /var /var/log; do
		case $d in
		/tmp) mode=1777 ;;
		/root) mode=0700 ;;
		*) mode=0755 ;;
		esac
		echo "dir $d $mode 0 0"
	done
	# The kernel opens /dev/console for init's stdin, stdout and stderr before
	# devtmpfs is mounted: it must exist in the initramfs itself.
	echo "nod /dev/console 0600 0 0 c 5 1"

	# The one binary, and a link for each of its commands. It is setuid root so that su
	# and passwd work for users; shell/main.c gives the privilege up at once for every
	# other command.
	echo "file /bin/mini $mini 4755 0 0"
	for name in $("$mini" --list); do
		echo "slink /bin/$name mini 0777 0 0"
	done
	echo "slink /sbin/init ../bin/mini 0777 0 0"
	echo "slink /init bin/mini 0777 0 0"

	# /etc and the rest of the skeleton, from boot/rootfs, in one fixed order (C
	# collation). Git keeps only the x bit, and a checkout's other bits follow the
	# umask of whoever made it: so every mode is set here, from the x bit alone, and
	# the same commit gives the same initramfs anywhere.
	(cd "$rootfs" && find . -mindepth 1 | LC_ALL=C sort) | while IFS= read -r path; do
		path=${path#.}
		case $path in
		/etc/shadow|/etc/gshadow) mode=0600 ;;
		*) if [ -d "$rootfs$path" ] || [ -x "$rootfs$path" ]; then mode=0755; else mode=0644; fi ;;
		esac
		if [ -d "$rootfs$path" ]; then
			echo "dir $path $mode 0 0"
		elif [ -L "$rootfs$path" ]; then
			echo "slink $path $(readlink "$rootfs$path") 0777 0 0"
		else
			echo "file $path $(readlink -f "$rootfs$path") $mode 0 0"
		fi
	done
} > "$list.tmp"
mv "$list.tmp" "$list"
