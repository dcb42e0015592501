#!/usr/bin/env bash
# Builds www/pkg/ (amnistia.js + amnistia_bg.wasm) for the page with
# scripts/wasm-pkg.sh, smoke-tests the result in Node, and writes
# www/pkg/first.js (what the first question shows before the core arrives,
# read from this core) and the offline single file.
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

say "size (and precompressed .br/.gz siblings for the static server)"
node -e '
const fs = require("fs"), zlib = require("zlib");
const [wasm, ...files] = process.argv.slice(1);
for (const f of files) {
  const raw = fs.readFileSync(f);
  fs.writeFileSync(f + ".br", zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  fs.writeFileSync(f + ".gz", zlib.gzipSync(raw, { level: 9 }));
}
const size = (f) => fs.statSync(f).size;
console.log(`${wasm}: ${size(wasm)} bytes raw, ${size(wasm + ".br")} bytes brotli, ${size(wasm + ".gz")} bytes gzip`);
' "$wasm" "$wasm" "$out/amnistia.js" "$out/first.js"

say "offline single file (www/amnistia-offline.html)"
node scripts/build-offline.mjs
