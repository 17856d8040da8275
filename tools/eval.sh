#!/usr/bin/env bash
# Scores `claimex extract` against the gold sets in ../shared/eval (not part of the tests: the
# shared data is evaluation material only). Skips cleanly when ../shared is absent.
# Usage: tools/eval.sh [SET ...]     (default: every set that has a feed in ../shared/eval/docs)
set -uo pipefail
cd "$(dirname "$0")/.."
shared=${CLAIMEX_SHARED:-../shared}
if [ ! -x "$shared/eval/score" ]; then
  echo "eval: $shared/eval not found; skipping evaluation"
  exit 0
fi
bin=${CLAIMEX_BIN:-build/claimex}
[ -x "$bin" ] || { echo "eval: $bin not built (run tools/build.sh)" >&2; exit 2; }
sets=("$@")
[ ${#sets[@]} -eq 0 ] && sets=(seeds newsquant recognizers_quantity recognizers_datetime tempeval3 polnear-dev msrp-train)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for set in "${sets[@]}"; do
  feed="$shared/eval/docs/$set.jsonl"
  [ -f "$feed" ] || { echo "eval: no feed for $set"; continue; }
  echo "== $set"
  if [ -f "$shared/eval/gold/$set/links.jsonl" ]; then
    # Links need the store: ingest into a fresh database, then export.
    "$bin" ingest "$feed" --db "$out/$set.db" 2>/dev/null
    "$bin" export --db "$out/$set.db" > "$out/$set.jsonl"
  else
    "$bin" extract "$feed" > "$out/$set.jsonl" 2>/dev/null
  fi
  "$shared/eval/score" "$shared/eval/gold/$set" "$out/$set.jsonl"
done
