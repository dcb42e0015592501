#!/usr/bin/env bash
# The one test command (CI runs it through .ci/run):
# setup, native tests, wasm build + Node smoke test, browser tests, end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

section() { printf '\n######## %s (at %ss)\n' "$*" "$SECONDS"; }

section "1/5 setup"
bash scripts/setup.sh

section "2/5 native tests: cargo test"
cargo test

section "3/5 wasm build + Node smoke test"
bash scripts/build-wasm.sh

section "4/5 wasm browser tests (headless Chromium)"
cargo test --target wasm32-unknown-unknown --test wasm_browser

section "5/5 end-to-end tests: node --test tests/e2e/"
shopt -s nullglob
e2e=(tests/e2e/*.test.mjs)
if [ ${#e2e[@]} -eq 0 ]; then
  echo "no tests/e2e/*.test.mjs yet: skipped"
else
  node --test "${e2e[@]}"
fi

section "all tests passed in ${SECONDS}s"
