# mini: the whole build, from Debian's source packages to a bootable ISO.
# `make help` lists the targets. Everything built goes under build/ (git-ignored).

BUILD   := build
# Where this mini binary's objects go; tests and helpers may use their own folder.
O       ?= $(BUILD)/mini
SYSROOT := $(BUILD)/sysroot
MINI    := $(O)/mini

# The compiler: the host's gcc making 32-bit code for the i486, with only the
# uClibc-ng sysroot's headers (plus gcc's own stddef.h and stdarg.h) and objects.
# The stack protector (-strong) with one global canary (__stack_chk_guard, set by uClibc
# from /dev/urandom before main): a 486 has no NX bit, so a smashed return address must be
# caught before it is used; "global" because mini has no thread area for %gs:0x14.
CC      := gcc -m32
GCC_INCLUDE := $(shell gcc -m32 -print-file-name=include)
CFLAGS  := -std=gnu11 -Os -march=i486 -mtune=i486 -fno-pie -fcf-protection=none \
	-fstack-protector-strong -mstack-protector-guard=global -fno-asynchronous-unwind-tables -fno-unwind-tables \
	-ffunction-sections -fdata-sections -fno-strict-aliasing \
	-Wall -Wextra -Werror -Wno-unused-parameter \
	-nostdinc -isystem $(SYSROOT)/usr/include -isystem $(GCC_INCLUDE) \
	-D_GNU_SOURCE -D_FILE_OFFSET_BITS=64 -Ilibmini -Ishell
# Link: static, no PIE, nothing of Debian's libgcc.a (libmini/libgcc.c has the helpers).
LDFLAGS := -static -no-pie -nostdlib -Wl,--gc-sections -Wl,-z,noseparate-code \
	-Wl,-Map,$(O)/mini.map
CRT_BEGIN := $(SYSROOT)/usr/lib/crt1.o $(SYSROOT)/usr/lib/crti.o
CRT_END   := $(SYSROOT)/usr/lib/crtn.o

SOURCES := $(sort $(shell find shell libmini boot -name '*.c'))
OBJECTS := $(SOURCES:%.c=$(O)/%.o)

# The kernel's object folder and the ISO; a helper may build its own with
# `make iso O=build/x KOUT=build/x/kernel ISO=build/x/mini.iso`.
KOUT    ?= $(BUILD)/kernel
KERNEL  := $(KOUT)/arch/x86/boot/bzImage
ISO     ?= $(BUILD)/mini.iso
LIST    := $(O)/initramfs.list
# The boot floppy: its own kernel (kernel-config/floppy.config) in FKOUT, the image
# beside the ISO; SHA256SUMS lists both.
FKOUT   ?= $(dir $(KOUT))kernel-floppy
FKERNEL := $(FKOUT)/arch/x86/boot/bzImage
FLOPPY  ?= $(dir $(ISO))mini-floppy.img
SUMS    := $(dir $(ISO))SHA256SUMS
# Reproducible images: every date inside them is the last commit's (the kernel's build
# stamp, the initramfs, the ISO's and the floppy's files), never the clock's. Without
# git (an unpacked archive), the Makefile's own date: git archive stamps files so.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || stat -c %Y Makefile)
export SOURCE_DATE_EPOCH
# The epoch as a file that changes only when it does: after a new commit both kernels
# relink with the new stamp (a minute each) and the images are packed again, so that
# `make` gives what a clean build of the commit gives (tests/repro/run.sh compares them).
EPOCH_STAMP := $(dir $(ISO)).source-date-epoch

.PHONY: all iso floppy checksum mini sysroot deps kernel run run-vga test check-486 size bench bench-guest fuzz clean distclean help
all: iso floppy checksum

help:
	@echo "make            build the bootable ISO ($(ISO)), the boot floppy ($(FLOPPY)), $(SUMS)"
	@echo "make floppy     only the boot floppy (1.44 MB, GRUB + a kernel of its own)"
	@echo "make checksum   $(SUMS): the images' SHA-256 (the same commit gives the same bytes)"
	@echo "make run        boot it in QEMU, console in this terminal (poweroff to leave)"
	@echo "make run-vga    boot it in a QEMU window with the VGA console"
	@echo "make test       run every test; ends with 'N passed, N failed'"
	@echo "make mini       only the mini binary ($(MINI))"
	@echo "make size       bytes of every part and of every command"
	@echo "make bench      measure mini against BusyBox"
	@echo "make bench-guest  the same inside QEMU: shell, text, file, tar, gzip, vi (BENCH_RUNS=3)"
	@echo "make fuzz       fuzz tar, gunzip, awk, sed, grep, sh... (host build, clang, FUZZ_TIME=60 s each)"
	@echo "make clean      remove mini's objects, the kernel image and the ISO"
	@echo "make distclean  remove all of build/ (unpacked sources and sysroot too)"
	@echo "Variables: ACCEL=kvm (QEMU with KVM), MEM=32 (QEMU RAM in MB), O=dir (objects)"

