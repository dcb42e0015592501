#!/usr/bin/env bash
# Builds the TEST-ONLY wasm (cargo feature `test-hooks`, which compiles in
# `testTrap()`, a function that makes the module trap) into target/wasm-test/pkg,
# for tests/e2e/resilience.test.mjs. It never goes to www/: the page's own
# build (scripts/build-wasm.sh) has no test hooks, and the resilience test
# checks that.
# Same wasm-bindgen flags as scripts/build-wasm.sh, so the glue behaves the same.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

out=target/wasm-test/pkg
# A separate target dir: a build with different features would otherwise
# replace the release artifact that scripts/build-wasm.sh copies to www/pkg.
export CARGO_TARGET_DIR=target/wasm-test/cargo

echo "== cargo build (wasm32, release, --features page,test-hooks) =="
# `page` as in scripts/build-wasm.sh: the trap is tested on the page's own
# configuration (no std, a panic handler that traps).
cargo build --profile wasm --target wasm32-unknown-unknown --lib --features page,test-hooks

echo "== wasm-bindgen -> $out =="
rm -rf "$out"
# Keep these flags in step with scripts/build-wasm.sh.
flags=$(sed -n 's/^wasm-bindgen --target web \(.*\) \\$/\1/p' scripts/build-wasm.sh)
[ -n "$flags" ] || { echo "build-wasm-test: cannot read the wasm-bindgen flags of scripts/build-wasm.sh" >&2; exit 1; }
# shellcheck disable=SC2086
wasm-bindgen --target web $flags --out-dir "$out" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm/amnistia.wasm"
grep -q 'testTrap' "$out/amnistia.js" || { echo "build-wasm-test: testTrap missing from the test build" >&2; exit 1; }
echo "built $out (test hooks: testTrap)"
