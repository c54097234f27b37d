#!/usr/bin/env bash
# Builds pkg/ for `--target web`: kefu_coach.js, kefu_coach_bg.wasm, kefu_coach.d.ts (the
# coach) and kefu_coach_review.* (the coach and the batch review), each
# cargo (profile wasm-release) -> wasm-bindgen CLI -> (the coach: scripts/wasm-snip.mjs) ->
# wasm-opt from npm binaryen@132.
# Nothing is downloaded: the tools come from scripts/setup.sh. Debian's binaryen (wasm-opt
# 108) breaks wasm-bindgen 0.2.130 output, so only node_modules/.bin/wasm-opt is used.
#
#   scripts/build-wasm.sh            optimised build (default)
#   KEFU_WASM_OPT=0 scripts/build-wasm.sh   skip wasm-opt (faster, larger)
set -euo pipefail
cd "$(dirname "$0")/.."

BINDGEN_VERSION=0.2.130
TARGET=wasm32-unknown-unknown
PROFILE=wasm-release
WASM_OPT=node_modules/.bin/wasm-opt
OUT=pkg
STAGE=target/wasm-pkg-staging

fail() { echo "build-wasm: $*" >&2; exit 1; }

command -v wasm-bindgen >/dev/null || fail "wasm-bindgen not found: run scripts/setup.sh"
have=$(wasm-bindgen --version | awk '{print $2}')
[ "$have" = "$BINDGEN_VERSION" ] || fail "wasm-bindgen $have found, $BINDGEN_VERSION needed (it must equal the crate's version): run scripts/setup.sh"
rustup target list --installed 2>/dev/null | grep -qx "$TARGET" || fail "rust target $TARGET missing: run scripts/setup.sh"
if [ "${KEFU_WASM_OPT:-1}" != 0 ]; then
  [ -x "$WASM_OPT" ] || fail "$WASM_OPT missing (npm binaryen@132): run scripts/setup.sh"
fi

# scripts/wasm-snip.mjs reads the module with binaryen's wasm-dis (same npm package).
[ -x node_modules/.bin/wasm-dis ] || fail "node_modules/.bin/wasm-dis missing (npm binaryen@132): run scripts/setup.sh"

mkdir -p target
# One build at a time: helpers and test stages may call this concurrently.
exec 9>target/.build-wasm.lock
flock 9

# Two modules from one crate: the coach alone (the extension, the demo, the rules and
# benchmark pages) and the coach with the batch review (the review page's worker), so the
# module every chat page loads doesn't carry the review's reader and report (164 KB raw).
rm -rf "$STAGE"
build() { # <name> <snip: 1|0> <cargo feature flags...>
  local name=$1 snip=$2
  shift 2
  cargo build --lib --locked --profile "$PROFILE" --target "$TARGET" "$@"
  # Same name for both snippet directories (the crate's), same inline JS in them.
  wasm-bindgen --target web --out-name "$name" --out-dir "$STAGE" "target/$TARGET/$PROFILE/kefu_coach.wasm"
  if [ "$snip" = 1 ]; then
    # Functions that can't run (core's float formatting, 8.1 KB of the gzipped coach): the
    # script checks that on the module and fails the build when it no longer holds. It reads
    # the name section, so it runs before wasm-opt strips it.
    node scripts/wasm-snip.mjs "$STAGE/${name}_bg.wasm" "$STAGE/${name}_bg.snip.wasm"
    mv "$STAGE/${name}_bg.snip.wasm" "$STAGE/${name}_bg.wasm"
  fi
  if [ "${KEFU_WASM_OPT:-1}" != 0 ]; then
    # Features as the Rust target enables them; names/debug info dropped. Measured (gzip -9
    # of the wasm, 2026-11-23): -Oz 365.6 KB; -Os --converge 363.5 KB; adding
    # --low-memory-unused (the Rust stack comes first, from 1 MiB down: the first 1 KiB is
    # only reached by a stack about to overflow) 361.5 KB.
    # -Os also keeps the speed that opt-level "s" was chosen for.
    "$WASM_OPT" -Os --converge --low-memory-unused --strip-debug --strip-producers \
      --enable-bulk-memory --enable-mutable-globals --enable-sign-ext \
      --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
      "$STAGE/${name}_bg.wasm" -o "$STAGE/${name}_bg.opt.wasm"
    mv "$STAGE/${name}_bg.opt.wasm" "$STAGE/${name}_bg.wasm"
  fi
}
build kefu_coach 1 --no-default-features
# The review formats numbers for its report (percentages), so its floats stay.
build kefu_coach_review 0 --features review

# Replace file by file (rename is atomic), so a page loading pkg/ never sees it missing.
# snippets/ holds the glue's inline JS (src/wasm/report.rs); it goes first, as the new
# kefu_coach.js imports it.
mkdir -p "$OUT"
if [ -d "$STAGE/snippets" ]; then
  rm -rf "$OUT/snippets.old"
  [ -d "$OUT/snippets" ] && mv "$OUT/snippets" "$OUT/snippets.old"
  mv "$STAGE/snippets" "$OUT/snippets"
  rm -rf "$OUT/snippets.old"
fi
for f in "$STAGE"/*; do
  mv -f "$f" "$OUT/"
done
echo "build-wasm: $OUT/ ready ($(wc -c <"$OUT/kefu_coach_bg.wasm") bytes of wasm; with the review: $(wc -c <"$OUT/kefu_coach_review_bg.wasm"))"
