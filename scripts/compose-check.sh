#!/usr/bin/env bash
# Checks the deployables without a Docker engine: compose/docker-compose.yml is valid in each profile with the
# settings of compose/.env.example, and every build context, Dockerfile, file a Dockerfile copies and project it
# publishes exists. Prints what is missing and exits 1 if anything is.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
compose_dir=$root/compose

if ! command -v docker-compose >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "compose-check: install docker-compose (apt-get install docker-compose)" >&2; exit 1; }
  echo "compose-check: installing docker-compose" >&2
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    docker-compose >/dev/null
fi

env_file=$(mktemp)
trap 'rm -f "$env_file"' EXIT
# The example leaves the secrets empty on purpose (compose refuses to start without them); the check sets them.
sed -E 's/^([A-Za-z_][A-Za-z0-9_]*)=$/\1=compose-check/' "$compose_dir/.env.example" >"$env_file"

compose() {
  docker-compose --project-directory "$compose_dir" -f "$compose_dir/docker-compose.yml" --env-file "$env_file" "$@"
}

for profile in local real ops; do
  COMPOSE_PROFILES=$profile compose config -q
done

# Resolved build contexts and Dockerfiles (profiles do not hide services from `config`).
COMPOSE_PROFILES=local,real,ops compose config | python3 -c '
import os, re, sys, yaml
missing = []
def need(path, what):
    if not os.path.exists(path):
        missing.append(f"{what}: {path}")
        return False
    return True
for name, service in sorted(yaml.safe_load(sys.stdin)["services"].items()):
    build = service.get("build")
    if not build:
        continue
    context = build["context"]
    dockerfile = os.path.join(context, build.get("dockerfile", "Dockerfile"))
    if not (need(context, f"{name}: build context") and need(dockerfile, f"{name}: Dockerfile")):
        continue
    text = open(dockerfile).read().replace("\\\n", " ")
    for line in text.splitlines():
        words = line.split()
        if words[:1] == ["COPY"] and not any(w.startswith("--from") for w in words):
            for source in words[1:-1]:
                if not source.startswith("--"):
                    need(os.path.join(context, source), f"{name}: COPY source")
    for project in re.findall(r"dotnet publish (\S+\.csproj)", text):
        need(os.path.join(context, project), f"{name}: project")
for item in missing:
    print("compose-check: missing " + item, file=sys.stderr)
sys.exit(1 if missing else 0)
'
echo "compose-check: compose file valid (profiles local, real, ops); all build paths exist"
