#!/bin/bash
# Run every command test file (tests/cmd/*.sh) against the real i386 mini binary.
# Usage: tests/cmd-tests.sh MINI [FILE]...
set -u
MINI=$(readlink -f "$1"); shift
BIN=$(mktemp -d "${TMPDIR:-/tmp}/mini-bin.XXXXXX")
export MINI BIN
# A link per command, as in the booted system's /bin.
for name in $("$MINI" --list); do
	ln -s "$MINI" "$BIN/$name"
done
ln -s "$MINI" "$BIN/mini"
here=$(dirname "$0")
. "$here/lib.sh"
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$here"/cmd/*.sh)
# Tests run as root on a shared host: a test that replaced /dev/null (a command renaming
# a temporary file over it, say) would break every later test and the host itself.
dev_null_intact() { [ -c /dev/null ]; }
for f in "${files[@]}"; do
	echo "# $(basename "$f")"
	. "$f"
	if ! dev_null_intact; then
		echo "not ok - $(basename "$f") left /dev/null damaged (restored)"
		rm -f /dev/null && mknod -m 666 /dev/null c 1 3
	fi
done
rm -rf "$BIN"
