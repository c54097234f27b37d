#!/usr/bin/env bash
# Runs every test: installs what the tests need (scripts/setup.sh, idempotent), then each
# stage in scripts/test.d in order. A failing stage does not stop the others; the run
# fails if any stage failed.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! scripts/setup.sh; then
  echo "setup failed: the tests need the tools scripts/setup.sh installs" >&2
  exit 1
fi
passed=0
failed=0
failed_names=()
for stage in scripts/test.d/*.sh; do
  echo
  echo "=== stage $(basename "$stage") ==="
  start=$(date +%s)
  if bash "$stage"; then
    passed=$((passed + 1))
    echo "=== stage $(basename "$stage") passed in $(( $(date +%s) - start )) s"
  else
    failed=$((failed + 1))
    failed_names+=("$(basename "$stage")")
    echo "=== stage $(basename "$stage") FAILED in $(( $(date +%s) - start )) s"
  fi
done
echo
[ "$failed" -eq 0 ] || echo "failed stages: ${failed_names[*]}"
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
