#!/usr/bin/env bash
# Coverage-guided fuzzing (fuzz/, cargo-fuzz + libFuzzer on the pinned nightly): each target
# runs for FUZZ_SECONDS (default 25) from seeds made at run time (fuzz/make-seeds.py: the
# hand-written fuzz/seeds, the test fixtures, and ../shared/corpus when present), with a
# per-input timeout and a memory limit. Any crash, timeout or out-of-memory fails the stage;
# the input is printed (hex) and kept under fuzz/artifacts/. Prints executions per target.
# A missing nightly or cargo-fuzz is a failure, never a skip: scripts/setup.sh installs them.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"
# Never let rustup fetch a toolchain behind our back: setup.sh installs the pinned one.
export RUSTUP_AUTO_INSTALL=0

fail() { echo "60-fuzz: $*" >&2; exit 1; }

SECONDS_EACH=${FUZZ_SECONDS:-25}
TARGETS=(check check_long pack review check_jsonl)
NIGHTLY=$(sed -nE 's/^channel *= *"([^"]+)".*/\1/p' fuzz/rust-toolchain.toml)
[ -n "$NIGHTLY" ] || fail "no channel in fuzz/rust-toolchain.toml"
rustup toolchain list | grep -q "^$NIGHTLY-" || fail "toolchain $NIGHTLY missing: run scripts/setup.sh"
command -v cargo-fuzz >/dev/null || fail "cargo-fuzz missing: run scripts/setup.sh"
echo "--- $(rustc "+$NIGHTLY" --version), $(cargo-fuzz --version)"

cd fuzz
echo "--- build (sanitizer none: the crate has no unsafe code; debug assertions and overflow checks on)"
cargo "+$NIGHTLY" fetch --locked -q
cargo "+$NIGHTLY" fuzz build -s none

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 make-seeds.py "$scratch"

failed=()
summary=()
bin=target/x86_64-unknown-linux-gnu/release
for t in "${TARGETS[@]}"; do
  mkdir -p "artifacts/$t"
  log="$scratch/$t.log"
  start=$(date +%s)
  # -timeout: one input may take at most 10 s (libFuzzer); the checker targets also bound
  # each input's CPU time by its length (fuzz/src/lib.rs, Budget). -rss_limit_mb: 2 GiB.
  if "$bin/$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="artifacts/$t/" "$scratch/$t" >"$log" 2>&1; then
    status=ok
  else
    status=FAILED
    failed+=("$t")
  fi
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -1)
  rate=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log" | tail -1)
  line=$(printf '%-12s %-6s %9s executions  %6s/s  %3s s' "$t" "$status" "${runs:-?}" "${rate:-?}" "$(( $(date +%s) - start ))")
  summary+=("$line")
  echo "$line"
  if [ "$status" = FAILED ]; then
    # What went wrong: the panic and the top of its stack, and the input.
    grep -E -A25 "panicked at|ERROR: libFuzzer|SUMMARY" "$log" | head -60 >&2 || tail -40 "$log" >&2
    for a in $(grep -oE "Test unit written to [^ ]+" "$log" | awk '{print $5}'); do
      python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); print(f"input ({len(d)} bytes, {sys.argv[1]}):", repr(d[:1500]))' "$a" >&2
    done
  fi
done

echo "--- fuzzing, ${SECONDS_EACH} s per target"
printf '%s\n' "${summary[@]}"
[ ${#failed[@]} -eq 0 ] || fail "crashed: ${failed[*]} (inputs under fuzz/artifacts/; reproduce: cd fuzz && cargo fuzz run -s none TARGET FILE)"
