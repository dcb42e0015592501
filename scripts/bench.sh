#!/usr/bin/env bash
# The benchmark (README, "Rendimiento"). Not part of the test command.
# Builds the release wasm and runs the native criterion bench, then prints
# one Markdown report: ours side by side with json-rules-engine and GoRules
# ZEN on the same 10,000 cases, unknown facts, cold start, native figures,
# bytes, and the page in throttled Chromium. Takes about 5 minutes.
# The report is also kept in target/bench/ (report.md, report.json).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

bash scripts/setup.sh
# GoRules ZEN, pinned in bench/package.json (not in the root lock: see there).
want=$(node -p 'require("./bench/package.json").dependencies["@gorules/zen-engine"]')
have=$(node -p 'try { require("./bench/node_modules/@gorules/zen-engine/package.json").version } catch { "" }')
if [ "$want" != "$have" ]; then
  echo "== npm install --prefix bench (@gorules/zen-engine $want)" >&2
  npm install --prefix bench --no-audit --no-fund --no-package-lock --loglevel=error >&2
fi
bash scripts/build-wasm.sh >&2
# The same module plus two exports, benchCheck and benchWrite (feature
# bench-hooks), which time the explained evaluation inside the wasm, and its
# writing as JSON text, apart from the JS boundary.
bash scripts/wasm-pkg.sh bench-hooks target/bench/pkg target/bench/cargo >&2
echo "== cargo bench --bench evaluate" >&2
# The bench harness needs unwinding; built with the release profile's panic = "abort", the
# binary would need a second build of the library under the same file name (a cargo
# "output filename collision", which can fail the link).
CARGO_PROFILE_BENCH_PANIC=unwind cargo bench --bench evaluate -- --warm-up-time 1 --measurement-time 3 > target/bench/criterion.txt
echo "== node bench/run.mjs" >&2
node bench/run.mjs --criterion target/bench/criterion.txt --json target/bench/report.json "$@" | tee target/bench/report.md
