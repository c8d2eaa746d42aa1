/*
 * commands.c: the table of every command mini has.
 *
 * Adding a command: write shell/cmd/NAME.c with a function NAME_main (see cat.c
 * for the shape), then add its declaration and its line in the table below,
 * keeping the table in alphabetical order (find_command searches it in halves).
 * The build makes a /bin link for every name in this table.
 */
#include <string.h>
#include "mini.h"

int addgroup_main(int argc, char **argv);
int adduser_main(int argc, char **argv);
int awk_main(int argc, char **argv);
int base64_main(int argc, char **argv);
int basename_main(int argc, char **argv);
int cal_main(int argc, char **argv);
int cat_main(int argc, char **argv);
int chmod_main(int argc, char **argv);
int chown_main(int argc, char **argv);
int chpasswd_main(int argc, char **argv);
int chroot_main(int argc, char **argv);
int cksum_main(int argc, char **argv);
int clear_main(int argc, char **argv);
int cmp_main(int argc, char **argv);
int column_main(int argc, char **argv);
int comm_main(int argc, char **argv);
int cp_main(int argc, char **argv);
int cut_main(int argc, char **argv);
int date_main(int argc, char **argv);
int dd_main(int argc, char **argv);
int deluser_main(int argc, char **argv);
int df_main(int argc, char **argv);
int diff_main(int argc, char **argv);
int dirname_main(int argc, char **argv);
int dmesg_main(int argc, char **argv);
int du_main(int argc, char **argv);
int echo_main(int argc, char **argv);
int env_main(int argc, char **argv);
int expand_main(int argc, char **argv);
int expr_main(int argc, char **argv);
int find_main(int argc, char **argv);
int fold_main(int argc, char **argv);
int free_main(int argc, char **argv);
int getty_main(int argc, char **argv);
int grep_main(int argc, char **argv);
int gunzip_main(int argc, char **argv);
int gzip_main(int argc, char **argv);
int head_main(int argc, char **argv);
int hostname_main(int argc, char **argv);
int hwclock_main(int argc, char **argv);
int id_main(int argc, char **argv);
int init_main(int argc, char **argv);
int install_main(int argc, char **argv);
int join_main(int argc, char **argv);
int kill_main(int argc, char **argv);
int killall_main(int argc, char **argv);
int less_main(int argc, char **argv);
int ln_main(int argc, char **argv);
int logger_main(int argc, char **argv);
int login_main(int argc, char **argv);
int logread_main(int argc, char **argv);
int ls_main(int argc, char **argv);
int lspci_main(int argc, char **argv);
int lsusb_main(int argc, char **argv);
int md5sum_main(int argc, char **argv);
int mkdir_main(int argc, char **argv);
int mkfifo_main(int argc, char **argv);
int mknod_main(int argc, char **argv);
int mktemp_main(int argc, char **argv);
int more_main(int argc, char **argv);
int mount_main(int argc, char **argv);
int mv_main(int argc, char **argv);
int nice_main(int argc, char **argv);
int nl_main(int argc, char **argv);
int nohup_main(int argc, char **argv);
int nproc_main(int argc, char **argv);
int od_main(int argc, char **argv);
int passwd_main(int argc, char **argv);
int paste_main(int argc, char **argv);
int pidof_main(int argc, char **argv);
int poweroff_main(int argc, char **argv);
int printenv_main(int argc, char **argv);
int printf_main(int argc, char **argv);
int ps_main(int argc, char **argv);
int pwd_main(int argc, char **argv);
int readlink_main(int argc, char **argv);
int rev_main(int argc, char **argv);
int rm_main(int argc, char **argv);
int rmdir_main(int argc, char **argv);
int sed_main(int argc, char **argv);
int seq_main(int argc, char **argv);
int sh_main(int argc, char **argv);
int sleep_main(int argc, char **argv);
int sort_main(int argc, char **argv);
int split_main(int argc, char **argv);
int stat_main(int argc, char **argv);
int strings_main(int argc, char **argv);
int stty_main(int argc, char **argv);
int su_main(int argc, char **argv);
int sum_main(int argc, char **argv);
int sync_main(int argc, char **argv);
int sysctl_main(int argc, char **argv);
int syslogd_main(int argc, char **argv);
int tac_main(int argc, char **argv);
int tail_main(int argc, char **argv);
int tar_main(int argc, char **argv);
int tee_main(int argc, char **argv);
int test_main(int argc, char **argv);
int time_main(int argc, char **argv);
int timeout_main(int argc, char **argv);
int top_main(int argc, char **argv);
int touch_main(int argc, char **argv);
int tr_main(int argc, char **argv);
int true_main(int argc, char **argv);
int truncate_main(int argc, char **argv);
int tty_main(int argc, char **argv);
int umount_main(int argc, char **argv);
int uname_main(int argc, char **argv);
int unexpand_main(int argc, char **argv);
int uniq_main(int argc, char **argv);
int uptime_main(int argc, char **argv);
int vi_main(int argc, char **argv);
int watch_main(int argc, char **argv);
int wc_main(int argc, char **argv);
int which_main(int argc, char **argv);
int whoami_main(int argc, char **argv);
int xargs_main(int argc, char **argv);
int xxd_main(int argc, char **argv);
int yes_main(int argc, char **argv);
int zcat_main(int argc, char **argv);

