#!/usr/bin/env bash
# Runs every fuzz target for a bounded time, one after the other.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 120 seconds, all targets)
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). Builds into $CARGO_TARGET_DIR
# (default fuzz/target, git-ignored) with the dev profile of fuzz/Cargo.toml,
# coverage instrumentation and no sanitizer: the generator is safe Rust, so what we look for are panics
# (and stack overflows, timeouts, runaway memory), which libFuzzer reports as crashes. One job per target,
# so the machine stays usable.
#
# Seeds: tests/fuzz-regressions/<target>/ (kept in git, replayed by `cargo test`) plus the working corpus
# fuzz/corpus/<target>/ (git-ignored). A crash is written to fuzz/artifacts/<target>/; once fixed, copy the
# input into tests/fuzz-regressions/<target>/ so it stays fixed.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-120}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(front_matter markdown_links link_targets i18n site_yaml)
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$(cd "$(dirname "$0")" && pwd)/target}"

cargo +nightly fuzz build --dev --sanitizer none

status=0
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    echo "== $t: ${seconds}s"
    if ! cargo +nightly fuzz run --dev --sanitizer none "$t" "corpus/$t" "../tests/fuzz-regressions/$t" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -dict=dict/"$t".dict -print_final_stats=1; then
        echo "!! $t found a crash: see fuzz/artifacts/$t/"
        status=1
    fi
done
exit $status
