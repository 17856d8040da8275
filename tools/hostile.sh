#!/usr/bin/env bash
# The heaviest hostile inputs, too big for the unit tests (tests/hostile_test.cc has the rest):
# each must end with the expected exit status, within a CPU-time and peak-memory bound.
#   - a 200 MB JSON Lines line between two good lines, from a file and from a pipe: rejected
#     ("too large", naming line 2) without being held; the good lines are extracted;
#   - a 50 MB one-line article with the size limit raised: extracted in bounded time and memory;
#   - a 10 MiB article (the default limit) with a quote in every paragraph;
#   - a gzip bomb (1 GiB of zeros in ~1 MB): rejected before it is inflated.
# Usage: tools/hostile.sh        Env: BUILD_DIR (default build).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
CLAIMEX=${CLAIMEX:-"$PWD/$BUILD_DIR/claimex"}
[[ -x "$CLAIMEX" ]] || cmake --build "$BUILD_DIR" -j"$(nproc)" --target claimex
TMP=$(mktemp -d "${TMPDIR:-/tmp}/claimex_hostile.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

failed=0
# check NAME EXPECTED_EXIT MAX_CPU_SECONDS MAX_MB COMMAND: runs COMMAND (through bash) with
# stdout to $TMP/out, stderr to $TMP/err; fails when the exit status, the CPU time (user + system,
# so that a busy machine does not matter) or the peak memory (resident) is over.
check() {
  local name=$1 want=$2 max_s=$3 max_mb=$4 cmd=$5 rc=0
  /usr/bin/time -f '%e %U %S %M' -o "$TMP/time" bash -c "$cmd" >"$TMP/out" 2>"$TMP/err" || rc=$?
  local wall user sys kb
  read -r wall user sys kb < <(tail -1 "$TMP/time")
  local cpu mb=$(( kb / 1024 ))
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  local verdict=ok
  if [[ $rc -ne $want ]]; then verdict="FAILED: exit $rc, expected $want"; fi
  if awk -v c="$cpu" -v m="$max_s" 'BEGIN { exit !(c > m) }'; then
    verdict="FAILED: ${cpu} CPU s > ${max_s}"
  fi
  if (( mb > max_mb )); then verdict="FAILED: ${mb} MB > ${max_mb} MB"; fi
  printf 'hostile.sh: %-40s %7s CPU s %7s s %6s MB  %s\n' "$name" "$cpu" "$wall" "$mb" "$verdict"
  if [[ $verdict != ok ]]; then failed=1; head -c 600 "$TMP/err" >&2; fi
}
# expect NAME PATTERN FILE: fails unless FILE holds PATTERN (grep -E).
expect() {
  if ! grep -Eq -- "$2" "$3"; then
    echo "hostile.sh: $1: FAILED: expected /$2/ in $(basename "$3")"
    failed=1
  fi
}

piece='The index rose 3% to 1,200 points on Monday, while 40 firms lost ground. '
# make_line BYTES: one line of BYTES bytes of news-like text (no newline).
make_line() (
  set +o pipefail  # yes and tr end on SIGPIPE when head has enough
  yes "$piece" | tr -d '\n' | head -c "$1"
)

{
  printf '{"id": "first", "body": "Sales rose 5%% to 2 million."}\n{"id": "huge", "body": "'
  make_line $((200 * 1024 * 1024))
  printf '"}\n{"id": "last", "body": "Costs fell 2%% in 2023."}\n'
} >"$TMP/huge_line.jsonl"

check "200 MB JSONL line (file)" 1 30 150 "'$CLAIMEX' extract '$TMP/huge_line.jsonl'"
expect "200 MB JSONL line (file)" 'huge_line.jsonl:2 \(id huge\): too large' "$TMP/err"
expect "200 MB JSONL line (file)" '"article":"last"' "$TMP/out"
check "200 MB JSONL line (pipe)" 1 30 150 "cat '$TMP/huge_line.jsonl' | '$CLAIMEX' extract -"
expect "200 MB JSONL line (pipe)" 'too large' "$TMP/err"
expect "200 MB JSONL line (pipe)" '"article":"last"' "$TMP/out"
rm -f "$TMP/huge_line.jsonl"

make_line $((50 * 1024 * 1024)) >"$TMP/one_line.txt"
check "50 MB one-line article, default limit" 1 10 100 "'$CLAIMEX' extract '$TMP/one_line.txt'"
expect "50 MB one-line article, default limit" 'too large' "$TMP/err"
check "50 MB one-line article, extracted" 0 120 4000 \
  "'$CLAIMEX' extract --max-article-bytes 60000000 '$TMP/one_line.txt'"
expect "50 MB one-line article, extracted" '"type":"claim"' "$TMP/out"
rm -f "$TMP/one_line.txt"

# The largest article accepted by default (10 MiB), news with a quote in every paragraph.
para='Output fell 2.5% to 310,000 tonnes, officials said on Monday. '
para+='"We expect about 300 new jobs by 2026," said Mara Olsen.'
(set +o pipefail; yes "$para"$'\n' | head -c $((10 * 1024 * 1024 - 4096))) >"$TMP/quotes.txt"
check "10 MB article, a quote per paragraph" 0 60 1500 "'$CLAIMEX' extract '$TMP/quotes.txt'"
expect "10 MB article, a quote per paragraph" '"type":"quote"' "$TMP/out"
rm -f "$TMP/quotes.txt"

head -c $((1024 * 1024 * 1024)) /dev/zero | gzip -1 >"$TMP/bomb.txt.gz"  # ~1 MB
check "gzip bomb, 1 GiB of zeros" 1 30 150 "'$CLAIMEX' extract '$TMP/bomb.txt.gz'"
expect "gzip bomb, 1 GiB of zeros" 'bomb.txt.gz' "$TMP/err"

if [[ $failed -ne 0 ]]; then echo "hostile.sh: FAILED"; exit 1; fi
echo "hostile.sh: all hostile inputs handled"
