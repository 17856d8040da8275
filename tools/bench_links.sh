#!/usr/bin/env bash
# Per-article linking cost as the archive grows (issue 5): builds an archive of 10k and then 100k
# stored articles from ../shared/corpus/*.jsonl (shuffled with a fixed seed; past the 64k real
# articles the feeds are ingested again under the id prefix "again-", with their dates moved
# 7 years on), and after each size ingests the same held-out probe of new articles into a copy of
# the database, printing the linker's own thread CPU time per probe article (CLAIMEX_LINK_STATS)
# and the probe's whole ingest time. Not a test (the shared data is evaluation material only);
# skips cleanly when ../shared is absent.
#
# Usage: tools/bench_links.sh [SIZES...]   (default: 10000 100000; sizes rising)
#   CLAIMEX_BIN (default build/claimex), CLAIMEX_SHARED (default ../shared),
#   BENCH_DIR (default a temp directory, removed afterwards), BENCH_PROBE (default 500 articles)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CLAIMEX_SHARED:-../shared}
if ! ls "$shared"/corpus/*.jsonl > /dev/null 2>&1; then
  echo "bench_links: $shared/corpus not found; skipping"
  exit 0
fi
bin=$(realpath "${CLAIMEX_BIN:-build/claimex}")
[ -x "$bin" ] || { echo "bench_links: $bin not built (run tools/build.sh)" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)
probe=${BENCH_PROBE:-500}
work=${BENCH_DIR:-$(mktemp -d)}
[ -z "${BENCH_DIR:-}" ] && trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

# archive.jsonl: every article, shuffled, then again under a prefix; probe.jsonl: held out.
python3 - "$work" "$probe" "$shared"/corpus/*.jsonl <<'EOF'
import json, random, sys
work, probe, feeds = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
lines = []
for f in feeds:
    with open(f, encoding="utf-8") as fh:
        lines += [l for l in fh if l.strip()]
random.Random(5).shuffle(lines)
held, rest = lines[:probe], lines[probe:]
def again(line):
    d = json.loads(line)
    d["id"] = "again-" + d["id"]
    if "published" in d and len(d["published"]) >= 4:
        d["published"] = str(int(d["published"][:4]) + 7) + d["published"][4:]
    return json.dumps(d, ensure_ascii=False) + "\n"
with open(f"{work}/archive.jsonl", "w", encoding="utf-8") as out:
    out.writelines(rest)
    out.writelines(again(l) for l in rest)
with open(f"{work}/probe.jsonl", "w", encoding="utf-8") as out:
    out.writelines(held)
print(f"bench_links: {len(rest)} articles (+{len(rest)} again), probe {len(held)}", file=sys.stderr)
EOF

db="$work/archive.db"
rm -f "$db"*
done_n=0
printf "%10s %14s %16s %18s %14s\n" articles "archive s" "link us/art" "probe ingest ms/art" "probe links"
for n in "${sizes[@]}"; do
  # Grow the archive incrementally to n articles.
  if [ "$n" -gt "$done_n" ]; then
    t0=$(date +%s.%N)
    sed -n "$((done_n + 1)),${n}p" "$work/archive.jsonl" > "$work/chunk.jsonl"
    "$bin" ingest "$work/chunk.jsonl" --db "$db" 2> "$work/archive.log" || true
    t1=$(date +%s.%N)
    done_n=$n
  fi
  stored=$(sqlite3 "$db" "SELECT count(*) FROM articles")
  cp "$db" "$work/probe.db"
  rm -f "$work/probe.db-wal" "$work/probe.db-shm"
  p0=$(date +%s.%N)
  CLAIMEX_LINK_STATS=1 "$bin" ingest "$work/probe.jsonl" --db "$work/probe.db" 2> "$work/probe.log" || true
  p1=$(date +%s.%N)
  us=$(sed -n 's/.*(\([0-9.]*\) us\/article).*/\1/p' "$work/probe.log" | tail -1)
  links=$(sed -n 's/.*; \([0-9]*\) new links.*/\1/p' "$work/probe.log" | tail -1)
  ms=$(python3 -c "print(f'{($p1 - $p0) * 1000 / $probe:.2f}')")
  secs=$(python3 -c "print(f'{$t1 - $t0:.0f}')")
  printf "%10s %14s %16s %18s %14s\n" "$stored" "$secs" "$us" "$ms" "$links"
  rm -f "$work/probe.db"*
done
