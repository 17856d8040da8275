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

Next steps (the database is demo.db):
  build/claimex serve --db demo.db              then open http://127.0.0.1:8080/ (Ctrl-C stops it)
  build/claimex who --db demo.db                speakers and what they said
  build/claimex figures --recycled --db demo.db figures repeated across articles
  build/claimex search "knife crime" --db demo.db
  build/claimex show 2024-03-04_harbourside-council-budget --db demo.db
  build/claimex export --db demo.db | head      the JSON Lines contract, with links
  sqlite3 demo.db '.tables'                     the schema is documented in db/SCHEMA.md
TXT
