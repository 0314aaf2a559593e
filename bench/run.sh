#!/usr/bin/env bash
# `make bench` (after `make dist`): installs the peer's packages (Swiper,
# esbuild, Lighthouse; pinned in bench/package-lock.json), bundles the peer,
# and runs bench/run.mjs, which writes bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/swiper ] || [ ! -x node_modules/.bin/lighthouse ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node_modules/.bin/esbuild peer/src/peer.js --bundle --minify --format=iife --target=es2020 \
  --outdir=peer/dist --entry-names=peer --log-level=warning
node run.mjs
