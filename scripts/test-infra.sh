#!/usr/bin/env bash
# The real servers the integration tests use, on loopback, in throwaway folders under .test-infra/, without systemd:
# RabbitMQ (+ management API), PostgreSQL 15 and s3rver (S3 over HTTPS) with one bucket.
#
#   scripts/test-infra.sh start   install what is missing, start (or reuse) the servers, write .test-infra/env
#   scripts/test-infra.sh stop    stop exactly what start started; safe to repeat and after a failed start
#   scripts/test-infra.sh env     print the sourceable environment of the running servers
#
# Faults, on one server of a running set (the chaos runs inject them): each leaves the server as start made it, on the
# same ports and data, with the same env file, and returns once it answers again.
#   scripts/test-infra.sh rabbitmq-stop | rabbitmq-start   broker down and up; durable queues and messages are kept
#   scripts/test-infra.sh postgres-crash                    PostgreSQL immediate shutdown (a crash: WAL recovery on start), then start
#   scripts/test-infra.sh postgres-stop | postgres-start    the same crash, split: down until the start (an outage of a chosen length)
#   scripts/test-infra.sh s3-stop | s3-start                s3rver down and up; its objects and certificate are kept
#
# Ports can be moved when taken: TEST_RABBITMQ_PORT, TEST_RABBITMQ_MANAGEMENT_PORT, TEST_RABBITMQ_DIST_PORT,
# TEST_EPMD_PORT, TEST_POSTGRES_PORT, TEST_S3_PORT; TEST_INFRA_DIR moves the throwaway folder.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${TEST_INFRA_DIR:-$root/.test-infra}

rabbit_port=${TEST_RABBITMQ_PORT:-35672}
rabbit_mgmt_port=${TEST_RABBITMQ_MANAGEMENT_PORT:-35673}
# Our own epmd and distribution port keep this node apart from any other Erlang node on the machine.
rabbit_dist_port=${TEST_RABBITMQ_DIST_PORT:-35674}
epmd_port=${TEST_EPMD_PORT:-35675}
pg_port=${TEST_POSTGRES_PORT:-35432}
s3_port=${TEST_S3_PORT:-34443}
s3_bucket=${TEST_S3_BUCKET:-media}

if [ "${1:-}" != start ] && [ -f "$dir/ports" ]; then
  # shellcheck source=/dev/null
  source "$dir/ports"
fi

rabbit_bin=/usr/lib/rabbitmq/bin
rabbit_node=transcoding-test@localhost
pg_bin=/usr/lib/postgresql/15/bin
node_dir=$root/scripts/node
s3rver_js=$node_dir/node_modules/s3rver/bin/s3rver.js
pids=$dir/pids

