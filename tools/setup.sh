#!/usr/bin/env bash
# Installs the Debian packages claimex needs to build and test (idempotent; quiet when all is there).
# Usage: tools/setup.sh            core build + test dependencies
#        tools/setup.sh --browser  also Chromium and ChromeDriver (tools/browser_test.sh)
#        tools/setup.sh --fuzz     also clang, its libFuzzer runtime and GNU time (tools/ci_extra.sh:
#                                  the sanitizer and fuzz builds, the hostile-input bounds)
#        tools/setup.sh --docs     also pandas for the system python3 and curl (readme_examples.sh
#                                  runs the README's pandas example)
#        tools/setup.sh --bench    also GNU parallel, Node.js and npm (tools/bench.sh: the
#                                  scale-out test and the Recognizers-Text peer)
set -euo pipefail
pkgs=(g++ cmake make pkg-config libre2-dev libicu-dev libutf8proc-dev libsqlite3-dev catch2
      libcli11-dev nlohmann-json3-dev libfmt-dev zlib1g-dev libxml2-dev sqlite3 python3
      libcpp-httplib-dev)
for arg in "$@"; do
  case "$arg" in
    --browser) pkgs+=(chromium chromium-driver) ;;
    --fuzz) pkgs+=(clang libclang-rt-14-dev time) ;;
    --docs) pkgs+=(python3-pandas curl) ;;
    --bench) pkgs+=(parallel nodejs); command -v npm >/dev/null || pkgs+=(npm) ;;
  esac
done
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup: installing ${missing[*]}" >&2
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
