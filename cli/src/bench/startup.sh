#!/usr/bin/env bash
# Start-up cost of one-file `freezer compile` under JVM flag choices (docs/performance.md).
# Usage: cli/src/bench/startup.sh [RUNS]   (needs perf; run after `mvn -B package`)
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-20}
jar=cli/target/freezer.jar
input=samples/weather-station/drivers/bme280.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jsa=$work/bench.jsa
java -XX:ArchiveClassesAtExit="$jsa" -Xlog:disable -jar "$jar" compile -o "$work/x.mpy" "$input" >/dev/null 2>&1 || true

measure() {
    local label=$1
    shift
    perf stat -r "$runs" -e task-clock "$@" >/dev/null 2>"$work/perf" || true
    # task-clock is CPU time, steadier than wall time on a loaded machine
    local cpu wall
    cpu=$(awk '/task-clock/ {printf "%.0f", $1}' "$work/perf")
    wall=$(awk '/seconds time elapsed/ {printf "%.0f", $1 * 1000}' "$work/perf")
    printf '%-44s cpu %5s ms   wall %5s ms\n' "$label" "$cpu" "$wall"
}

c=(compile -o "$work/x.mpy" "$input")
measure "java -version (JVM floor)" java -version
measure "default flags" java -jar "$jar" "${c[@]}"
measure "-Xshare:off (no JDK class sharing)" java -Xshare:off -jar "$jar" "${c[@]}"
measure "-XX:TieredStopAtLevel=1" java -XX:TieredStopAtLevel=1 -jar "$jar" "${c[@]}"
measure "-XX:+UseSerialGC" java -XX:+UseSerialGC -jar "$jar" "${c[@]}"
measure "AppCDS archive" java -XX:SharedArchiveFile="$jsa" -jar "$jar" "${c[@]}"
measure "AppCDS + TieredStopAtLevel=1" java -XX:SharedArchiveFile="$jsa" -XX:TieredStopAtLevel=1 -jar "$jar" "${c[@]}"
measure "AppCDS + TieredStopAtLevel=1 + SerialGC" java -XX:SharedArchiveFile="$jsa" -XX:TieredStopAtLevel=1 \
    -XX:+UseSerialGC -jar "$jar" "${c[@]}"
measure "./freezer launcher (as shipped)" ./freezer "${c[@]}"
if command -v mpy-cross >/dev/null 2>&1; then
    measure "mpy-cross (C)" mpy-cross -o "$work/y.mpy" "$input"
fi
