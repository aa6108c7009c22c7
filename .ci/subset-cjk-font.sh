#!/usr/bin/env bash
# Regenerates the bundled CJK fallback font, assets/fonts/NotoSansCJKsc-Regular-GB2312.otf, and
# the list of characters it covers (the .chars file next to it, read by src/ui/fonts.rs).
#
# The font is Noto Sans CJK SC Regular (SIL Open Font License 1.1, assets/fonts/LICENSE-OFL.txt),
# cut down to the 6,763 Chinese characters of GB 2312 (its 3,755 common ones and 3,008 less
# common ones, which hold many of the characters of names and places), CJK punctuation and the
# full-width forms. No hinting, no OpenType layout features, no vertical metrics: about 1.5 MB
# instead of the 19 MB collection.
#
# Needs: fonts-noto-cjk (apt) and fonttools (pip install fonttools).
# Usage: bash .ci/subset-cjk-font.sh [PATH/TO/NotoSansCJK-Regular.ttc]
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
out=assets/fonts/NotoSansCJKsc-Regular-GB2312.otf
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The Chinese characters of GB 2312: rows 16-87 of its 94x94 table (bytes 0xB0-0xF7).
python3 - "$work/hanzi.txt" <<'EOF'
import sys
chars = []
for row in range(0xB0, 0xF8):
    for col in range(0xA1, 0xFF):
        try:
            chars.append(bytes([row, col]).decode("gb2312"))
        except UnicodeDecodeError:
            pass  # the unassigned cells at the end of row 55
assert len(chars) == 6763, len(chars)
open(sys.argv[1], "w", encoding="utf-8").write("".join(chars))
EOF

mkdir -p assets/fonts
# Face 2 of the collection is the Simplified Chinese one (fc-query lists the faces).
pyftsubset "$src" --font-number=2 \
    --text-file="$work/hanzi.txt" \
    --unicodes="U+3000-303F,U+FF01-FF65,U+00B7,U+2014,U+2018-201D,U+2026" \
    --no-hinting --layout-features='' --drop-tables+=vhea,vmtx,VORG,BASE \
    --output-file="$out"

# Every character the subset maps, one string: the provider answers only for these.
python3 - "$out" "${out%.otf}.chars" <<'EOF'
import sys
from fontTools.ttLib import TTFont
cmap = TTFont(sys.argv[1]).getBestCmap()
open(sys.argv[2], "w", encoding="utf-8").write("".join(chr(c) for c in sorted(cmap)))
print(f"{len(cmap)} characters")
EOF
ls -l "$out"
