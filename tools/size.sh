#!/bin/sh
# `make size`: where the bytes of mini's images go.
#
# Usage: tools/size.sh   (or O=build/h-me ISO=... KERNEL_DIR=... FLOPPY=... FKERNEL_DIR=...)
# Prints:
#   1. the parts: the ISO (the GRUB files inside it, the kernel), the boot floppy (GRUB's
#      sectors, the FAT, the kernel, the room left), each kernel by part (setup, unpacker,
#      compressed payload; inside it code, data, init code, the initramfs with an estimate
#      of its compressed share), and mini itself by section;
#   2. what each command adds to mini's stripped size, two ways:
#        own    the bytes of the command's own object file(s) in the link map;
#        adds   the exact saving if the command were left out: mini is linked again
#               without it (its *_main resolved to 0) and stripped, which also counts
#               the libc code only this command pulls in.
# Exits 1 when the ISO reaches 10,000,000 bytes (the hard limit), or the floppy is not
# exactly 1,474,560; warns past the ISO's budget of 2,949,120 bytes (2.88 MB: what the
# oldest El Torito BIOSes boot by floppy emulation).
# Needs: binutils (nm, size), xorriso (to list the ISO), zstd, gcc -m32 (to relink).
# KEEP_WORK=1 keeps the temporary folder of intermediate tables (its name is in sh -x).
set -eu
O=${O:-build/mini}
ISO=${ISO:-build/mini.iso}
KERNEL_DIR=${KERNEL_DIR:-build/kernel}
FLOPPY=${FLOPPY:-$(dirname "$ISO")/mini-floppy.img}
FKERNEL_DIR=${FKERNEL_DIR:-$(dirname "$KERNEL_DIR")/kernel-floppy}
MINI=$O/mini
MAP=$O/mini.map
LIMIT=10000000
BUDGET=2949120
FLOPPY_BYTES=1474560

# 1234567 -> 1,234,567 (awk: printf's ' flag needs a locale we do not rely on).
group() {
	awk -v n="$1" 'BEGIN {
		s = sprintf("%d", n); sign = ""
		if (s ~ /^-/) { sign = "-"; s = substr(s, 2) }
		while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
		print sign s out }'
}

bytes() { stat -c %s "$1"; }

row() {	# row LABEL BYTES [NOTE]
	printf '  %-44s %11s  %s\n' "$1" "$(group "$2")" "${3:-}" | sed 's/ *$//'
}

# ---- 1. The parts ----

# The files inside the ISO, as "SIZE PATH" lines (xorriso's lsdl: size is field 5).
list_iso() {
	xorriso -indev "$ISO" -find / -type f -exec lsdl 2>/dev/null |
		awk '{ path = $NF; gsub("\047", "", path); print $5, path }'
}

iso_parts() {
	iso_size=$(bytes "$ISO")
	list_iso > "$work/iso-files"
	files=$(awk '{ s += $1 } END { print s + 0 }' "$work/iso-files")
	kernel_in_iso=$(awk '$2 == "/boot/bzImage" { print $1 }' "$work/iso-files")
	grub_files=$(awk '$2 ~ "^/boot/grub/" && $2 != "/boot/grub/grub.cfg" { s += $1; n++ } END { print s + 0, n + 0 }' "$work/iso-files")
	grub_cfg=$(awk '$2 == "/boot/grub/grub.cfg" { print $1 }' "$work/iso-files")
	row "ISO $ISO" "$iso_size" "$(awk -v s="$iso_size" -v b=$BUDGET 'BEGIN { printf "%.1f%% of the 2.88 MB budget", 100 * s / b }')"
	row "  kernel /boot/bzImage" "${kernel_in_iso:-0}"
	row "  GRUB files in /boot/grub (${grub_files#* } files)" "${grub_files% *}"
	row "  grub.cfg" "${grub_cfg:-0}"
	row "  other files" "$(awk '$2 != "/boot/bzImage" && $2 !~ "^/boot/grub/" { s += $1 } END { print s + 0 }' "$work/iso-files")"
	# Every file starts on a 2 KiB sector: what its last sector leaves empty is lost.
	rounding=$(awk '{ s += (2048 - $1 % 2048) % 2048 } END { print s + 0 }' "$work/iso-files")
	row "  files' last sectors, unused" "$rounding"
	row "  ISO 9660 tables, boot area, padding" "$((iso_size - files - rounding))"
	echo "    GRUB files, largest first:"
	awk '$2 ~ "^/boot/grub/" { print }' "$work/iso-files" | sort -rn | head -n 12 |
		while read -r size path; do row "      ${path#/boot/grub/}" "$size"; done
}

