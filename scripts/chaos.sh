#!/usr/bin/env bash
# make chaos [SEED=n] [CHAOS_ARGS=...]: the whole system as separate processes under load and a seeded fault schedule,
# figures written to CHAOS.md (tests/Transcoding.Chaos says how each is read). The test servers of
# scripts/test-infra.sh run in a fresh folder (TEST_INFRA_DIR, default .chaos/infra) and are stopped whatever happens.
# Exit code: the runner's (0 every "must be" held, 1 one broke or could not be measured, 2 usage).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export TEST_INFRA_DIR=${TEST_INFRA_DIR:-$root/.chaos/infra}
export CHAOS_DIR=${CHAOS_DIR:-$root/.chaos/runs}
out=${CHAOS_OUTPUT:-$root/CHAOS.md}
seed_args=()
if [ -n "${SEED:-}" ]; then
  seed_args=(--seed "$SEED")
fi

# A fresh folder: servers left by an interrupted run are stopped first, then their state is thrown away.
scripts/test-infra.sh stop
rm -rf "$TEST_INFRA_DIR"
mkdir -p "$CHAOS_DIR"
# An interrupted script stops the runner first (the services it started die with it: ChildProcess), then the servers.
trap 'code=$?; set +e; [ -z "${runner:-}" ] || kill "$runner" 2>/dev/null; wait; scripts/test-infra.sh stop; exit $code' EXIT

build="dotnet build tests/Transcoding.Chaos -c Release -nologo -clp:NoSummary -v quiet"
run="dotnet tests/Transcoding.Chaos/bin/Release/net10.0/Transcoding.Chaos.dll"
scripts/test-infra.sh start &
infra=$!
$build
wait $infra
# shellcheck disable=SC1090
source "$TEST_INFRA_DIR/env"
export CHAOS_COMMAND="make chaos${SEED:+ SEED=$SEED}${*:+ CHAOS_ARGS='$*'}"
# In the background: bash leaves a foreground command running when a signal ends the script, and the trap could not
# stop it.
$run "${seed_args[@]}" --output "$out" "$@" &
runner=$!
status=0
wait "$runner" || status=$?
runner=
exit "$status"
