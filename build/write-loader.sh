#!/bin/sh
# Trunk post_build hook: writes dist's lede.js from build/lede.js, naming the
# content-hashed glue and wasm of this build (only lede.js keeps a stable
# name), and post-processes a release build. The files keep the names Trunk
# hashed from the build's inputs.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
glue=$(cd "$dir" && ls lede-*.js 2>/dev/null | head -n 1)
wasm=$(cd "$dir" && ls lede-*_bg.wasm 2>/dev/null | head -n 1)
if [ -z "$glue" ] || [ -z "$wasm" ]; then
  echo "write-loader: no lede-*.js / lede-*_bg.wasm in $dir" >&2
  exit 1
fi
# The steps are numbered as in README.md's "The release build, step by step".
# 4. Every build: the glue's calls into the wasm guarded, so that a trap is
# told to lede.js and the dead instance stays quiet (build/guard-glue.mjs);
# the wasm's calls into the browser made cheaper (build/quick-imports.mjs:
# no closure and apply per call of an import that may throw, short ASCII
# strings decoded without TextDecoder); then lede.js, the embed entry,
# naming this build's glue and wasm.
node "$(dirname "$0")/guard-glue.mjs" "$dir/$glue"
node "$(dirname "$0")/quick-imports.mjs" "$dir/$glue"
# and the languages whose words are in words/ (not built in), for its preloads.
words=$(cd "$dir/words" && ls -- *.txt | sed 's/\.txt$//' | tr '\n' ' ' | sed 's/ $//')
names() { sed -e "s|@GLUE@|$glue|g" -e "s|@WASM@|$wasm|g" -e "s|@WORDS@|$words|g" "$@"; }
names "$(dirname "$0")/lede.js" > "$dir/lede.js"
# Release builds only (make dist). Trunk has run cargo, wasm-bindgen and
# wasm-opt -Oz (steps 1 to 3); then, in order (what each is worth today is
# in that table; the scripts fail the build on a wasm they cannot read or
# when they find nothing to do):
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  here=$(dirname "$0")
  . "$here/wasm-features.sh"
  hint="//# allFunctionsCalledOnLoad"
  # 5. Stable build only: zero the file names of panic locations (the shipped build has none).
  if [ "${STABLE:-0}" = 1 ]; then node "$here/blank-locations.mjs" "$dir/$wasm"; fi
  # 6. Bundle and minify the glue from an entry re-exporting only what lede.js
  # uses, with the warm-up of Intl run as the glue is evaluated and the
  # first widgets' feeds read ahead (build/read-ahead.js). Its first
  # line is V8's compile hint: every function is compiled as the file
  # arrives, off the main thread, not when it is first called (the glue's
  # imports are first called as the wasm starts, the busiest moment of a
  # first visit; lede.js, which runs long before, goes without).
  printf 'import "%s";\nexport { readAhead, take } from "%s";\nexport { initSync, start, mount, unmount, refresh, onTrap } from "./%s";\n' "$(cd "$here" && pwd)/warm-intl.mjs" "$(cd "$here" && pwd)/read-ahead.js" "$glue" > "$dir/entry.mjs"
  esbuild "$dir/entry.mjs" --bundle --minify --format=esm --log-level=warning --banner:js="$hint" --allow-overwrite --outfile="$dir/$glue"
  rm "$dir/entry.mjs"
  # 7. Give the hashed import and export names short ones, in the wasm and the glue alike.
  node "$here/short-names.mjs" "$dir/$wasm" "$dir/$glue"
  # 8. wasm-opt once more: flatten, re-loop, -Oz twice, with the low 1 KB of
  # memory taken as unused (it is the bottom of Rust's 1 MB stack, which the
  # linker puts first: reached only by a stack 1023 KB deep); drop the
  # producers and target-features sections.
  # build/low-memory.mjs fails the build if that layout ever changes.
  node "$here/low-memory.mjs" "$dir/$wasm"
  # shellcheck disable=SC2086 # a list of flags
  wasm-opt $WASM_FEATURES --low-memory-unused --flatten --rereloop -Oz -Oz --strip-producers --strip-target-features "$dir/$wasm" -o "$dir/$wasm"
  # 9. Minify lede.js, the first file a page loads (its source, with comments,
  # is build/lede.js), before the files' names are filled in: the short
  # names esbuild picks do not then depend on this build's hashes (which
  # moved the package's lede.js by up to 12 B brotli from build to build).
  esbuild "$here/lede.js" --minify --tree-shaking=true --format=esm --log-level=warning --outfile="$dir/lede.min.js"
  names "$dir/lede.min.js" > "$dir/lede.js"
  rm "$dir/lede.min.js"
fi
