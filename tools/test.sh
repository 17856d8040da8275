#!/usr/bin/env bash
# Sets up, builds and runs every test (Catch2 through ctest). Needs no ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
