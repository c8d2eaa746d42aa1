/* sleep: wait a while (POSIX sleep, with GNU's fractions, suffixes and summed operands). */
#include "mini.h"
#include "duration.h"

static const char usage[] =
	"Usage: sleep DURATION...\n"
	"Wait for the sum of the DURATIONs: seconds with an optional fraction and\n"
	"an optional suffix s (seconds), m (minutes), h (hours) or d (days): 1.5m, 0.2\n";

int sleep_main(int argc, char **argv)
{
	struct options o;
	long long total = 0, span;

	options_start(&o, argc, argv, "", usage);
	options_next(&o);
	if (o.index >= argc)
		usage_error(usage, "missing operand");
	for (int i = o.index; i < argc; i++) {
		if (parse_duration(argv[i], &span) < 0)
			usage_error(usage, "invalid time interval '%s'", argv[i]);
		total += span;
	}
	sleep_nanoseconds(total);
	return 0;
}
