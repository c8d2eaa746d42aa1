/*
 * hotplug: keep /dev in order as devices come and go.
 *
 * devtmpfs already makes and removes the device nodes. This adds what it does not:
 * the owner, group and mode from the rules in /etc/devices, symbolic links such as
 * /dev/cdrom -> sr0 (from the same rules), and /dev/disk/by-label/NAME and
 * /dev/disk/by-uuid/ID -> ../../sdb1 for the file systems found (libmini/fstype.c).
 *
 * It first goes over the devices present (/sys/dev/block and /sys/dev/char, each with
 * a uevent file saying MAJOR, MINOR, DEVNAME), then, as a daemon, reads the kernel's
 * uevents from a NETLINK_KOBJECT_UEVENT socket: "add@/devices/...", then KEY=VALUE
 * strings, each ended by a NUL (ACTION, DEVPATH, SUBSYSTEM, DEVNAME, MAJOR, MINOR).
 * A kernel without networking has no such socket: then the one pass is all.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <linux/cdrom.h>
#include <linux/netlink.h>
#include "mini.h"
#include "daemon.h"
#include "fstype.h"
#include "pattern.h"

static const char usage[] =
	"Usage: hotplug [-s | -f]\n"
	"Apply /etc/devices (owner, group, mode, links such as /dev/cdrom) to the devices\n"
	"present, make /dev/disk/by-label and /dev/disk/by-uuid links, then keep doing so in\n"
	"the background as devices come and go (kernel uevents).\n"
	"  -s  one pass over the devices present, then exit\n"
	"  -f  stay in the foreground\n";

#define RULES_FILE "/etc/devices"
#define MAX_RULES 64
#define LINK_TRIES 10		/* cdrom, cdrom1 ... cdrom9 */

/* A line of /etc/devices: PATTERN  USER:GROUP  MODE  [LINK] */
struct rule {
	char *pattern, *link;
	uid_t uid;
	gid_t gid;
	mode_t mode;
};

static struct rule rules[MAX_RULES];
static int rule_count;

/* What an event (or a device's uevent file) says. */
struct event {
	const char *action, *subsystem, *devname;
	unsigned major, minor;
	int has_numbers;
};

/* ---- the rules ---- */

/* "user:group" into ids; 0, or -1 for a name not in /etc/passwd or /etc/group. */
static int parse_owner(char *text, uid_t *uid, gid_t *gid)
{
	char *group = strchr(text, ':'), *end;
	struct passwd *pw;
	struct group *gr;

	if (group == NULL)
		return -1;
	*group++ = '\0';
	*uid = strtoul(text, &end, 10);
	if (*end != '\0' || end == text) {
		if ((pw = getpwnam(text)) == NULL)
			return -1;
		*uid = pw->pw_uid;
	}
	*gid = strtoul(group, &end, 10);
	if (*end != '\0' || end == group) {
		if ((gr = getgrnam(group)) == NULL)
			return -1;
		*gid = gr->gr_gid;
	}
	return 0;
}

/* A link name must stay inside /dev: no '/', not "." or "..". */
static int is_safe_name(const char *name)
{
	return name[0] != '\0' && !strchr(name, '/') && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

static void read_rules(void)
{
	char *text = read_file(RULES_FILE, NULL), *line, *next;
	int number = 0;

	if (text == NULL)
		return;		/* no rules: the links by label and UUID still come */
	for (line = text; line && rule_count < MAX_RULES; line = next) {
		char *field[5] = { NULL }, *end;
		int n = 0;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		number++;
		for (char *word = strtok(line, " \t"); word && n < 5; word = strtok(NULL, " \t"))
			field[n++] = word;
		if (n == 0 || field[0][0] == '#')
			continue;
		struct rule *r = &rules[rule_count];
		r->mode = strtoul(field[2] ? field[2] : "", &end, 8);
		if (n < 3 || n > 4 || *end != '\0' || r->mode > 07777 ||
		    parse_owner(field[1], &r->uid, &r->gid) < 0 || (n == 4 && !is_safe_name(field[3]))) {
			warn("%s: line %d ignored (PATTERN USER:GROUP MODE [LINK], known names)", RULES_FILE, number);
			continue;
		}
		r->pattern = field[0];	/* text is kept for good: the rules point into it */
		r->link = n == 4 ? field[3] : NULL;
		rule_count++;
	}
}

static const struct rule *rule_for(const char *devname)
{
	for (int i = 0; i < rule_count; i++)
		if (pattern_match(rules[i].pattern, devname, 0) == 0)
			return &rules[i];
	return NULL;
}

/* ---- links ---- */

/* Does the link at path point to target? */
static int link_points_to(const char *path, const char *target)
{
	char buf[256];
	ssize_t n = readlink(path, buf, sizeof buf - 1);

	if (n < 0)
		return 0;
	buf[n] = '\0';
	return strcmp(buf, target) == 0;
}

/* Is there something at the end of the link at path (a live device)? */
static int link_is_live(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* /dev/NAME -> target; NAME1, NAME2... when NAME is another device's already. */
static void make_numbered_link(const char *name, const char *target)
{
	for (int i = 0; i < LINK_TRIES; i++) {
		char path[128];
		if (i == 0)
			snprintf(path, sizeof path, "/dev/%s", name);
		else
			snprintf(path, sizeof path, "/dev/%s%d", name, i);
		if (link_points_to(path, target))
			return;
		if (link_is_live(path))
			continue;
		unlink(path);		/* a link left by a device that went */
		symlink(target, path);
		return;
	}
}

/* Remove the links in dir that point to target. */
static void remove_links_to(const char *dir, const char *target)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char *path = path_join(dir, e->d_name);
		if (e->d_name[0] != '.' && link_points_to(path, target))
			unlink(path);
		free(path);
	}
	closedir(d);
}

