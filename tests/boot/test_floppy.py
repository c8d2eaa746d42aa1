"""test_floppy.py: the boot floppy (build/mini-floppy.img, tools/make-floppy.sh).

One boot, as on the machines the floppy is for: a 486 with 8 MB of RAM, from drive A:,
with an IDE hard disk that the host made (an MBR and an ext2 partition holding a
known file). The floppy must be exactly 1,474,560 bytes, reach a prompt, see the disk,
mount its partition and read the file back, and poweroff must end QEMU.

Usage: test_floppy.py [ISO]: the floppy is mini-floppy.img beside the ISO (the folder
the Makefile builds both into), or $FLOPPY.
"""
import os
import shutil
import subprocess
import tempfile
from qemu import Machine, Timeout, check, finish, iso_from_argv

FLOPPY_BYTES = 1474560
MESSAGE = "written on the host for the floppy test"

iso = iso_from_argv()
floppy = os.environ.get("FLOPPY") or os.path.join(os.path.dirname(iso) or ".", "mini-floppy.img")
size = os.path.getsize(floppy) if os.path.exists(floppy) else None
check("floppy: %s is exactly 1,474,560 bytes" % floppy, size == FLOPPY_BYTES, "size: %s" % size)
if size is None:
    finish()


def make_disk(folder):
    """An 8 MB disk image: an MBR with one Linux partition from sector 2048, ext2 in it
    (made by the host's e2fsprogs, with hello.txt inside). Returns its path."""
    tree = os.path.join(folder, "tree")
    os.mkdir(tree)
    with open(os.path.join(tree, "hello.txt"), "w") as f:
        f.write(MESSAGE + "\n")
    part = os.path.join(folder, "part.img")
    disk = os.path.join(folder, "disk.img")
    subprocess.run(["mkfs.ext2", "-q", "-F", "-L", "floppytest", "-d", tree, part, "7M"],
                   check=True, stdout=subprocess.DEVNULL)
    with open(disk, "wb") as f:
        f.truncate(8 * 1024 * 1024)
    subprocess.run(["sfdisk", "-q", disk], input=b"label: dos\nstart=2048, type=83\n", check=True,
                   stdout=subprocess.DEVNULL)
    with open(part, "rb") as src, open(disk, "r+b") as dst:
        dst.seek(2048 * 512)
        shutil.copyfileobj(src, dst)
    return disk


work = tempfile.mkdtemp(prefix="mini-floppy-test.")
try:
    disk = make_disk(work)
    extra = ["-fda", floppy, "-boot", "a",
             "-drive", "file=%s,format=raw,if=ide,index=0" % disk]
    with Machine(iso, mem=8, cpu="486", extra=extra, as_disk=True) as m:
        try:
            m.wait_prompt(120)
            check("floppy: boots to a prompt (-cpu 486 -m 8, -fda, -boot a)", True)
        except Timeout as e:
            check("floppy: boots to a prompt (-cpu 486 -m 8, -fda, -boot a)", False, e)
            finish()
        out = m.run("cat /proc/partitions")
        check("floppy: the kernel sees the IDE disk and its partition (sda, sda1)",
              " sda\n" in out + "\n" and " sda1" in out, out)
        out = m.run("mount -t ext2 /dev/sda1 /mnt && cat /mnt/hello.txt; umount /mnt")
        check("floppy: mounts the disk's ext2 partition and reads the host's file back",
              MESSAGE in out, out)
        out = m.run("cat /proc/filesystems")
        check("floppy: its kernel has ext2, vfat, iso9660",
              all(fs in out.split() for fs in ("ext2", "vfat", "iso9660")), out)
        check("floppy: poweroff ends QEMU", m.poweroff(30) == 0, m.log[-1500:])
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
