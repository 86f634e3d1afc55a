#!/usr/bin/env bash
# Checks the deployables without a Docker engine: compose/docker-compose.yml is valid in each profile with the
# settings of compose/.env.example, every build arg a Dockerfile needs is set, and every build context, Dockerfile,
# target, file a Dockerfile copies and project it publishes exists, and no service sets Auth__OpenOnLoopback. Prints
# what is wrong and exits 1 if anything is.
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

# Resolved build contexts and Dockerfiles (profiles do not hide services from `config`). Only the stages the service's
# target builds count (the target, the stages it starts FROM or copies --from, and so on); their ARGs take the
# service's build args (or their defaults) before COPY sources and published projects are looked up, and an ARG with
# neither fails the check, as it would fail the build.
COMPOSE_PROFILES=local,real,ops compose config | python3 -c '
import os, re, sys, yaml
problems = []
def need(path, what):
    if not os.path.exists(path):
        problems.append(f"missing {what}: {path}")
        return False
    return True
ROOT_BUILD_FILES = ("Directory.Build.props", "Directory.Packages.props", ".editorconfig")
variable = re.compile(r"\$(?:\{(\w+)(?::?[-+?][^}]*)?\}|(\w+))")
for name, service in sorted(yaml.safe_load(sys.stdin)["services"].items()):
    # Auth:OpenOnLoopback makes every loopback caller an operator: for make run and tests, never in a deployment.
    environment = service.get("environment") or {}
    for setting in (environment if isinstance(environment, dict) else [entry.split("=", 1)[0] for entry in environment]):
        if "openonloopback" in setting.lower().replace("_", "").replace(":", ""):
            problems.append(f"{name}: sets {setting}, which is for make run and tests only (it opens the API to every local caller)")
    build = service.get("build")
    if not build:
        continue
    context = build["context"]
    dockerfile = os.path.join(context, build.get("dockerfile", "Dockerfile"))
    if not (need(context, f"{name}: build context") and need(dockerfile, f"{name}: Dockerfile")):
        continue
    shown = os.path.relpath(dockerfile, context)
    lines = [line for line in open(dockerfile).read().splitlines() if not line.lstrip().startswith("#")]
    # Instructions by stage, in order; stage names map to their index, unnamed stages get none.
    stages, names = [[]], {}
    for words in (line.split() for line in "\n".join(lines).replace("\\\n", " ").splitlines()):
        if words[:1] == ["FROM"]:
            stages.append([])
            if len(words) >= 4 and words[2].upper() == "AS":
                names[words[3]] = len(stages) - 1
        if words:
            stages[-1].append(words)
    target = build.get("target")
    if target and target not in names:
        known = " ".join(sorted(names))
        problems.append(f"{name}: target {target} is no stage of {shown} (its stages: {known})")
        continue
    built, pending = {0}, [names[target] if target else len(stages) - 1]
    while pending:
        stage = pending.pop()
        if stage in built:
            continue
        built.add(stage)
        for words in stages[stage]:
            sources = words[1:2] if words[0] == "FROM" else [w[len("--from="):] for w in words if w.startswith("--from=")]
            pending += [names[source] for source in sources if source in names]
    instructions = [words for stage in sorted(built) for words in stages[stage]]
    defaults = {}
    for words in instructions:
        if words[0] == "ARG":
            arg, has_default, default = words[1].partition("=")
            defaults.setdefault(arg, default if has_default else None)
    values = {arg: value for arg, value in defaults.items() if value is not None}
    values.update({arg: value for arg, value in (build.get("args") or {}).items() if value})
    unset = [arg for arg in defaults if arg not in values]
    for arg in unset:
        problems.append(f"{name}: build arg {arg} is not set ({shown} declares ARG {arg} without a default)")
    if unset:
        continue
    resolved = lambda word: variable.sub(lambda m: values.get(m.group(1) or m.group(2), m.group(0)), word)
    for words in instructions:
        if words[0] == "COPY" and not any(w.startswith("--from") for w in words):
            for source in words[1:-1]:
                if not source.startswith("--"):
                    need(os.path.join(context, resolved(source)), f"{name}: COPY source")
    for project in re.findall(r"dotnet publish (\"[^\"]+\"|\S+)", "\n".join(" ".join(w) for w in instructions)):
        need(os.path.join(context, resolved(project.strip("\""))), f"{name}: project")
    # The repository-root files every .NET build reads (analyzer rules, package versions) must be in the image too.
    copied = {resolved(s) for w in instructions if w[0] == "COPY" and not any(x.startswith("--from") for x in w) for s in w[1:-1]}
    if any(w[:3] == ["RUN", "dotnet", "publish"] or "publish" in w for w in instructions if w[0] == "RUN"):
        for build_file in ROOT_BUILD_FILES:
            if build_file not in copied:
                problems.append(f"{name}: {shown} builds .NET without COPY {build_file}, which every build reads")
for problem in problems:
    print("compose-check: " + problem, file=sys.stderr)
sys.exit(1 if problems else 0)
'
# The GPU image is not a compose service (it needs a GPU host) but builds the same .NET tree.
for build_file in Directory.Build.props Directory.Packages.props .editorconfig; do
  if ! grep -E '^COPY ' gpu-image/Dockerfile | tr ' ' '\n' | grep -Fxq "$build_file"; then
    echo "compose-check: gpu-image/Dockerfile builds .NET without COPY $build_file, which every build reads" >&2
    exit 1
  fi
done
echo "compose-check: compose file valid (profiles local, real, ops); all build args set, all build paths exist"
