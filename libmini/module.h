/*
 * module.h: the kernel's loadable modules (insmod, modprobe, rmmod, lsmod), and the
 * wait for the drivers /etc/rc loads in the background (mount, fdisk, ifconfig...).
 *
 * The ISO's kernel has its slow-to-probe drivers (disk controllers, network cards, the
 * floppy drive) as modules in /lib/modules; /etc/rc loads them after the prompt is up.
 */
#ifndef MODULE_H
#define MODULE_H

#include <stddef.h>

/* Where modprobe finds NAME.ko, and the order /etc/rc loads them in. */
#define MODULE_DIR "/lib/modules"

/* Load the module in the open file fd with its parameters ("io=0x300 irq=5", or "").
 * Returns 0, or -1 with errno set (module_error says what it means). */
int load_module(int fd, const char *params);

/* The words NAME=VALUE... as load_module takes them: one malloc'd string, separated
 * by spaces. */
char *module_parameters(char **words);

/* What load_module's errno means, in words a user can act on. */
const char *module_error(int err);

/* A module's name as the kernel knows it: "ne2k-pci.ko" and "/x/ne2k-pci.ko" give
 * "ne2k_pci". Writes at most size bytes (always terminated). */
void module_name(char *name, size_t size, const char *word);

/* 1 when the kernel has the module named (as module_name gives it) loaded now. */
int module_is_loaded(const char *name);

/* The "depends=" list of a module file's .modinfo section, a malloc'd string of names
 * separated by commas ("" for none), or NULL when image is not a well-formed 32-bit
 * ELF module. image is the whole file, size its length. */
char *module_depends(const char *image, size_t size);

/* Wait while /etc/rc is still loading the drivers (at most 30 seconds): a command that
 * needs a disk or a network card calls this first, so that a command typed at once at
 * the first prompt sees the devices the machine has. */
void wait_for_drivers(void);

#endif
