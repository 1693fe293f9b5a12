#!/usr/bin/env bash
# Search size and speed, the figures of docs/search-analysis.md ("Size and speed"):
#   - per language, the search files on disk (raw and gzipped);
#   - what a typical query downloads in headless Chromium (script + manifest + index or packs + records,
#     gzipped) and the time to its first results (bench/search-bench.mjs), entered at once and typed;
#   - the build time with search on and off.
# On the bundled site and on ../shared/bench/gen-corpus.py corpora of 300 and 10,000 pages per language.
#
#   bench/search-size.sh [GEN_CORPUS.py] [WORK_DIR] [SIZES...]     (defaults: ../shared/bench/gen-corpus.py,
#                                                                   /tmp/suluh-search-bench, 300 10000)
# Needs python3, node with `npm ci` done, and Chromium (as the browser tests). Builds Suluh in release mode
# unless SULUH names a binary.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
gen=${1:-$repo/../shared/bench/gen-corpus.py}
work=${2:-/tmp/suluh-search-bench}
shift $(( $# > 2 ? 2 : $# )) || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(300 10000)
runs=${RUNS:-3}

# SULUH=path/to/suluh uses that binary instead of building one.
if [ -z "${SULUH:-}" ]; then
  cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
fi
suluh=${SULUH:-${CARGO_TARGET_DIR:-$repo/target}/release/suluh}
mkdir -p "$work"

# One build: "wall_ms cpu_ms" (CPU = user + system, less disturbed by other work on a shared machine).
build_ms() {
  /usr/bin/time -o "$work/time.txt" -f '%e %U %S' "$suluh" build --root "$1" > /dev/null 2>&1
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$work/time.txt"
}

# The least value of column $1 among the remaining arguments ("wall cpu" pairs).
best() {
  printf '%s\n' "$@" | awk -v k="$1" 'NR > 1 { v = $k + 0; if (min == "" || v < min) min = v } END { print min }'
}

files_table() {
  local dist=$1
  echo "| lang | files | raw | gzipped (sum of files) | index.json raw / gzipped |"
  echo "|---|---|---|---|---|"
  for dir in "$dist"/search/*/; do
    local lang raw=0 gz=0 n=0 idx="—"
    lang=$(basename "$dir")
    for f in "$dir"*.json; do
      raw=$((raw + $(stat -c %s "$f")))
      gz=$((gz + $(gzip -6c "$f" | wc -c)))
      n=$((n + 1))
    done
    if [ -f "$dir/index.json" ]; then
      idx="$(( $(stat -c %s "$dir/index.json") / 1024 )) KB / $(( $(gzip -6c "$dir/index.json" | wc -c) / 1024 )) KB"
    fi
    echo "| $lang | $n | $((raw / 1024)) KB | $((gz / 1024)) KB | $idx |"
  done
}

site_report() {
  local name=$1 root=$2
  echo
  echo "## $name"
  echo
  # Build time: search off and on, alternately, $runs times each (fewer for large sites).
  local yaml=$root/site.yaml off=() on=() n=$runs
  [ "${3:-0}" -lt 5000 ] || n=${RUNS_LARGE:-2}
  cp "$yaml" "$work/site.yaml.orig"
  grep -v '^search:' "$work/site.yaml.orig" > "$work/site.yaml.off"
  echo 'search: { enabled: false }' >> "$work/site.yaml.off"
  grep -v '^search:' "$work/site.yaml.orig" > "$work/site.yaml.on"
  echo 'search: { enabled: true }' >> "$work/site.yaml.on"
  for _ in $(seq "$n"); do
    cp "$work/site.yaml.off" "$yaml"; off+=("$(build_ms "$root")")
    cp "$work/site.yaml.on" "$yaml"; on+=("$(build_ms "$root")")
  done
  cp "$work/site.yaml.orig" "$yaml"
  local wall_off wall_on cpu_off cpu_on
  wall_off=$(best 1 "${off[@]}"); wall_on=$(best 1 "${on[@]}")
  cpu_off=$(best 2 "${off[@]}"); cpu_on=$(best 2 "${on[@]}")
  echo "Build (wall ms / CPU ms), search off: ${off[*]/ //}; on: ${on[*]/ //}."
  echo "Best of each: wall $wall_off → $wall_on ms (search adds $(( (wall_on - wall_off) * 100 / wall_off )) %)," \
    "CPU $cpu_off → $cpu_on ms (adds $(( (cpu_on - cpu_off) * 100 / cpu_off )) %)."
  "$suluh" build --root "$root" > /dev/null
  echo
  files_table "$root/dist"
  echo
  echo "A query entered at once (cold cache):"
  echo
  node "$repo/bench/search-bench.mjs" "$root/dist"
  echo
  echo "The same queries typed key by key, 180 ms a key (every prefix on the way is searched):"
  echo
  node "$repo/bench/search-bench.mjs" "$root/dist" --typing
}

echo "# Suluh search: size and speed ($(date -u +%Y-%m-%d), $(nproc) cores, $(chromium --version 2>/dev/null || echo chromium))"

bundled=$work/bundled
rm -rf "$bundled" && mkdir -p "$bundled"
cp -r "$repo/site.yaml" "$repo/content" "$repo/i18n" "$bundled/"
site_report "Bundled site" "$bundled"

for n in "${sizes[@]}"; do
  python3 "$gen" "$work/c$n" -n "$n" > /dev/null
  site_report "gen-corpus.py -n $n ($n pages per language)" "$work/c$n" "$n"
done
