#!/usr/bin/env bash
# The speed benchmark (issue 8). Over the real feeds in ../shared/corpus (Reuters-21578, BBC,
# US Senate press releases) it runs, each timed with /usr/bin/time (wall clock, CPU, peak memory):
#   floor        `claimex segment-only`: read, decode, split into sentences and tokens (1 thread)
#   extract -j1  `claimex extract --jobs 1`: every stage, the JSON Lines output, one thread
#   extract -jN  the same on every core
#   ingest -jN   `claimex ingest --jobs N` into a fresh database: extraction, store and links
# then the peer, Microsoft Recognizers-Text (numbers, units, dates; tools/bench/recognizers.js),
# over a sample of the Reuters feed beside `claimex extract --jobs 1` on the same sample, and the
# per-article ingest cost at 10k and 100k stored articles (tools/bench/store_scale.sh).
# MB/s counts the feed file's bytes. Results go to stdout and to tools/bench/RESULTS.md, with the
# machine (nproc, CPU model) and the date.
# Usage: tools/bench.sh [--quick]   --quick: Reuters and BBC only, no 100k store
#   CLAIMEX_BIN=path   the program to time (default: a Release build in build-bench/)
#   CLAIMEX_SHARED=dir where shared/ is (default ../shared); absent: the benchmark is skipped
#   PEER_ARTICLES=n    size of the peer's sample (default 100 Reuters articles)
set -uo pipefail
cd "$(dirname "$0")/.."
shared=$(realpath -m "${CLAIMEX_SHARED:-../shared}")
corpus=$shared/corpus
if [ ! -f "$corpus/reuters21578.jsonl" ]; then
  echo "bench: $corpus not found; skipping the benchmark"
  exit 0
fi
quick=0
[ "${1:-}" = "--quick" ] && quick=1
if [ -n "${CLAIMEX_BIN:-}" ]; then
  bin=$(realpath "$CLAIMEX_BIN")
else
  tools/setup.sh
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null &&
    cmake --build build-bench -j"$(nproc)" --target claimex >/dev/null || exit 2
  bin=$(realpath build-bench/claimex)
fi
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jobs=$(nproc)
feeds=(reuters21578 bbc2225 senate_press_releases)
[ $quick -eq 1 ] && feeds=(reuters21578 bbc2225)

rows=()
# run FEED LABEL ARTICLES CMD...: times CMD (stdout to /dev/null) and adds a table row.
run() {
  local feed=$1 label=$2 articles=$3
  shift 3
  local bytes
  bytes=$(stat -c %s "$corpus/$feed.jsonl")
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err"
  local rc=$?
  [ $rc -gt 1 ] && { echo "bench: $label on $feed failed ($rc):"; tail -3 "$work/err"; }
  local wall user sys rss
  read -r wall user sys rss <"$work/time"
  last_wall=$wall
  last_cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')
  local row
  row=$(awk -v f="$feed" -v l="$label" -v b="$bytes" -v a="$articles" -v w="$wall" -v u="$user" \
    -v s="$sys" -v m="$rss" 'BEGIN {
      if (w <= 0) w = 0.001
      c = u + s; if (c <= 0) c = 0.001
      printf "| %s | %s | %.1f | %d | %.1f | **%.1f** | %.0f | %.1f | %.1f | %.0f |", f, l,
             b / 1e6, a, w, b / 1e6 / w, a / w, c, b / 1e6 / c, m / 1024 }')
  rows+=("$row")
  echo "$row"
}

header="| feed | run | MB | articles | wall s | MB/s | articles/s | CPU s | MB per CPU-s | peak MB |"
echo "$header"
for feed in "${feeds[@]}"; do
  f="$corpus/$feed.jsonl"
  articles=$("$bin" segment-only "$f" 2>/dev/null | awk '{print $1}')
  run "$feed" "floor (read+decode+sentences), 1 thread" "$articles" "$bin" segment-only "$f"
  run "$feed" "extract -j1" "$articles" "$bin" extract --jobs 1 "$f"
  if [ "$feed" = reuters21578 ]; then
    reuters_body=$("$bin" segment-only "$f" 2>/dev/null | awk '{print $(NF-2)}')
    reuters_j1_wall=$last_wall reuters_j1_cpu=$last_cpu
  fi
  run "$feed" "extract -j$jobs" "$articles" "$bin" extract --jobs "$jobs" "$f"
  rm -f "$work/db"*
  run "$feed" "ingest -j$jobs (store + links)" "$articles" \
    "$bin" ingest --jobs "$jobs" --db "$work/db" "$f"
