#!/usr/bin/env bash
# Builds the wasm and the site, and serves the site as built (dist/: the
# minified copy of www/) on http://127.0.0.1:${PORT:-8080} (Ctrl-C stops),
# with the precompressed .br/.gz files as a production host would serve them.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8080}

bash scripts/setup.sh serve
bash scripts/build-wasm.sh

echo
exec node scripts/static-server.mjs dist "$port"
