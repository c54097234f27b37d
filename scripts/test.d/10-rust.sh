#!/usr/bin/env bash
# The native core: format, lints, unit/fixture/doc tests, and the labelled eval set.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --locked
cargo build --release --locked
if [ -f ../shared/eval/dev.jsonl ]; then
  python3 ../shared/eval/score.py ../shared/eval/dev.jsonl --min-recall 0.9 --min-clean 0.95 -- target/release/kefu-coach check | tail -3
else
  echo "skipped eval: ../shared/eval/dev.jsonl not found"
fi
