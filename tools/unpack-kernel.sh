#!/bin/sh
# Unpack Debian's Linux 6.12 source (package linux-source-6.12) into build/linux.
# Done once: a stamp file marks a complete unpack, so an interrupted one starts again.
set -eu
out=${1:-build/linux}
tarball=$(ls /usr/src/linux-source-6.12.tar.* 2>/dev/null | head -n 1)
[ -n "$tarball" ] || { echo "unpack-kernel: /usr/src/linux-source-6.12.tar.xz missing (apt-get install linux-source-6.12)" >&2; exit 1; }
[ -f "$out/.unpacked" ] && exit 0
rm -rf "$out" "$out.tmp"
mkdir -p "$out.tmp"
echo "  UNPACK  $tarball"
# xz -T0 decompresses on every core; the tarball's top folder is linux-source-6.12/.
xz -T0 -dc "$tarball" | tar -x -C "$out.tmp" --strip-components=1
mv "$out.tmp" "$out"
touch "$out/.unpacked"
