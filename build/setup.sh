#!/usr/bin/env bash
# `make setup`: installs what building and testing Lede needs, and only what
# is missing. Safe to run again; quick when everything is there.
#
#   build/setup.sh dev    what `make dev` needs: the Rust toolchain and
#                         target, Trunk and wasm-bindgen-cli (no npm, no
#                         browser, no root)
#   build/setup.sh dist   and what a release build needs (std's sources,
#                         wasm-opt and esbuild from npm)
#   build/setup.sh        and what the tests need (Chromium, from Debian)
set -euo pipefail
cd "$(dirname "$0")/.."
level=${1:-test}

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# The toolchain rust-toolchain.toml pins. These machines have one stable
# toolchain and fetch no other: when it is that version but rustup knows it
# only as "stable", it is given the version's name too (a link in rustup's
# toolchains folder, as rustup names an installed release; `rustup toolchain
# link` refuses a release's name), before any cargo command reads the pin.
pinned=$(awk -F'"' '/^channel/ { print $2; exit }' rust-toolchain.toml)
if ! RUSTUP_TOOLCHAIN="$pinned" rustc --version >/dev/null 2>&1; then
  stable=$(RUSTUP_TOOLCHAIN=stable rustc --version 2>/dev/null | awk '{ print $2 }')
  if [ "$stable" != "$pinned" ]; then
    echo "setup: rust-toolchain.toml pins Rust $pinned; this machine's stable toolchain is ${stable:-missing}" >&2
    exit 1
  fi
  host=$(RUSTUP_TOOLCHAIN=stable rustc -vV | awk '/^host:/ { print $2 }')
  sysroot=$(RUSTUP_TOOLCHAIN=stable rustc --print sysroot)
  say "naming the stable toolchain $pinned, as rust-toolchain.toml pins it"
  ln -s "$sysroot" "$(dirname "$sysroot")/$pinned-$host"
fi

# The versions everything must agree on.
TRUNK_VERSION=0.21.14
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if ! grep -q "wasm_bindgen = \"$BINDGEN_VERSION\"" Trunk.toml; then
  echo "setup: Trunk.toml's [tools] wasm_bindgen must be $BINDGEN_VERSION, the version in Cargo.lock" >&2
  exit 1
fi

# A linked toolchain takes no components from rustup: they are added to
# the stable toolchain it names (the same files).
if ! rustup target list --installed --toolchain stable | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add --toolchain stable wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (about 2 minutes)"
  # --locked fails for this version: a locked dependency is not served.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --force
fi

if [ "$level" = dev ]; then
  say "ready for make dev: $(trunk --version), wasm-bindgen $BINDGEN_VERSION"
  exit 0
fi

# For `make dist` (std rebuilt for the wasm): std's sources, and its
# dependencies in the registry cache, since Trunk builds offline.
if ! rustup component list --installed --toolchain stable | grep -q '^rust-src'; then
  say "adding the rust-src component"
  rustup component add --toolchain stable rust-src
fi
std_lock="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
if [ ! -f target/.std-fetched ]; then
  RUSTC_BOOTSTRAP=1 cargo fetch --manifest-path "$std_lock" --quiet && mkdir -p target && touch target/.std-fetched
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ ! -x node_modules/.bin/esbuild ] \
  || [ ! -x node_modules/.bin/tsc ] || [ ! -d node_modules/react-dom ] || [ ! -d node_modules/ajv ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node packages (binaryen 132 for wasm-opt, esbuild, playwright-core, axe-core, typescript, react for an e2e app, ajv for the feed schemas)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$level" = dist ]; then
  say "ready for make dist: $(trunk --version), wasm-bindgen $BINDGEN_VERSION, $(wasm-opt --version | cut -d' ' -f1-3)"
  exit 0
fi

# For the tests: Debian's Chromium and ChromeDriver (the one step that needs
# root, or sudo).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi
say "ready: $(trunk --version), wasm-bindgen $BINDGEN_VERSION, $(wasm-opt --version | cut -d' ' -f1-3), $(chromium --version 2>/dev/null | cut -d' ' -f1-2)"
