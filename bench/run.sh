#!/usr/bin/env bash
# `make bench` (after `make dist`): installs ffmpeg if missing (Debian's, for
# the real-weight media), the peer's packages (Swiper, esbuild, Lighthouse;
# pinned in bench/package-lock.json), makes the media once (bench/media/,
# gitignored), bundles the peer, and runs bench/run.mjs, which writes
# bench/RESULTS.md. BENCH_SETUP_ONLY=1 does all but the run (then
# `BENCH_SERVE_ONLY=1 node run.mjs` serves the pages to look at).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v ffmpeg >/dev/null || ! command -v ffprobe >/dev/null; then
  echo "bench: installing ffmpeg (Debian package) for the real-weight media"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ffmpeg >/dev/null
fi
if [ ! -d node_modules/swiper ] || [ ! -x node_modules/.bin/lighthouse ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
bash make-media.sh
node_modules/.bin/esbuild peer/src/peer.js --bundle --minify --format=iife --target=es2020 \
  --outdir=peer/dist --entry-names=peer --log-level=warning
[ "${BENCH_SETUP_ONLY:-0}" = 1 ] || node run.mjs
