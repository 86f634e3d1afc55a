#!/usr/bin/env bash
# Refreshes the dashboard's vendored browser libraries (services/Transcoding.Orchestrator/wwwroot/dashboard/vendor:
# hls.js and BBC waveform-data, each with its licence) from the versions locked in
# tests/Transcoding.Dashboard.Tests/node/package-lock.json, so the dashboard and its browser tests run the same code
# (When_the_vendored_libraries_are_checked compares them byte for byte). To move to another version: change it in
# that package.json, run `npm install --package-lock-only --prefix tests/Transcoding.Dashboard.Tests/node`, then this.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
node_dir="$root/tests/Transcoding.Dashboard.Tests/node"
vendor="$root/services/Transcoding.Orchestrator/wwwroot/dashboard/vendor"
# Package-relative paths, kept as they are under vendor/ (the test maps them back the same way).
files=(hls.js/dist/hls.min.mjs hls.js/LICENSE waveform-data/dist/waveform-data.esm.js waveform-data/LICENSE)

npm ci --prefix "$node_dir" --no-audit --no-fund --loglevel=error >/dev/null
rm -rf "$vendor"
for file in "${files[@]}"; do
  install -D -m 644 "$node_dir/node_modules/$file" "$vendor/$file"
done
echo "dashboard-vendor: $(realpath --relative-to="$root" "$vendor") refreshed from $(realpath --relative-to="$root" "$node_dir")/package-lock.json" >&2
