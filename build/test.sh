#!/usr/bin/env bash
# `make test`: every check and every test level, in order; stops at the first
# failure and always ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
log=target/test-log
: >"$log"
started=$(date +%s)
summary=()

step() { # name, command...
  local name=$1
  shift
  printf '\n\033[1m== %s\033[0m\n' "$name"
  if ! "$@" 2>&1 | tee -a "$log"; then
    local took=$(($(date +%s) - started))
    printf '\nmake test: FAILED at "%s" after %ds (%s)\n' "$name" "$took" "$(IFS=', '; echo "${summary[*]:-nothing passed}")"
    exit 1
  fi
}

count() { # pattern in the log of the last step: sums "N passed"
  grep -Eo "$1" "$log" | grep -Eo '[0-9]+' | awk '{ s += $1 } END { print s + 0 }'
}

step "rustfmt" cargo fmt --check
summary+=("fmt ok")

step "clippy (native)" cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32)" cargo clippy --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
summary+=("clippy ok")

# The core must stay free of browser crates (they panic natively).
pure_core() {
  if grep -RnE '\b(leptos|web_sys|js_sys|wasm_bindgen|gloo_[a-z]+|gloo)::' src/core; then
    echo "src/core must not use browser crates" >&2
    return 1
  fi
  echo "src/core uses no browser crate"
}
step "pure core" pure_core

: >"$log"
step "native tests (cargo test)" cargo test --locked
summary+=("$(count 'test result: ok\. [0-9]+ passed') native tests")

# The feed schemas (schema/) give the demo feeds and the fixtures of
# tests/fixtures/feeds/ the verdicts that tests/contract.rs gets from the
# parsers, just above.
: >"$log"
step "feed schemas (ajv, demo feeds and fixtures)" node build/schema-check.mjs
summary+=("$(count '[0-9]+ passed') schema checks")

: >"$log"
# The runner gives the whole suite 20 s by default; it takes about 9 here
# (some tests wait out real timers): a busier machine gets room.
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-90}
step "component tests (wasm-bindgen-test, headless Chromium)" \
  cargo test --locked --target wasm32-unknown-unknown --test web
summary+=("$(count 'test result: ok\. [0-9]+ passed') component tests")

: >"$log"
step "release post-processing scripts (node --test)" node --test build/post.test.mjs
summary+=("$(count '^# pass [0-9]+') build-script tests")

: >"$log"
step "release build (make dist)" bash build/dist.sh
summary+=("$(grep -Eo 'all code: [0-9.]+ KB brotli' "$log" | sed 's/all code: //') of code")

: >"$log"
step "npm package (lede.d.ts with tsc --strict, npm pack)" bash build/pkg-check.sh
summary+=("package ok")

: >"$log"
# For the crash tests only: a build with a deliberate trap (never shipped).
step "test build with a deliberate trap (TRAP=1 build/dist.sh, dist-trap/)" env TRAP=1 bash build/dist.sh

: >"$log"
step "end-to-end tests (Playwright, Chromium, dist/)" node e2e/run.mjs
summary+=("$(count '[0-9]+ passed') end-to-end tests")

: >"$log"
step "stable-flag build (make dist STABLE=1) and its budget" env STABLE=1 bash build/dist.sh
stable_size=$(grep -Eo 'all code: [0-9.]+ KB brotli' "$log" | sed 's/all code: //')
step "npm package of the stable-flag build" bash build/pkg-check.sh dist-stable

: >"$log"
step "end-to-end tests on the stable-flag build (dist-stable/)" env LEDE_DIST=dist-stable node e2e/run.mjs
summary+=("$stable_size and $(count '[0-9]+ passed') end-to-end tests on the stable-flag build")

took=$(($(date +%s) - started))
printf '\nmake test: OK in %ds: %s\n' "$took" "$(IFS=','; echo "${summary[*]}" | sed 's/,/, /g')"
