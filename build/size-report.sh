#!/usr/bin/env bash
# What the wasm is made of: the release wasm through wasm-bindgen and
# wasm-opt -Oz with names kept, then twiggy, grouped by crate.
# Needs twiggy (cargo install twiggy); run after `make dist` (or, with
# STABLE=1, after `make dist STABLE=1`, for the stable-flag build's wasm).
# Usage: build/size-report.sh [how many crates and modules to list]
# README=README.md writes the two tables into the README between its
# size markers (make size does).
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
# Brotli of all code, as `make dist` measured it (build/size.sh), to turn
# each group's share of the raw bytes into KB.
dist_dir=dist
if [ "$blank" = 1 ]; then dist_dir=dist-stable; fi
all_kb=$(BUDGET_KB=999 bash build/size.sh "$dist_dir" 2>/dev/null | grep -Eo 'all code: [0-9.]+' | grep -Eo '[0-9.]+$' || echo 0)
python3 - "$out/top.csv" "${1:-25}" "$all_kb" "${README:-}" <<'PY'
import csv, re, sys, collections
rows = list(csv.DictReader(open(sys.argv[1])))
how_many, all_kb, readme = int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
by_crate, by_module, items = collections.Counter(), collections.Counter(), []
crate_re = re.compile(r"(?:^|<|as )([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::")
# The first of Lede's own modules a name mentions: the module the item is
# (or, for the framework's code instantiated for one of Lede's types or
# closures, the module it was instantiated for): the longest module of
# src/ its path starts with.
import os
modules = set()
for root, _, files in os.walk("src"):
    for f in files:
        if f.endswith(".rs"):
            path = os.path.relpath(os.path.join(root, f), "src")[:-3].split(os.sep)
            if path[-1] in ("mod", "lib", "main"):
                path = path[:-1]
            if path:
                modules.add("::".join(path))
path_re = re.compile(r"lede(?:\[[0-9a-f]+\])?::([a-z_0-9]+(?:::[a-z_0-9]+)*)")
def module_of(name):
    m = path_re.search(name)
    if not m:
        return None
    parts = m.group(1).split("::")
    for n in range(len(parts), 0, -1):
        if "::".join(parts[:n]) in modules:
            return "::".join(parts[:n])
    return "(the crate's root)"
for r in rows:
    name, size = r["Name"], int(r["ShallowSize"])
    if "names\" subsection" in name:
        continue
    if name.startswith("data segment"):
        key = "(data: the stylesheet, strings, tables)"
    elif name.startswith("core::ptr::drop_in_place"):
        key = "(drop glue)"
    else:
        m = crate_re.search(name)
        key = m.group(1) if m else "(unnamed)"
    by_crate[key] += size
    module = module_of(name)
    if module:
        by_module[module] += size
    items.append((size, name))
total = sum(by_crate.values())
kb = lambda v: f"{all_kb * v / total:.1f}" if all_kb else "?"

def table(counter, head, n):
    out = [f"| {head} | raw bytes | share | ≈ KB brotli |", "|---|---|---|---|"]
    shown = counter.most_common(n)
    for k, v in shown:
        out.append(f"| `{k}` | {v} | {100 * v / total:.1f}% | {kb(v)} |")
    rest = sum(counter.values()) - sum(v for _, v in shown)
    if rest:
        out.append(f"| the rest | {rest} | {100 * rest / total:.1f}% | {kb(rest)} |")
    return out

lines = [f"The wasm's code and data, {total} bytes before compression (names excluded), "
         f"of {all_kb:.1f} KB brotli of all code; a group's KB is its share of the raw bytes.", ""]
lines += table(by_crate, "crate (the first a name mentions)", how_many) + [""]
lines += ["Lede's own modules, with the framework's code instantiated for them:", ""]
lines += table(by_module, "module", how_many)
print("\n".join(lines))
print("\nlargest items:")
for size, name in sorted(items, reverse=True)[:20]:
    print(f"{size:8d}  {name[:110]}")
if readme:
    text = open(readme).read()
    start, end = "<!-- size:start -->", "<!-- size:end -->"
    if start not in text or end not in text:
        sys.exit(f"{readme}: no {start} ... {end}")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    open(readme, "w").write(head + start + "\n" + "\n".join(lines) + "\n" + end + tail)
    print(f"\n{readme}: size tables refreshed")
PY
