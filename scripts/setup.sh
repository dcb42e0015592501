#!/usr/bin/env bash
# Checks what the build and the tests need, then installs what the package
# registries provide and is missing. Idempotent and silent when all is there.
#   scripts/setup.sh          everything (build + browser tests)
#   scripts/setup.sh build    only what the wasm build needs
#   scripts/setup.sh serve    what the build needs (the server is Node's)
# First it checks what it cannot install (Rust through rustup, a C linker,
# Node with npm, and Chromium when it cannot install it):
# one line for each that is missing, with the command that installs it, and
# it stops before doing anything. Then it installs, and says so: the wasm32
# target, wasm-bindgen-cli, the npm packages of the lock file, PyPI's striprtf
# for the RTF read-back test (when Python 3 is there) and, as root or
# with sudo without a password, Chromium and ChromeDriver from apt.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

WASM_BINDGEN_VERSION=0.2.130
want=${1:-all}
case "$want" in all|build|serve) ;; *) echo "usage: $0 [build|serve]" >&2; exit 2 ;; esac

say() { printf '[setup] %s\n' "$*" >&2; }
has() { command -v "$1" >/dev/null 2>&1; }
missing=0
lack() { say "missing: $*"; missing=1; }

# How to run a command as root here: "" as root, "sudo" with sudo that needs
# no password, else nothing works ("no").
if [ "$(id -u)" = 0 ]; then as_root=""
elif has sudo && sudo -n true >/dev/null 2>&1; then as_root="sudo"
else as_root="no"
fi
# The line that installs packages with this machine's package manager:
#   pkg_line DEBIAN-PACKAGES FEDORA-PACKAGES HOMEBREW-PACKAGES
pkg_line() {
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo "
  if has apt-get; then echo "${sudo}apt-get update && ${sudo}apt-get install -y $1"
  elif has dnf; then echo "${sudo}dnf install -y $2"
  elif has brew; then echo "brew install $3"
  else echo "your package manager (Debian: apt-get install -y $1)"
  fi
}
# "1.85" >= "1.85"? Numeric, part by part (major.minor).
at_least() {
  local a b; IFS=. read -r -a a <<<"$1"; IFS=. read -r -a b <<<"$2"
  (( ${a[0]:-0} > ${b[0]:-0} || (${a[0]:-0} == ${b[0]:-0} && ${a[1]:-0} >= ${b[1]:-0}) ))
}

# 0. rust-toolchain.toml pins Rust (DESIGN.md, "Why can anyone rebuild the same bytes?"). Where
# the installed stable is that very version but rustup does not know it by that name, name it so
# (a link, which is how rustup resolves it on these machines): otherwise every cargo call here would
# try to download it. Nothing is done where rustup is missing or the versions differ.
pin=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml 2>/dev/null || true)
if [ -n "$pin" ] && has rustup; then
  rustup_home=${RUSTUP_HOME:-$HOME/.rustup}
  host=$(RUSTUP_TOOLCHAIN=stable rustc -vV 2>/dev/null | sed -n 's/^host: //p' || true)
  stable_version=$(RUSTUP_TOOLCHAIN=stable rustc --version 2>/dev/null | awk '{print $2}' || true)
  if [ -n "$host" ] && [ "$stable_version" = "$pin" ] && [ -d "$rustup_home/toolchains/stable-$host" ] \
     && [ ! -e "$rustup_home/toolchains/$pin-$host" ]; then
    ln -s "stable-$host" "$rustup_home/toolchains/$pin-$host"
    say "named the installed stable Rust $pin, as rust-toolchain.toml pins it"
  fi
fi

# 1. What the registries cannot provide: checked first, all of it.
rust_min=$(sed -n 's/^rust-version *= *"\(.*\)"/\1/p' Cargo.toml)
if ! has rustup || ! has cargo; then
  lack "Rust through rustup (cargo and rustup, Rust $rust_min or later): curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh"
