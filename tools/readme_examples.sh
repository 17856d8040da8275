#!/usr/bin/env bash
# Runs every example of README.md's "Asking the database" section as written, against the demo
# database that README command 1 (tools/demo.sh) leaves, and fails when one fails or prints
# nothing. Shell blocks run with bash -e in a scratch copy of the repository root (build/ and
# demo.db linked in), so files they write (all.jsonl, figures.csv) do not land in the checkout;
# `claimex serve` is started in the background and its overview page fetched. Python blocks run
# with the system python3, pandas installed by `tools/setup.sh --docs` (without it the pandas
# example is skipped, saying so).
# Usage: tools/readme_examples.sh          runs tools/setup.sh --docs and tools/demo.sh first
# Env: SKIP_DEMO=1 uses the demo.db already there; BUILD_DIR (default build) is linked as build/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
BUILD_DIR=${BUILD_DIR:-build}
if [[ -z "${SKIP_DEMO:-}" ]]; then
  tools/setup.sh --docs
  tools/demo.sh >/tmp/claimex_demo.$$.log 2>&1 || { cat /tmp/claimex_demo.$$.log; exit 1; }
  grep -q "build/claimex serve --db demo.db" /tmp/claimex_demo.$$.log ||
    { echo "readme_examples: tools/demo.sh does not end with the next steps" >&2; exit 1; }
  rm -f /tmp/claimex_demo.$$.log
fi
[[ -f demo.db ]] || { echo "readme_examples: no demo.db (run tools/demo.sh)" >&2; exit 1; }
python=/usr/bin/python3
[[ -x $python ]] || python=python3

scratch=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$scratch"' EXIT
ln -s "$root/$BUILD_DIR" "$scratch/build"
cp demo.db "$scratch/demo.db"

# Split the section into numbered blocks: $scratch/NN.sh and NN.py.
awk -v dir="$scratch" '
  /^## / { inside = ($0 == "## Asking the database") }
  inside && /^```(sh|python)$/ { n++; ext = ($0 ~ /python/) ? "py" : "sh";
                                 file = sprintf("%s/%02d.%s", dir, n, ext); next }
  inside && /^```$/ && file { close(file); file = ""; next }
  file { print > file }
' README.md

port=$((20000 + RANDOM % 20000))
pass=0
fail=0
run_block() {  # file, command to run it
  local f=$1 out
  shift
  if out=$(cd "$scratch" && "$@" "$f" 2>&1) && [[ -n "$out" ]]; then
    pass=$((pass + 1))
    printf 'ok    %s (%d lines of output)\n' "$(basename "$f")" "$(wc -l <<<"$out")"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s:\n%s\n%s\n' "$(basename "$f")" "$(cat "$f")" "$out" | head -40
  fi
}
for f in "$scratch"/*; do
  case "$f" in
    *.sh)
      if grep -q "claimex serve" "$f"; then
        # The server runs until stopped: start it, fetch the overview, stop it.
        sed -i "s/claimex serve \(.*\)#.*/claimex serve \1 --port $port \&/" "$f"
        cat >>"$f" <<EOF
for i in \$(seq 50); do curl -sf http://127.0.0.1:$port/ >/dev/null && break; sleep 0.1; done
curl -sf http://127.0.0.1:$port/ | grep -c '<a '
kill %1
EOF
      fi
      run_block "$f" bash -e
      ;;
    *.py)
      if grep -q "import pandas" "$f" && ! "$python" -c "import pandas" 2>/dev/null; then
        echo "skip  $(basename "$f") (pandas is not installed: apt-get install python3-pandas)"
        continue
      fi
      run_block "$f" "$python"
      ;;
  esac
done
echo "readme_examples: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
