#!/usr/bin/env bash
# `make dist`: the release build into dist/, and its size against the budget.
#
# SMALL=1 builds the same widget with three unstable flags, into dist-small/:
# std rebuilt for the wasm (-Zbuild-std=std,panic_abort), panics without
# source locations (-Zlocation-detail=none) and without Debug formatting
# (-Zfmt-debug=none). It is about 7 KB (brotli) smaller. RUSTC_BOOTSTRAP=1
# enables them on the stable toolchain; a toolchain that drops one of them
# breaks only this build, never the default one.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if [ "${SMALL:-0}" = 1 ]; then
  export RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none"
  export CARGO_TARGET_DIR=target/small
  out=dist-small
  budget=${BUDGET_KB:-110}
else
  out=dist
  budget=${BUDGET_KB:-118}
fi
trunk build --release --offline --dist "$out"
BUDGET_KB=$budget bash build/size.sh "$out"