/* A label or UUID as a file name: what is not plain becomes \xNN, as udev does. */
static void encode_name(char *out, size_t size, const char *in)
{
	size_t n = 0;

	for (; *in && n + 5 < size; in++) {
		unsigned char c = *in;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("#+-.:=@_", c) || c >= 0x80)
			out[n++] = c;
		else
			n += sprintf(out + n, "\\x%02x", c);
	}
	out[n] = '\0';
}

static void make_disk_link(const char *kind, const char *value, const char *target)
{
	char dir[64], name[400], *path;

	if (value[0] == '\0')
		return;
	snprintf(dir, sizeof dir, "/dev/disk/by-%s", kind);
	mkdir("/dev/disk", 0755);
	mkdir(dir, 0755);
	encode_name(name, sizeof name, value);
	if (!is_safe_name(name))
		return;
	path = path_join(dir, name);
	unlink(path);
	symlink(target, path);
	free(path);
}

/* Whether a CD-ROM drive holds a disc. An empty drive claims a size all the same, and
 * reading it fills the console with the kernel's I/O errors. */
static int cd_has_disc(const char *node)
{
	int fd = open(node, O_RDONLY | O_NONBLOCK | O_CLOEXEC), status;

	if (fd < 0)
		return 0;
	status = ioctl(fd, CDROM_DRIVE_STATUS, CDSL_CURRENT);
	close(fd);
	return status == CDS_DISC_OK;
}

/* /dev/disk/by-label and by-uuid links for the file system on a block device. */
static void add_disk_links(const char *devname, unsigned major)
{
	char node[128], target[140];
	struct fstype fs;
	enum { CDROM_MAJOR = 11 };	/* sr0, sr1...: SCSI and ATAPI CD-ROM drives */

	snprintf(node, sizeof node, "/dev/%s", devname);
	snprintf(target, sizeof target, "../../%s", devname);
	if (major == CDROM_MAJOR && !cd_has_disc(node))
		return;
	if (fstype_probe_path(node, &fs) != 1 || strcmp(fs.type, "dos") == 0)
		return;
	make_disk_link("label", fs.label, target);
	make_disk_link("uuid", fs.uuid, target);
}

static void remove_disk_links(const char *devname)
{
	char target[140];

	snprintf(target, sizeof target, "../../%s", devname);
	remove_links_to("/dev/disk/by-label", target);
	remove_links_to("/dev/disk/by-uuid", target);
}

/* ---- events ---- */

/* A device name from the kernel, checked all the same: it must stay under /dev. */
static int is_safe_devname(const char *name)
{
	return name && name[0] && name[0] != '/' && strlen(name) < 100 && !strstr(name, "..");
}

static void device_added(const struct event *e)
{
	char node[128];
	const struct rule *r = rule_for(e->devname);
	int block = e->subsystem && strcmp(e->subsystem, "block") == 0;
	enum { FLOPPY_MAJOR = 2 };

	snprintf(node, sizeof node, "/dev/%s", e->devname);
	/* devtmpfs made the node; make it when /dev is something else. */
	if (access(node, F_OK) < 0 && e->has_numbers)
		mknod(node, (block ? S_IFBLK : S_IFCHR) | 0600, makedev(e->major, e->minor));
	if (r) {
		chown(node, r->uid, r->gid);
		chmod(node, r->mode);
		if (r->link)
			make_numbered_link(r->link, e->devname);
	}
	/* An empty floppy drive takes seconds to answer: its label is not looked for. */
	if (block && e->major != FLOPPY_MAJOR)
		add_disk_links(e->devname, e->major);
}

static void device_removed(const struct event *e)
{
	remove_links_to("/dev", e->devname);
	if (e->subsystem && strcmp(e->subsystem, "block") == 0)
		remove_disk_links(e->devname);
}

