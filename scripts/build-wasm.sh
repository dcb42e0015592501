#!/usr/bin/env bash
# Builds www/pkg/ (amnistia.js + amnistia_bg.wasm) for the page, optimizes the
# wasm with npm binaryen's wasm-opt, smoke-tests the result in Node, and writes
# www/pkg/first.js (what the first question shows before the core arrives,
# read from this core) and the offline single file.
# Needs what `scripts/setup.sh build` installs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\n== %s ==\n' "$*"; }
out=www/pkg
wasm=$out/amnistia_bg.wasm

say "cargo build (wasm32, release, --features page)"
# `.cargo/config.toml` gives wasm32 builds their code-generation flags (little
# inlining, no unrolling); a RUSTFLAGS variable would replace them, and the
# module would come out larger (the byte budget would then fail).
if [ -n "${RUSTFLAGS+set}${CARGO_ENCODED_RUSTFLAGS+set}" ]; then
  echo "warning: RUSTFLAGS is set (even empty), so .cargo/config.toml's wasm32 rustflags are not used" >&2
fi
# `page`: the library links no std and a panic traps (src/wasm.rs), so std's
# panic and formatting machinery stays out of the module.
cargo build --profile wasm --target wasm32-unknown-unknown --lib --features page

say "wasm-bindgen"
rm -rf "$out"
# --experimental-reset-state-function: the glue exports __wbg_reset_state(), which
# gives the module a fresh WebAssembly instance (fresh memory) from the compiled
# module, with no request; the page calls it after a trap (www/checker.js).
# scripts/build-wasm-test.sh reads the flags from the next line: keep them on it.
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section --experimental-reset-state-function \
  --out-dir "$out" target/wasm32-unknown-unknown/wasm/amnistia.wasm

say "wasm-opt -Oz"
# npm binaryen, not Debian's (108 breaks wasm-bindgen's externref table); explicit features.
node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-reference-types --enable-multivalue --enable-sign-ext \
  --enable-nontrapping-float-to-int --enable-mutable-globals \
  -o "$wasm" "$wasm"

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
