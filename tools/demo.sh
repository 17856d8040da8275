#!/usr/bin/env bash
# Sets up, builds, ingests the project's own corpus/ into demo.db and prints the report:
# figures that recur across articles and who said what.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh
rm -f demo.db demo.db-wal demo.db-shm
build/claimex ingest corpus --db demo.db
build/claimex report --db demo.db
cat <<'TXT'

Next: build/claimex export --db demo.db | head     (the JSON Lines contract, with links)
      sqlite3 demo.db '.tables'                   (the schema is documented in db/SCHEMA.md)
TXT
