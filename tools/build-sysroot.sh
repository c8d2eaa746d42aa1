#!/bin/sh
# Build the i386 sysroot that mini is compiled and linked against:
#   1. Linux 6.12 user-space headers for i386 (from build/linux, see unpack-kernel.sh);
#   2. uClibc-ng 1.0.35 (Debian's uclibc-source), static only, for the i486,
#      configured from tools/uclibc.config.
# Result: build/sysroot/usr/include and build/sysroot/usr/lib/{crt1.o,crti.o,crtn.o,libc.a}.
set -eu
# A make that called us may pass its variables (O=...) down through MAKEFLAGS:
# uClibc's own make must not see them.
unset MAKEFLAGS MFLAGS MAKEOVERRIDES O
top=$(pwd)
build=$top/build
sysroot=$build/sysroot
linux=$build/linux
fragment=$top/tools/uclibc.config
jobs=$(nproc 2>/dev/null || echo 2)

# One build at a time (several make runs may ask at once); the finished sysroot is
# moved into place at the end, so a half-built one is never seen.
mkdir -p "$build"
exec 9>"$build/.sysroot.lock"
flock 9
[ -f "$sysroot/.done" ] && [ "$sysroot/.done" -nt "$fragment" ] && [ "$sysroot/.done" -nt "$0" ] && exit 0
final=$sysroot
sysroot=$build/sysroot.new
rm -rf "$sysroot"
mkdir -p "$sysroot/usr/include"

# 1. Kernel headers. `make headers` writes them into the object folder's usr/include.
echo "  HEADERS linux i386"
make -s -C "$linux" O="$build/linux-headers" ARCH=i386 headers >/dev/null
cp -R "$build/linux-headers/usr/include/." "$sysroot/usr/include/"
find "$sysroot/usr/include" -name '.*' -delete

# 2. uClibc-ng.
tarball=$(ls /usr/src/uClibc-ng-*.tar.* | head -n 1)
src=$build/uclibc
rm -rf "$src" && mkdir -p "$src"
echo "  UNPACK  $tarball"
tar -xf "$tarball" -C "$src" --strip-components=1

# Without shared libraries 1.0.35 only declares _dl_pagesize and every link fails;
# newer uClibc-ng defines it here, so we do the same.
sed -i 's/^extern size_t _dl_pagesize;/size_t _dl_pagesize;/' "$src/libc/misc/elf/dl-support.c"

# 1.0.35's i386 struct kernel_stat64 has a 16-bit st_rdev followed by 10 bytes of
# padding, where the kernel has a 64-bit st_rdev and 4: minor numbers over 255 were cut.
sed -i 's/^\tunsigned short\tst_rdev;$/\tunsigned long long\tst_rdev;/; s/^\tunsigned char\t__pad3\[10\];$/\tunsigned char\t__pad3[4];/' \
	"$src/libc/sysdeps/linux/i386/bits/kernel_stat.h"
grep -q 'unsigned long long	st_rdev;' "$src/libc/sysdeps/linux/i386/bits/kernel_stat.h"

# The stack protector's canary from the 16 random bytes the kernel gives every program
# (the AT_RANDOM entry of the aux vector, as glibc and musl do), not from /dev/urandom:
# early in the boot, before the kernel's pool is ready, reading urandom made each
# process wait for timer jitter to fill it, and the boot took 5 s longer.
main_c=$src/libc/misc/internals/__uClibc_main.c
sed -i 's/^    stack_chk_guard = _dl_setup_stack_chk_guard();$/    if (stack_chk_guard == 0)\n\tstack_chk_guard = _dl_setup_stack_chk_guard();/' "$main_c"
sed -i '/^\t    memcpy(&(auxvt\[auxv_entry->a_type\]), auxv_entry, sizeof(ElfW(auxv_t)));$/{n;a\
# ifdef __UCLIBC_HAS_SSP__\
\telse if (auxv_entry->a_type == AT_RANDOM)\
\t    memcpy(\&stack_chk_guard, (void *) auxv_entry->a_un.a_val, sizeof(stack_chk_guard));\
# endif
}' "$main_c"
grep -q 'if (stack_chk_guard == 0)' "$main_c" && grep -q 'a_type == AT_RANDOM' "$main_c"

# The fragment in Kconfig form: "X=n" becomes "# X is not set"; comments dropped;
# then the settings that depend on where this tree lives.
{
	grep -v '^#' "$fragment" | grep . | sed 's/^\([A-Za-z0-9_]*\)=n$/# \1 is not set/'
	echo "KERNEL_HEADERS=\"$sysroot/usr/include\""
	echo "RUNTIME_PREFIX=\"/\""
	echo "DEVEL_PREFIX=\"/usr/\""
	echo "CROSS_COMPILER_PREFIX=\"\""
	# Debian's gcc -m32 makes i686 PIE code by default: ask for plain i486 code.
	# No unwind tables either: C without exceptions never reads them (28 KB in mini).
	echo "UCLIBC_EXTRA_CFLAGS=\"-m32 -march=i486 -fno-pie -fcf-protection=none -fno-asynchronous-unwind-tables -fno-unwind-tables\""
} > "$src/mini.config"

ucmake() {
	make -C "$src" ARCH=i386 CC="gcc -m32" LD="ld -m elf_i386" HOSTCC=gcc "$@"
}
echo "  CONFIG  uClibc-ng"
ucmake -s allnoconfig KCONFIG_ALLCONFIG="$src/mini.config" >/dev/null

# Every fragment line must have survived into .config.
grep -v '^#' "$fragment" | grep . | while IFS= read -r line; do
	# "X=n" holds when X is not set or not there at all (its dependencies are off).
	case $line in
	*=n) ! grep -q "^${line%=n}=" "$src/.config" ;;
	*) grep -qxF "$line" "$src/.config" ;;
	esac || { echo "build-sysroot: '$line' did not survive into uClibc's .config" >&2; exit 1; }
done

echo "  BUILD   uClibc-ng (static, i486)"
ucmake -j"$jobs" -s all >"$build/uclibc.log" 2>&1 || { tail -n 30 "$build/uclibc.log" >&2; exit 1; }
ucmake -s install PREFIX="$sysroot" >>"$build/uclibc.log" 2>&1 || { tail -n 30 "$build/uclibc.log" >&2; exit 1; }
touch "$sysroot/.done"
rm -rf "$final"
mv "$sysroot" "$final"
echo "  SYSROOT $final"
