#!/usr/bin/env bash
# Live-preview figures for one corpus size: peak memory and time of a full `suluh build`, then `suluh serve`
# on the same corpus (first build, one-page edit latency through bench/serve-latency.py, the server's own
# "Rebuilt in N ms" lines, and its peak RSS). See bench/README.md, "Live preview (serve)".
#
#   bash bench/serve-bench.sh SULUH_BINARY WORK_DIR N [RUNS]
#
# WORK_DIR/cN is generated with ../shared/bench/gen-corpus.py -n N (id, en, ar) if it does not exist yet.
set -euo pipefail
suluh=$1
work=$2
n=$3
runs=${4:-8}
here=$(cd "$(dirname "$0")" && pwd)
gen=${GEN_CORPUS:-$here/../../shared/bench/gen-corpus.py}
site=$work/c$n
mkdir -p "$work"
if [ ! -d "$site/content" ]; then
    python3 "$gen" "$site" -n "$n" >/dev/null
fi
cp "$here/corpus-site.yaml" "$site/site.yaml"
pages=$(find "$site/content" -name '*.md' | wc -l)
echo "== corpus: $site ($pages Markdown files)"

echo "== full build"
/usr/bin/time -v "$suluh" build --root "$site" --output "$work/serve-out-$n" 2>"$work/build-$n.log" >/dev/null
grep -E "^Built|Elapsed \(wall|Maximum resident" "$work/build-$n.log"

echo "== serve"
"$suluh" serve --root "$site" --port 0 >"$work/serve-$n.out" 2>"$work/serve-$n.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until grep -q "^Built .* files in" "$work/serve-$n.log"; do
    if ! kill -0 $pid 2>/dev/null; then
        cat "$work/serve-$n.log"
        exit 1
    fi
    sleep 0.2
done
addr=$(sed -n 's|^Serving .* at http://\([^/]*\)/$|\1|p' "$work/serve-$n.out")
grep "^Built .* files in" "$work/serve-$n.log"
# `sed -n 1p` reads all its input: `head -1` would end the pipe early and, with pipefail, the script.
page=$(cd "$site/content/paspor" && ls paspor-elektronik-*.md | grep -v '\.[a-z][a-z]\.md$' | sed -n 1p)
slug=${page%.md}
python3 "$here/serve-latency.py" "$addr" "$site" "content/paspor/$page" "/paspor/$slug/" "$runs"
sleep 3
echo "== the server's own timings (save seen → new site published)"
grep -E "^(Rebuilt|Search indexes rebuilt) in" "$work/serve-$n.log" | tail -n $((2 * runs))
echo "== serve peak RSS: $(grep VmHWM /proc/$pid/status)"
kill $pid
wait $pid 2>/dev/null || true
trap - EXIT
