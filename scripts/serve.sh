#!/usr/bin/env bash
# Installs the tools (scripts/setup.sh), builds the WebAssembly core (scripts/build-wasm.sh),
# then serves the static site www/ on 127.0.0.1 and prints its address.
#
#   scripts/serve.sh              http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh    another port
set -euo pipefail
cd "$(dirname "$0")/.."

port="${PORT:-8080}"
case "$port" in
  '' | *[!0-9]*) echo "serve: PORT must be a number, got “$port”" >&2; exit 1 ;;
esac

[ -x scripts/setup.sh ] || { echo "serve: scripts/setup.sh is missing" >&2; exit 1; }
scripts/setup.sh
scripts/build-wasm.sh

if ! python3 -c "import socket, sys; s = socket.socket(); s.bind(('127.0.0.1', $port)); s.close()" 2>/dev/null; then
  echo "serve: port $port on 127.0.0.1 is in use; try PORT=$((port + 1)) scripts/serve.sh" >&2
  exit 1
fi

echo
echo "客服话术教练 is served at  http://127.0.0.1:$port/"
echo "  演示台 (demo):      http://127.0.0.1:$port/demo/"
echo "  练习模式 (practice): http://127.0.0.1:$port/demo/#practice"
echo "  规则说明 (rules):    http://127.0.0.1:$port/rules/"
echo "Press Ctrl+C to stop."
echo
exec python3 -m http.server --bind 127.0.0.1 --directory www "$port"
