#!/usr/bin/env bash
# Configures the sanitizer build shared by tools/sanitize.sh and tools/fuzz.sh: ASan + UBSan,
# -O1 with line tables only (fast to build, exact stack traces), assertions on. With clang the
# libFuzzer targets of tests/fuzz/ are configured too (CLAIMEX_FUZZ=ON).
# Usage: tools/configure_asan.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:?usage: tools/configure_asan.sh BUILD_DIR}
if command -v clang++ >/dev/null; then
  CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Sanitize \
    -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -gline-tables-only" -DCLAIMEX_SANITIZE=ON -DCLAIMEX_FUZZ=ON \
    >/dev/null
else
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -g1" \
    -DCLAIMEX_SANITIZE=ON >/dev/null
fi
