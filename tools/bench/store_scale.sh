#!/usr/bin/env bash
# Per-article ingest cost as the store grows (tools/bench.sh): fills a database to each size
# (default 10,000 then 100,000 articles), and at each size stores the same probe — 2,000 held-out
# Reuters articles — into a copy of it, timing the store and linking only (the probe and the
# filling are `claimex extract --with-body` output, so extraction is not in the figure).
# Filling order: Reuters (less the probe), Senate, BBC, AllSides; past what the feeds hold, ROT13
# copies of them (tools/bench/disguise.py: new text, same offsets) so that the store does not
# fill with verbatim duplicates.
# Usage: tools/bench/store_scale.sh CLAIMEX WORKDIR [SIZE ...]
# Prints one line per size: "store_scale size=N probe=P wall_s=W cpu_s=C ms_per_article=M", where
# M is CPU (user + system) milliseconds per probe article: wall time depends on the machine's load.
set -euo pipefail
bin=$1 work=$2
shift 2
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)
here=$(cd "$(dirname "$0")" && pwd)
corpus=${CLAIMEX_SHARED:-$here/../../../shared}/corpus
probe_n=${PROBE_ARTICLES:-2000}
mkdir -p "$work"

contract() {  # contract NAME FEED: extract --with-body once per work dir
  [ -s "$work/c_$1.jsonl" ] || "$bin" extract --with-body "$2" >"$work/c_$1.jsonl" 2>/dev/null || true
}
reuters_lines=$(wc -l <"$corpus/reuters21578.jsonl")
head -n $((reuters_lines - probe_n)) "$corpus/reuters21578.jsonl" >"$work/reuters_fill.jsonl"
tail -n "$probe_n" "$corpus/reuters21578.jsonl" >"$work/reuters_probe.jsonl"
contract "reuters_fill$probe_n" "$work/reuters_fill.jsonl"
contract "reuters_probe$probe_n" "$work/reuters_probe.jsonl"
contract senate "$corpus/senate_press_releases.jsonl"
contract bbc "$corpus/bbc2225.jsonl"
contract allsides "$corpus/allsides_roundups.jsonl"
fills=("$work/c_reuters_fill$probe_n.jsonl" "$work/c_senate.jsonl" "$work/c_bbc.jsonl"
       "$work/c_allsides.jsonl")

articles_in() { grep -c '^{"type":"article"' "$@" | awk -F: '{s += $NF} END {print s}'; }
natural=$(articles_in "${fills[@]}")
max=${sizes[-1]}
copy=1
while [ "$natural" -lt "$max" ]; do  # disguised copies until the largest size fits
  for f in "$work/c_reuters_fill$probe_n.jsonl" "$work/c_senate.jsonl"; do
    out="$work/copy${copy}_$(basename "$f")"
    [ -s "$out" ] || python3 "$here/disguise.py" "~r$copy" <"$f" >"$out"
    fills+=("$out")
    natural=$((natural + $(articles_in "$out")))
  done
  copy=$((copy + 1))
done

db="$work/scale.db"
rm -f "$db" "$db-wal" "$db-shm"
stored=0
for size in "${sizes[@]}"; do
  # Fill from article `stored` to article `size` of the fill stream.
  cat "${fills[@]}" |
    awk -v skip="$stored" -v take=$((size - stored)) \
      '/^\{"type":"article"/ {k++; if (k > skip + take) exit} k > skip' |
    "$bin" ingest --db "$db" - 2>>"$work/scale_fill.err" || true
  stored=$size
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  cp "$db" "$work/probe.db"
  /usr/bin/time -f "%e %U %S" -o "$work/probe.time" \
    "$bin" ingest --db "$work/probe.db" "$work/c_reuters_probe$probe_n.jsonl" 2>"$work/probe.err" ||
    true
  read -r wall user sys <"$work/probe.time"
  probed=$(grep -o '[0-9]* articles stored' "$work/probe.err" | awk '{print $1}')
  have=$(sqlite3 "$db" "SELECT COUNT(*) FROM articles")
  awk -v s="$have" -v p="$probed" -v w="$wall" -v c="$(awk "BEGIN{print $user + $sys}")" \
    'BEGIN {printf "store_scale size=%d probe=%d wall_s=%.2f cpu_s=%.2f ms_per_article=%.3f\n",
            s, p, w, c, 1000 * c / p}'
  rm -f "$work/probe.db" "$work/probe.db-wal" "$work/probe.db-shm"
done
