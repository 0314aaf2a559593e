#!/bin/sh
# Trunk post_build hook: writes dist's lede.js from build/lede.js, naming the
# content-hashed glue and wasm of this build (only lede.js keeps a stable
# name), and minifies the glue of a release build.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
glue=$(cd "$dir" && ls lede-*.js 2>/dev/null | head -n 1)
wasm=$(cd "$dir" && ls lede-*_bg.wasm 2>/dev/null | head -n 1)
if [ -z "$glue" ] || [ -z "$wasm" ]; then
  echo "write-loader: no lede-*.js / lede-*_bg.wasm in $dir" >&2
  exit 1
fi
# The glue ships to every reader: minify it in release builds (its name
# keeps the hash of the build it came from).
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  esbuild "$dir/$glue" --minify --format=esm --log-level=warning --allow-overwrite --outfile="$dir/$glue"
fi
sed -e "s|@GLUE@|$glue|g" -e "s|@WASM@|$wasm|g" "$(dirname "$0")/lede.js" > "$dir/lede.js"
