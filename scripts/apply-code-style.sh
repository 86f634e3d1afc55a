#!/usr/bin/env bash
# Applies the mechanical part of the code style of .editorconfig to the whole tree, in place: whitespace, usings
# (System.* first), braces, primary constructors, and every analyzer finding that has an automatic fix. What is left
# needs a hand: `dotnet build Transcoding.sln` then fails and lists it (analyzers and style rules are errors there).
# Each step loads the solution: expect a few minutes on two cores. `make test` checks the result with
# `dotnet format --verify-no-changes`.
set -euo pipefail
cd "$(dirname "$0")/.."
solution=Transcoding.sln
step() {
  local started=$SECONDS
  echo "apply-code-style: dotnet format $*" >&2
  dotnet format "$@"
  echo "apply-code-style: $(( SECONDS - started )) s" >&2
}

dotnet restore "$solution" -nologo -v quiet
step whitespace "$solution" --no-restore
step style "$solution" --no-restore --severity warn
step analyzers "$solution" --no-restore --severity warn
step "$solution" --no-restore --severity warn --verify-no-changes
