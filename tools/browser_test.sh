#!/usr/bin/env bash
# Real-browser test of `claimex serve` (issue 7): installs Debian's chromium + chromium-driver
# (tools/setup.sh --browser), builds claimex if needed, ingests corpus/ into build/browser.db and
# drives headless Chromium through the pages (tools/browser_test.py). Screenshots land in
# build/screenshots/. Exit status 0 only when every check passed. Runs from a clean clone:
#   tools/browser_test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh --browser
[ -x build/claimex ] || tools/build.sh
db=build/browser.db
rm -f "$db" "$db-wal" "$db-shm"
build/claimex ingest corpus --db "$db" >/dev/null
python3 tools/browser_test.py --claimex build/claimex --db "$db" --out build/screenshots
