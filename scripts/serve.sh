#!/usr/bin/env bash
# Builds the wasm and serves www/ on http://127.0.0.1:${PORT:-8080} (Ctrl-C stops).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8080}

bash scripts/setup.sh serve
bash scripts/build-wasm.sh

echo
echo "Serving www/ at http://127.0.0.1:$port/"
exec python3 -m http.server --bind 127.0.0.1 "$port" --directory www
