#!/bin/sh
# Install the Debian packages mini is built from, only those missing.
# apt-get as root, through sudo otherwise; on a non-Debian host, say what is needed.
set -eu
packages="linux-source-6.12 uclibc-source gcc-multilib grub-pc-bin grub-common xorriso mtools
qemu-system-x86 make bc bison flex cpio xz-utils zstd libelf-dev python3 binutils
e2fsprogs dosfstools fdisk clang libclang-rt-dev faketime"

missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-deps: this is not a Debian/Ubuntu host; install these packages:$missing" >&2
	exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
echo "  APT    $missing"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
