#!/usr/bin/env bash
# The trainer demo site (www/: landing page, demo console, practice mode, rules page):
# browser tests in real Chromium (playwright-core) and Firefox (geckodriver), tests/demo/.
# Builds pkg/ first when it is missing or older than the Rust sources; serves www/ on a free
# 127.0.0.1 port for the run and stops it afterwards. A missing browser is a failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() { echo "40-demo: $*" >&2; exit 1; }

[ -x /usr/bin/chromium ] || fail "Chromium missing (/usr/bin/chromium): run scripts/setup.sh"
[ -x /usr/bin/firefox-esr ] || fail "Firefox ESR missing (/usr/bin/firefox-esr): run scripts/setup.sh"
command -v geckodriver >/dev/null || [ -x "$HOME/.cargo/bin/geckodriver" ] || fail "geckodriver missing: run scripts/setup.sh"
[ -f node_modules/playwright-core/package.json ] || fail "node_modules/playwright-core missing: run scripts/setup.sh (npm ci)"
[ -f www/annotator/index.js ] || fail "www/annotator/index.js missing: the demo uses the extension's annotator"

# Pure modules first (Markdown reader, scenarios, practice summary): no browser needed.
node --test tests/demo/unit.test.mjs

wasm=pkg/kefu_coach_bg.wasm
if [ ! -f pkg/kefu_coach.js ] || [ ! -f "$wasm" ] || [ -n "$(find src Cargo.toml Cargo.lock -newer "$wasm" -print -quit)" ]; then
  echo "40-demo: building pkg/ (missing or older than src/)"
  scripts/build-wasm.sh
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
mkdir -p target
python3 -m http.server --bind 127.0.0.1 --directory www "$port" >target/demo-http.log 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

base="http://127.0.0.1:$port/"
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "$base" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || fail "the web server did not start: $(cat target/demo-http.log)"
  sleep 0.1
done
curl -fsS -o /dev/null "$base" || fail "the web server does not answer on $base"

node tests/demo/run.mjs --base "$base" --browser all
