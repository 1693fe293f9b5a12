#!/usr/bin/env bash
# Lighthouse scores of the bundled site, as a reader's browser sees them: builds it with a loopback base URL,
# serves it with Python's static server, and runs npm's `lighthouse` against Debian's Chromium on the home
# page, an Indonesian guide, an Arabic guide and the Arabic home. Prints each page's category scores, every
# scored audit below 1, and the console errors (there should be none).
#
#   bash bench/lighthouse.sh SULUH_BINARY [WORK_DIR]
#
# Lighthouse is not a test dependency (it is large and needs no pinning for a score check): it is installed
# into WORK_DIR/node_modules on first use. Needs chromium, node and npm.
set -euo pipefail
suluh=$1
work=${2:-/tmp/suluh-lighthouse}
here=$(cd "$(dirname "$0")" && pwd)
port=${PORT:-8765}
mkdir -p "$work"
if [ ! -x "$work/node_modules/.bin/lighthouse" ]; then
    (cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error lighthouse)
fi
"$suluh" build --root "$here/.." --base-url "http://127.0.0.1:$port" --output "$work/site" >/dev/null
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1
echo "lighthouse $("$work/node_modules/.bin/lighthouse" --version), $(chromium --version)"
# An untranslated page (shown from the default language, `noindex` on purpose) would score SEO 63 for
# is-crawlable: the Arabic guide is one that exists in Arabic.
for page in "" "paspor/paspor-baru/" "ar/" "ar/izin-tinggal/itas/"; do
    report="$work/report-$(echo "home/$page" | tr '/' '_').json"
    CHROME_PATH=$(command -v chromium) "$work/node_modules/.bin/lighthouse" "http://127.0.0.1:$port/$page" \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="--headless=new --no-sandbox" --output=json --output-path="$report" --quiet
    python3 - "$report" "/$page" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
scores = ", ".join(f"{k} {round(v['score'] * 100)}" for k, v in r["categories"].items())
print(f"{sys.argv[2]}: {scores}")
for a in r["audits"].values():
    if a.get("scoreDisplayMode") in ("binary", "numeric") and a.get("score") is not None and a["score"] < 1:
        print(f"    {a['id']}: {a['score']}")
errors = r["audits"].get("errors-in-console", {}).get("details", {}).get("items", [])
print(f"    console errors: {len(errors)}")
EOF
done
