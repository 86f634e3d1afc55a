#!/usr/bin/env bash
# make chaos [SEED=n] [LOAD=1] [CHAOS_ARGS=...]: the whole system as separate processes under load and a seeded fault schedule,
# figures written to CHAOS.md (tests/Transcoding.Chaos says how each is read). The test servers of
# scripts/test-infra.sh run in a fresh folder (TEST_INFRA_DIR, default .chaos/infra) and are stopped whatever happens.
# Exit code: the runner's (0 every "must be" held, 1 one broke or could not be measured, 2 usage).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export TEST_INFRA_DIR=${TEST_INFRA_DIR:-$root/.chaos/infra}
# Ports of their own, so a run can go beside make test's servers (make test runs the short version while they are up).
export TEST_RABBITMQ_PORT=${TEST_RABBITMQ_PORT:-36672} TEST_RABBITMQ_MANAGEMENT_PORT=${TEST_RABBITMQ_MANAGEMENT_PORT:-36673} \
  TEST_RABBITMQ_DIST_PORT=${TEST_RABBITMQ_DIST_PORT:-36674} TEST_EPMD_PORT=${TEST_EPMD_PORT:-36675} \
  TEST_POSTGRES_PORT=${TEST_POSTGRES_PORT:-36432} TEST_S3_PORT=${TEST_S3_PORT:-36443}
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

# make test passes its own configuration (already built); make chaos builds Release.
configuration=${CONFIGURATION:-Release}
build="dotnet build tests/Transcoding.Chaos -c $configuration -nologo -clp:NoSummary -v quiet"
run="dotnet tests/Transcoding.Chaos/bin/$configuration/net10.0/Transcoding.Chaos.dll"
scripts/test-infra.sh start &
infra=$!
$build
wait $infra
# shellcheck disable=SC1090
source "$TEST_INFRA_DIR/env"
export CHAOS_COMMAND=${CHAOS_COMMAND:-"make chaos${SEED:+ SEED=$SEED}${*:+ CHAOS_ARGS='$*'}"}
# In the background: bash leaves a foreground command running when a signal ends the script, and the trap could not
# stop it.
$run "${seed_args[@]}" --output "$out" "$@" &
runner=$!
status=0
wait "$runner" || status=$?
runner=
exit "$status"
