#!/usr/bin/env bash
# `make dist`: the release build into dist/ (with dist/pkg/, the folder a
# publisher uploads), and its size against the budget.
#
# The shipped build uses unstable size options: std rebuilt for the wasm
# with the widget (-Zbuild-std=std,panic_abort), panics that abort at once
# with no message or location (`panic = "immediate-abort"`, set in
# build/small/Cargo.toml, a wrapper crate around this one), no source
# locations (-Zlocation-detail=none) and no Debug formatting
# (-Zfmt-debug=none). RUSTC_BOOTSTRAP=1 enables them on the stable toolchain.
# Together they save about 6 KB (brotli) of the wasm, every reader's KB.
#
# STABLE=1 builds the same widget with stable options only, into
# dist-stable/: the way out if a toolchain drops one of the options above
# (this build then fails, loudly, and nothing else does). `make test`
# builds and tests both.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# LLVM's inlining threshold: opt-level "z" uses 5, "s" 50. Measured on this
# widget (brotli of all code): 30 is about 0.5 to 0.8 KB smaller than the
# default, more or less inlining both larger. A stable option.
inline="-Cllvm-args=-inline-threshold=30"
if [ "${TRAP:-0}" = 1 ]; then
  # A test build with the deliberate trap (feature `trap`) for the
  # end-to-end crash tests, into dist-trap/; stable options, as they build
  # fastest. Never shipped, never measured.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$inline"
  export CARGO_TARGET_DIR=target/trap
  out=dist-trap
  budget=999
  mkdir -p target/trap
  index=target/trap/index.html
  sed 's|<link data-trunk rel="rust" |<link data-trunk rel="rust" data-cargo-features="trap" href="../../Cargo.toml" |; s|href="demo/|href="../../demo/|g; s|href="words"|href="../../words"|' index.html >"$index"
elif [ "${STABLE:-0}" = 1 ]; then
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$inline"
  out=dist-stable
  budget=${BUDGET_KB:-94}
  index=index.html
else
  export RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none $inline"
  export CARGO_TARGET_DIR=target/small
  out=dist
  budget=${BUDGET_KB:-87}
  # The wrapper's lock is the main one (plus the wrapper itself, which
  # cargo adds offline); the page is the demo's, building the wrapper.
  cp Cargo.lock build/small/Cargo.lock
  index=target/small/index.html
  mkdir -p target/small
  sed 's|<link data-trunk rel="rust" |<link data-trunk rel="rust" href="../../build/small/Cargo.toml" |; s|href="demo/|href="../../demo/|g; s|href="words"|href="../../words"|' index.html >"$index"
fi
# The post_build hook (build/write-loader.sh) reads STABLE too.
export STABLE=${STABLE:-0}
trunk build --release --offline --dist "$out" "$index"
# What a publisher uploads, and nothing else (no demo page, feeds or media):
# lede.js, the one stable name, the glue and the wasm it loads, named by
# the release's version (lede-<version>.js, lede-<version>_bg.wasm: a name
# a page's <head> can preload, which changes with every release, so they
# can be cached for a year), and words/, each language's words that are
# not built in. The e2e tests check the folder's contents and load a
# widget from it. (The demo in dist/ keeps Trunk's hashed names.)
# It is also an npm package: lede.d.ts (the types) beside lede.js, and a
# package.json (build/pkg-check.sh checks both, and what `npm pack` takes).
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
rm -rf "$out/pkg"
mkdir "$out/pkg"
cp build/lede.d.ts "$out/"
glue=$(cd "$out" && ls lede-*.js | head -n 1)
wasm=$(cd "$out" && ls lede-*_bg.wasm | head -n 1)
cp "$out/$glue" "$out/pkg/lede-$version.js"
cp "$out/$wasm" "$out/pkg/lede-${version}_bg.wasm"
sed -e "s|$glue|lede-$version.js|g" -e "s|$wasm|lede-${version}_bg.wasm|g" "$out/lede.js" >"$out/pkg/lede.js"
cp "$out/lede.d.ts" LICENSE CHANGELOG.md "$out/pkg/"
cp -r "$out/words" "$out/pkg/"
sed "s|@VERSION@|$version|" build/package.json >"$out/pkg/package.json"
BUDGET_KB=$budget bash build/size.sh "$out"
