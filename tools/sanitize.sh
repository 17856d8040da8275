#!/usr/bin/env bash
# Builds claimex with AddressSanitizer + UndefinedBehaviorSanitizer into build-asan/ and runs the
# whole ctest suite there. Any sanitizer report fails the run: UBSan halts on the first error,
# ASan (with LeakSanitizer) aborts. The build uses clang (-O1, line tables) with the libFuzzer
# targets configured too (CLAIMEX_FUZZ=ON), so that tools/fuzz.sh reuses it: one sanitizer build
# for both jobs. Without clang it falls back to g++ and no fuzz targets.
# Usage: tools/sanitize.sh [ctest args...]   (e.g. -R store)
# Env: BUILD_DIR (default build-asan), JOBS (default nproc).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build-asan}
JOBS=${JOBS:-$(nproc)}

tools/configure_asan.sh "$BUILD_DIR"
cmake --build "$BUILD_DIR" -j"$JOBS" --target claimex claimex_tests

asan=detect_leaks=1:abort_on_error=1:strict_string_checks=1:check_initialization_order=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-$asan:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
start=$(date +%s)
ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$JOBS" --timeout 600 "$@"
echo "sanitize.sh: ASan+UBSan suite passed in $(( $(date +%s) - start ))s"
