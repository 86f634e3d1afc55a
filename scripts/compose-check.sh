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

# Resolved build contexts and Dockerfiles (profiles do not hide services from `config`). A Dockerfile's ARGs take the
# service's build args (or their defaults) before its COPY sources and published projects are looked up; an ARG with
# neither fails the check, as it would fail the build.
COMPOSE_PROFILES=local,real,ops compose config | python3 -c '
import os, re, sys, yaml
problems = []
def need(path, what):
    if not os.path.exists(path):
        problems.append(f"missing {what}: {path}")
        return False
    return True
variable = re.compile(r"\$(?:\{(\w+)(?::?[-+?][^}]*)?\}|(\w+))")
for name, service in sorted(yaml.safe_load(sys.stdin)["services"].items()):
    build = service.get("build")
    if not build:
        continue
    context = build["context"]
    dockerfile = os.path.join(context, build.get("dockerfile", "Dockerfile"))
    if not (need(context, f"{name}: build context") and need(dockerfile, f"{name}: Dockerfile")):
        continue
    shown = os.path.relpath(dockerfile, context)
    lines = [line for line in open(dockerfile).read().splitlines() if not line.lstrip().startswith("#")]
    instructions = [line.split() for line in "\n".join(lines).replace("\\\n", " ").splitlines()]
    defaults, stages = {}, set()
    for words in instructions:
        if words[:1] == ["ARG"]:
            arg, has_default, default = words[1].partition("=")
            defaults.setdefault(arg, default if has_default else None)
        if words[:1] == ["FROM"] and len(words) >= 4 and words[2].upper() == "AS":
            stages.add(words[3])
    args = build.get("args") or {}
    values = {arg: value for arg, value in defaults.items() if value is not None}
    values.update({arg: value for arg, value in args.items() if value})
    unset = [arg for arg in defaults if arg not in values]
    for arg in unset:
        problems.append(f"{name}: build arg {arg} is not set ({shown} declares ARG {arg} without a default)")
    target = build.get("target")
    if target and target not in stages:
        known = " ".join(sorted(stages))
        problems.append(f"{name}: target {target} is no stage of {shown} (its stages: {known})")
    if unset:
        continue
    resolved = lambda word: variable.sub(lambda m: values.get(m.group(1) or m.group(2), m.group(0)), word)
    for words in instructions:
        if words[:1] == ["COPY"] and not any(w.startswith("--from") for w in words):
            for source in words[1:-1]:
                if not source.startswith("--"):
                    need(os.path.join(context, resolved(source)), f"{name}: COPY source")
    for project in re.findall(r"dotnet publish (\"[^\"]+\"|\S+)", "\n".join(" ".join(w) for w in instructions)):
        need(os.path.join(context, resolved(project.strip("\""))), f"{name}: project")
for problem in problems:
    print("compose-check: " + problem, file=sys.stderr)
sys.exit(1 if problems else 0)
'
echo "compose-check: compose file valid (profiles local, real, ops); all build args set, all build paths exist"
