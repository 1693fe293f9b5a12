#!/usr/bin/env bash
# What a reader downloads before searching, gzip -9 (a server's usual compression is lighter, so real transfers
# are a little larger): the page's HTML, the stylesheet, the icon and the manifest; and the service worker.
# Pages work without JavaScript and the search client loads only when the search box gets focus, so nothing
# else is fetched until then. Cards, posters and packs are separate downloads a reader asks for.
#
#   bash bench/page-weight.sh OUTPUT_DIR [PAGE...]      (a built site; pages relative to it)
set -euo pipefail
out=$1
shift
pages=("$@")
if [ ${#pages[@]} -eq 0 ]; then
    pages=(index.html paspor/paspor-baru/index.html ar/izin-tinggal/itas/index.html penyuluhan/sosialisasi-desa/index.html glossary/index.html)
fi
gz() { gzip -9c "$1" | wc -c; }
css=$(gz "$out/style.css")
icon=$(gz "$out/favicon.ico")
manifest=$(gz "$out/manifest.webmanifest")
printf '%-45s %6s %6s %6s %8s %7s\n' page html css icon manifest total
for p in "${pages[@]}"; do
    html=$(gz "$out/$p")
    printf '%-45s %6d %6d %6d %8d %7d\n' "$p" "$html" "$css" "$icon" "$manifest" $((html + css + icon + manifest))
done
echo "sw.js: $(gz "$out/sw.js") bytes gzip ($(wc -c <"$out/sw.js") raw)"
