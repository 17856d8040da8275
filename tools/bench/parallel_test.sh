#!/usr/bin/env bash
# Scale-out check: `claimex extract` is a pure filter (feed in, contract out), so any engine that
# fans lines out to processes can run it as the map step while one `claimex ingest` stores and
# links. This runs the GNU parallel form of it on a real feed and checks that the database it
# makes holds exactly what a direct `claimex ingest` of the same feed holds (same row counts in
# every table, same `claimex export`):
#   1. split the feed into parts, `parallel -k claimex extract --with-body` over the parts,
#      `claimex ingest -` the merged output;
#   2. the streaming form, no files: `parallel --pipe -k claimex extract --with-body -` < feed.
# Skips cleanly (exit 0) when GNU parallel (tools/setup.sh --bench) or the feed is missing.
# Usage: tools/bench/parallel_test.sh [FEED]   (default ../shared/corpus/bbc2225.jsonl)
#        CLAIMEX_BIN=path/to/claimex overrides the program (default build/claimex)
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${CLAIMEX_SHARED:-../shared}
feed=${1:-$shared/corpus/bbc2225.jsonl}
bin=$(realpath "${CLAIMEX_BIN:-build/claimex}")
if ! command -v parallel >/dev/null; then
  echo "parallel_test: GNU parallel is not installed (tools/setup.sh --bench); skipping"
  exit 0
fi
if [ ! -f "$feed" ]; then
  echo "parallel_test: $feed not found; skipping"
  exit 0
fi
[ -x "$bin" ] || { echo "parallel_test: $bin not built (run tools/build.sh)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jobs=$(nproc)

# The reference: one process reads the feed, extracts (all cores) and stores.
"$bin" ingest --db "$work/direct.db" "$feed" 2>"$work/direct.err" || true

# 1. Split into line-aligned parts, extract them in parallel (-k: output in part order), ingest.
split -n "l/$((jobs * 2))" -d --additional-suffix=.jsonl "$feed" "$work/part-"
start=$(date +%s.%N)
ls "$work"/part-*.jsonl | parallel -k -j "$jobs" "$bin" extract --jobs 1 --with-body {} \
  >"$work/merged.jsonl" 2>"$work/extract.err" || true
"$bin" ingest --db "$work/fanned.db" - <"$work/merged.jsonl" 2>"$work/fanned.err" || true
end=$(date +%s.%N)

# 2. The streaming form: parallel cuts standard input into blocks of whole lines.
parallel --pipe -k --block 1M -j "$jobs" "$bin" extract --jobs 1 --with-body - <"$feed" \
  2>>"$work/extract.err" | "$bin" ingest --db "$work/piped.db" - 2>"$work/piped.err" || true

counts() {
  for t in articles sentences claims times quotes speakers links; do
    printf '%s=%s ' "$t" "$(sqlite3 "$1" "SELECT COUNT(*) FROM $t")"
  done
}
want=$(counts "$work/direct.db")
status=0
for db in fanned piped; do
  got=$(counts "$work/$db.db")
  if [ "$got" != "$want" ]; then
    echo "parallel_test: FAIL $db: $got"
    echo "parallel_test:      want: $want"
    status=1
  elif ! cmp -s <("$bin" export --db "$work/direct.db") <("$bin" export --db "$work/$db.db"); then
    echo "parallel_test: FAIL $db: same counts but a different export"
    status=1
  else
    echo "parallel_test: ok $db: $got"
  fi
done
printf 'parallel_test: split + parallel extract (%s jobs) + ingest: %.1f s for %s\n' \
  "$jobs" "$(awk "BEGIN{print $end - $start}")" "$(basename "$feed")"
grep -h "articles stored" "$work/direct.err" "$work/fanned.err" | sed 's/^/parallel_test:   /'
exit $status
