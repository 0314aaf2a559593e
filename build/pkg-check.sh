#!/usr/bin/env bash
# `make test`: dist/pkg/ as an npm package. Its types compile in a strict
# consumer (build/types/consumer.ts, importing the package by its name, so
# that `exports` and `types` are checked too), and `npm pack` takes exactly
# package.json, lede.js, lede.d.ts, the glue and wasm named by the version,
# the words files, LICENSE and CHANGELOG.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
pkg=${1:-dist}/pkg
name=$(node -p 'require(process.argv[1]).name' "$PWD/$pkg/package.json")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/node_modules/$(dirname "$name")"
cp -r "$pkg" "$tmp/node_modules/$name"
cp build/types/consumer.ts "$tmp/"
tsc --noEmit --strict --target es2022 --module esnext --moduleResolution bundler --lib es2022,dom "$tmp/consumer.ts"
echo "types: build/types/consumer.ts compiles with tsc --strict against $name"
packed=$(cd "$pkg" && npm pack --dry-run --json --ignore-scripts 2>/dev/null | node -e '
  const [p] = JSON.parse(require("fs").readFileSync(0, "utf8"));
  console.log(p.files.map((f) => f.path).sort().join(" "));')
glue=$(cd "$pkg" && ls lede-*.js)
wasm=$(cd "$pkg" && ls lede-*_bg.wasm)
words=$(cd "$pkg" && ls words/*.txt)
# shellcheck disable=SC2086 # a list of files
expected=$(printf '%s\n' CHANGELOG.md LICENSE lede.d.ts lede.js package.json "$glue" "$wasm" $words | sort | tr '\n' ' ' | sed 's/ $//')
if [ "$packed" != "$expected" ]; then
  echo "npm pack takes: $packed" >&2
  echo "expected:       $expected" >&2
  exit 1
fi
echo "npm pack: $name takes exactly $packed"
# The glue's first line is V8's compile hint (build/write-loader.sh, step 6):
# without it, its functions are compiled on the main thread as the wasm
# starts.
hint="//# allFunctionsCalledOnLoad"
if [ "$(head -n 1 "$pkg/$glue")" != "$hint" ]; then
  echo "$glue does not start with $hint" >&2
  exit 1
fi
echo "compile hint: $glue starts with $hint"