# The boot floppy: GRUB in the FAT's reserved sectors, the FAT, the kernel, what is left.
# (The boot sector's BPB says where each part lies: tools/make-floppy.sh.)
floppy_parts() {
	size=$(bytes "$FLOPPY")
	le16() { od -An -tu2 -j"$1" -N2 "$FLOPPY" | tr -d ' '; }
	reserved=$(le16 14)
	fats=$(od -An -tu1 -j16 -N1 "$FLOPPY" | tr -d ' ')
	root_entries=$(le16 17)
	fat_sectors=$(le16 22)
	free=$(MTOOLS_SKIP_CHECK=1 mdir -i "$FLOPPY" :: 2>/dev/null | sed -n 's/ *bytes free.*//p' | tr -d ' ')
	kernel=$(MTOOLS_SKIP_CHECK=1 mdir -i "$FLOPPY" ::/bzImage 2>/dev/null | awk '$1 == "BZIMAGE" { print $2 }')
	row "floppy $FLOPPY" "$size" "$([ "$size" = $FLOPPY_BYTES ] && echo "a 1.44 MB floppy exactly" || echo "NOT 1,474,560 bytes")"
	row "  boot sector (GRUB's boot.img + the FAT's BPB)" 512
	row "  GRUB core.img (reserved sectors)" $(( (reserved - 1) * 512 ))
	row "  FAT ($fats) and root directory ($root_entries entries)" $(( (fats * fat_sectors + root_entries * 32 / 512) * 512 ))
	row "  kernel /bzImage" "${kernel:-0}"
	row "  free" "${free:-0}" "room left for the kernel to grow"
}

