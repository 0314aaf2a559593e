#!/bin/sh
# Trunk post_build hook: writes dist's lede.js from build/lede.js, naming the
# content-hashed glue and wasm of this build (only lede.js keeps a stable
# name), and post-processes a release build.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
glue=$(cd "$dir" && ls lede-*.js 2>/dev/null | head -n 1)
wasm=$(cd "$dir" && ls lede-*_bg.wasm 2>/dev/null | head -n 1)
if [ -z "$glue" ] || [ -z "$wasm" ]; then
  echo "write-loader: no lede-*.js / lede-*_bg.wasm in $dir" >&2
  exit 1
fi
sed -e "s|@GLUE@|$glue|g" -e "s|@WASM@|$wasm|g" "$(dirname "$0")/lede.js" > "$dir/lede.js"
# Release builds, in order: the stable build's wasm loses the file names of
# its panic locations (build/blank-locations.mjs: a release build aborts on
# panic and never shows them; the shipped build has none, having been built
# with -Zlocation-detail=none); the glue is bundled from an entry
# that re-exports only what lede.js uses, so the rest is shaken out, and
# minified; the names the two share are shortened (build/short-names.mjs);
# and wasm-opt runs again. The files keep the names Trunk hashed from the
# build's inputs.
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  if [ "${STABLE:-0}" = 1 ]; then node "$(dirname "$0")/blank-locations.mjs" "$dir/$wasm"; fi
  . "$(dirname "$0")/wasm-features.sh"
  printf 'export { default, mount } from "./%s";\n' "$glue" > "$dir/entry.mjs"
  esbuild "$dir/entry.mjs" --bundle --minify --format=esm --log-level=warning --allow-overwrite --outfile="$dir/$glue"
  rm "$dir/entry.mjs"
  node "$(dirname "$0")/short-names.mjs" "$dir/$wasm" "$dir/$glue"
  # wasm-opt again, the control flow flattened and re-looped first (which
  # -Oz alone does not do); the producers and target-features sections are
  # for tools, not browsers.
  # shellcheck disable=SC2086 # a list of flags
  wasm-opt $WASM_FEATURES --flatten --rereloop -Oz -Oz --strip-producers --strip-target-features "$dir/$wasm" -o "$dir/$wasm"
fi
