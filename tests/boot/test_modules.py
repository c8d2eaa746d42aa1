"""test_modules.py: the ISO's drivers as modules, loaded after the prompt (issue 13).

One boot of the ISO (-m 32, QEMU's e1000 card and its IDE CD-ROM):
- the first command after the prompt mounts the boot CD: mount waits while /etc/rc
  is still loading the drivers (libmini/module.c), then finds /dev/sr0;
- once loaded, lsmod lists the disk controller and the network card, the card has
  its address by DHCP as before, and /run/drivers.pid is gone;
- the driver of the mounted CD's controller cannot be removed ("in use");
- rmmod and modprobe take a network driver out and put it back, modprobe loading a
  module's dependencies first (ne2k-pci needs 8390), modprobe -r removing both;
- insmod with a parameter; bad input: an unknown module, a file that is not a module,
  a parameter's bad value (the kernel only warns of an unknown one), rmmod of a module not loaded: clear errors, status 1.

Usage: test_modules.py [ISO]
"""
from qemu import Machine, Timeout, check, finish, iso_from_argv

NET = ("user,restrict=on,net=192.0.2.0/24,host=192.0.2.2,dhcpstart=192.0.2.15")

iso = iso_from_argv()
with Machine(iso, mem=32, extra=["-nic", NET + ",model=e1000"]) as m:
    try:
        m.wait_prompt(120)
    except Timeout as e:
        check("modules: boots to a prompt", False, e)
        finish()
    out = m.run("mount /dev/sr0 /mnt 2>/dev/null; head -c 20 /mnt/boot/grub/grub.cfg; echo; umount /mnt",
                timeout=90)
    check("modules: the first command mounts the boot CD (mount waits for the drivers)",
          "# GRUB's menu" in out, out)
    m.run("echo 1 > /proc/sys/kernel/printk")

    out = m.run("lsmod")
    check("modules: lsmod shows its header and the loaded drivers",
          out.startswith("Module") and "ata_piix" in out and "e1000" in out, out)
    check("modules: lsmod shows who uses a module (8390 by ne2k_pci)",
          any(line.split()[:1] == ["8390"] and line.endswith("ne2k_pci")
              for line in out.splitlines()), out)
    out = m.run("test -e /run/drivers.pid && echo still || echo gone")
    check("modules: /run/drivers.pid is gone once the drivers are loaded", out == "gone", out)
    out = m.run("for i in 1 2 3 4 5 6 7 8 9 10; do ifconfig eth0 | grep -q 'inet addr' && break; sleep 1; done; "
                "ifconfig eth0 | grep 'inet addr'", timeout=60)
    check("modules: the card loaded in the background gets its DHCP address",
          "192.0.2.15" in out, out)

    out = m.run("mount /dev/cdrom /mnt 2>/dev/null; rmmod ata_piix; echo status=$?; umount /mnt")
    check("modules: the controller of a mounted disk is not removed",
          "ata_piix: in use" in out and "status=1" in out, out)

    out = m.run("rmmod e1000; echo status=$?; lsmod | grep -c '^e1000 '; test -e /sys/class/net/eth0 || echo no-eth0")
    check("modules: rmmod removes the network driver (and its card)",
          "status=0" in out and "\n0" in out and "no-eth0" in out, out)
    out = m.run("modprobe e1000 debug=1; echo status=$?; lsmod | grep -c '^e1000 '; "
                "sleep 1; test -e /sys/class/net/eth0 && echo eth0; cat /sys/module/e1000/parameters/debug 2>/dev/null")
    check("modules: modprobe loads it back, with a parameter, and the card is there again",
          "status=0" in out and "\n1" in out and "eth0" in out, out)

    out = m.run("modprobe -r ne2k-pci; echo status=$?; lsmod | grep -c -e '^ne2k_pci ' -e '^8390 '")
    check("modules: modprobe -r removes a module and what it needed",
          "status=0" in out and out.endswith("0"), out)
    out = m.run("modprobe ne2k_pci; echo status=$?; lsmod | grep -c -e '^ne2k_pci ' -e '^8390 '")
    check("modules: modprobe loads a module's dependency first (8390 for ne2k-pci)",
          "status=0" in out and out.endswith("2"), out)
    out = m.run("rmmod ne2k_pci 8390; insmod /lib/modules/8390.ko; echo status=$?; lsmod | grep -c '^8390 '")
    check("modules: insmod loads one module file", "status=0" in out and out.endswith("1"), out)

    out = m.run("modprobe nosuch; echo status=$?")
    check("modules: modprobe of an unknown module says so",
          "modprobe: nosuch: no such module in /lib/modules" in out and "status=1" in out, out)
    out = m.run("insmod /etc/passwd; echo status=$?")
    check("modules: insmod of a file that is not a module says so",
          "insmod: /etc/passwd: not a module for this kernel" in out and "status=1" in out, out)
    out = m.run("rmmod e1000; insmod /lib/modules/e1000.ko debug=abc; echo status=$?; modprobe e1000")
    check("modules: a parameter with a bad value is refused",
          "insmod: /lib/modules/e1000.ko: invalid parameters" in out and "status=1" in out, out)
    out = m.run("rmmod tulip; rmmod tulip; echo status=$?")
    check("modules: rmmod of a module not loaded says so",
          "rmmod: tulip: not loaded" in out and "status=1" in out, out)
    out = m.run("insmod; echo status=$?")
    check("modules: insmod without a file is a usage error",
          "insmod: no module FILE given" in out and "status=2" in out, out)
finish()
