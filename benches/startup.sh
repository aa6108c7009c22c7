#!/usr/bin/env bash
# Start-up benchmark: time from launch to the first frame of the window, on the bundled articles.
#
#   bash benches/startup.sh [BINARY] [RUNS]     # e.g. bash benches/startup.sh target/release/newslens 10
#
# Without BINARY it builds and uses the release binary. It runs the binary once to warm the disk
# cache (and Mesa's shader cache), then RUNS times (default 10) under one Xvfb server, each with
# NEWSLENS_EXIT_AFTER_FIRST_FRAME=1: the app prints `first_frame_ms=N` (from the start of `main`
# to the end of its first frame) and closes. The script also takes the wall time from launch to
# process exit, which includes loading the binary, painting that frame and shutting down.
# Each run gets a fresh HOME and XDG data/config folders, so no remembered folders are reopened.
# Needs: xvfb (xvfb-run), Mesa (llvmpipe is fine). The target is a first frame within 500 ms.
set -euo pipefail

if [ "${1:-}" = "--inner" ]; then
    # Runs inside xvfb-run (see the end of this script).
    bin="$2" runs="$3" out="$4"
    cache="$(mktemp -d)" # shared by all runs: a warm shader cache, as on a desktop
    one_run() {
        local home
        home="$(mktemp -d)"
        mkdir -p "$home/data" "$home/config"
        local t0 t1 status=0
        t0=$(date +%s%N)
        HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
            XDG_CACHE_HOME="$cache" NEWSLENS_EXIT_AFTER_FIRST_FRAME=1 RUST_LOG=warn \
            timeout 60 "$bin" 2>"$home/stderr" || status=$?
        t1=$(date +%s%N)
        local first
        first=$(sed -n 's/^first_frame_ms=\([0-9]*\)$/\1/p' "$home/stderr" | head -n 1)
        if [ "$status" -ne 0 ] || [ -z "$first" ]; then
            echo "run failed (exit $status); its stderr:" >&2
            cat "$home/stderr" >&2
            rm -rf "$home"
            return 1
        fi
        rm -rf "$home"
        echo "$first $(((t1 - t0) / 1000000))"
    }
    one_run >/dev/null # warm-up, not counted
    for i in $(seq 1 "$runs"); do
        line=$(one_run)
        echo "run $i: first frame ${line% *} ms, exit after ${line#* } ms" >&2
        echo "$line" >>"$out"
    done
    rm -rf "$cache"
    exit 0
fi

cd "$(dirname "$0")/.."
bin="${1:-}"
runs="${2:-10}"
if [ -z "$bin" ]; then
    cargo build --release
    bin="${CARGO_TARGET_DIR:-target}/release/newslens"
fi
bin="$(realpath "$bin")"
[ -x "$bin" ] || { echo "not an executable: $bin" >&2; exit 1; }

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
xvfb-run -a -s "-screen 0 1360x820x24" bash "$0" --inner "$bin" "$runs" "$out"

# median (the mean of the two middle values for an even count) and max of a column
stats() {
    cut -d' ' -f"$1" "$out" | sort -n | awk '
        { v[NR] = $1 }
        END {
            m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "median %g ms, max %d ms", m, v[NR]
        }'
}
echo "$(wc -l <"$out") runs of $bin"
echo "first frame:          $(stats 1)"
echo "launch to exit (wall): $(stats 2)"
