#!/usr/bin/env bash
# Checks that the build is reproducible (DESIGN.md, "Why can anyone rebuild
# the same bytes?"): rebuilds the page from a clean checkout of HEAD, under a
# different path, with a CARGO_HOME at a different path (the registry is
# copied as hard links, and cargo runs offline, so nothing is downloaded;
# RUSTUP_HOME, and so the pinned toolchain, stays), and compares the SHA-256
# of every shipped file of that build with this checkout's dist/.
#
#   scripts/verify-build.sh            every file of dist/ (no .br/.gz siblings)
#   scripts/verify-build.sh FILE...    only these, relative to dist/
#
# This checkout's dist/ must be a build of HEAD with no local changes
# (`bash scripts/build-wasm.sh` first); scripts/test.sh runs it right after
# its own build. Exit 0 when every file is identical, 1 otherwise (it lists
# the files that differ), 2 when it cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
orig_cargo_home=${CARGO_HOME:-$HOME/.cargo}
export PATH="$orig_cargo_home/bin:$PATH"

die() { echo "verify-build: $*" >&2; exit 2; }
[ -f dist/amnistia-offline.html ] || die "dist/ is missing: run \`bash scripts/build-wasm.sh\` first"
[ -d node_modules ] || die "node_modules is missing: run \`bash scripts/setup.sh\` first"
git rev-parse --verify -q HEAD >/dev/null || die "not a git checkout"
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "verify-build: warning: this checkout has local changes; dist/ is not a build of HEAD and will differ" >&2
fi

# Every shipped file, relative to dist/.
if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(cd dist && find . -type f ! -name '*.br' ! -name '*.gz' | sed 's|^\./||' | LC_ALL=C sort)
fi
for f in "${files[@]}"; do [ -f "dist/$f" ] || die "dist/$f does not exist"; done

work=$(mktemp -d "${TMPDIR:-/tmp}/amnistia-verify.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "verify-build: rebuilding $(git rev-parse --short=12 HEAD) in $work"
# The pinned inputs as found (DESIGN.md, "Why can anyone rebuild the same bytes?").
echo "verify-build: $(rustc --version); $(wasm-bindgen --version); wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}'); esbuild $(node_modules/.bin/esbuild --version); node $(node --version)"

# A clean checkout of HEAD at another path (a clone: this repository's
# worktrees and refs are left alone).
git clone --quiet --no-checkout "$ROOT" "$work/src"
git -C "$work/src" checkout --quiet --detach "$(git rev-parse HEAD)"
# The npm packages as installed here (esbuild, binaryen's wasm-opt: the same pinned versions).
ln -s "$ROOT/node_modules" "$work/src/node_modules"

# Another CARGO_HOME: the registry copied as hard links (fast, and at a really
# different path), its tools through PATH above; nothing fetched.
mkdir -p "$work/cargo-home"
if [ -d "$orig_cargo_home/registry" ]; then
  # (a plain copy where hard links cannot cross file systems)
  cp -al "$orig_cargo_home/registry" "$work/cargo-home/registry" 2>/dev/null \
    || { rm -rf "$work/cargo-home/registry"; cp -a "$orig_cargo_home/registry" "$work/cargo-home/registry"; }
fi
export CARGO_HOME="$work/cargo-home"
export CARGO_NET_OFFLINE=true
unset CARGO_TARGET_DIR RUSTFLAGS CARGO_ENCODED_RUSTFLAGS

(cd "$work/src" && bash scripts/build-wasm.sh) > "$work/build.log" 2>&1 || {
  tail -n 40 "$work/build.log" >&2
  die "the rebuild failed (its log is above)"
}

differ=0
for f in "${files[@]}"; do
  a=$(sha256sum "dist/$f" | cut -d' ' -f1)
  if [ ! -f "$work/src/dist/$f" ]; then
    echo "MISSING  $f (not in the rebuild)"; differ=1; continue
  fi
  b=$(sha256sum "$work/src/dist/$f" | cut -d' ' -f1)
  if [ "$a" = "$b" ]; then echo "same     $a  $f"; else echo "DIFFERS  $f: here $a, rebuilt $b"; differ=1; fi
done
if [ "$differ" = 0 ]; then
  echo "verify-build: ${#files[@]} files identical to the rebuild in another path and CARGO_HOME (${SECONDS}s)"
else
  echo "verify-build: FAILED: the rebuild differs (${SECONDS}s)" >&2
  exit 1
fi
