#!/usr/bin/env bash
# Regenerates the icons in assets/icons/ from assets/icon.svg: PNGs at every hicolor size and a
# Windows .ico. Needs rsvg-convert (Debian: librsvg2-bin) and ImageMagick's convert. The binary
# embeds the PNGs, so rebuild after running this.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rsvg-convert >/dev/null || { echo "rsvg-convert missing: apt-get install librsvg2-bin" >&2; exit 1; }
command -v convert >/dev/null || { echo "convert missing: apt-get install imagemagick" >&2; exit 1; }
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" assets/icon.svg -o "assets/icons/newslens-$size.png"
done
# The .ico holds 16 to 256 px (the largest size Windows uses).
convert assets/icons/newslens-{16,24,32,48,64,128,256}.png assets/icons/newslens.ico
echo "wrote assets/icons/newslens-{16,24,32,48,64,128,256,512}.png and newslens.ico"
