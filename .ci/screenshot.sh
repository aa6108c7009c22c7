#!/usr/bin/env bash
# Regenerates assets/screenshot.png: the real app on the bundled article, under Xvfb.
# Needs: xvfb, imagemagick (import), Mesa. Usage: bash .ci/screenshot.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-${CARGO_TARGET_DIR:-target}/release/newslens}"
[ -x "$bin" ] || { cargo build --release; bin="${CARGO_TARGET_DIR:-target}/release/newslens"; }
export XDG_DATA_HOME="$(mktemp -d)"   # a fresh profile: no remembered zoom or layout
xvfb-run -a -s "-screen 0 1360x820x24" bash -c "
    '$bin' &
    pid=\$!
    sleep \${NEWSLENS_SHOT_DELAY:-6}
    import -window root assets/screenshot.png
    kill \$pid
"
echo "wrote assets/screenshot.png"
