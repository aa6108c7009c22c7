#!/usr/bin/env bash
# Regenerates assets/screenshot.png (the real app on the bundled article, under Xvfb) and
# assets/screenshot-chart.png (the bundled article's chart as `newslens chart` exports it, 2x).
# Needs: xvfb, imagemagick (import), Mesa. Usage: bash .ci/screenshot.sh [BINARY]
# NEWSLENS_SHOT_DELAY sets the seconds waited before the capture (default 6).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-${CARGO_TARGET_DIR:-target}/release/newslens}"
[ -x "$bin" ] || { cargo build --release; bin="${CARGO_TARGET_DIR:-target}/release/newslens"; }
# A fresh profile: no remembered zoom, layout or reopened folders.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
export HOME="$profile" XDG_DATA_HOME="$profile/data" XDG_CONFIG_HOME="$profile/config"
xvfb-run -a -s "-screen 0 1360x820x24" bash -c "
    '$bin' &
    pid=\$!
    sleep \${NEWSLENS_SHOT_DELAY:-6}
    import -window root assets/screenshot.png
    kill \$pid
    '$bin' chart --scale 2 --out assets/screenshot-chart.png
"
echo "wrote assets/screenshot.png and assets/screenshot-chart.png"