/* In strcmp order: '[' sorts after capitals, before lower case. */
const struct command commands[] = {
	{ "[", test_main },
	{ "addgroup", addgroup_main },
	{ "adduser", adduser_main },
	{ "awk", awk_main },
	{ "base64", base64_main },
	{ "basename", basename_main },
	{ "cal", cal_main },
	{ "cat", cat_main },
	{ "chgrp", chown_main },
	{ "chmod", chmod_main },
	{ "chown", chown_main },
	{ "chpasswd", chpasswd_main },
	{ "chroot", chroot_main },
	{ "cksum", cksum_main },
	{ "clear", clear_main },
	{ "cmp", cmp_main },
	{ "column", column_main },
	{ "comm", comm_main },
	{ "cp", cp_main },
	{ "cut", cut_main },
	{ "date", date_main },
	{ "dd", dd_main },
	{ "delgroup", deluser_main },
	{ "deluser", deluser_main },
	{ "df", df_main },
	{ "diff", diff_main },
	{ "dirname", dirname_main },
	{ "dmesg", dmesg_main },
	{ "du", du_main },
	{ "echo", echo_main },
	{ "egrep", grep_main },
	{ "env", env_main },
	{ "expand", expand_main },
	{ "expr", expr_main },
	{ "false", true_main },
	{ "fgrep", grep_main },
	{ "find", find_main },
	{ "fold", fold_main },
	{ "free", free_main },
	{ "getty", getty_main },
	{ "grep", grep_main },
	{ "groups", id_main },
	{ "gunzip", gunzip_main },
	{ "gzip", gzip_main },
	{ "halt", poweroff_main },
	{ "head", head_main },
	{ "hexdump", od_main },
	{ "hostname", hostname_main },
	{ "hwclock", hwclock_main },
	{ "id", id_main },
	{ "init", init_main },
	{ "install", install_main },
	{ "join", join_main },
	{ "kill", kill_main },
	{ "killall", killall_main },
	{ "less", less_main },
	{ "ln", ln_main },
	{ "logger", logger_main },
	{ "login", login_main },
	{ "logread", logread_main },
	{ "ls", ls_main },
	{ "lspci", lspci_main },
	{ "lsusb", lsusb_main },
	{ "md5sum", md5sum_main },
	{ "mkdir", mkdir_main },
	{ "mkfifo", mkfifo_main },
	{ "mknod", mknod_main },
	{ "mktemp", mktemp_main },
	{ "more", more_main },
	{ "mount", mount_main },
	{ "mv", mv_main },
	{ "nice", nice_main },
	{ "nl", nl_main },
	{ "nohup", nohup_main },
	{ "nproc", nproc_main },
	{ "od", od_main },
	{ "passwd", passwd_main },
	{ "paste", paste_main },
	{ "pidof", pidof_main },
	{ "poweroff", poweroff_main },
	{ "printenv", printenv_main },
	{ "printf", printf_main },
	{ "ps", ps_main },
	{ "pwd", pwd_main },
	{ "readlink", readlink_main },
	{ "realpath", readlink_main },
	{ "reboot", poweroff_main },
	{ "reset", clear_main },
	{ "rev", rev_main },
	{ "rm", rm_main },
	{ "rmdir", rmdir_main },
	{ "sed", sed_main },
	{ "seq", seq_main },
	{ "sh", sh_main },
	{ "sha1sum", md5sum_main },
	{ "sha256sum", md5sum_main },
	{ "sleep", sleep_main },
	{ "sort", sort_main },
	{ "split", split_main },
	{ "stat", stat_main },
	{ "strings", strings_main },
	{ "stty", stty_main },
	{ "su", su_main },
	{ "sum", sum_main },
	{ "sync", sync_main },
	{ "sysctl", sysctl_main },
	{ "syslogd", syslogd_main },
	{ "tac", tac_main },
	{ "tail", tail_main },
	{ "tar", tar_main },
	{ "tee", tee_main },
	{ "test", test_main },
	{ "time", time_main },
	{ "timeout", timeout_main },
	{ "top", top_main },
	{ "touch", touch_main },
	{ "tr", tr_main },
	{ "true", true_main },
	{ "truncate", truncate_main },
	{ "tty", tty_main },
	{ "umount", umount_main },
	{ "uname", uname_main },
	{ "unexpand", unexpand_main },
	{ "uniq", uniq_main },
	{ "uptime", uptime_main },
	{ "vi", vi_main },
	{ "view", vi_main },
	{ "watch", watch_main },
	{ "wc", wc_main },
	{ "which", which_main },
	{ "whoami", whoami_main },
	{ "xargs", xargs_main },
	{ "xxd", xxd_main },
	{ "yes", yes_main },
	{ "zcat", zcat_main },
	{ NULL, NULL }
};

const struct command *find_command(const char *name)
{
	size_t low = 0, high = sizeof commands / sizeof commands[0] - 1;	/* skip the end mark */

	while (low < high) {
		size_t mid = (low + high) / 2;
		int order = strcmp(name, commands[mid].name);
		if (order == 0)
			return &commands[mid];
		if (order < 0)
			high = mid;
		else
			low = mid + 1;
	}
	return NULL;
}
