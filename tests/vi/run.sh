#!/bin/sh
# vi's key-sequence tests: tests/vi/run.sh MINI
# Each case starts `MINI vi FILE` in an 80x24 pseudo-terminal, types keys and
# compares the file written; prints "ok - ..." or "not ok - ..." per case.
exec python3 "$(dirname "$0")/keys.py" "${1:-build/mini/mini}"
