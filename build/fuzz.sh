#!/usr/bin/env bash
# `make fuzz`: runs every parser's fuzz target for a fixed time and prints
# the executions reached and crashes found. cargo-fuzz needs nightly
# features; RUSTC_BOOTSTRAP=1 lets the stable toolchain here provide them.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-120}
export PATH="$HOME/.cargo/bin:$PATH" RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
cargo fuzz build -O
status=0
for target in related article date url media; do
  mkdir -p "corpus/$target"
  # Seed the corpus with the demo data, so the fuzzer starts from real feeds.
  case "$target" in
    related) cp ../demo/api/related/*.json "corpus/$target/" ;;
    article) cp ../demo/api/article/*.json "corpus/$target/" ;;
  esac
  log="target/fuzz-$target.log"
  mkdir -p target
  # URL inputs past 512 bytes add nothing new and slow the URL target 3x.
  max_len=4096
  [ "$target" = url ] && max_len=512
  if cargo fuzz run -O "$target" "corpus/$target" -- -max_total_time="$seconds" -max_len="$max_len" -print_final_stats=1 >"$log" 2>&1; then
    result="no crash"
  else
    result="CRASH (see fuzz/$log and fuzz/artifacts/$target)"
    status=1
  fi
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
  printf 'fuzz %-8s %12s executions in %ss: %s\n' "$target" "$runs" "$seconds" "$result"
done
exit $status
