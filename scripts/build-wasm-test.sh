#!/usr/bin/env bash
# Builds the TEST-ONLY wasm (cargo feature `test-hooks`, which compiles in
# `testTrap()`, a function that makes the module trap) into target/wasm-test/pkg,
# for tests/e2e/resilience.test.mjs. It never goes to www/: the page's own
# build (scripts/build-wasm.sh) has no test hooks, and the resilience test
# checks that.
# Built by scripts/wasm-pkg.sh, as the page's, so the glue behaves the same.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

out=target/wasm-test/pkg
# The page's configuration plus testTrap, so the trap is tested on the
# module that ships. A separate target dir: a build with other features
# would otherwise replace the page's module.
bash scripts/wasm-pkg.sh test-hooks "$out" target/wasm-test/cargo
grep -q 'testTrap' "$out/amnistia.js" || { echo "build-wasm-test: testTrap missing from the test build" >&2; exit 1; }
echo "built $out (test hooks: testTrap)"
