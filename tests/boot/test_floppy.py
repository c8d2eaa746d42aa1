"""test_floppy.py: the boot floppy (build/mini-floppy.img, tools/make-floppy.sh).

One boot, as on the machines the floppy is for: a 486 with 8 MB of RAM, from drive A:,
with an IDE hard disk that the host made: an MBR, an ext2 partition holding a known
file and a text larger than the guest's free memory, and a swap partition. The floppy
must be exactly 1,474,560 bytes, reach a prompt, see the disk, mount its partition and
read the file back; then, with mini's mkswap and swapon on the swap partition, sort
that text from the ext2 into a file beside it (a job that needs more than the 8 MB):
its checksum must be the host's, the swap must have been used, and swapoff must give
it back. poweroff must end QEMU.

No floppy drive in the guest (no -fdb test): the floppy's kernel has no floppy driver
(BLK_DEV_FD, +12,288 B as XZ), which leaves too little room beside mini; the ISO's
kernel has it. See kernel-config/floppy.config.

Usage: test_floppy.py [ISO]: the floppy is mini-floppy.img beside the ISO (the folder
the Makefile builds both into), or $FLOPPY.
"""
import hashlib
import os
import random
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


# The text to sort: 5 MB in 100,000 lines of pseudo-random words (the same every run),
# more than an 8 MB machine has free (about 2 MB at the prompt).
SORT_LINES = 100000
MiB = 1024 * 1024


def make_text(path):
    """Writes the text to sort; returns the SHA-256 of its lines in byte order (sort's)."""
    rng = random.Random(13)
    words = ["floppy", "disk", "swap", "sector", "track", "head", "cylinder", "486",
             "boot", "kernel", "page", "memory", "ext2", "inode", "block", "mini"]
    lines = ["%08x %s\n" % (rng.getrandbits(32), " ".join(rng.choice(words) for _ in range(7)))
             for _ in range(SORT_LINES)]
    with open(path, "w") as f:
        f.writelines(lines)
    return hashlib.sha256("".join(sorted(lines)).encode()).hexdigest()


def make_disk(folder):
    """A 48 MB disk image: an MBR with a 24 MB Linux partition from sector 2048, ext2 in it
    (made by the host's e2fsprogs, with hello.txt and data.txt inside), then a 16 MB
    partition of type swap (82) for mini's mkswap. Returns its path and the checksum of
    data.txt sorted."""
    tree = os.path.join(folder, "tree")
    os.mkdir(tree)
    with open(os.path.join(tree, "hello.txt"), "w") as f:
        f.write(MESSAGE + "\n")
    sorted_sum = make_text(os.path.join(tree, "data.txt"))
    part = os.path.join(folder, "part.img")
    disk = os.path.join(folder, "disk.img")
    subprocess.run(["mkfs.ext2", "-q", "-F", "-L", "floppytest", "-d", tree, part, "24M"],
                   check=True, stdout=subprocess.DEVNULL)
    with open(disk, "wb") as f:
        f.truncate(48 * MiB)
    subprocess.run(["sfdisk", "-q", disk], check=True, stdout=subprocess.DEVNULL,
                   input=b"label: dos\nstart=2048, size=49152, type=83\nstart=51200, type=82\n")
    with open(part, "rb") as src, open(disk, "r+b") as dst:
        dst.seek(2048 * 512)
        shutil.copyfileobj(src, dst)
    return disk, sorted_sum


def swap_and_sort(m, sorted_sum):
    """mkswap + swapon on sda2, sort of data.txt (more than the free memory) to a file on
    the ext2, its checksum, swapoff."""
    out = m.run("mkswap /dev/sda2 && swapon /dev/sda2 && swapon -s", timeout=60)
    check("floppy: mkswap and swapon on the IDE disk's swap partition (-m 8)",
          "/dev/sda2" in out and "partition" in out, out)
    out = m.run("mount /dev/sda1 /mnt && free && stat -c 'size %s' /mnt/data.txt", timeout=60)
    free_kb = [int(line.split()[3]) for line in out.splitlines() if line.startswith("Mem:")]
    size = [int(line.split()[1]) for line in out.splitlines() if line.startswith("size ")]
    check("floppy: the text to sort is larger than the free memory",
          free_kb and size and free_kb[0] * 1024 < size[0], out)
    out = m.run("sort /mnt/data.txt > /mnt/sorted.txt; echo sort status $?; "
                "sha256sum /mnt/sorted.txt; free", timeout=900)
    check("floppy: sort of more than the free memory, through swap, gives the right answer",
          "sort status 0" in out and sorted_sum in out, out)
    swap_used = [line.split()[2] for line in out.splitlines() if line.startswith("Swap:")]
    check("floppy: the swap partition was used", bool(swap_used) and swap_used[-1] != "0", out)
    out = m.run("umount /mnt; swapoff /dev/sda2; echo swapoff status $?; swapon -s | wc -l", timeout=300)
    check("floppy: swapoff gives the swapped pages back", "swapoff status 0" in out
          and out.strip().endswith("1"), out)


work = tempfile.mkdtemp(prefix="mini-floppy-test.")
try:
    disk, sorted_sum = make_disk(work)
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
        swap_and_sort(m, sorted_sum)
        out = m.run("cat /proc/filesystems")
        check("floppy: its kernel has ext2, vfat, iso9660",
              all(fs in out.split() for fs in ("ext2", "vfat", "iso9660")), out)
        check("floppy: poweroff ends QEMU", m.poweroff(30) == 0, m.log[-1500:])
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