log() { printf 'test-infra: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
now_ms() { date +%s%3N; }

# Polls a command until it succeeds; fails at once when the server (by its PID file) has died, and with the
# server's log tail when the deadline passes.
wait_for() {
  local what=$1 seconds=$2 pidfile=$3 logfile=$4
  shift 4
  local deadline=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      log "$what exited during start-up; last lines of $logfile:"
      tail -n 30 "$logfile" >&2 || true
      return 1
    fi
    if (( $(date +%s) >= deadline )); then
      log "$what did not become ready within ${seconds}s; last lines of $logfile:"
      tail -n 30 "$logfile" >&2 || true
      return 1
    fi
    sleep 0.2
  done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require_free_port() {
  ! port_open "$2" || die "port $2 ($1) is taken; move it with $3=<port>"
}

# Checked before anything starts, so a taken port costs nothing to clean up.
require_free_ports() {
  require_free_port rabbitmq "$rabbit_port" TEST_RABBITMQ_PORT
  require_free_port "rabbitmq management" "$rabbit_mgmt_port" TEST_RABBITMQ_MANAGEMENT_PORT
  require_free_port "rabbitmq distribution" "$rabbit_dist_port" TEST_RABBITMQ_DIST_PORT
  require_free_port epmd "$epmd_port" TEST_EPMD_PORT
  require_free_port postgresql "$pg_port" TEST_POSTGRES_PORT
  require_free_port s3rver "$s3_port" TEST_S3_PORT
}

# ---------------------------------------------------------------------------------------------------- install
install_missing() {
  local packages=()
  [ -x "$rabbit_bin/rabbitmq-server" ] || packages+=(rabbitmq-server)
  [ -x "$pg_bin/initdb" ] || packages+=(postgresql)
  command -v ffmpeg >/dev/null || packages+=(ffmpeg)
  command -v openssl >/dev/null || packages+=(openssl)
  command -v curl >/dev/null || packages+=(curl)
  command -v node >/dev/null || packages+=(nodejs npm)
  # hls.js plays the ladder in headless Chromium (Worker.Tests); playwright-core drives this one, not its own download.
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  if (( ${#packages[@]} )); then
    [ "$(id -u)" = 0 ] || die "missing ${packages[*]}: install them (apt-get install -y ${packages[*]}) or run as root"
    log "installing ${packages[*]}"
    # Other apt users may hold the lock for a while; wait for it rather than fail.
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
      "${packages[@]}" >/dev/null
  fi
  if [ ! -f "$s3rver_js" ]; then
    log "installing s3rver (npm ci in scripts/node)"
    (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

# ---------------------------------------------------------------------------------------------------- rabbitmq
# Listeners come from rabbitmq.conf only (RABBITMQ_NODE_PORT as well would open the port twice).
# The server and rabbitmqctl share HOME (the Erlang cookie), the node name and the epmd port.
rabbit_env=(
  HOME="$dir/rabbitmq"
  RABBITMQ_NODENAME="$rabbit_node"
  RABBITMQ_DIST_PORT="$rabbit_dist_port"
  ERL_EPMD_PORT="$epmd_port"
  RABBITMQ_CONFIG_FILE="$dir/rabbitmq/rabbitmq.conf"
  RABBITMQ_MNESIA_BASE="$dir/rabbitmq/mnesia"
  RABBITMQ_LOG_BASE="$dir/rabbitmq/log"
  RABBITMQ_PID_FILE="$dir/rabbitmq/rabbit.pid"
  RABBITMQ_ENABLED_PLUGINS_FILE="$dir/rabbitmq/enabled_plugins"
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
)

rabbitmqctl() { env "${rabbit_env[@]}" "$rabbit_bin/rabbitmqctl" -n "$rabbit_node" "$@"; }

start_rabbitmq() {
  rm -rf "$dir/rabbitmq"
  mkdir -p "$dir/rabbitmq/log"
  cat >"$dir/rabbitmq/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$rabbit_port
management.tcp.ip = 127.0.0.1
management.tcp.port = $rabbit_mgmt_port
loopback_users = none
EOF
  echo '[rabbitmq_management].' >"$dir/rabbitmq/enabled_plugins"

  # epmd in the foreground under setsid: its PID is known, so stop kills exactly this one.
  setsid epmd -port "$epmd_port" -address 127.0.0.1 >"$dir/rabbitmq/log/epmd.log" 2>&1 </dev/null &
  echo $! >"$pids/epmd"
  wait_for epmd 10 "$pids/epmd" "$dir/rabbitmq/log/epmd.log" port_open "$epmd_port"
  launch_rabbitmq
}

# The node alone, on the folder start_rabbitmq prepared: a relaunch finds its mnesia data (durable queues, persistent
# messages) where the first launch left it.
launch_rabbitmq() {
  env "${rabbit_env[@]}" setsid "$rabbit_bin/rabbitmq-server" >"$dir/rabbitmq/log/console.log" 2>&1 </dev/null &
  echo $! >"$pids/rabbitmq"
  # Both listeners open only once the node has booted; polling them is far cheaper than rabbitmqctl's Erlang VM.
  wait_for rabbitmq 90 "$pids/rabbitmq" "$dir/rabbitmq/log/console.log" port_open "$rabbit_port"
  wait_for "rabbitmq management" 30 "$pids/rabbitmq" "$dir/rabbitmq/log/console.log" \
    curl -fsS -u guest:guest "http://127.0.0.1:$rabbit_mgmt_port/api/overview"
}

# The node only: epmd stays up, as it would on a broker host whose service is restarted.
halt_rabbitmq() {
  if [ -f "$pids/rabbitmq" ]; then
    rabbitmqctl stop >/dev/null 2>&1 || true
    kill_group "$pids/rabbitmq"
  fi
}

stop_rabbitmq() {
  halt_rabbitmq
  [ -f "$pids/epmd" ] && kill_group "$pids/epmd"
  return 0
}

# ---------------------------------------------------------------------------------------------------- postgresql
# initdb and the server refuse to run as root: as root they run as the postgres user, on a folder it can reach.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_data() { cat "$dir/postgres.path"; }

start_postgres() {
  local base=$dir/postgres
  rm -rf "$base"
  mkdir -p "$base"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$base"
    # A checkout under a private home is out of the postgres user's reach; a temporary folder is not.
    if ! runuser -u postgres -- test -w "$base"; then
      rm -rf "$base"
      base=$(mktemp -d /tmp/transcoding-test-pg.XXXXXX)
      chown postgres: "$base"
    fi
  fi
  echo "$base" >"$dir/postgres.path"
  as_pg "$pg_bin/initdb" -D "$base/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$base/initdb.log" 2>&1 ||
    { tail -n 20 "$base/initdb.log" >&2; die "initdb failed"; }
  launch_postgres "$base"
}

# pg_ctl -w returns once the server accepts connections, after any crash recovery.
launch_postgres() {
  local base=$1
  as_pg "$pg_bin/pg_ctl" -D "$base/data" -l "$base/postgres.log" -w -t 60 \
    -o "-p $pg_port -k $base -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null ||
    { tail -n 20 "$base/postgres.log" >&2; die "postgresql did not start"; }
  head -n 1 "$base/data/postmaster.pid" >"$pids/postgres"
}

stop_postgres() {
  [ -f "$dir/postgres.path" ] || return 0
  local base
  base=$(pg_data)
  if [ -f "$base/data/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$base/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  fi
  [ -f "$pids/postgres" ] && kill_group "$pids/postgres"
  # The fallback folder in /tmp goes; one under .test-infra stays for its log until the next start.
  [ "${base#"$dir"/}" != "$base" ] || rm -rf "$base"
  rm -f "$dir/postgres.path"
}

# A crash as clients see it: the postmaster and its backends quit at once, without a checkpoint; the next start replays
# the WAL. Committed rows survive (fsync=off only skips flushes to the disk, and the machine itself does not crash).
crash_postgres() {
  halt_postgres
  relaunch_postgres
}

relaunch_postgres() {
  launch_postgres "$(pg_data)"
}

halt_postgres() {
  as_pg "$pg_bin/pg_ctl" -D "$(pg_data)/data" -m immediate -w -t 30 stop >/dev/null
  # pg_ctl returns once postmaster.pid is gone, a moment before the process is: postgres-start must not take it for running.
  rm -f "$pids/postgres"
}

# ---------------------------------------------------------------------------------------------------- s3rver
start_s3() {
  rm -rf "$dir/s3"
  mkdir -p "$dir/s3/data"
  # localhost too: playback tests reach the same s3rver by a second name (Storage:PublicServiceUrl).
  openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout "$dir/s3/key.pem" -out "$dir/s3/cert.pem" >/dev/null 2>&1
  # SSL_CERT_FILE replaces the system trust store; keep the system CAs after ours so nothing else loses trust.
  cat "$dir/s3/cert.pem" /etc/ssl/certs/ca-certificates.crt >"$dir/s3/ca-bundle.pem" 2>/dev/null ||
    cp "$dir/s3/cert.pem" "$dir/s3/ca-bundle.pem"
  launch_s3
}

# The server alone, on the data folder and certificate start_s3 made: a relaunch serves the same objects, trusted as before.
launch_s3() {
  setsid node "$s3rver_js" -d "$dir/s3/data" -a 127.0.0.1 -p "$s3_port" --configure-bucket "$s3_bucket" \
    --key "$dir/s3/key.pem" --cert "$dir/s3/cert.pem" >"$dir/s3/s3rver.log" 2>&1 </dev/null &
  echo $! >"$pids/s3rver"
  wait_for s3rver 30 "$pids/s3rver" "$dir/s3/s3rver.log" curl -sS -o /dev/null --cacert "$dir/s3/cert.pem" "https://127.0.0.1:$s3_port/"
}

stop_s3() {
  [ -f "$pids/s3rver" ] && kill_group "$pids/s3rver"
  return 0
}

# ---------------------------------------------------------------------------------------------------- common
# Each server was started under setsid, so its PID is its process group: TERM the group, then KILL what is left.
kill_group() {
  local file=$1 pid
  pid=$(cat "$file" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

write_env() {
  cat >"$dir/env" <<EOF
export TEST_RABBITMQ_URI=amqp://guest:guest@127.0.0.1:$rabbit_port/
export TEST_RABBITMQ_MANAGEMENT=http://127.0.0.1:$rabbit_mgmt_port
export TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
export TEST_S3_URL=https://127.0.0.1:$s3_port
export TEST_S3_BUCKET=$s3_bucket
export TEST_S3_ACCESS_KEY=S3RVER
export TEST_S3_SECRET_KEY=S3RVER
export TEST_S3_CERT=$dir/s3/cert.pem
export SSL_CERT_FILE=$dir/s3/ca-bundle.pem
EOF
}

all_running() {
  local name
  for name in epmd rabbitmq postgres s3rver; do
    [ -f "$pids/$name" ] && kill -0 "$(cat "$pids/$name")" 2>/dev/null || return 1
  done
  [ -f "$dir/env" ]
}

stop() {
  [ -d "$pids" ] || return 0
  local started
  started=$(now_ms)
  # RabbitMQ takes seconds to halt; the others stop meanwhile.
  stop_rabbitmq &
  stop_s3
  stop_postgres
  wait $!
  # Without the PID folder a second stop has nothing to do.
  rm -rf "$dir/env" "$dir/ports" "$pids"
  log "stopped in $(( $(now_ms) - started )) ms"
}

start() {
  local started
  started=$(now_ms)
  if all_running; then
    log "already running (reused); environment in $dir/env"
    return 0
  fi
  # Leftovers of a start that failed half-way go first.
  stop
  require_free_ports
  mkdir -p "$pids"
  # stop and env must reach the servers on the ports this start used, whatever the caller's environment says.
  declare -p rabbit_port rabbit_mgmt_port rabbit_dist_port epmd_port pg_port s3_port s3_bucket >"$dir/ports"
  install_missing
  # If a step fails, let the other step running in the background finish, then stop whatever got started.
  rabbit_job=
  trap 'code=$?; if (( code )); then log "start failed; stopping what was started"; [ -z "$rabbit_job" ] || wait "$rabbit_job"; stop; fi' EXIT
  start_rabbitmq &
  rabbit_job=$!
  start_postgres
  start_s3
  wait "$rabbit_job"
  write_env
  log "started in $(( $(now_ms) - started )) ms; environment: source $dir/env"
}

# A fault acts on one server of a set start made; the set's ports come from its ports file (sourced above).
fault() {
  local command=$1 started
  shift
  [ -f "$dir/ports" ] && [ -d "$pids" ] || die "no servers started in $dir: scripts/test-infra.sh start"
  started=$(now_ms)
  "$@"
  log "$command done in $(( $(now_ms) - started )) ms"
}

# Starts a server stopped by a fault; one still running is left alone, so a repeated start is harmless.
relaunch() {
  local name=$1
  shift
  if [ -f "$pids/$name" ] && kill -0 "$(cat "$pids/$name")" 2>/dev/null; then
    log "$name is already running"
    return 0
  fi
  "$@"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) all_running || die "not running: scripts/test-infra.sh start"; cat "$dir/env" ;;
  rabbitmq-stop) fault "$1" halt_rabbitmq ;;
  rabbitmq-start) fault "$1" relaunch rabbitmq launch_rabbitmq ;;
  postgres-crash) fault "$1" crash_postgres ;;
  postgres-stop) fault "$1" halt_postgres ;;
  postgres-start) fault "$1" relaunch postgres relaunch_postgres ;;
  s3-stop) fault "$1" stop_s3 ;;
  s3-start) fault "$1" relaunch s3rver launch_s3 ;;
  *) echo "usage: $0 start|stop|env|rabbitmq-stop|rabbitmq-start|postgres-crash|postgres-stop|postgres-start|s3-stop|s3-start" >&2; exit 2 ;;
esac
