#!/usr/bin/env bash
# Builds one package of the wasm core: the library for wasm32 with the page's
# profile (`[profile.wasm]` and `.cargo/config.toml`), wasm-bindgen's glue, and
# the module optimized by npm binaryen's wasm-opt. Every variant goes through
# here, so a test or benchmark build differs from the page's only by the one
# export its feature adds:
#   scripts/build-wasm.sh       (none)       -> www/pkg
#   scripts/build-wasm-test.sh  test-hooks   -> target/wasm-test/pkg
#   scripts/bench.sh            bench-hooks  -> target/bench/pkg
# Usage: scripts/wasm-pkg.sh FEATURES OUT_DIR [CARGO_TARGET_DIR]
# FEATURES is a comma-separated list, '' for the page's own build (a variant
# gets its own target dir, so that it never replaces another's module).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
[ $# -ge 2 ] || { echo "usage: $0 FEATURES OUT_DIR [CARGO_TARGET_DIR]" >&2; exit 2; }
features=$1 out=$2
export CARGO_TARGET_DIR=${3:-${CARGO_TARGET_DIR:-target}}

say() { printf '\n== %s ==\n' "$*"; }

say "cargo build (wasm32, profile wasm, features: ${features:-none})"
# `.cargo/config.toml` gives wasm32 builds their code-generation flags (little
# inlining, no unrolling); a RUSTFLAGS variable would replace them, and the
# module would come out larger (the byte budget would then fail).
if [ -n "${RUSTFLAGS+set}${CARGO_ENCODED_RUSTFLAGS+set}" ]; then
  echo "warning: RUSTFLAGS is set (even empty), so .cargo/config.toml's wasm32 rustflags are not used" >&2
fi
# No builder-specific path in the module (DESIGN.md, "Why can anyone rebuild
# the same bytes?"): panic locations name source files, so the checkout, the
# target dir and Cargo's registry are remapped to fixed names. Passed with
# --config, whose array is joined to .cargo/config.toml's wasm32 rustflags
# (a RUSTFLAGS variable would replace them); since cargo 1.85 rustflags do
# not enter -C metadata, so the differing left-hand sides change no symbol.
# The toolchain's own /rustc/<hash>/ paths are the same on every machine.
cargo_home=$(cd "${CARGO_HOME:-$HOME/.cargo}" && pwd -P)
target_abs=$(mkdir -p "$CARGO_TARGET_DIR" && cd "$CARGO_TARGET_DIR" && pwd -P)
remap=("$(pwd -P)=/amnistia" "$target_abs=/amnistia/target" "$cargo_home=/cargo")
for dir in "$cargo_home"/registry/src/*/; do
  [ -d "$dir" ] && remap+=("${dir%/}=/cargo/registry/src/crates")
done
flags=""
for r in "${remap[@]}"; do flags+="${flags:+, }\"--remap-path-prefix=$r\""; done
# With `panic = "abort"` (the release profile), a panic traps; the page then
# starts a fresh instance (www/checker/loading.js).
cargo build --profile wasm --target wasm32-unknown-unknown --lib --features "$features" \
  --config "target.wasm32-unknown-unknown.rustflags=[$flags]"

say "wasm-bindgen -> $out"
rm -rf "$out"
# --experimental-reset-state-function: the glue exports __wbg_reset_state(), which
# gives the module a fresh WebAssembly instance (fresh memory) from the compiled
# module, with no request; the page calls it after a trap (www/checker/loading.js).
# The glue's declarations (amnistia.d.ts) are for the page's type check
# (tsconfig.json); scripts/build-page.mjs does not serve them.
wasm-bindgen --target web --remove-name-section --remove-producers-section \
  --experimental-reset-state-function \
  --out-dir "$out" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm/amnistia.wasm"

# The JS functions the core imports from its own source (`inline_js` in
# src/wasm.rs: the catching object reader) go into the glue itself, so the
# core stays one module and one request (and the offline file one script).
node -e '
const fs = require("fs"), path = require("path");
const [out] = process.argv.slice(1), glue = path.join(out, "amnistia.js");
let js = fs.readFileSync(glue, "utf8");
js = js.replace(/^import \{ ([\w, ]+) \} from "?\x27?\.\/(snippets\/[^"\x27]+)"?\x27?;\n/gm, (line, names, rel) => {
  const src = fs.readFileSync(path.join(out, rel), "utf8");
  if (/^\s*import\b/m.test(src)) throw new Error(`${rel} imports; only plain functions can be inlined`);
  const body = src.replace(/^export function /gm, "function ");
  for (const name of names.split(",").map((n) => n.trim())) {
    if (!new RegExp(`^function ${name}\\(`, "m").test(body)) throw new Error(`${rel} has no function ${name}`);
  }
  if (/^\s*export\b/m.test(body)) throw new Error(`${rel} exports something that is not a function`);
  return `${body.trim()}\n`;
});
if (/from .\.\/snippets\//.test(js)) throw new Error("a snippet import was not inlined");
fs.writeFileSync(glue, js);
fs.rmSync(path.join(out, "snippets"), { recursive: true, force: true });
' "$out"

say "wasm-opt -Oz"
# npm binaryen, not Debian's (108 breaks wasm-bindgen's externref table); explicit features.
node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-reference-types --enable-multivalue --enable-sign-ext \
  --enable-nontrapping-float-to-int --enable-mutable-globals \
  -o "$out/amnistia_bg.wasm" "$out/amnistia_bg.wasm"
