#!/usr/bin/env bash
# Leaflet cost in a build: the same corpus built with and without `leaflet: true` on every guide.
#
#   bench/leaflets.sh [-n GUIDES_PER_LANG] [--rounds R] [--suluh PATH]
#
# Default: 17 guides per language from ../shared/bench/gen-corpus.py, i.e. 51 leaflets (id, en, ar; A4
# tri-fold). Builds alternate (with, without) for R rounds (default 5); prints the median wall time of
# each, what the leaflets add (wall, and CPU per leaflet: the render cost of one leaflet on one core),
# and the largest PDF. Environment: GEN_CORPUS, CARGO_TARGET_DIR, SULUH_BENCH_WORK.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
n=17
rounds=5
suluh=""
while (($#)); do
  case $1 in
    -n) n=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --suluh) suluh=$2; shift 2 ;;
    *) echo "leaflets.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
gen=${GEN_CORPUS:-$repo/../shared/bench/gen-corpus.py}
work=${SULUH_BENCH_WORK:-${TMPDIR:-/tmp}/suluh-leaflet-bench}
if [[ -z $suluh ]]; then
  (cd "$repo" && cargo build --release --quiet)
  suluh=${CARGO_TARGET_DIR:-$repo/target}/release/suluh
fi
rm -rf "$work" && mkdir -p "$work"
python3 "$gen" "$work/without" -n "$n" > /dev/null
cp -r "$work/without" "$work/with"
# `leaflet: true` right after each guide's title (section and home files have no leaflet).
find "$work/with/content" -name '*.md' ! -name '_index*' -print0 |
  xargs -0 sed -i '0,/^title: /{/^title: /a leaflet: true
}'
leaflets=$(grep -rl '^leaflet: true' "$work/with/content" | wc -l)

# One build: "wall_ms cpu_ms".
build() {
  /usr/bin/time -o "$work/time.txt" -f '%e %U %S' "$suluh" build --root "$1" > /dev/null 2> "$work/err.txt" ||
    { cat "$work/err.txt" >&2; exit 1; }
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$work/time.txt"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

build "$work/with" > /dev/null # warm-up: page cache, fonts
: > "$work/with.txt"; : > "$work/without.txt"
for ((r = 0; r < rounds; r++)); do
  build "$work/with" >> "$work/with.txt"
  build "$work/without" >> "$work/without.txt"
done
ww=$(cut -d' ' -f1 "$work/with.txt" | median); wo=$(cut -d' ' -f1 "$work/without.txt" | median)
cw=$(cut -d' ' -f2 "$work/with.txt" | median); co=$(cut -d' ' -f2 "$work/without.txt" | median)
pdfs=$(find "$work/with/dist/leaflets" -name '*.pdf' | wc -l)
largest=$(find "$work/with/dist/leaflets" -name '*.pdf' -printf '%s %p\n' | sort -n | tail -1)
echo "leaflets in the corpus: $leaflets (PDFs written: $pdfs), $rounds rounds, $(nproc) cores"
echo "build without leaflets: ${wo} ms wall (median), ${co} ms CPU"
echo "build with leaflets:    ${ww} ms wall (median), ${cw} ms CPU"
echo "leaflets add:           $((ww - wo)) ms wall; $(((cw - co) / pdfs)) ms CPU per leaflet"
echo "largest PDF:            ${largest%% *} bytes (${largest#* })"
