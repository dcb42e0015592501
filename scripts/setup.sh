#!/usr/bin/env bash
# Installs what the build and the tests need, and skips what is already there.
# Idempotent: safe to run on every build and every test run.
#   scripts/setup.sh          everything (build + browser tests)
#   scripts/setup.sh build    only what the wasm build needs
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

WASM_BINDGEN_VERSION=0.2.130
want=${1:-all}
case "$want" in all|build) ;; *) echo "usage: $0 [build]" >&2; exit 2 ;; esac

say() { printf '[setup] %s\n' "$*" >&2; }

# 1. The wasm32 target for the Rust toolchain.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli (wasm-bindgen + wasm-bindgen-test-runner), the exact
#    version of the crate (Cargo.toml pins =0.2.130).
version_of() { "$1" --version 2>/dev/null | awk '{print $2}' || true; }
if [ "$(version_of wasm-bindgen)" != "$WASM_BINDGEN_VERSION" ] ||
   [ "$(version_of wasm-bindgen-test-runner)" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes, once)"
  # Without --locked: a locked dependency (webpki-roots) is missing from the registry here.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# 3. npm packages from the committed lock file (binaryen's wasm-opt, playwright-core, axe-core).
#    The stamp is a copy of the lock file that the last `npm ci` installed.
if [ ! -x node_modules/.bin/wasm-opt ] || ! cmp -s package-lock.json node_modules/.lock-stamp; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.lock-stamp
fi

[ "$want" = build ] && exit 0

# 4. Chromium and ChromeDriver from Debian, for the browser tests.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  say "installing chromium and chromium-driver from apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi
exit 0
