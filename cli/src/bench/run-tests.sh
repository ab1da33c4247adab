#!/usr/bin/env bash
# MicroPython's own test runner with --via-mpy, its mpy-cross being upstream's and then an
# `mpy-cross` link to freezer (through the warm daemon), in turns, round after round
# (docs/performance.md). Prints each run's wall time, its pass count and the load.
# Usage: cli/src/bench/run-tests.sh MPY_DIR MPY_CROSS [ROUNDS] [TESTS...]   (after `mvn -B package`;
# MPY_DIR: an upstream v1.28.0 tree whose unix port is built; MPY_CROSS: its mpy-cross; TESTS:
# run-tests.py arguments from its tests/ folder, default basics/b*.py; FREEZER_LAUNCHER: the launcher, default ./freezer).
# Uses a cache folder of its own and stops the daemon it started.
set -euo pipefail
source "$(dirname "$0")/common.sh"
mpy_dir=$(from_caller "$1")
upstream=$(from_caller "$2")
rounds=${3:-3}
shift $(($# < 3 ? $# : 3))
ln -s "$freezer" "$work/mpy-cross"
# warm: the class-data archive, the daemon and its JIT
printf 'x = 1\n' >"$work/w.py"
warm_daemon "$work/mpy-cross" -o "$work/w.mpy" "$work/w.py"
cd "$mpy_dir/tests"
[ $# -gt 0 ] || set -- basics/b*.py
for ((r = 1; r <= rounds; r++)); do
    for side in mpy-cross freezer; do
        if [ "$side" = mpy-cross ]; then mc=$upstream; else mc=$work/mpy-cross; fi
        rm -rf "$work/results"
        t0=$EPOCHREALTIME
        rc=0
        MICROPY_MPYCROSS=$mc python3 ./run-tests.py --via-mpy -r "$work/results" "$@" >"$work/log" 2>&1 || rc=$?
        [ "$rc" = 0 ] || tail -5 "$work/log" >&2
        t1=$EPOCHREALTIME
        printf 'round %d  %-9s  %6.2f s  exit %d  %s  load %s\n' "$r" "$side" \
            "$(((${t1/./} - ${t0/./}) / 10000))e-2" "$rc" \
            "$(grep -E '^[0-9]+ tests passed' "$work/log" | head -1)" "$(cut -d' ' -f1 /proc/loadavg)"
    done
done
