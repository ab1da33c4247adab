# Sourced by the bench scripts that time the launcher (daemon.sh, run-tests.sh, batch.sh): it
# moves to the checkout's root, makes a work folder with a cache folder of its own (so the daemon
# timed is the one these scripts start, not the user's) and, on exit, stops that daemon and
# deletes the folder. Sets: freezer (the launcher to time, absolute: FREEZER_LAUNCHER or the
# checkout's ./freezer) and work.

# A path given on the command line, as the caller meant it: relative ones against the folder the
# script was started from. A bare name (a command on the PATH) is left as it is.
caller_dir=$PWD
from_caller() {
    case $1 in
        /*) printf '%s\n' "$1" ;;
        */*) printf '%s\n' "$caller_dir/$1" ;;
        *) [ -e "$caller_dir/$1" ] && printf '%s\n' "$caller_dir/$1" || printf '%s\n' "$1" ;;
    esac
}

cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
freezer=$(from_caller "${FREEZER_LAUNCHER:-$PWD/freezer}")
work=$(mktemp -d)
export XDG_CACHE_HOME=$work/cache
trap '"$freezer" daemon stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# Starts the daemon and warms it with 200 calls of COMMAND..., as a build's first minute would.
warm_daemon() {
    local i
    for ((i = 0; i < 200; i++)); do
        "$@" >/dev/null
    done
}
