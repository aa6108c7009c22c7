#!/usr/bin/env bash
# Makes the .deb with cargo-packager from a binary that is already built, installs it, checks
# the installed files and menu entry, starts the installed program under Xvfb and checks that
# its window is up and stays up, then removes the package again.
#
# Usage: bash .ci/package-deb.sh [BINARY]
#   BINARY defaults to $CARGO_TARGET_DIR/debug/newslens (what `cargo test` leaves), built with
#   `cargo build` if missing. It is stripped before packaging (the debug binary is ~600 MB with
#   debug info, ~36 MB without). The .deb is left in $CARGO_TARGET_DIR/packager/.
# Needs root (dpkg, apt-get); installs cargo-packager, xvfb, xauth, xdotool, x11-utils and
# desktop-file-utils when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir="${CARGO_TARGET_DIR:-target}"
bin="${1:-$target_dir/debug/newslens}"
t0=$SECONDS
step() { echo "== [$((SECONDS - t0)) s] $*"; }

if [ ! -x "$bin" ]; then
    if [ $# -gt 0 ]; then
        echo "no executable at $bin" >&2
        exit 1
    fi
    step "building the debug binary"
    cargo build
fi

missing=()
for pkg in xvfb xauth xdotool x11-utils desktop-file-utils; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
    step "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v cargo-packager >/dev/null; then
    step "installing cargo-packager (a few minutes)"
    cargo install cargo-packager --version 0.11.8 --locked --quiet
fi

# cargo-packager takes the binaries from <target dir>/<profile>/ (its --binaries-dir flag is not
# applied in 0.11.8), so the stripped copy goes to a folder of its own that is named as the profile.
stage_profile=deb-stage
stage="$target_dir/$stage_profile"
out="$target_dir/packager"
work="$(mktemp -d)"
cleanup() {
    if dpkg -s newslens >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq newslens >/dev/null || true
    fi
    rm -rf "$work" "$stage"
}
trap cleanup EXIT

step "stripping $bin"
rm -rf "$stage" "$out"
mkdir -p "$stage" "$out"
strip -o "$stage/newslens" "$bin"

step "cargo packager"
cargo packager --profile "$stage_profile" --formats deb --out-dir "$out"
debs=("$out"/newslens_*.deb)
deb="$(realpath "${debs[0]}")"
ls -l "$deb"
dpkg-deb --field "$deb" Package Version Architecture Depends Installed-Size
dpkg-deb --contents "$deb" | awk '{print $NF}' | sed 's|^\./||' | sort >"$work/contents"
for f in usr/bin/newslens usr/share/applications/newslens.desktop \
    usr/share/icons/hicolor/scalable/apps/newslens.svg; do
    grep -qx "$f" "$work/contents" || { echo "missing from the .deb: $f" >&2; exit 1; }
done
for n in 16 24 32 48 64 128 256 512; do
    f="usr/share/icons/hicolor/${n}x${n}/apps/newslens.png"
    grep -qx "$f" "$work/contents" || { echo "missing from the .deb: $f" >&2; exit 1; }
done

step "installing the .deb"
if dpkg -s newslens >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq newslens >/dev/null
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
dpkg -s newslens | grep -E '^(Status|Version):'
[ "$(command -v newslens)" = /usr/bin/newslens ] || { echo "newslens is not /usr/bin/newslens" >&2; exit 1; }
newslens --version

step "checking the installed menu entry"
entry=/usr/share/applications/newslens.desktop
desktop-file-validate "$entry" && echo "desktop-file-validate $entry: ok"
grep -qx 'StartupWMClass=newslens' "$entry"
grep -qx 'Exec=newslens %F' "$entry"
grep -qx 'Icon=newslens' "$entry"
# The per-user entry written by the installed binary is valid too, and runs that binary.
newslens install-desktop --data-dir "$work/share"
desktop-file-validate "$work/share/applications/newslens.desktop" && echo "desktop-file-validate (install-desktop): ok"
grep -qx 'Exec=/usr/bin/newslens %F' "$work/share/applications/newslens.desktop"
newslens uninstall-desktop --data-dir "$work/share" >/dev/null
[ -z "$(find "$work/share" -type f)" ] || { echo "uninstall-desktop left files" >&2; exit 1; }

step "starting the installed newslens under Xvfb"
export XDG_DATA_HOME="$work/profile" # a fresh profile: nothing remembered, nothing left behind
xvfb-run -a -s "-screen 0 1360x820x24" bash -c '
    set -u
    newslens >"$0/app.log" 2>&1 &
    pid=$!
    wid=""
    for _ in $(seq 1 60); do
        sleep 0.5
        kill -0 "$pid" 2>/dev/null || { echo "newslens exited early:" >&2; cat "$0/app.log" >&2; exit 1; }
        wid="$(xdotool search --class "^newslens\$" 2>/dev/null | head -n 1)" && [ -n "$wid" ] && break
    done
    [ -n "$wid" ] || { echo "no window of class newslens" >&2; cat "$0/app.log" >&2; kill "$pid"; exit 1; }
    sleep 5
    kill -0 "$pid" 2>/dev/null || { echo "newslens died after opening its window" >&2; cat "$0/app.log" >&2; exit 1; }
    xprop -id "$wid" WM_CLASS _NET_WM_NAME | sed "s/^/window: /"
    xprop -id "$wid" -notype 32c _NET_WM_ICON | head -c 40 | grep -q "^_NET_WM_ICON = 256, 256," \
        || { echo "the window has no 256 px icon" >&2; kill "$pid"; exit 1; }
    if command -v import >/dev/null; then import -window root "$0/window.png"; fi
    kill "$pid"
    wait "$pid" 2>/dev/null || true
' "$work"
[ -f "$work/window.png" ] && cp "$work/window.png" "$out/installed-window.png"

step "removing the package"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq newslens >/dev/null
[ ! -e /usr/bin/newslens ] && [ ! -e "$entry" ] || { echo "the package left files" >&2; exit 1; }

step "package check passed: $deb"