# ---- host packages and the sysroot: done once ----
$(BUILD)/.deps: tools/install-deps.sh
	@mkdir -p $(BUILD)
	@sh tools/install-deps.sh
	@touch $@
deps: $(BUILD)/.deps

$(BUILD)/linux/.unpacked: | $(BUILD)/.deps
	@sh tools/unpack-kernel.sh $(BUILD)/linux

$(SYSROOT)/.done: tools/build-sysroot.sh tools/uclibc.config $(BUILD)/linux/.unpacked
	@sh tools/build-sysroot.sh
sysroot: $(SYSROOT)/.done

# ---- the mini binary ----
mini: $(MINI)

$(O)/%.o: %.c $(SYSROOT)/.done
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(MINI): $(OBJECTS)
	@echo "  LD      $@"
	@$(CC) $(LDFLAGS) -o $@.full $(CRT_BEGIN) $(OBJECTS) $(SYSROOT)/usr/lib/libc.a $(CRT_END)
	@strip -o $@ $@.full

-include $(OBJECTS:.o=.d)

# ---- kernel with the initramfs built in, and the ISO ----
$(LIST): $(MINI) tools/make-initramfs.sh shell/command-list.h $(shell find boot/rootfs)
	@sh tools/make-initramfs.sh $(MINI) $@

# Always "remade", but rewritten only when the epoch differs: what depends on it is
# rebuilt only then.
.PHONY: epoch-check
$(EPOCH_STAMP): epoch-check
	@mkdir -p $(dir $@)
	@echo $(SOURCE_DATE_EPOCH) | cmp -s - $@ || echo $(SOURCE_DATE_EPOCH) > $@

kernel: $(KERNEL)
$(KERNEL): $(LIST) kernel-config/mini.config kernel-config/disks.config kernel-config/iso.config \
		tools/build-kernel.sh $(BUILD)/linux/.unpacked $(EPOCH_STAMP)
	@sh tools/build-kernel.sh $(LIST) $(KOUT) mini disks iso

iso: $(ISO)
$(ISO): $(KERNEL) boot/grub.cfg tools/make-iso.sh
	@sh tools/make-iso.sh $(KERNEL) $@

floppy: $(FLOPPY)
$(FKERNEL): $(LIST) kernel-config/mini.config kernel-config/disks.config kernel-config/floppy.config \
		tools/build-kernel.sh $(BUILD)/linux/.unpacked $(EPOCH_STAMP)
	@sh tools/build-kernel.sh $(LIST) $(FKOUT) mini disks floppy
$(FLOPPY): $(FKERNEL) tools/make-floppy.sh
	@sh tools/make-floppy.sh $(FKERNEL) $@

# Names relative to the images' folder: `cd build && sha256sum -c SHA256SUMS`.
checksum: $(SUMS)
$(SUMS): $(ISO) $(FLOPPY)
	@cd $(dir $(SUMS)) && sha256sum $(notdir $(ISO)) $(notdir $(FLOPPY)) > $(notdir $(SUMS))
	@echo "  SUMS    $(SUMS)"

run: $(ISO)
	@sh tools/qemu.sh $(ISO)

run-vga: $(ISO)
	@sh tools/qemu.sh --vga $(ISO)

# ---- tests and measurements ----
test: $(BUILD)/.deps
	@$(MAKE) --no-print-directory iso floppy checksum
	@O=$(O) ISO=$(ISO) FLOPPY=$(FLOPPY) sh tests/run.sh

check-486: $(MINI)
	@sh tests/check-486.sh $(MINI).full

size: $(ISO) $(FLOPPY)
	@O=$(O) ISO=$(ISO) KERNEL_DIR=$(KOUT) FLOPPY=$(FLOPPY) FKERNEL_DIR=$(FKOUT) sh tools/size.sh

bench: $(ISO) $(FLOPPY)
	@O=$(O) ISO=$(ISO) KERNEL_DIR=$(KOUT) FLOPPY=$(FLOPPY) sh tools/bench.sh

# The same userlands timed inside QEMU, where mini really runs (tools/bench/guest.sh).
bench-guest: $(ISO)
	@ISO=$(ISO) sh tools/bench/guest.sh

clean:
	rm -rf $(O) $(KERNEL) $(FKERNEL) $(ISO) $(dir $(ISO))iso $(FLOPPY) $(SUMS)

distclean:
	rm -rf $(BUILD)