# One kernel by part. The bzImage is the real-mode setup, the unpacker, and the
# compressed vmlinux; vmlinux holds the code, the data, the init sections (freed once
# booted) and, inside those, the initramfs cpio. The cpio's share of the compressed
# payload is estimated by compressing it alone the way the kernel's build does.
kernel_parts() {	# kernel_parts DIR LABEL
	dir=$1
	bz=$dir/arch/x86/boot/bzImage
	[ -f "$bz" ] || { echo "  (no $bz)"; return 0; }
	if grep -q '^CONFIG_KERNEL_XZ=y' "$dir/.config"; then
		method=xz payload=$dir/arch/x86/boot/compressed/vmlinux.bin.xz
	else
		method=zstd payload=$dir/arch/x86/boot/compressed/vmlinux.bin.zst
	fi
	setup=$(bytes "$dir/arch/x86/boot/setup.bin")
	packed=$(bytes "$payload")
	row "kernel $bz ($2, $method)" "$(bytes "$bz")"
	row "  real-mode setup" "$setup"
	row "  unpacker and padding" $(( $(bytes "$bz") - setup - packed ))
	row "  compressed vmlinux" "$packed"
	cpio=$dir/usr/initramfs_data.cpio
	size -A "$dir/vmlinux" | awk -v cpio="$(bytes "$cpio")" '
		$1 == ".text" { code += $2 } $1 == ".rodata" { ro += $2 }
		$1 == ".data" { data += $2 } $1 ~ /^\.init\./ { init += $2 }
		$1 == ".bss" || $1 == ".brk" { bss += $2 }
		END { print "code", code; print "rodata", ro; print "data", data;
		      print "init", init - cpio; print "cpio", cpio; print "bss", bss }' |
	while read -r part n; do
		case $part in
		code) row "    vmlinux code (.text), unpacked" "$n" ;;
		rodata) row "    read-only data" "$n" ;;
		data) row "    data" "$n" ;;
		init) row "    init code and data (freed after boot)" "$n" ;;
		cpio) row "    initramfs cpio, uncompressed" "$n" ;;
		bss) row "    .bss and .brk (RAM only)" "$n" ;;
		esac
	done
	if [ "$method" = xz ]; then
		share=$(xz --format=xz --check=crc32 -9e -c "$cpio" | wc -c)
	else
		share=$(zstd -22 --ultra -q -c "$cpio" | wc -c)
	fi
	row "  the initramfs's share ($method alone, estimate)" "$share"
	# The driver modules in the initramfs (the ISO's kernel): each one, stripped as
	# it is there, largest first.
	if [ -d "$dir/modules-stripped" ]; then
		row "    the driver modules in its /lib/modules, uncompressed" \
			"$(cat "$dir"/modules-stripped/*.ko | wc -c)"
		for module in "$dir"/modules-stripped/*.ko; do
			echo "$(bytes "$module") $(basename "$module")"
		done | sort -rn | while read -r n name; do
			row "      $name" "$n"
		done
	fi
}

mini_parts() {
	row "mini $MINI (stripped)" "$(bytes "$MINI")"
	size -A "$MINI.full" | awk '$1 ~ /^\./ && $2 > 0 && $1 != ".comment" { print $1, $2 }' |
		while read -r section size; do
			note=""
			[ "$section" = .bss ] && note="(RAM only, not in the file)"
			row "  $section" "$size" "$note"
		done
}

# ---- 2. What each command adds ----

# Every input section the link map places in the output, as "BYTES FILE" lines.
# The map names a section, then (on the same or the next line) its address, size and
# the object it came from; "*fill*" lines are alignment padding. .bss takes no file
# bytes and non-allocated sections (.comment, debug) none in the program: skipped.
map_sections() {
	awk '
	function hex(s,   n, i) {	# "0x1f" -> 31 (mawk has no strtonum)
		n = 0; s = tolower(substr(s, 3))
		for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
		return n
	}
	/^Linker script and memory map/ { inmap = 1; next }
	!inmap { next }
	/^[.\/]/ { out = $1; counted = (out != ".bss" && out != ".tbss" && out != ".comment" && out !~ /^\.(debug|stab|note\.GNU|gnu\.attr)/) }
	!counted { next }
	$1 == "*fill*" && $3 ~ /^0x/ { print hex($3), "padding"; next }
	/^ \.[^ ]+$/ { pending = 1; next }
	/^ \.[^ ]+ +0x/ && NF >= 4 { print hex($3), $4; pending = 0; next }
	pending && $1 ~ /^0x/ && $2 ~ /^0x/ && NF >= 3 { print hex($2), $3; pending = 0; next }
	' "$MAP"
}

# Which part of mini each object file belongs to, as "OBJECT PART" lines for every
# object the link map loaded: a command (shell/cmd/NAME.o or shell/cmd/NAME/*.o, the
# shell's shell/sh/*.o, init's boot/*.o) or, starting with "=", a part they share.
object_parts() {
	grep '^LOAD ' "$MAP" | cut -d' ' -f2 | awk '{
		n = split($1, p, "/")
		if ($1 ~ /\/shell\/cmd\/[^\/]*\.o$/) { part = p[n]; sub(/\.o$/, "", part) }
		else if ($1 ~ /\/shell\/cmd\//) part = p[n - 1]
		else if ($1 ~ /\/shell\/sh\//) part = "sh"
		else if ($1 ~ /\/boot\//) part = "init"
		else if ($1 ~ /\/libmini\//) part = "=libmini"
		else if ($1 ~ /\/shell\/(main|commands)\.o$/) part = "=dispatch"
		else if ($1 ~ /libc\.a$/) part = "=libc"
		else if ($1 ~ /crt[1in]\.o$/) part = "=startup"
		else part = "=" p[n]
		print $1, part
	}'
}

# The command mains each part defines, as "PART FUNCTION NAME..." lines: nm tells
# which object defines NAME_main, the list in shell/command-list.h which names run it.
part_mains() {
	sed -n 's/^COMMAND("\(.*\)", \([a-z0-9_]*_main\))$/\2 \1/p' shell/command-list.h > "$work/table"
	# shellcheck disable=SC2046
	nm -g --defined-only -A $(awk '$2 !~ /^=/ { print $1 }' "$work/objects") 2>/dev/null |
		awk '$2 == "T" && $3 ~ /_main$/ { sub(/:[0-9a-f]*$/, "", $1); print $1, $3 }' |
		awk -v objects="$work/objects" -v table="$work/table" '
		BEGIN {
			while ((getline line < objects) > 0) { split(line, f, " "); part[f[1]] = f[2] }
			while ((getline line < table) > 0) { split(line, f, " "); names[f[1]] = names[f[1]] " " f[2] }
		}
		{ print part[$1], $2, names[$2] }'
}

# The bytes of a program's loaded sections that the file stores (no .bss). Not the
# file's size: ld pads the data segment to a page boundary, so file sizes move in
# 4 KiB steps and would hide what a small command costs.
loaded_bytes() {
	size -A "$1" | awk '$1 ~ /^\./ && $1 != ".bss" && $1 != ".tbss" && $1 != ".comment" { s += $2 } END { print s }'
}

# Link mini again from the objects the map lists, leaving out those of PART (or
# none for "=all") and setting the command mains it defined to address 0 (the table
# still names them; the program is only measured, never run). Prints "PART BYTES",
# or "PART -" when the rest of mini needs more of the part than its mains.
link_without() {
	part=$1
	out=$work/link.$part
	defsyms=$(awk -v p="$part" '$1 == p { printf " -Wl,--defsym=%s=0", $2 }' "$work/mains")
	keep=$(awk -v p="$part" '$2 != p { print $1 }' "$work/objects")
	# shellcheck disable=SC2086 (word lists on purpose)
	if gcc -m32 -static -no-pie -nostdlib -Wl,--gc-sections -Wl,-z,noseparate-code \
		$defsyms -o "$out" $keep 2>/dev/null; then
		echo "$part $(loaded_bytes "$out")"
	else
		echo "$part -"
	fi
	rm -f "$out"
}

command_table() {
	object_parts > "$work/objects"
	part_mains > "$work/mains"
	map_sections | awk -v objects="$work/objects" '
		BEGIN { while ((getline line < objects) > 0) { split(line, f, " "); part[f[1]] = f[2] } }
		{ p = ($2 == "padding") ? "=padding" : part[$2]
		  if (p == "" && $2 ~ /^.*libc\.a\(/) p = "=libc"
		  if (p == "") p = "=other"
		  own[p] += $1 }
		END { for (p in own) print own[p], p }' | sort -rn > "$work/parts"

	# One link per command, as many at once as there are cores.
	{ echo =all; awk '$2 !~ /^=/ { print $2 }' "$work/parts"; } |
		xargs -P "$(nproc 2>/dev/null || echo 2)" -I{} sh "$0" --link-without "$work" {} > "$work/links"
	base=$(awk '$1 == "=all" { print $2 }' "$work/links")

	# One line a command, "ADDS OWN PART NAMES...", sorted by what it adds.
	awk -v base="$base" -v links="$work/links" -v mains="$work/mains" '
		BEGIN {
			while ((getline line < links) > 0) { split(line, f, " "); without[f[1]] = f[2] }
			while ((getline line < mains) > 0) { n = split(line, f, " "); for (i = 3; i <= n; i++) names[f[1]] = names[f[1]] " " f[i] }
		}
		$2 !~ /^=/ { adds = (without[$2] ~ /^[0-9]+$/) ? base - without[$2] : "-"
			print adds, $1, $2, names[$2] }' "$work/parts" | sort -rn > "$work/commands"
	printf '  %-12s %9s %9s  %s\n' command own adds names
	while read -r adds own part names; do
		printf '  %-12s %9s %9s  %s\n' "$part" "$(group "$own")" "$([ "$adds" = - ] && echo - || group "$adds")" "$names"
	done < "$work/commands"
	echo "  shared parts (own bytes):"
	grep ' =' "$work/parts" | while read -r own part; do
		printf '  %-12s %9s\n' "${part#=}" "$(group "$own")"
	done
	total=$(awk '{ s += $1 } END { print s }' "$work/parts")
	printf '  %-12s %9s   (link map; the stripped file adds ELF headers)\n' total "$(group "$total")"
}

# Internal: one link of command_table, which runs several at once through xargs.
if [ "${1:-}" = --link-without ]; then
	work=$2
	link_without "$3"
	exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/mini-size.XXXXXX")
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
[ -f "$MINI" ] && [ -f "$MAP" ] || { echo "size: $MINI or $MAP missing (make mini O=$O)" >&2; exit 1; }
echo "Parts (bytes)"
if [ -f "$ISO" ]; then
	iso_parts
else
	echo "  (no $ISO: make iso)"
fi
if [ -f "$FLOPPY" ]; then
	floppy_parts
else
	echo "  (no $FLOPPY: make floppy)"
fi
kernel_parts "$KERNEL_DIR" "the ISO's"
kernel_parts "$FKERNEL_DIR" "the floppy's"
mini_parts
echo
echo "What each command adds to mini (bytes of loaded sections; own = its objects in the"
echo "link map, adds = saved if it were left out, libc code only it uses included; the"
echo "stripped file itself moves in 4 KiB steps: ld pads the data segment to a page)"
command_table

if [ -f "$ISO" ]; then
	iso_size=$(bytes "$ISO")
	if [ "$iso_size" -ge $LIMIT ]; then
		echo "size: $ISO is $(group "$iso_size") bytes: over the hard limit of $(group $LIMIT)" >&2
		exit 1
	fi
	if [ "$iso_size" -gt $BUDGET ]; then
		echo "size: warning: $ISO is $(group "$iso_size") bytes, $(group $((iso_size - BUDGET))) over our budget of $(group $BUDGET) (2.88 MB, El Torito floppy emulation)" >&2
	fi
fi
if [ -f "$FLOPPY" ] && [ "$(bytes "$FLOPPY")" != $FLOPPY_BYTES ]; then
	echo "size: $FLOPPY is $(group "$(bytes "$FLOPPY")") bytes, not $(group $FLOPPY_BYTES)" >&2
	exit 1
fi
