/* module_test.c: unit tests of libmini/module.c: a module file's "depends=" read from a
 * small ELF image made here, every truncation and corruption of it refused without a
 * crash, and the names and parameters modprobe and rmmod pass to the kernel. */
#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include "mini.h"
#include "module.h"
#include "unit.h"

/* The smallest module-like file: an ELF header, then the section names, then .modinfo,
 * then three section headers (the null one, .shstrtab, .modinfo). */
static size_t make_module(char *image, const char *modinfo, size_t modinfo_len)
{
	static const char names[] = "\0.shstrtab\0.modinfo";
	Elf32_Ehdr h = { 0 };
	Elf32_Shdr s[3] = { { 0 } };
	size_t at = sizeof h;

	memcpy(h.e_ident, ELFMAG, SELFMAG);
	h.e_ident[EI_CLASS] = ELFCLASS32;
	h.e_ident[EI_DATA] = ELFDATA2LSB;
	h.e_type = ET_REL;
	h.e_machine = EM_386;
	h.e_shentsize = sizeof s[0];
	h.e_shnum = 3;
	h.e_shstrndx = 1;

	memcpy(image + at, names, sizeof names);
	s[1].sh_name = 1;
	s[1].sh_offset = at;
	s[1].sh_size = sizeof names;
	at += sizeof names;

	memcpy(image + at, modinfo, modinfo_len);
	s[2].sh_name = 11;
	s[2].sh_offset = at;
	s[2].sh_size = modinfo_len;
	at += modinfo_len;

	h.e_shoff = at;
	memcpy(image + at, s, sizeof s);
	at += sizeof s;
	memcpy(image, &h, sizeof h);
	return at;
}

static void test_depends(void)
{
	static const char info[] = "license=GPL\0depends=8390,mii\0vermagic=6.12 mod_unload 486 ";
	static const char none[] = "license=GPL\0depends=\0";
	char image[512], *d;
	size_t size;

	size = make_module(image, info, sizeof info);
	d = module_depends(image, size);
	expect_str(d ? d : "(null)", "8390,mii", "module_depends: the depends= line");
	free(d);
	size = make_module(image, none, sizeof none);
	d = module_depends(image, size);
	expect_str(d ? d : "(null)", "", "module_depends: a module that needs nothing");
	free(d);
	expect(module_depends("hello, world", 12) == NULL, "module_depends: not an ELF file");
}

/* Every shorter file and every byte changed must give a list or NULL, never a crash
 * (the sanitizers of the fuzz build would see a read past the end). */
static void test_hostile(void)
{
	static const char info[] = "depends=8390";
	char image[512], copy[512];
	size_t size = make_module(image, info, sizeof info), cut, at;

	for (cut = 0; cut < size; cut++) {
		char *partial = xmalloc(cut + 1);
		memcpy(partial, image, cut);
		free(module_depends(partial, cut));
		free(partial);
	}
	for (at = 0; at < size; at++) {
		static const unsigned char values[] = { 0x00, 0x01, 0x7f, 0x80, 0xff };
		for (size_t v = 0; v < sizeof values; v++) {
			memcpy(copy, image, size);
			copy[at] = (char)values[v];
			free(module_depends(copy, size));
		}
	}
	/* A .modinfo without a final NUL must not be read past its end. */
	size = make_module(image, "depends=8390", 12);
	free(module_depends(image, size));
	expect(1, "module_depends: every truncation and changed byte handled, no crash");
}

static void test_names(void)
{
	char name[16];
	char *words[] = { "io=0x300", "irq=5", NULL }, *none[] = { NULL }, *joined;

	module_name(name, sizeof name, "/lib/modules/ne2k-pci.ko");
	expect_str(name, "ne2k_pci", "module_name: directory, .ko and '-' dropped");
	module_name(name, sizeof name, "e1000");
	expect_str(name, "e1000", "module_name: a plain name");
	module_name(name, sizeof name, "a-very-long-module-name-indeed");
	expect(strlen(name) == sizeof name - 1, "module_name: cut to the buffer");
	joined = module_parameters(words);
	expect_str(joined, "io=0x300 irq=5", "module_parameters: joined by spaces");
	free(joined);
	joined = module_parameters(none);
	expect_str(joined, "", "module_parameters: none");
	free(joined);
}

int main(void)
{
	test_depends();
	test_hostile();
	test_names();
	return unit_failures != 0;
}
