"""test_fdisk.py: a disk that mini itself partitions and formats, checked by the host.

One boot with a blank 64 MB IDE disk (-hda). In the guest: fdisk makes three primary
partitions from a script on stdin (ext2, FAT, swap), mkfs.ext2, mkfs.vfat and mkswap
format them, the ext2 and FAT ones are mounted and written, swapon takes the swap one
(when the guest has swapon), then poweroff. The host then reads the table with sfdisk,
cuts the partitions out by offset and checks them with e2fsck -f -n and fsck.vfat -n,
and reads the guest's files back with debugfs and mtools.

Usage: test_fdisk.py [ISO]
"""
import os
import shutil
import subprocess
import tempfile
from qemu import Machine, Timeout, check, finish, iso_from_argv

DISK_MB = 64
TEXT = "written by mini in the guest"
SFDISK, E2FSCK, DEBUGFS, FSCK_VFAT, MTYPE = ("/usr/sbin/sfdisk", "/usr/sbin/e2fsck",
                                              "/usr/sbin/debugfs", "/usr/sbin/fsck.vfat", "/usr/bin/mtype")


def partitions(disk):
    """sfdisk's view of the table: [(start, size, type)] in sectors."""
    out = subprocess.run([SFDISK, "-d", disk], capture_output=True, text=True).stdout
    parts = []
    for line in out.splitlines():
        if " : start=" not in line:
            continue
        fields = dict(f.strip().split("=") for f in line.split(":", 1)[1].split(",") if "=" in f)
        parts.append((int(fields["start"]), int(fields["size"]), fields["type"]))
    return parts, out


def cut(disk, start, size, path):
    """Copy one partition out of the disk image."""
    with open(disk, "rb") as src, open(path, "wb") as dst:
        src.seek(start * 512)
        left = size * 512
        while left:
            block = src.read(min(left, 1 << 20))
            if not block:
                break
            dst.write(block)
            left -= len(block)


def host(cmd):
    """Run a host tool: its status, and its output (stdout first, then stderr)."""
    r = subprocess.run(cmd, capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


iso = iso_from_argv()
work = tempfile.mkdtemp(prefix="mini-fdisk-test.")
try:
    disk = os.path.join(work, "disk.img")
    with open(disk, "wb") as f:
        f.truncate(DISK_MB << 20)
    extra = ["-drive", "file=%s,format=raw,if=ide,index=0" % disk]
    with Machine(iso, mem=32, extra=extra) as m:
        try:
            m.wait_prompt(120)
        except Timeout as e:
            check("fdisk: boots to a prompt with a blank IDE disk", False, e)
            finish()
        script = r"n\np\n1\n\n+24M\nn\np\n2\n\n+24M\nt\n2\nb\nn\np\n3\n\n\nt\n3\n82\nw\n"
        out = m.run("printf '%s' | fdisk /dev/sda >/tmp/fdisk.out; echo status $?; "
                    "cat /proc/partitions" % script, 60)
        check("fdisk: writes the table and the kernel re-reads it (sda1-sda3 appear)",
              "status 0" in out and all(" sda%d" % i in out for i in (1, 2, 3)), out)
        out = m.run("mkfs.ext2 -q -L minitest /dev/sda1; echo ext2 $?; mkfs.vfat -n MINIFAT /dev/sda2; "
                    "echo vfat $?; mkswap -L miniswap /dev/sda3 >/dev/null; echo swap $?", 120)
        check("fdisk: mkfs.ext2, mkfs.vfat and mkswap on the new partitions",
              all(s in out for s in ("ext2 0", "vfat 0", "swap 0")), out)
        out = m.run("mkdir -p /mnt/e /mnt/f && mount -t ext2 /dev/sda1 /mnt/e && mount -t vfat /dev/sda2 /mnt/f "
                    "&& echo '%s' > /mnt/e/hello.txt && mkdir /mnt/e/dir && seq 1 20000 > /mnt/e/dir/numbers "
                    "&& echo '%s' > /mnt/f/hello.txt && seq 1 20000 > /mnt/f/numbers && echo written" % (TEXT, TEXT), 60)
        check("fdisk: the kernel mounts both and writes files on them", "written" in out, out)
        out = m.run("mkfs.ext2 /dev/sda1; echo status $?")
        check("fdisk: mkfs.ext2 on a mounted partition is refused", "is mounted on" in out and
              "status 1" in out, out)
        out = m.run("printf 'q\\n' | fdisk /dev/sda >/dev/null; fdisk -l | grep -c '^/dev/sda[123] '")
        check("fdisk -l lists the disk from /proc/partitions", out.strip().endswith("3"), out)
        out = m.run("umount /mnt/e && umount /mnt/f && echo unmounted; "
                    "command -v swapon >/dev/null && swapon /dev/sda3 && grep -c sda3 /proc/swaps && swapoff /dev/sda3; true")
        check("fdisk: both unmount", "unmounted" in out, out)
        if "\n1" in "\n" + out:
            check("fdisk: the kernel's swapon accepts mkswap's area", True)
        check("fdisk: poweroff ends QEMU", m.poweroff(30) == 0, m.log[-1500:])

    parts, table = partitions(disk)
    check("fdisk: sfdisk reads the table: 83, b, 82", [p[2] for p in parts] == ["83", "b", "82"], table)
    if len(parts) == 3:
        ext2, fat, swap = (os.path.join(work, n) for n in ("ext2.img", "fat.img", "swap.img"))
        for (start, size, _), path in zip(parts, (ext2, fat, swap)):
            cut(disk, start, size, path)
        status, out = host([E2FSCK, "-f", "-n", ext2])
        check("fdisk: the host's e2fsck -f -n finds the guest's ext2 clean", status == 0, out)
        status, out = host([DEBUGFS, "-R", "cat /hello.txt", ext2])
        check("fdisk: the guest's file reads back from the ext2 (debugfs)", TEXT in out, out)
        status, out = host([DEBUGFS, "-R", "cat /dir/numbers", ext2])
        numbers = "".join("%d\n" % i for i in range(1, 20001))
        check("fdisk: a bigger file reads back whole from the ext2", out.startswith(numbers), out[-300:])
        status, out = host([FSCK_VFAT, "-n", fat])
        check("fdisk: the host's fsck.vfat -n finds the guest's FAT clean", status == 0, out)
        status, out = host([MTYPE, "-i", fat, "::/hello.txt"])
        check("fdisk: the guest's file reads back from the FAT (mtools)", TEXT in out, out)
        status, out = host([MTYPE, "-i", fat, "::/numbers"])
        check("fdisk: a bigger file reads back whole from the FAT", out == numbers, out[-300:])
        status, out = host(["/usr/sbin/blkid", "-o", "export", swap])
        check("fdisk: blkid reads the guest's swap header", "TYPE=swap" in out and "LABEL=miniswap" in out, out)
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