# Unit tests: each tests/unit/NAME.c becomes $(O)/tests/unit/NAME, linked with libmini.
UNIT_TESTS := $(patsubst tests/unit/%.c,$(O)/tests/unit/%,$(wildcard tests/unit/*.c))
LIBMINI_OBJECTS := $(filter $(O)/libmini/%,$(OBJECTS))
.PHONY: unit-tests
unit-tests: $(UNIT_TESTS)
# -MMD: a test that #includes a command's .c (simplere_test.c) is rebuilt when it changes.
$(O)/tests/unit/%: tests/unit/%.c $(LIBMINI_OBJECTS) $(SYSROOT)/.done
	@mkdir -p $(dir $@)
	@$(CC) $(CFLAGS) -Itests/unit -Wno-unused-function -MMD -MP -MF $@.d \
		$(LDFLAGS:$(O)/mini.map=$@.map) -o $@ \
		$(CRT_BEGIN) $< $(LIBMINI_OBJECTS) $(SYSROOT)/usr/lib/libc.a $(CRT_END)
-include $(UNIT_TESTS:=.d)

# ---- fuzzing: host builds (clang, libFuzzer, ASan, UBSan) of mini's own sources ----
# tests/fuzz/README.md says how the targets work. `make fuzz` builds every target and runs
# each for FUZZ_TIME seconds (default 60) from its seeds (tests/fuzz/corpus/TARGET, plus
# what it found before, kept in build/fuzz/TARGET.corpus); `make fuzz FUZZ_TARGETS=tar`
# runs one. `make fuzz-build` only builds them (the fuzz suite of `make test` does).
FUZZ_TIME ?= 60
FUZZ_DIR  := $(BUILD)/fuzz
FUZZ_TARGETS ?= sh_parse sh tar gunzip awk sed grep expr printf date fstype fsck_ext2 udhcpc wget httpd module
# What each target runs besides its harness tests/fuzz/TARGET.c (libmini comes as a library).
FUZZ_sh_parse := $(addprefix shell/sh/,arith.c expand.c input.c lexer.c parse.c util.c vars.c)
FUZZ_sh     := $(wildcard shell/sh/*.c) $(addprefix shell/cmd/,echo.c kill.c printf.c pwd.c test.c true.c)
FUZZ_tar    := shell/cmd/tar.c
FUZZ_gunzip := shell/cmd/gunzip.c shell/cmd/gzip.c
FUZZ_awk    := $(wildcard shell/cmd/awk/*.c)
FUZZ_sed    := shell/cmd/sed.c
FUZZ_grep   := shell/cmd/grep.c
FUZZ_expr   := shell/cmd/expr.c
FUZZ_printf := shell/cmd/printf.c
FUZZ_date   := shell/cmd/date.c
FUZZ_fsck_ext2 := shell/cmd/fsck_ext2.c
# fstype and module need only libmini; udhcpc, wget and httpd: the harness includes the command's source
# Languages that can loop forever on purpose: their calls are counted (fuzz_set_budget).
FUZZ_BUDGETED := $(FUZZ_sh) $(FUZZ_awk) $(FUZZ_sed)
FUZZ_LIBMINI  := $(filter-out libmini/libgcc.c,$(wildcard libmini/*.c))
FUZZ_CC     := clang -std=gnu11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-Wall -Wextra -Werror -Wno-unused-parameter -D_GNU_SOURCE -D_FILE_OFFSET_BITS=64 -Ilibmini -Ishell -Ishell/sh
FUZZ_BINS   := $(addprefix $(FUZZ_DIR)/,$(FUZZ_TARGETS))

# mini's sources, each with tests/fuzz/sandbox.h first (exit, malloc, fork... go to the harness)
$(FUZZ_DIR)/obj/%.o: %.c tests/fuzz/sandbox.h
	@command -v clang >/dev/null || { echo "make fuzz: needs clang (apt-get install clang)" >&2; exit 1; }
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@$(FUZZ_CC) $(if $(filter $<,$(FUZZ_BUDGETED)),-finstrument-functions) \
		-include tests/fuzz/sandbox.h -MMD -MP -c -o $@ $<
# the harnesses: plain host code
$(FUZZ_DIR)/obj/tests/fuzz/%.o: tests/fuzz/%.c tests/fuzz/fuzz.h
	@command -v clang >/dev/null || { echo "make fuzz: needs clang (apt-get install clang)" >&2; exit 1; }
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@$(FUZZ_CC) -MMD -MP -c -o $@ $<
$(FUZZ_DIR)/libmini.a: $(FUZZ_LIBMINI:%.c=$(FUZZ_DIR)/obj/%.o)
	@rm -f $@
	@ar rcs $@ $^
# each target: its harness, fuzz.c, its sources, libmini
define FUZZ_LINK
$(FUZZ_DIR)/$(1): $(FUZZ_DIR)/obj/tests/fuzz/$(1).o $(FUZZ_DIR)/obj/tests/fuzz/fuzz.o \
		$(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$(FUZZ_$(1))) $(FUZZ_DIR)/libmini.a
	@echo "  FUZZLD  $$@"
	@$$(FUZZ_CC) -o $$@ $$^
endef
$(foreach t,$(FUZZ_TARGETS),$(eval $(call FUZZ_LINK,$(t))))
-include $(shell find $(FUZZ_DIR)/obj -name '*.d' 2>/dev/null)

.PHONY: fuzz-build
fuzz-build: $(FUZZ_BINS)
fuzz: fuzz-build
	@sh tests/fuzz/run.sh -t $(FUZZ_TIME) -k $(FUZZ_TARGETS)
