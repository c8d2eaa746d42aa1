# tools/bench/guest-run.sh, the runner of the in-guest benchmark (make bench-guest), as
# mini's own sh reads it: every workload's command line parses, bad requests are refused.
# The benchmark itself boots QEMU and is never part of make test.
GUEST_RUN=$(readlink -f "$(dirname "${BASH_SOURCE[0]}")/../../tools/bench/guest-run.sh")

check "bench-guest: every workload parses in mini's sh" "sh $GUEST_RUN check" \
	$'guest-run: 26 workloads parse\n'
check "bench-guest: list names each workload once" \
	"sh $GUEST_RUN list | cut -f1 | sort -u | wc -l" $'26\n'
check "bench-guest: an unknown workload is refused" "sh $GUEST_RUN run nosuch mini" '' 1 \
	'guest-run: no workload nosuch'
check "bench-guest: an unknown userland is refused" "sh $GUEST_RUN run wc toybox" '' 1 \
	'guest-run: no userland toybox'
check "bench-guest: a missing request is a usage error" "sh $GUEST_RUN" '' 2 'usage: guest-run.sh'
