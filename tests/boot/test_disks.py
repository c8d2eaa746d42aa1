"""test_disks.py: disks, the boot CD, a USB stick and swap in a booted mini (issue 13).

Boot 1 (-m 32): an IDE disk the host made (an MBR, an ext2 and a FAT32 partition with
known files, put in with debugfs and mcopy). The guest finds both with blkid and lsblk,
mounts them without -t, by LABEL= and with mount -a from an fstab line, reads the
known files and writes new ones; the boot CD is mounted through /dev/cdrom (the
hotplug link) and refuses writing; garbage and a truncated image are refused with a
clear error; a USB stick plugged in after boot (the monitor's device_add)
appears as a disk, is mounted and written, and goes when unplugged. poweroff unmounts
everything: the host then finds the written files and e2fsck -f -n / fsck.vfat -n clean.

Boot 2 (-m 12, the least the ISO's kernel boots in): a swap partition lets a sort of a
file larger than the free memory finish with the right answer.

Usage: test_disks.py [ISO]
"""
import os
import shutil
import subprocess
import tempfile
from qemu import Machine, Timeout, check, finish, iso_from_argv

MiB = 1024 * 1024
EXT2_TEXT = "known ext2 file from the host"
FAT_TEXT = "known FAT32 file from the host"


def run(*args, **kw):
    return subprocess.run(list(args), check=True, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, **kw).stdout.decode(errors="replace")


def put_partition(disk, part, start_sector):
    with open(part, "rb") as src, open(disk, "r+b") as dst:
        dst.seek(start_sector * 512)
        shutil.copyfileobj(src, dst)


def take_partition(disk, part, start_sector, sectors):
    with open(disk, "rb") as src, open(part, "wb") as dst:
        src.seek(start_sector * 512)
        dst.write(src.read(sectors * 512))


# The IDE disk: 1 MiB free, then 16 MiB ext2 (sda1), then 40 MiB FAT32 (sda2).
EXT2_START, EXT2_SECTORS = 2048, 16 * 2048
FAT_START, FAT_SECTORS = EXT2_START + EXT2_SECTORS, 40 * 2048


def make_disk(folder):
    disk = os.path.join(folder, "disk.img")
    ext2 = os.path.join(folder, "ext2.img")
    fat = os.path.join(folder, "fat.img")
    known = os.path.join(folder, "known.txt")
    with open(known, "w") as f:
        f.write(EXT2_TEXT + "\n")
    run("mkfs.ext2", "-q", "-F", "-L", "diskext", ext2, "16M")
    run("debugfs", "-w", "-R", "write %s known.txt" % known, ext2)
    with open(known, "w") as f:
        f.write(FAT_TEXT + "\n")
    run("mkfs.vfat", "-F", "32", "-n", "DISKFAT", "-C", fat, str(40 * 1024))
    run("mcopy", "-i", fat, known, "::known.txt")
    with open(disk, "wb") as f:
        f.truncate((FAT_START + FAT_SECTORS) * 512)
    subprocess.run(["sfdisk", "-q", disk], check=True, stdout=subprocess.DEVNULL,
                   input=("label: dos\nstart=%d, size=%d, type=83\nstart=%d, size=%d, type=c\n"
                          % (EXT2_START, EXT2_SECTORS, FAT_START, FAT_SECTORS)).encode())
    put_partition(disk, ext2, EXT2_START)
    put_partition(disk, fat, FAT_START)
    return disk


def make_stick(folder):
    stick = os.path.join(folder, "stick.img")
    run("mkfs.vfat", "-n", "STICK", "-C", stick, str(8 * 1024))
    return stick


