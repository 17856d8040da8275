#!/usr/bin/env bash
# Regenerates tests/golden/corpus.jsonl from the current build. Run it only on purpose, after
# reviewing the change in extraction; then read `git diff tests/golden` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${CLAIMEX_BIN:-}" ] || cmake --build build -j"$(nproc)" --target claimex >/dev/null
${CLAIMEX_BIN:-build/claimex} extract corpus > tests/golden/corpus.jsonl 2>/dev/null || true
echo "tests/golden/corpus.jsonl: $(wc -l < tests/golden/corpus.jsonl) records"
