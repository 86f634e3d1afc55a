#!/usr/bin/env bash
# make run [INPUT=file] [OUT=dir]: the whole pipeline on one machine, on embedded defaults, for one file.
# make up [INPUT=file] (scripts/run.sh --serve ...): the same kept running with its dashboard until Ctrl-C; when one is
# already up, INPUT is added to it (POST /uploads) and this returns at once. RUN_DIR (default .run) holds the work.
set -euo pipefail
cd "$(dirname "$0")/.."
serve=false
if [ "${1:-}" = --serve ]; then
  serve=true
  shift
fi
input="${1:-}"
run_dir=${RUN_DIR:-.run}
out="${2:-$run_dir/out}"

# Percent-encodes one query value byte by byte (file names may hold spaces, '&' or UTF-8).
urlencode() {
  local LC_ALL=C value=$1 encoded='' char i
  for ((i = 0; i < ${#value}; i++)); do
    char=${value:i:1}
    case $char in
      [a-zA-Z0-9._~-]) encoded+=$char ;;
      *) printf -v char '%%%02X' "'$char"; encoded+=${char: -3} ;;
    esac
  done
  printf '%s' "$encoded"
}

if [ -n "$input" ] && [ ! -f "$input" ]; then
  echo "Input file not found: $input" >&2
  exit 2
fi

if $serve && [ -f "$run_dir/up.url" ]; then
  url=$(cat "$run_dir/up.url")
  # Bounded: a suspended `make up` (Ctrl-Z) still has its connections accepted by the kernel, and never answers.
  if curl -fsS --max-time 5 -o /dev/null "$url/health/live" 2>/dev/null; then
    if [ -z "$input" ]; then
      echo "already up: dashboard $url/"
      exit 0
    fi
    echo "adding $input to the pipeline up at $url"
    answer=$(curl -fsS --connect-timeout 5 --speed-limit 1 --speed-time 60 -X POST -H 'content-type: application/octet-stream' --data-binary @"$input" \
      "$url/uploads?name=$(urlencode "$(basename "$input")")")
    echo "$answer"
    echo "dashboard: $url$(sed -n 's/.*"dashboard":"\([^"]*\)".*/\1/p' <<<"$answer")"
    exit 0
  fi
fi

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

mkdir -p "$run_dir"
if [ -z "$input" ] && ! $serve; then
  input=$run_dir/sample.mp4
  echo "generating a 6 s 1280x720 sample clip: $input"
  ffmpeg -v error -y -f lavfi -i testsrc2=size=1280x720:rate=30:duration=6 -f lavfi -i sine=frequency=440:duration=6 \
    -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest "$input"
fi

exec dotnet services/Transcoding.AllInOne/bin/Debug/net10.0/Transcoding.AllInOne.dll \
  ${input:+--input "$input"} $($serve && echo --serve) --out "$out" --work "$run_dir" \
  --worker gpu-image/Transcoding.Worker/bin/Debug/net10.0/Transcoding.Worker.dll
