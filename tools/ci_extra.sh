#!/usr/bin/env bash
# CI's reliability jobs (issue 9), run after the normal build and tests (.ci/run calls it):
#   sanitize  tools/sanitize.sh   every ctest test under AddressSanitizer + UBSan (build-asan/)
#   fuzz      tools/fuzz.sh       each libFuzzer target for a bounded time (same build-asan/);
#                                 all targets together get FUZZ_TOTAL seconds (default 300)
#   crash     tools/crash_test.sh SIGKILL during a large ingest, with a reader querying (build/)
#   hostile   tools/hostile.sh    200 MB lines, a 50 MB article, a gzip bomb (build/)
# Installs clang, its libFuzzer runtime and GNU time when missing (tools/setup.sh --fuzz).
# Every job runs even when an earlier one failed; the exit status is non-zero when any failed.
# Prints one line per job with its wall time, and appends them to $CI_SUMMARY when set.
# Env: FUZZ_TOTAL (seconds for all fuzz targets), SKIP (space-separated job names to skip:
# sanitize fuzz crash hostile).
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_TOTAL=${FUZZ_TOTAL:-300}
SKIP=${SKIP:-}

tools/setup.sh --fuzz

lines=()
failed=0
job() {
  local name=$1 rc=0 start
  shift
  if [[ " $SKIP " == *" $name "* ]]; then lines+=("$(printf '%-9s skipped' "$name")"); return; fi
  start=$(date +%s)
  echo "ci_extra.sh: == $name: $* =="
  "$@" || rc=$?
  local verdict=ok
  if [[ $rc -ne 0 ]]; then verdict="FAILED (exit $rc)"; failed=1; fi
  lines+=("$(printf '%-9s %5ss  %s' "$name" "$(( $(date +%s) - start ))" "$verdict")")
}

targets=$(ls tests/fuzz/*_fuzz.cc | wc -l)
job sanitize tools/sanitize.sh
job fuzz tools/fuzz.sh $(( FUZZ_TOTAL / targets ))
job crash tools/crash_test.sh 3000 12
job hostile tools/hostile.sh
printf 'ci_extra.sh: %s\n' "${lines[@]}"
[[ -n "${CI_SUMMARY:-}" ]] && printf '%s\n' "${lines[@]}" >>"$CI_SUMMARY"
exit $failed
