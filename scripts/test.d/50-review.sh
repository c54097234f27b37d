#!/usr/bin/env bash
# Batch review (复盘): the library's unit tests, tests/review.rs (JDDC sample when present,
# CSV quoting, GBK, malformed rows, JSON Lines, the CLI), then the review page in real
# Chromium and Firefox (file input, drag & drop, the JDDC report equal to the CLI's, a 10 MB
# log without freezing the page).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo test --locked --lib review::
cargo test --locked --test review
# The page's report is compared with the CLI's: build both from the same sources.
cargo build --locked
scripts/build-wasm.sh
node tests/review-web/run.mjs chromium firefox
