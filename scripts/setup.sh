#!/usr/bin/env bash
# Installs every tool the build and the tests need, at pinned versions, from the package
# registries only (apt, crates.io, npm). Idempotent: a tool already at its version is left
# alone, and a second run prints one "ok" line per tool and changes nothing.
#
# Works on a fresh Debian 12 machine as root (or with sudo for apt) that has rustup, cargo
# and node >= 20. Takes ~11 minutes on 2 cores the first time (cargo install of
# wasm-bindgen-cli, geckodriver and cargo-fuzz), seconds afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# Pins. wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.toml (=0.2.130).
WASM_BINDGEN=0.2.130
GECKODRIVER=0.37.1
# Fuzzing (fuzz/, scripts/test.d/60-fuzz.sh): cargo-fuzz on a dated nightly, pinned in
# fuzz/rust-toolchain.toml (read here, so there is one pin).
CARGO_FUZZ=0.13.2
FUZZ_NIGHTLY=$(sed -nE 's/^channel *= *"([^"]+)".*/\1/p' fuzz/rust-toolchain.toml)
RUST_TARGET=wasm32-unknown-unknown
# Debian's security archive serves only the current build of chromium and firefox-esr, so
# an exact apt version can't be pinned (an old one is gone from the mirror the day a fix
# lands). Instead: install from Debian, print the version, and insist on at least the major
# version the project was verified with (docs: shared toolchain notes), and on chromedriver
# matching chromium's major version exactly.
CHROMIUM_MIN_MAJOR=156
FIREFOX_MIN_MAJOR=153
NODE_MIN_MAJOR=20

say() { printf '%-16s %s\n' "$1" "$2"; }
fail() { echo "setup: $*" >&2; exit 1; }
major() { sed -E 's/[^0-9]*([0-9]+).*/\1/' <<<"$1"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    fail "need root (or sudo) to run: $*"
  fi
}

# ---- browsers and chromedriver (apt) ---------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
# The browsers' zh-CN: the extension's pages follow the browser's language (_locales), and the
# end-to-end suite runs them in zh-CN as their users see them (tests/e2e/drivers).
[ -e /usr/lib/chromium/locales/zh-CN.pak ] || missing+=(chromium-l10n)
[ -n "$(ls /usr/lib/firefox-esr/browser/extensions/langpack-zh-CN@*.xpi 2>/dev/null)" ] || missing+=(firefox-esr-l10n-zh-cn)
# A Chinese font, so the store screenshots the suite takes (dist/store/screenshots) show text.
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  say apt "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
# The chromium wrapper prints shell noise on stderr; only the version line matters.
chromium_v=$(/usr/bin/chromium --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+)+' | head -1)
driver_v=$(/usr/bin/chromedriver --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+)+' | head -1)
firefox_v=$(/usr/bin/firefox-esr --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+)+(esr)?' | head -1)
[ -n "$chromium_v" ] || fail "chromium --version printed no version"
[ -n "$firefox_v" ] || fail "firefox-esr --version printed no version"
[ "$(major "$chromium_v")" -ge "$CHROMIUM_MIN_MAJOR" ] || fail "chromium $chromium_v is older than $CHROMIUM_MIN_MAJOR"
[ "$(major "$driver_v")" = "$(major "$chromium_v")" ] || fail "chromedriver $driver_v does not match chromium $chromium_v"
[ "$(major "$firefox_v")" -ge "$FIREFOX_MIN_MAJOR" ] || fail "firefox-esr $firefox_v is older than $FIREFOX_MIN_MAJOR"
say chromium "ok $chromium_v (Debian; at least $CHROMIUM_MIN_MAJOR)"
say chromedriver "ok $driver_v"
say firefox-esr "ok $firefox_v (Debian; at least $FIREFOX_MIN_MAJOR)"

# ---- Rust: target and components -------------------------------------------------------
command -v rustup >/dev/null || fail "rustup not found: install Rust (rustup) first"
if ! rustup target list --installed | grep -qx "$RUST_TARGET"; then
  rustup target add "$RUST_TARGET" >/dev/null
fi
say rust-target "ok $RUST_TARGET ($(rustc --version | awk '{print $2}'))"
for component in clippy rustfmt; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    rustup component add "$component" >/dev/null
  fi
  say "$component" "ok"
done

# ---- cargo-installed tools -------------------------------------------------------------
have_bindgen=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_bindgen" != "$WASM_BINDGEN" ] || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say wasm-bindgen "installing $WASM_BINDGEN (was: ${have_bindgen:-none}), ~4 min"
  # Not --locked: its lock file wants a crate version the registry mirror lacks.
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN" --force
fi
say wasm-bindgen "ok $(wasm-bindgen --version | awk '{print $2}') (+ wasm-bindgen-test-runner)"

have_gecko=$(geckodriver --version 2>/dev/null | awk 'NR==1 {print $2}' || true)
if [ "$have_gecko" != "$GECKODRIVER" ]; then
  say geckodriver "installing $GECKODRIVER (was: ${have_gecko:-none}), ~2.5 min"
  cargo install -q geckodriver --version "$GECKODRIVER" --locked --force
fi
say geckodriver "ok $(geckodriver --version | awk 'NR==1 {print $2}')"

# ---- fuzzing: the pinned nightly (minimal profile) and cargo-fuzz -----------------------
[ -n "$FUZZ_NIGHTLY" ] || fail "no channel in fuzz/rust-toolchain.toml"
if ! rustup toolchain list | grep -q "^$FUZZ_NIGHTLY-"; then
  say nightly "installing $FUZZ_NIGHTLY (minimal profile), ~20 s"
  rustup toolchain install "$FUZZ_NIGHTLY" --profile minimal >/dev/null
fi
say nightly "ok $FUZZ_NIGHTLY ($(rustc "+$FUZZ_NIGHTLY" --version | awk '{print $2, $3, $4}'))"

have_fuzz=$(cargo-fuzz --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_fuzz" != "$CARGO_FUZZ" ]; then
  say cargo-fuzz "installing $CARGO_FUZZ (was: ${have_fuzz:-none}), ~4 min"
  cargo install -q cargo-fuzz --version "$CARGO_FUZZ" --locked --force
fi
say cargo-fuzz "ok $(cargo-fuzz --version | awk '{print $2}')"

# ---- npm packages (package-lock.json: playwright-core, binaryen, harper.js, ...) --------
command -v node >/dev/null || fail "node not found: install Node.js >= $NODE_MIN_MAJOR"
node_v=$(node --version)
[ "$(major "$node_v")" -ge "$NODE_MIN_MAJOR" ] || fail "node $node_v is older than $NODE_MIN_MAJOR"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say npm "npm ci (package-lock.json changed or node_modules missing)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  touch node_modules/.package-lock.json
fi
[ -x node_modules/.bin/wasm-opt ] || fail "node_modules/.bin/wasm-opt missing after npm ci"
say npm "ok node $node_v, $(node -p "require('./node_modules/binaryen/package.json').version" 2>/dev/null | sed 's/^/binaryen /')"