static void handle(const struct event *e)
{
	if (!is_safe_devname(e->devname) || e->action == NULL)
		return;
	if (strcmp(e->action, "add") == 0) {
		device_added(e);
	} else if (strcmp(e->action, "remove") == 0) {
		device_removed(e);
	} else if (strcmp(e->action, "change") == 0 && e->subsystem && strcmp(e->subsystem, "block") == 0) {
		remove_disk_links(e->devname);		/* a CD changed: its label too */
		device_added(e);
	}
}

/* One KEY=VALUE into the event. */
static void take_field(struct event *e, char *field)
{
	if (starts_with(field, "ACTION="))
		e->action = field + 7;
	else if (starts_with(field, "SUBSYSTEM="))
		e->subsystem = field + 10;
	else if (starts_with(field, "DEVNAME="))
		e->devname = field + 8;
	else if (starts_with(field, "MAJOR="))
		e->major = strtoul(field + 6, NULL, 10), e->has_numbers = 1;
	else if (starts_with(field, "MINOR="))
		e->minor = strtoul(field + 6, NULL, 10);
}

/* ---- the devices present ---- */

/* Every device under /sys/dev/KIND, each as an "add" event from its uevent file. */
static void scan(const char *kind)
{
	char dir[32];
	DIR *d;
	struct dirent *entry;

	snprintf(dir, sizeof dir, "/sys/dev/%s", kind);
	if ((d = opendir(dir)) == NULL)
		return;
	while ((entry = readdir(d)) != NULL) {
		char path[300], *text, *line;
		struct event e = { "add", kind, NULL, 0, 0, 0 };
		if (entry->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s/uevent", dir, entry->d_name);
		if ((text = read_file(path, NULL)) == NULL)
			continue;
		for (line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
			take_field(&e, line);
		e.action = "add";
		e.subsystem = kind;	/* "block" or "char" is what matters here */
		handle(&e);
		free(text);
	}
	closedir(d);
}

static void scan_all(void)
{
	scan("block");
	scan("char");
}

/* ---- the daemon ---- */

static int open_uevent_socket(void)
{
	struct sockaddr_nl address;
	int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_KOBJECT_UEVENT);
	int size = 256 * 1024;

	if (fd < 0)
		return -1;
	memset(&address, 0, sizeof address);
	address.nl_family = AF_NETLINK;
	address.nl_groups = 1;		/* the kernel's own uevents */
	if (bind(fd, (struct sockaddr *)&address, sizeof address) < 0) {
		close(fd);
		return -1;
	}
	/* Room for a burst (a USB hub with its disks): more than the default as root. */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
	return fd;
}

/* Receive and handle uevents for ever. */
static void follow_events(int fd)
{
	static char buf[8192];

	for (;;) {
		struct sockaddr_nl from;
		struct iovec iov = { buf, sizeof buf - 1 };
		struct msghdr msg;
		struct event e = { NULL, NULL, NULL, 0, 0, 0 };
		ssize_t n;

		memset(&msg, 0, sizeof msg);
		msg.msg_name = &from;
		msg.msg_namelen = sizeof from;
		msg.msg_iov = &iov;
		msg.msg_iovlen = 1;
		n = recvmsg(fd, &msg, 0);
		if (n < 0) {
			if (errno == ENOBUFS)
				scan_all();	/* events were lost: look at what is there now */
			else if (errno != EINTR)
				sleep(1);
			continue;
		}
		/* Only the kernel's messages (port 0); never a program's forged ones. */
		if (from.nl_pid != 0 || (msg.msg_flags & MSG_TRUNC))
			continue;
		buf[n] = '\0';
		for (char *field = buf + strlen(buf) + 1; field < buf + n; field += strlen(field) + 1)
			take_field(&e, field);
		handle(&e);
	}
}

int hotplug_main(int argc, char **argv)
{
	struct options o;
	int c, once = 0, foreground = 0, fd = -1;

	options_start(&o, argc, argv, "sf", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 's')
			once = 1;
		else
			foreground = 1;
	}
	if (o.index < argc)
		usage_error(usage, "extra operand '%s'", argv[o.index]);
	umask(022);
	read_rules();
	/* The socket first: what happens during the first pass waits in it. */
	if (!once)
		fd = open_uevent_socket();	/* fails quietly on a kernel without networking */
	/* In a child, away from the terminal: /etc/rc goes on at once. Errors still
	 * reach the console. */
	if (!once && !foreground) {
		if (become_daemon(1) < 0)
			die("fork:");
		if (chdir("/") < 0) {
			/* no harm: "/" is only so that no mount is kept busy by us */
		}
	}
	scan_all();
	if (fd >= 0)
		follow_events(fd);
	return 0;
}
