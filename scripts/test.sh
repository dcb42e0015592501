#!/usr/bin/env bash
# The one test command (CI runs it through .ci/run):
# setup and its own tests, native tests, wasm build + Node smoke test, browser
# tests, end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

section() { printf '\n######## %s (at %ss)\n' "$*" "$SECONDS"; }

section "1/5 setup, and the tests of the setup"
bash scripts/setup.sh
# setup.sh and the e2e tests on a machine without Rust, without Node, or with
# AMNISTIA_CHROMIUM naming a missing file (they install nothing).
node --test tests/setup/*.test.mjs
# Chromium and ChromeDriver as scripts/chromium.mjs finds them (AMNISTIA_CHROMIUM,
# CHROMEDRIVER, else the usual paths), for wasm-bindgen-test-runner: CHROMEDRIVER,
# and a webdriver.json with the browser's path in target/. A variable set here
# wins over .cargo/config.toml's [env] default (it has no `force`).
CHROMEDRIVER=$(node scripts/chromium.mjs --driver)
WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(node scripts/chromium.mjs --webdriver-json target/webdriver.json)
export CHROMEDRIVER WASM_BINDGEN_TEST_WEBDRIVER_JSON

section "2/5 native tests: cargo test; the page's interview in Node"
# The native/wasm differential test runs in step 3, once www/pkg is built from these sources.
cargo test -- --skip native_and_wasm_give_identical_json
# www/interview.js (state and transitions, no DOM) against a fake core.
node --test tests/unit/*.test.mjs

section "3/5 wasm build + Node smoke test; the page's type check; native vs wasm; the test-only wasm"
bash scripts/build-wasm.sh
# Reproducible: the same commit rebuilt at another path with another CARGO_HOME
# gives the same SHA-256 for every shipped file, the wasm and the offline file
# among them (about 1 minute on 2 cores; DESIGN.md, "Why can anyone rebuild the same bytes?").
bash scripts/verify-build.sh
node scripts/check-budget.mjs  # the byte budget (budgets.json; README, "Rendimiento")
# The page's modules (checkJs, JSDoc types) against the core's generated
# www/pkg/amnistia.d.ts and www/types.d.ts: tsconfig.json; nothing is emitted.
node_modules/.bin/tsc --noEmit -p tsconfig.json
# 10,000 seeded cases through the native library and the wasm module in Node:
# byte-identical JSON (AMNISTIA_DIFF_CASES=100000 for more). Here a missing or
# stale www/pkg is a failure, not a skip.
AMNISTIA_REQUIRE_WASM=1 cargo test --test differential -- --nocapture
# target/wasm-test/pkg, with testTrap(), for tests/e2e/resilience.test.mjs (never www/).
bash scripts/build-wasm-test.sh

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
