#!/usr/bin/env python3
"""How long `suluh serve` takes to serve a one-page edit: from the moment the file is saved (written to a
temporary file and renamed over the original, as editors do) until the page is served with the new title.

Start the server first, then point this script at it:

    cargo build --release
    python3 ../shared/bench/gen-corpus.py /tmp/c1k -n 1000        # plus a site.yaml (id default, en, ar)
    target/release/suluh serve --root /tmp/c1k --port 0 &           # prints "Serving ... at http://ADDR/"
    python3 bench/serve-latency.py ADDR /tmp/c1k content/paspor/paspor-elektronik-00051.md \\
        /paspor/paspor-elektronik-00051/ 8 [date]

The figure includes the watcher's 100 ms debounce window; the server's own log line ("Rebuilt in N ms ...")
gives the rebuild alone and how it splits between reading/loading/linking and rendering. The file is put back
as it was at the end. Standard library only.
"""
import pathlib
import re
import sys
import time
import urllib.request


def main():
    addr, root, rel, url = sys.argv[1:5]
    runs = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    # "date": each edit also moves the page's date a day on, which changes the sitemap's lastmod and the
    # page's place in date-sorted listings, the costliest kind of one-page edit.
    also_date = len(sys.argv) > 6 and sys.argv[6] == "date"
    path = pathlib.Path(root) / rel
    original = path.read_text()
    results = []
    try:
        for i in range(runs):
            marker = f"ukurwaktu{i}x{int(time.time())}"

            def retitle(m):
                t = m.group(1)
                return f'title: "{t[1:-1]} {marker}"' if t.startswith('"') else f"title: {t} {marker}"

            text = re.sub(r"^title: (.*)$", retitle, original, count=1, flags=re.M)
            if also_date:
                text = re.sub(r"^date: .*$", f"date: 2026-10-{i % 28 + 1:02d}", text, count=1, flags=re.M)
            time.sleep(1.5)
            started = time.perf_counter()
            tmp = path.with_name("." + path.name + ".tmp")
            tmp.write_text(text)
            tmp.rename(path)
            while marker not in urllib.request.urlopen(f"http://{addr}{url}").read().decode():
                if time.perf_counter() - started > 60:
                    sys.exit("the edit was not served within 60 s")
                time.sleep(0.002)
            results.append((time.perf_counter() - started) * 1000)
            print(f"run {i}: served updated {results[-1]:.0f} ms after the save", flush=True)
            time.sleep(3)  # let the search step behind it finish
    finally:
        path.write_text(original)
    results.sort()
    print(f"median {results[len(results) // 2]:.0f} ms, min {results[0]:.0f} ms, max {results[-1]:.0f} ms")


if __name__ == "__main__":
    main()
