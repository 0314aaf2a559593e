#!/usr/bin/env bash
# What the wasm is made of: the release wasm through wasm-bindgen and
# wasm-opt -Oz with names kept, then twiggy, grouped by crate.
# Needs twiggy (cargo install twiggy); run after `make dist` (or, with
# STABLE=1, after `make dist STABLE=1`, for the stable-flag build's wasm).
# Usage: build/size-report.sh [how many crates to list]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if [ "${STABLE:-0}" = 1 ]; then
  wasm=target/wasm32-unknown-unknown/release/lede.wasm out=target/size-report-stable
  blank=1
else
  blank=0
  wasm=target/small/wasm32-unknown-unknown/release/lede.wasm out=target/size-report
fi
mkdir -p "$out"
wasm-bindgen "$wasm" --out-dir "$out" --target web --keep-debug
# As shipped: the stable build's panic locations without file names (see
# build/write-loader.sh; the small build has none).
if [ "$blank" = 1 ]; then node build/blank-locations.mjs "$out/lede_bg.wasm" >/dev/null; fi
. build/wasm-features.sh
# shellcheck disable=SC2086 # a list of flags
wasm-opt -Oz -g $WASM_FEATURES "$out/lede_bg.wasm" -o "$out/named.wasm"
twiggy top -n 1000000 --format csv "$out/named.wasm" >"$out/top.csv"
python3 - "$out/top.csv" "${1:-25}" <<'PY'
import csv, re, sys, collections
rows = list(csv.DictReader(open(sys.argv[1])))
by_crate, items = collections.Counter(), []
for r in rows:
    name, size = r["Name"], int(r["ShallowSize"])
    if "names\" subsection" in name:
        continue
    if name.startswith("data segment"):
        key = "(data)"
    elif name.startswith("core::ptr::drop_in_place"):
        key = "(drop glue)"
    else:
        m = re.search(r"(?:^|<|as )([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::", name)
        key = m.group(1) if m else "(other)"
    by_crate[key] += size
    items.append((size, name))
total = sum(by_crate.values())
print(f"code and data: {total} bytes (names excluded)")
for k, v in by_crate.most_common(int(sys.argv[2])):
    print(f"{v:8d} {100 * v / total:5.1f}%  {k}")
print("\nlargest items:")
for size, name in sorted(items, reverse=True)[:20]:
    print(f"{size:8d}  {name[:110]}")
PY
