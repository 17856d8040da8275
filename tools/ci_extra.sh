#!/usr/bin/env bash
# CI's reliability jobs (issue 9), run after the normal build and tests (.ci/run calls it):
#   1. tools/sanitize.sh   every ctest test under AddressSanitizer + UBSan (build-asan/)
#   2. tools/fuzz.sh       each libFuzzer target for a bounded time (build-fuzz/, clang);
#                          all targets together stay under FUZZ_TOTAL seconds (default 240)
#   3. tools/crash_test.sh SIGKILL during a large ingest, with a reader querying (build/)
#   4. tools/hostile.sh    200 MB lines, a 50 MB article, a gzip bomb (build/)
# Installs clang, its libFuzzer runtime and GNU time when missing (Debian packages).
# Env: FUZZ_TOTAL (seconds for all fuzz targets), SKIP (space-separated job names to skip:
# sanitize fuzz crash hostile).
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_TOTAL=${FUZZ_TOTAL:-240}
SKIP=${SKIP:-}

need=()
command -v clang++ >/dev/null || need+=(clang)
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 ||
  need+=(libclang-rt-14-dev)
[[ -x /usr/bin/time ]] || need+=(time)
if [[ ${#need[@]} -gt 0 ]]; then
  echo "ci_extra.sh: installing ${need[*]}" >&2
  SUDO=""; [[ "$(id -u)" -ne 0 ]] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${need[@]}" >/dev/null
fi

times=()
job() {
  local name=$1
  shift
  if [[ " $SKIP " == *" $name "* ]]; then times+=("$name: skipped"); return; fi
  local start=$(date +%s)
  echo "ci_extra.sh: == $name =="
  "$@"
  times+=("$name: $(( $(date +%s) - start ))s")
}

targets=$(ls tests/fuzz/*_fuzz.cc | wc -l)
job sanitize tools/sanitize.sh
job fuzz tools/fuzz.sh $(( FUZZ_TOTAL / targets ))
job crash tools/crash_test.sh 2000 10
job hostile tools/hostile.sh
printf 'ci_extra.sh: %s\n' "${times[@]}"
