#!/usr/bin/env bash
# make run [INPUT=file] [OUT=dir]: the whole pipeline on one machine, on embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
input="${1:-}"
out="${2:-.run/out}"

if ! command -v ffmpeg >/dev/null || ! command -v ffprobe >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "ffmpeg is missing: installing it with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg >/dev/null
  else
    echo "ffmpeg and ffprobe are required: install them (Debian/Ubuntu: sudo apt-get install ffmpeg) and run again" >&2
    exit 3
  fi
fi

echo "building..."
dotnet build services/Transcoding.AllInOne/Transcoding.AllInOne.csproj -nologo -v q -clp:ErrorsOnly
dotnet build gpu-image/Transcoding.Worker/Transcoding.Worker.csproj -nologo -v q -clp:ErrorsOnly

mkdir -p .run
if [ -z "$input" ]; then
  input=.run/sample.mp4
  echo "generating a 6 s 1280x720 sample clip: $input"
  ffmpeg -v error -y -f lavfi -i testsrc2=size=1280x720:rate=30:duration=6 -f lavfi -i sine=frequency=440:duration=6 \
    -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest "$input"
fi

exec dotnet services/Transcoding.AllInOne/bin/Debug/net10.0/Transcoding.AllInOne.dll \
  --input "$input" --out "$out" --work .run \
  --worker gpu-image/Transcoding.Worker/bin/Debug/net10.0/Transcoding.Worker.dll