def check_disk_on_host(folder, disk):
    ext2 = os.path.join(folder, "ext2-after.img")
    fat = os.path.join(folder, "fat-after.img")
    take_partition(disk, ext2, EXT2_START, EXT2_SECTORS)
    take_partition(disk, fat, FAT_START, FAT_SECTORS)
    r = subprocess.run(["e2fsck", "-f", "-n", ext2], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    check("disks: host e2fsck -f -n finds the guest's ext2 clean", r.returncode == 0, r.stdout.decode())
    r = subprocess.run(["fsck.vfat", "-n", fat], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    check("disks: host fsck.vfat -n finds the guest's FAT32 clean", r.returncode == 0, r.stdout.decode())
    out = subprocess.run(["debugfs", "-R", "cat /from-guest.txt", ext2], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL).stdout.decode()
    check("disks: the file the guest wrote on ext2 is on the disk", "written by mini" in out, out)
    out = subprocess.run(["mtype", "-i", fat, "::fromgst.txt"], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT).stdout.decode()
    check("disks: the file the guest wrote on FAT32 is on the disk", "written by mini on fat" in out, out)


def ide_and_cd_and_usb(iso, folder):
    disk = make_disk(folder)
    stick = make_stick(folder)
    extra = ["-nic", "none", "-drive", "file=%s,format=raw,if=ide,index=0" % disk,
             "-device", "piix3-usb-uhci,id=u",
             "-drive", "if=none,id=stick,format=raw,file=%s" % stick]
    with Machine(iso, mem=32, extra=extra) as m:
        try:
            m.wait_prompt(120)
        except Timeout as e:
            check("disks: boots to a prompt", False, e)
            return
        out = m.run("sleep 2; blkid /dev/sda1 /dev/sda2")
        check("disks: blkid sees ext2 and vfat with their labels",
              'LABEL="diskext"' in out and 'TYPE="ext2"' in out and 'LABEL="DISKFAT"' in out
              and 'TYPE="vfat"' in out, out)
        out = m.run("lsblk")
        check("disks: lsblk lists the disk, its partitions and the CD-ROM",
              "sda " in out and "`-sda2" in out and "rom" in out and "iso9660" in out, out)
        out = m.run("mkdir -p /a /b && mount /dev/sda1 /a && mount /dev/sda2 /b && cat /a/known.txt /b/known.txt")
        check("disks: ext2 and FAT32 mounted without -t, the host's files read",
              EXT2_TEXT in out and FAT_TEXT in out, out)
        out = m.run("mount | grep /dev/sda")
        check("disks: types found: ext2 and vfat", " /a type ext2 " in out and " /b type vfat " in out, out)
        m.run("echo written by mini > /a/from-guest.txt; echo written by mini on fat > /b/fromgst.txt")
        out = m.run("umount /a /b && mount LABEL=diskext /a && cat /a/from-guest.txt && umount /a")
        check("disks: mount LABEL=diskext", "written by mini" in out, out)
        out = m.run("echo 'LABEL=DISKFAT /b auto defaults 0 0' >> /etc/fstab && mount -a && cat /b/fromgst.txt")
        check("disks: mount -a from an /etc/fstab line", "written by mini on fat" in out, out)
        out = m.run("ls -l /dev/cdrom; mount /dev/cdrom /mnt; head -n 3 /mnt/boot/grub/grub.cfg")
        check("disks: /dev/cdrom (hotplug's link) mounts the boot CD; grub.cfg read",
              "-> sr0" in out and "write-protected, mounted read-only" in out and "grub" in out.lower()
              and "No such" not in out, out)
        out = m.run("touch /mnt/x; echo status $?")
        check("disks: writing to the CD is refused", "Read-only file system" in out and "status 1" in out, out)
        out = m.run("ls /dev/disk/by-label/")
        check("disks: /dev/disk/by-label has the labels", "diskext" in out and "DISKFAT" in out, out)
        out = m.run("hdparm -i /dev/sda")
        check("disks: hdparm -i names the IDE disk's model", "Model=QEMU HARDDISK" in out, out)
        out = m.run("blockdev --getsize64 /dev/sda1")
        check("disks: blockdev --getsize64", out.strip() == str(EXT2_SECTORS * 512), out)
        out = m.run("mkdir /c; head -c 1048576 /dev/sda1 > /tmp/cut.img; mount /tmp/cut.img /c; echo status $?")
        check("disks: a truncated ext2 image is refused",
              "cannot mount this ext2 file system" in out and "status 1" in out, out)
        out = m.run("head -c 1048576 /dev/urandom > /tmp/g.img; mount /tmp/g.img /c; echo status $?")
        check("disks: garbage is refused: unknown file system type",
              "unknown file system type" in out and "status 1" in out, out)
        out = m.run("mount -t nosuchfs /dev/sda1 /c; echo status $?")
        check("disks: an unknown type is refused", "No such device" in out and "status 1" in out, out)
        # The USB stick, plugged in after boot.
        m.monitor("device_add usb-storage,bus=u.0,drive=stick,id=st")
        out = m.run("for i in 1 2 3 4 5 6 7 8 9 10; do [ -e /dev/disk/by-label/STICK ] && break; sleep 1; done; "
                    "ls -l /dev/disk/by-label/STICK; lsusb; lsblk", timeout=60)
        check("disks: the USB stick appears (node, label link, lsusb, lsblk)",
              "STICK -> ../../sd" in out and "Bus 001 Device" in out and "sdb" in out, out)
        out = m.run("mount LABEL=STICK /c && echo on the stick > /c/usb.txt && umount /c && mount LABEL=STICK /c && cat /c/usb.txt && umount /c")
        check("disks: the stick is mounted and written", "on the stick" in out, out)
        m.monitor("device_del st")
        out = m.run("for i in 1 2 3 4 5 6 7 8 9 10; do [ -e /dev/sdb ] || break; sleep 1; done; ls /dev/sdb /dev/disk/by-label/STICK", timeout=60)
        check("disks: unplugged, its node and links are gone", out.count("No such file") == 2, out)
        code = m.poweroff(60)
        check("disks: poweroff ends QEMU", code == 0, m.log[-2000:])
    check_disk_on_host(folder, disk)


def swap_in_small_memory(iso, folder, mem):
    disk = os.path.join(folder, "swapdisk.img")
    with open(disk, "wb") as f:
        f.truncate(64 * MiB)
    subprocess.run(["sfdisk", "-q", disk], check=True, stdout=subprocess.DEVNULL,
                   input=b"label: dos\nstart=2048, type=82\n")
    extra = ["-nic", "none", "-drive", "file=%s,format=raw,if=ide,index=0" % disk]
    with Machine(iso, mem=mem, extra=extra) as m:
        try:
            m.wait_prompt(180)
        except Timeout as e:
            check("swap: boots to a prompt at -m %d" % mem, False, e)
            return
        out = m.run("mkswap /dev/sda1 && swapon /dev/sda1 && swapon -s", timeout=60)
        check("swap: mkswap and swapon a partition", "/dev/sda1" in out and "partition" in out, out)
        # 120,000 lines of 40 bytes: 4.8 MB of text, more than the free memory at -m 12.
        # Through a pipe: /tmp is in RAM too. sort holds every line until its input ends.
        out = m.run("free; seq 120000 | sed 's/$/-padding-padding-padding-padding/' | "
                    "sort -r | head -n 1; free", timeout=600)
        check("swap: sort of more data than the free memory gives the right answer",
              "99999-padding" in out, out)
        swap_used = [line.split()[2] for line in out.splitlines() if line.startswith("Swap:")]
        check("swap: the swap partition was used", swap_used and swap_used[-1] != "0", out)
        out = m.run("swapoff -a && swapon -s | wc -l")
        check("swap: swapoff -a", out.strip().endswith("1"), out)
        check("swap: poweroff ends QEMU", m.poweroff(60) == 0, m.log[-1500:])


iso = iso_from_argv()
work = tempfile.mkdtemp(prefix="mini-disks-test.")
try:
    ide_and_cd_and_usb(iso, work)
    swap_in_small_memory(iso, work, int(os.environ.get("SWAP_MEM", "12")))
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
