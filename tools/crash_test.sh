#!/usr/bin/env bash
# Crash-safety test of `claimex ingest`: kills it with SIGKILL at random moments during a large
# ingest while a reader queries the database, then checks integrity, completeness and links
# against a clean ingest (tests/crash_test.cc, tag [.crash]; hidden from the normal ctest run).
# Usage: tools/crash_test.sh [articles, default 3000] [kills, default 12]
# Env: BUILD_DIR (default build), CLAIMEX_CRASH_SEED (replay a run; printed by the test).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
export CLAIMEX_CRASH_ARTICLES=${1:-3000}
export CLAIMEX_CRASH_KILLS=${2:-12}

if [[ ! -d "$BUILD_DIR" ]]; then
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD_DIR" -j"$(nproc)" --target claimex claimex_tests
start=$(date +%s)
"$BUILD_DIR/claimex_tests" "[crash]" --durations yes
echo "crash_test.sh: passed in $(( $(date +%s) - start ))s"
