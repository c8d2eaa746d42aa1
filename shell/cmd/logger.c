/*
 * logger: put a message in the system log (like logger(1) of util-linux and BusyBox).
 * It goes to syslogd through /dev/log; without syslogd running it is lost.
 */
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include "mini.h"
#include "logs.h"

static const char usage[] =
	"Usage: logger [-s] [-t TAG] [-p PRIORITY] [MESSAGE]...\n"
	"Log MESSAGE (or each line of standard input) in the system log.\n"
	"  -s           write it on standard error too\n"
	"  -t TAG       the tag in front of it (default your user name)\n"
	"  -p PRIORITY  facility.level or level, e.g. local0.info, err (default user.notice)\n";

static void send_line(int pri, const char *tag, const char *text, int to_stderr)
{
	if (to_stderr)
		fprintf(stderr, "%s: %s\n", tag, text);
	log_send(pri, tag, "%s", text);
}

int logger_main(int argc, char **argv)
{
	struct options o;
	struct passwd *pw = getpwuid(getuid());
	const char *tag = pw ? pw->pw_name : "logger";
	char line[1024] = "";
	int c, pri = LOG_USER | LOG_NOTICE, to_stderr = 0;

	options_start(&o, argc, argv, "st:p:", usage);
	while ((c = options_next(&o)) != -1) {
		if (c == 's')
			to_stderr = 1;
		else if (c == 't')
			tag = o.arg;
		else if ((pri = syslog_priority(o.arg)) < 0)
			usage_error(usage, "unknown priority '%s'", o.arg);
	}
	if (o.index < argc) {
		for (int i = o.index; i < argc; i++) {
			if (i > o.index)
				strncat(line, " ", sizeof line - strlen(line) - 1);
			strncat(line, argv[i], sizeof line - strlen(line) - 1);
		}
		send_line(pri, tag, line, to_stderr);
		return 0;
	}
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0])
			send_line(pri, tag, line, to_stderr);
	}
	return 0;
}
