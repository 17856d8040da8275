#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/*_fuzz.cc) with clang + ASan + UBSan in the sanitizer
# build (build-asan/, tools/configure_asan.sh; shared with tools/sanitize.sh) and runs each for a
# bounded time from its seed corpus (tests/fuzz/seeds/<target>/ and, where past crashes' inputs
# go, tests/fuzz/regressions/<target>/: each is replayed first; inputs it finds are kept in
# build-asan/corpus/<target>/). Prints the executions per target; exits non-zero when a target
# crashes, leaks, hangs (-timeout) or runs out of memory, naming the input saved in
# build-asan/artifacts/<target>/ (replay: build-asan/<target> <file>). A target's extra libFuzzer
# flags, one per line ('#' comments), are in tests/fuzz/<target>.options when it has any.
# Usage: tools/fuzz.sh [seconds per target, default 60] [target ...]   (default: every target)
# Env: BUILD_DIR (default build-asan), JOBS (build jobs, default nproc).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-60}
[[ $# -gt 0 ]] && shift
BUILD_DIR=${BUILD_DIR:-build-asan}
JOBS=${JOBS:-$(nproc)}

if [[ $# -gt 0 ]]; then
  targets=("$@")
else
  targets=()
  for f in tests/fuzz/*_fuzz.cc; do targets+=("$(basename "$f" .cc)"); done
fi

if ! command -v clang++ >/dev/null; then
  echo "fuzz.sh: needs clang and libFuzzer: apt-get install clang libclang-rt-14-dev" >&2
  exit 2
fi
tools/configure_asan.sh "$BUILD_DIR"
cmake --build "$BUILD_DIR" -j"$JOBS" --target "${targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}
failed=0
summary=()
for t in "${targets[@]}"; do
  corpus="$BUILD_DIR/corpus/$t"
  artifacts="$BUILD_DIR/artifacts/$t/"
  log="$BUILD_DIR/fuzz-$t.log"
  mkdir -p "$corpus" "$artifacts"
  seeds="tests/fuzz/seeds/$t"
  args=(-max_total_time="$SECS" -timeout=20 -rss_limit_mb=2048 -max_len=65536
        -print_final_stats=1 -artifact_prefix="$artifacts")
  [[ -f "tests/fuzz/$t.dict" ]] && args+=(-dict="tests/fuzz/$t.dict")
  if [[ -f "tests/fuzz/$t.options" ]]; then
    while read -r flag; do args+=("$flag"); done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' \
      "tests/fuzz/$t.options")
  fi
  echo "fuzz.sh: $t for ${SECS}s"
  rc=0
  dirs=("$corpus")
  [[ -d "$seeds" ]] && dirs+=("$seeds")
  [[ -d "tests/fuzz/regressions/$t" ]] && dirs+=("tests/fuzz/regressions/$t")
  "$BUILD_DIR/$t" "${args[@]}" "${dirs[@]}" >"$log" 2>&1 || rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  if [[ $rc -ne 0 ]]; then
    failed=1
    summary+=("$t: FAILED (exit $rc) after ${execs:-?} executions; see $log")
    grep -E 'ERROR|fuzz check failed|runtime error|Test unit written' "$log" | head -8 || true
  else
    inputs=$(ls "$corpus" | wc -l)
    summary+=("$t: ${execs:-?} executions in ${SECS}s, ${cov:-?} edges, $inputs corpus inputs, ok")
  fi
done
printf 'fuzz.sh: %s\n' "${summary[@]}"
exit $failed
