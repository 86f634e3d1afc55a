#!/usr/bin/env bash
# make bench: measures the conventions' benchmark rows and writes BENCHMARKS.md (machine, date, commands, one table).
# Starts RabbitMQ, PostgreSQL and s3rver with scripts/test-infra.sh like make test (stopped whatever happens), builds in
# Release, runs tests/Transcoding.Benchmarks, whose suites append "metric<TAB>median<TAB>detail" lines to a rows file.
# Arguments name suites (worker, saga, gateway, orchestration, encoding, media) to run only those; the others read "not measured".
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
out=${BENCH_OUTPUT:-$root/BENCHMARKS.md}
rows=$(mktemp)
trap 'code=$?; set +e; rm -rf "$rows" "${worker:-}"; scripts/test-infra.sh stop; exit $code' EXIT

build="dotnet build tests/Transcoding.Benchmarks -c Release -nologo -clp:NoSummary -v quiet"
# The worker runs as the image ships it (the worker project's publish settings: ReadyToRun, no tiered PGO).
worker=$(mktemp -d)
publish="dotnet publish gpu-image/Transcoding.Worker/Transcoding.Worker.csproj -c Release -r linux-x64 -nologo -v quiet -o $worker"
run="dotnet tests/Transcoding.Benchmarks/bin/Release/net10.0/Transcoding.Benchmarks.dll --rows ROWS"
scripts/test-infra.sh start &
infra=$!
$build
$publish
export BENCH_WORKER_DLL=$worker/Transcoding.Worker.dll
wait $infra
# shellcheck disable=SC1091
source "${TEST_INFRA_DIR:-.test-infra}/env"
started=$(date -u '+%Y-%m-%d %H:%M UTC')
${run/ROWS/$rows} "$@"

metrics=(ladder-one-decode-speedup-1080p ladder-one-decode-speedup-4k-hevc worker-overhead-ratio worker-peak-rss-mb
  orchestration-overhead-p50-ms saga-throughput-ratio gateway-throughput-ratio gateway-p99-ms
  bits-vs-fixed-ladder-slides bits-vs-fixed-ladder-motion bits-vs-fixed-ladder-grain encode-realtime-factor-1080p
  media-stats-ms-100k)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` (scripts/bench.sh); every figure and its baseline come from the same run on this machine."
  echo "Ratios are the figures to compare; absolute times on a shared 2-core machine are noisy."
  echo
  echo "- Machine: $(nproc) cores, $memory, $cpu; $(. /etc/os-release && echo "$PRETTY_NAME"); ffmpeg $(ffmpeg -version | awk 'NR==1 {print $3}'); .NET $(dotnet --version)"
  echo "- Date: $started"
  echo "- Commands: \`make bench\` = \`scripts/test-infra.sh start\`; \`$build\`; \`${publish/$worker/<folder>}\`; \`BENCH_WORKER_DLL=<folder>/Transcoding.Worker.dll ${run/ROWS/<rows file>}${*:+ $*}\`"
  echo
  echo "| metric id | median | baseline in the same run |"
  echo "|---|---|---|"
  for metric in "${metrics[@]}"; do
    line=$(awk -F'\t' -v m="$metric" '$1 == m' "$rows" | tail -1)
    if [ -n "$line" ]; then
      awk -F'\t' '{printf "| %s | %s | %s |\n", $1, $2, $3}' <<<"$line"
    else
      echo "| $metric | not measured | |"
    fi
  done
  echo
  echo "How each is measured: \`tests/Transcoding.Benchmarks/\` (one class per row group, its summary says what is compared)."
} >"$out"
echo "bench: wrote $out"
