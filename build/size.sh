#!/usr/bin/env bash
# Sizes of every shipped code file in dist/ (raw, gzip -9, brotli -q 11), and
# the budget: all code together at most BUDGET_KB brotli.
set -euo pipefail
# Lowered as the size work wins bytes; build/dist.sh passes the budget of
# each build.
cd "$(dirname "$0")/../${1:-dist}"
BUDGET_KB=${BUDGET_KB:-82}
total_br=0
# A file's size compressed with brotli -q 11, as a CDN would serve it.
brotli_size() {
  node -e 'const z=require("zlib");const b=require("fs").readFileSync(process.argv[1]);process.stdout.write(String(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,[z.constants.BROTLI_PARAM_LGWIN]:24}}).length))' "$1"
}
printf '%-34s %9s %9s %9s\n' file raw gzip brotli
for f in lede.js lede-*.js lede-*_bg.wasm; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli_size "$f")
  total_br=$((total_br + br))
  printf '%-34s %9d %9d %9d\n' "$f" "$raw" "$gz" "$br"
done
awk -v b="$total_br" -v k="$BUDGET_KB" 'BEGIN { printf "all code: %.1f KB brotli (budget %d KB)\n", b / 1024, k }'
mkdir -p ../target && echo "$total_br" > "../target/size-brotli-${1:-dist}"
if [ "$total_br" -gt $((BUDGET_KB * 1024)) ]; then
  echo "size: over budget" >&2
  exit 1
fi
# lede.js as the package names its files is all that a page whose widgets
# are far from view loads: at most 2 KB (LEDE_JS_BUDGET bytes) brotli.
if [ -f pkg/lede.js ]; then
  js_br=$(brotli_size pkg/lede.js)
  echo "the package's lede.js: $js_br B brotli (budget ${LEDE_JS_BUDGET:-2048} B)"
  if [ "$js_br" -gt "${LEDE_JS_BUDGET:-2048}" ]; then
    echo "size: the package's lede.js is over its budget" >&2
    exit 1
  fi
fi