else
  rust_have=$(rustc --version 2>/dev/null | awk '{print $2}')
  if [ -z "$rust_have" ] || ! at_least "$rust_have" "$rust_min"; then
    lack "Rust $rust_min or later (found: ${rust_have:-no working rustc}): rustup update stable && rustup default stable"
  fi
fi
if ! has cc; then
  lack "a C compiler and linker (cc), which Rust links with: $(pkg_line gcc gcc 'gcc (or: xcode-select --install)')"
fi
node_min=$(sed -n 's/.*"node": *">= *\([0-9]*\).*/\1/p' package.json)
if ! has node; then
  lack "Node.js $node_min or later: install it from https://nodejs.org/en/download (Debian 12's own nodejs is 18, too old)"
else
  node_have=$(node --version 2>/dev/null | sed 's/^v//')
  if ! at_least "${node_have:-0}" "$node_min"; then
    lack "Node.js $node_min or later (found: ${node_have:-none}): install it from https://nodejs.org/en/download"
  elif ! has npm; then
    lack "npm, which comes with Node.js: install Node.js from https://nodejs.org/en/download, or $(pkg_line npm npm node)"
  fi
fi
install_chromium=0
if [ "$want" = all ] && has node; then
  # scripts/chromium.mjs: 0 found, 1 not found, 2 AMNISTIA_CHROMIUM or
  # CHROMEDRIVER names a missing file (it says which).
  status=0; why=$(node scripts/chromium.mjs --check 2>&1) || status=$?
  if [ "$status" = 1 ] && has apt-get && [ "$as_root" != no ]; then
    install_chromium=1
  elif [ "$status" = 1 ]; then
    lack "Chromium and ChromeDriver, for the browser tests: $(pkg_line 'chromium chromium-driver' 'chromium chromedriver' '--cask chromium chromedriver')" \
      "(or set AMNISTIA_CHROMIUM to a Chromium you have)"
  elif [ "$status" != 0 ]; then
    lack "$why"
  fi
fi
if [ "$missing" = 1 ]; then
  say "install what is missing above, then run this again; nothing was changed"
  exit 1
fi

# 2. What the registries provide: installed when missing.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "installing the wasm32-unknown-unknown target (rustup target add)"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli (wasm-bindgen + wasm-bindgen-test-runner), the exact
# version of the crate (Cargo.toml pins =0.2.130).
version_of() { "$1" --version 2>/dev/null | awk '{print $2}' || true; }
if [ "$(version_of wasm-bindgen)" != "$WASM_BINDGEN_VERSION" ] ||
   [ "$(version_of wasm-bindgen-test-runner)" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION with cargo install (about 5 minutes, once)"
  # Without --locked: a locked dependency (webpki-roots) is missing from the registry here.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm packages from the committed lock file (binaryen's wasm-opt, playwright-core, axe-core).
# The stamp is a copy of the lock file that the last `npm ci` installed.
if [ ! -x node_modules/.bin/wasm-opt ] || ! cmp -s package-lock.json node_modules/.lock-stamp; then
  say "installing the npm packages of package-lock.json (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.lock-stamp
fi

# striprtf from PyPI, the independent RTF reader of tests/request_hostile.rs
# (tests/rtf_readback.py), into the user's site-packages. Where the system
# Python refuses user installs (PEP 668), the user site is still the only
# place written to.
STRIPRTF_VERSION=0.0.35
if has python3 && ! python3 -c 'import striprtf' >/dev/null 2>&1; then
  say "installing striprtf $STRIPRTF_VERSION for the RTF read-back test (pip install --user)"
  python3 -m pip install --quiet --user "striprtf==$STRIPRTF_VERSION" 2>/dev/null ||
    python3 -m pip install --quiet --user --break-system-packages "striprtf==$STRIPRTF_VERSION"
fi

# Chromium and ChromeDriver from apt, for the browser tests.
if [ "$install_chromium" = 1 ]; then
  say "installing chromium and chromium-driver (apt-get${as_root:+ through sudo})"
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  node scripts/chromium.mjs --check
fi
exit 0
