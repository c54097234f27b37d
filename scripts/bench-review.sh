#!/usr/bin/env bash
# Throughput of `kefu-coach review` on the JDDC sample replicated to at least 1 million turns
# (in a temp dir, deleted afterwards; the corpus is never copied into the repo): turns per
# second on 1 and 2 threads and the peak resident memory (`/usr/bin/time -v`), then in
# Chromium (the review page's Web Worker; needs pkg/ from scripts/build-wasm.sh).
#
#   scripts/bench-review.sh [MIN_TURNS]     default 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
min_turns=${1:-1000000}
sample=../shared/corpus/jddc2019_chat_0.1per.tsv
if [ ! -f "$sample" ]; then
  echo "skipped: $sample not found (the JDDC sample is read from ../shared/corpus, never copied)" >&2
  exit 0
fi
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
cargo build --release --locked --quiet
bin=target/release/kefu-coach
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
log=$tmp/jddc-replicated.tsv
per_copy=$(wc -l < "$sample")
copies=$(( (min_turns + per_copy - 1) / per_copy ))
# Each copy gets its own session ids, so sessions stay distinct.
for ((i = 0; i < copies; i++)); do
  awk -v k="$i" 'BEGIN { FS = OFS = "\t" } { $1 = k "-" $1; print }' "$sample"
done > "$log"
turns=$((copies * per_copy))
size_mb=$(( $(stat -c %s "$log") / 1048576 ))
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores"
echo "log: $turns turns ($copies copies of the JDDC sample), $size_mb MiB"
for threads in 1 2; do
  /usr/bin/time -v "$bin" review "$log" --preset jddc --threads "$threads" --no-progress --json \
    > "$tmp/report-$threads.json" 2> "$tmp/time-$threads.txt"
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tmp/time-$threads.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time-$threads.txt")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$tmp/time-$threads.txt")
  checked=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totals"]["checked"])' "$tmp/report-$threads.json")
  # Turns per CPU-second too: on a shared, loaded machine wall time says little.
  awk -v t="$threads" -v s="$secs" -v n="$turns" -v c="$checked" -v r="$rss" -v u="$cpu" 'BEGIN {
    printf "threads=%d  %.2f s  %.0f turns/s  (%.0f agent turns checked/s)  CPU %.1f s = %.0f turns per CPU-second  peak RSS %.1f MiB\n",
      t, s, n / s, c / s, u, n / u, r / 1024 }'
done
if [ -f pkg/kefu_coach_bg.wasm ] && [ -d node_modules/playwright-core ]; then
  node tests/review-web/run.mjs --bench "$log"
else
  echo "skipped Chromium: pkg/ (scripts/build-wasm.sh) or node_modules (npm ci) missing"
fi
python3 - "$tmp/report-1.json" "$tmp/report-2.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
a["input"] = b["input"] = None
print("reports on 1 and 2 threads identical:", a == b)
sys.exit(0 if a == b else 1)
PY
