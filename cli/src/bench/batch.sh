#!/usr/bin/env bash
# A whole tree compiled three ways, in turns, round after round (docs/performance.md): upstream
# mpy-cross once per file two at a time (find | xargs -P2 -n1), `freezer compile --root` through
# the warm daemon, and the same in-process (a new JVM). Prints wall, user and system seconds and
# peak memory per run, the load, and whether the outputs are byte-identical.
# Usage: cli/src/bench/batch.sh TREE MPY_CROSS [ROUNDS]   (after `mvn -B package`; TREE: any folder
# of .py files, e.g. MicroPython's tests/ and micropython-lib side by side; MPY_CROSS: an upstream
# v1.28.0 mpy-cross; FREEZER_LAUNCHER: the launcher to time, default the checkout's ./freezer).
# Works on copies of TREE; uses a cache folder of its own and stops the daemon it started.
# Nothing is deleted until the end: ext4 searches recently deleted inodes on every create, so a
# round that wrote over the last round's 2,000 deleted outputs would time the file system
# (`perf record` put a quarter of the samples in ext4's recently_deleted), for both sides alike.
set -euo pipefail
source "$(dirname "$0")/common.sh"
tree=$(from_caller "$1")
upstream=$(from_caller "$2")
rounds=${3:-3}
cp -r "$tree" "$work/tree"
files=$(cd "$work/tree" && find . -name '*.py' -printf x | wc -c)
"$freezer" daemon start >/dev/null
daemon_pid=$("$freezer" daemon status | sed -n 's/.* pid \([0-9]*\) .*/\1/p')

timed() {
    local label=$1
    shift
    /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || true
    tail -1 "$work/time" >"$work/time.last"
    read -r wall user sys rss <"$work/time.last"
    printf '%-22s wall %6.2f s   user %6.2f s   sys %6.2f s   peak RSS %4d MB   load %s\n' \
        "$label" "$wall" "$user" "$sys" "$((rss / 1024))" "$(cut -d' ' -f1 /proc/loadavg)"
}

# the daemon's own CPU seconds so far (the client's are the launcher's alone)
daemon_cpu() {
    awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$daemon_pid/stat"
}

printf '%s files under %s, %d cores, load average %s\n' "$files" "$tree" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= rounds; r++)); do
    echo "round $r"
    # mpy-cross writes next to each source: a fresh copy of the tree per round
    cp -r "$tree" "$work/tree-$r"
    sync
    timed "mpy-cross, xargs -P2" bash -c "cd '$work/tree-$r' && find . -name '*.py' -printf '%P\\0' | xargs -0 -P2 -n1 '$upstream'"
    before=$(daemon_cpu)
    timed "freezer, daemon" "$freezer" compile --root "$work/tree" --out-dir "$work/daemon-out-$r"
    printf '%-22s                   the daemon: user+sys %6.2f s\n' "" "$(echo "$(daemon_cpu) - $before" | bc)"
    timed "freezer, in-process" env FREEZER_DAEMON=0 "$freezer" compile --root "$work/tree" --out-dir "$work/in-process-out-$r"
done
printf 'the daemon (pid %s): peak RSS %s\n' "$daemon_pid" "$(awk '/VmHWM/ {print $2 / 1024 " MB"}' "/proc/$daemon_pid/status")"
same=0 differ=0 missing=0
while IFS= read -r -d '' f; do
    m=${f%.py}.mpy
    [ -f "$work/tree-$rounds/$m" ] || continue
    if ! [ -f "$work/daemon-out-$rounds/$m" ]; then
        missing=$((missing + 1))
    elif cmp -s "$work/tree-$rounds/$m" "$work/daemon-out-$rounds/$m" \
            && cmp -s "$work/tree-$rounds/$m" "$work/in-process-out-$rounds/$m"; then
        same=$((same + 1))
    else
        differ=$((differ + 1))
    fi
done < <(cd "$work/tree" && find . -name '*.py' -printf '%P\0')
printf 'outputs of the last round: %d identical, %d differ, %d missing (files mpy-cross rejects are not counted)\n' \
    "$same" "$differ" "$missing"
