#!/bin/sh
# Boot mini's ISO in QEMU.
#
# Usage: tools/qemu.sh [--vga] ISO
#   default  no window: the serial console is this terminal (Ctrl-A X quits QEMU)
#   --vga    a QEMU window with the VGA console (needs a display)
# Environment: MEM (MB of RAM, default 32), CPU (QEMU CPU model, default 486),
#   ACCEL=kvm to use KVM (off by default: on some hosts a 32-bit guest hangs under KVM).
set -eu
vga=0
if [ "${1:-}" = --vga ]; then
	vga=1
	shift
fi
iso=$1
accel=tcg
[ "${ACCEL:-}" = kvm ] && accel=kvm

if [ "$vga" = 1 ]; then
	display="-serial null"
else
	display="-nographic"
fi
# shellcheck disable=SC2086 (display holds two words on purpose)
exec qemu-system-i386 -accel "$accel" -cpu "${CPU:-486}" -m "${MEM:-32}" \
	-cdrom "$iso" -boot d $display
