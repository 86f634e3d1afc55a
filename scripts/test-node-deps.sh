#!/usr/bin/env bash
# Installs the npm packages the tests run with node (reference implementations: standardwebhooks, waveform-data,
# hls.js, ...), from each test project's committed package-lock.json.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for lock in "$root"/tests/*/node/package-lock.json; do
  [ -f "$lock" ] || continue
  dir=$(dirname "$lock")
  npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >/dev/null
  echo "test-node-deps: installed $(realpath --relative-to="$root" "$dir")" >&2
done
