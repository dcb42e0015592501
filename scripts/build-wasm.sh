#!/usr/bin/env bash
# Builds www/pkg/ (amnistia.js + amnistia_bg.wasm) for the page with
# scripts/wasm-pkg.sh, smoke-tests the result in Node, writes
# www/pkg/first.js (what the first question shows before the core arrives,
# read from this core), and then the site as served, dist/: the page's
# modules and stylesheets minified, .br/.gz siblings, and the offline single
# file (scripts/build-page.mjs).
# Needs what `scripts/setup.sh build` checks and installs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\n== %s ==\n' "$*"; }
out=www/pkg
wasm=$out/amnistia_bg.wasm

# The package itself: cargo, wasm-bindgen, wasm-opt (shared with the test and
# benchmark builds).
bash scripts/wasm-pkg.sh '' "$out"

say "smoke test (Node)"
node scripts/smoke.mjs

say "first question's snapshot (www/pkg/first.js, from this core)"
node scripts/build-first.mjs

say "size of the wasm"
node -e '
const fs = require("fs"), zlib = require("zlib");
const raw = fs.readFileSync(process.argv[1]);
const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`${process.argv[1]}: ${raw.length} bytes raw, ${br} bytes brotli, ${zlib.gzipSync(raw, { level: 9 }).length} bytes gzip`);
' "$wasm"

say "the site as served (dist/: minified, precompressed, and the offline single file)"
node scripts/build-page.mjs
