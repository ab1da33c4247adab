#!/usr/bin/env bash
# Time per one-file compile call: in-process, through the warm daemon, and upstream mpy-cross
# (docs/performance.md). Each side is called RUNS times in turn, round after round, so that the
# machine's load falls on all alike; prints the median and mean wall time per call and the load.
# Usage: cli/src/bench/daemon.sh [RUNS] [MPY_CROSS]   (after `mvn -B package`; MPY_CROSS: an
# upstream v1.28.0 mpy-cross binary, optional; FREEZER_LAUNCHER: the launcher to time, default
# the checkout's ./freezer, e.g. an unpacked distribution's bin/freezer). Uses a cache folder of
# its own and stops the daemon it started.
set -euo pipefail
source "$(dirname "$0")/common.sh"
runs=${1:-20}
upstream=${2:+$(from_caller "$2")}
input=$PWD/samples/weather-station/drivers/bme280.py

# warm: the class-data archive, the daemon and its JIT
FREEZER_DAEMON=0 "$freezer" compile -o "$work/x.mpy" "$input"
warm_daemon "$freezer" compile -o "$work/x.mpy" "$input"

sides=(in-process daemon)
[ -z "$upstream" ] || sides+=(mpy-cross)
declare -A times
one() {
    local t0=$EPOCHREALTIME
    case $1 in
        in-process) FREEZER_DAEMON=0 "$freezer" compile -o "$work/x.mpy" "$input" ;;
        daemon) "$freezer" compile -o "$work/x.mpy" "$input" ;;
        mpy-cross) "$upstream" -o "$work/x.mpy" "$input" ;;
    esac
    local t1=$EPOCHREALTIME
    times[$1]+=" $(((${t1/./} - ${t0/./}) / 10))"   # in units of 10 µs
}
load0=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 0; r < runs; r++)); do
    for s in "${sides[@]}"; do one "$s"; done
done
load1=$(cut -d' ' -f1-3 /proc/loadavg)
printf 'launcher %s\n' "$freezer"
printf 'input %s, %d calls each, %d cores, load average %s before, %s after\n' \
    "${input#"$PWD"/}" "$runs" "$(nproc)" "$load0" "$load1"
for s in "${sides[@]}"; do
    # shellcheck disable=SC2086
    printf '%s\n' ${times[$s]} | sort -n | awk -v s="$s" '{a[NR] = $1; sum += $1}
        END {printf "%-11s median %7.2f ms   mean %7.2f ms\n", s, a[int((NR + 1) / 2)] / 100, sum / NR / 100}'
done
