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
for f in "${files[@]}"; do
	echo "# $(basename "$f")"
	. "$f"
done
rm -rf "$BIN"
