#!/usr/bin/env bash
# `make dist`: the release build into dist/, and its size against the budget.
#
# SMALL=1 builds the same widget with unstable size options, into
# dist-small/: std rebuilt for the wasm (-Zbuild-std=std,panic_abort), panics
# that abort at once with no message or location (`panic = "immediate-abort"`,
# set in build/small/Cargo.toml, a wrapper crate around this one), no source
# locations (-Zlocation-detail=none) and no Debug formatting
# (-Zfmt-debug=none). RUSTC_BOOTSTRAP=1 enables them on the stable toolchain;
# a toolchain that drops one of them breaks only this build, never the
# default one.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if [ "${SMALL:-0}" = 1 ]; then
  export RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none"
  export CARGO_TARGET_DIR=target/small
  out=dist-small
  budget=${BUDGET_KB:-77}
  # The wrapper's lock is the main one (plus the wrapper itself, which
  # cargo adds offline); the page is the demo's, building the wrapper.
  cp Cargo.lock build/small/Cargo.lock
  index=target/small/index.html
  mkdir -p target/small
  sed 's|<link data-trunk rel="rust" |<link data-trunk rel="rust" href="../../build/small/Cargo.toml" |; s|href="demo/|href="../../demo/|g' index.html >"$index"
else
  out=dist
  budget=${BUDGET_KB:-82}
  index=index.html
fi
trunk build --release --offline --dist "$out" "$index"
BUDGET_KB=$budget bash build/size.sh "$out"
