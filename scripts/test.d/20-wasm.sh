#!/usr/bin/env bash
# The WebAssembly build and its JS API: build pkg/, size budget, the .d.ts and the glue,
# the boundary tests (tests/web.rs) in headless Chromium AND Firefox, and one short run of
# the in-browser benchmark (prints its table; timings are not asserted).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"

fail() { echo "20-wasm: $*" >&2; exit 1; }

# No browser is ever skipped: a missing one is a failure.
[ -x /usr/bin/chromium ] || fail "chromium missing (/usr/bin/chromium): run scripts/setup.sh"
[ -x /usr/bin/chromedriver ] || fail "chromedriver missing (/usr/bin/chromedriver): run scripts/setup.sh"
[ -x /usr/bin/firefox-esr ] || fail "firefox-esr missing (/usr/bin/firefox-esr): run scripts/setup.sh"
GECKODRIVER_BIN=$(command -v geckodriver) || fail "geckodriver missing: run scripts/setup.sh"
command -v wasm-bindgen-test-runner >/dev/null || fail "wasm-bindgen-test-runner missing: run scripts/setup.sh"

echo "--- build pkg/"
scripts/build-wasm.sh

echo "--- size"
node scripts/size-check.mjs

echo "--- .d.ts and glue"
node scripts/check-pkg.mjs

# tests/web.rs in each browser (about 2 s each). The runner drives the browser over
# WebDriver; the timeout is for a loaded CI machine, not for the tests' own pace.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-900}
web_tests() {
  cargo test --locked --profile wasm-test --target wasm32-unknown-unknown --test web
}
echo "--- tests/web.rs in Chromium"
env -u GECKODRIVER -u SAFARIDRIVER CHROMEDRIVER=/usr/bin/chromedriver bash -c "$(declare -f web_tests); web_tests"
echo "--- tests/web.rs in Firefox"
env -u CHROMEDRIVER -u SAFARIDRIVER GECKODRIVER="$GECKODRIVER_BIN" bash -c "$(declare -f web_tests); web_tests"

echo "--- benchmark (short run)"
node scripts/bench-browser.mjs --quick
