#!/usr/bin/env bash
# The browser extension: builds pkg/ if missing, builds both browsers' packages (with
# `web-ext lint`), then runs the end-to-end suite (tests/e2e) in real Chromium and Firefox
# with the built extension loaded, each scenario 3 times. A missing browser is a failure.
#   KEFU_E2E_REPEAT=1 scripts/test.d/30-extension.sh   a quicker single pass
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() { echo "30-extension: $*" >&2; exit 1; }

[ -x /usr/bin/chromium ] || fail "Chromium missing (/usr/bin/chromium): run scripts/setup.sh"
[ -x /usr/bin/firefox-esr ] || fail "Firefox ESR missing (/usr/bin/firefox-esr): run scripts/setup.sh"
command -v geckodriver >/dev/null || [ -x "$HOME/.cargo/bin/geckodriver" ] || fail "geckodriver missing: run scripts/setup.sh"
[ -f node_modules/playwright-core/package.json ] || fail "node_modules missing: run scripts/setup.sh (npm ci)"

if [ ! -f pkg/kefu_coach.js ] || [ ! -f pkg/kefu_coach_bg.wasm ] || [ ! -d pkg/snippets ]; then
  echo "30-extension: pkg/ missing, building it"
  scripts/build-wasm.sh
fi

scripts/build-extension.sh
PATH="$HOME/.cargo/bin:$PATH" node tests/e2e/run.js --browser all --repeat "${KEFU_E2E_REPEAT:-3}"