done

# The peer, on a sample of Reuters, against claimex's steady rate over the whole Reuters feed
# (body bytes, as the peer counts them; claimex also finds quotes and speakers, the peer does not).
peer_line="peer: skipped (node or tools/bench/node_modules missing: cd tools/bench && npm install)"
if command -v node >/dev/null && [ ! -d tools/bench/node_modules ] && command -v npm >/dev/null; then
  (cd tools/bench && npm install --no-audit --no-fund --no-package-lock >/dev/null 2>&1)
fi
if command -v node >/dev/null && [ -d tools/bench/node_modules/@microsoft/recognizers-text-suite ]; then
  sample="$work/sample.jsonl"
  head -n "${PEER_ARTICLES:-100}" "$corpus/reuters21578.jsonl" >"$sample"
  read -r pbytes particles pwall pcpu pents < <(node tools/bench/recognizers.js "$sample")
  peer_line=$(awk -v b="$pbytes" -v a="$particles" -v pw="$pwall" -v pc="$pcpu" -v e="$pents" \
    -v cb="$reuters_body" -v cw="$reuters_j1_wall" -v cc="$reuters_j1_cpu" 'BEGIN {
      printf "peer: Recognizers-Text (English number, percentage, currency, dimension, temperature, age and datetime models) over %d Reuters articles (%.3f MB of body text): %.1f s wall, %.1f s CPU = %.4f MB/s (CPU), %d entities. claimex extract -j1 over all Reuters bodies (%.1f MB): %.1f s wall, %.1f s CPU = %.2f MB/s (CPU). Ratio: **%.0fx** the peer by CPU time (%.0fx by wall clock).", a, b / 1e6, pw, pc, b / 1e6 / pc, e, cb / 1e6, cw, cc, cb / 1e6 / cc, (cb / cc) / (b / pc), (cb / cw) / (b / pw) }')
fi
echo "$peer_line"

# Per-article ingest cost as the store grows.
sizes=(10000 100000)
[ $quick -eq 1 ] && sizes=(10000)
scale_lines=()
while read -r line; do
  scale_lines+=("$line")
  echo "$line"
done < <(CLAIMEX_SHARED="$shared" tools/bench/store_scale.sh "$bin" "$work/scale" "${sizes[@]}")

# Hand-written sections of the results file (from its first "## " heading on: profiles, the
# linker's own measurements) are kept below the regenerated table.
notes=""
[ -f tools/bench/RESULTS.md ] && notes=$(sed -n '/^## /,$p' tools/bench/RESULTS.md)
{
  echo "# Benchmark results (tools/bench.sh)"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GB RAM; $(date -u '+%Y-%m-%d %H:%M UTC');" \
    "load average before the run: $load_before."
  echo "Program: $bin ($(git rev-parse --short HEAD 2>/dev/null || echo '?'))."
  echo "MB/s and articles/s count the feed file's bytes (JSON Lines: bodies plus metadata) by wall"
  echo "clock; \"MB per CPU-s\" divides by the CPU time the run used (user + system), which is what"
  echo "one core gives when the machine is shared (a loaded machine stretches wall time, not CPU"
  echo "time); for -jN runs it is the throughput per core."
  echo
  echo "$header"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "${peer_line#peer: }"
  echo
  echo "Per-article ingest cost (store + links only, from \`extract --with-body\` output) by stored"
  echo "articles (probe: 2,000 held-out Reuters articles):"
  echo
  for l in "${scale_lines[@]}"; do echo "- ${l#store_scale }"; done
  [ -n "$notes" ] && printf '\n%s\n' "$notes"
} >tools/bench/RESULTS.md.new && mv tools/bench/RESULTS.md.new tools/bench/RESULTS.md
echo "bench: wrote tools/bench/RESULTS.md"
