#!/usr/bin/env bash
# Checks the GPU image as far as a machine without Docker or a GPU can:
#  1. the Dockerfile has what RunPod needs (CUDA runtime base, NVENC-capable driver mounts, serverless entrypoint);
#  2. this machine's ffmpeg has the encoders, filters and hwaccel the GPU path uses;
#  3. the published worker runs one job with the image's settings (Worker__Encoder=auto): without a GPU the NVENC
#     probe fails and libx264 is used; with one (nvidia-smi works) NVENC must be selected, so the ladder runs the real
#     NVENC path with the worker's arguments (capped quality, Encoding/RateControl.cs) and must decode.
# usage: gpu-image/check.sh   (exit 0 when every check passes)
set -euo pipefail
cd "$(dirname "$0")/.."
dockerfile=gpu-image/Dockerfile
failures=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1" >&2; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi; }

echo "== Dockerfile"
check "final stage is a CUDA runtime Ubuntu image" grep -Eq '^FROM nvidia/cuda:[0-9.]+-runtime-ubuntu[0-9.]+\s*$' "$dockerfile"
check "installs ffmpeg and audiowaveform" grep -Eq 'apt-get install .*ffmpeg audiowaveform' "$dockerfile"
check "installs util-linux (setpriv: ffmpeg dies with the worker)" grep -Eq 'apt-get install .*util-linux' "$dockerfile"
check "asks the NVIDIA runtime for the video (NVENC/NVDEC) libraries" grep -Eq 'NVIDIA_DRIVER_CAPABILITIES=.*video' "$dockerfile"
check "publishes the worker project" grep -q 'dotnet publish gpu-image/Transcoding.Worker/Transcoding.Worker.csproj' "$dockerfile"
check "publishes for linux-x64" grep -q 'dotnet publish gpu-image/Transcoding.Worker/Transcoding.Worker.csproj .*-r linux-x64' "$dockerfile"
check "the worker project publishes ReadyToRun (a cold worker starts sooner)" grep -q '<PublishReadyToRun>true</PublishReadyToRun>' gpu-image/Transcoding.Worker/Transcoding.Worker.csproj
check "entrypoint runs the worker in serverless mode" grep -Eq '^CMD \["serverless"\]' "$dockerfile"
check "every COPY source exists" bash -c "grep -E '^COPY [^-]' $dockerfile | awk '{print \$2}' | xargs -I{} test -e {}"

echo "== ffmpeg on this machine"
command -v ffmpeg >/dev/null || { echo "ffmpeg is missing (apt-get install -y ffmpeg)" >&2; exit 1; }
encoders=$(ffmpeg -hide_banner -encoders 2>/dev/null)
filters=$(ffmpeg -hide_banner -filters 2>/dev/null)
check "h264_nvenc encoder" grep -q ' h264_nvenc ' <<<"$encoders"
check "libx264 encoder" grep -q ' libx264 ' <<<"$encoders"
check "scale_cuda filter" grep -q ' scale_cuda ' <<<"$filters"
check "thumbnail filter" grep -q ' thumbnail ' <<<"$filters"
nvenc_options=$(ffmpeg -hide_banner -h encoder=h264_nvenc 2>/dev/null)
for option in rc cq spatial-aq rc-lookahead no-scenecut forced-idr; do
  check "h264_nvenc option -$option (the worker's rate control)" grep -q "^  -$option " <<<"$nvenc_options"
done
# One grep per filter on its own copy of the list (a first grep -q would consume a shared stdin).
check "hwdownload, tile and concat filters (poster and storyboard on the GPU path)" bash -c 'for f in hwdownload tile concat; do grep -q " $f " <<<"$1" || exit 1; done' _ "$filters"
check "cuda hwaccel" bash -c "ffmpeg -hide_banner -hwaccels 2>/dev/null | grep -qx cuda"

echo "== the worker, run mode, image settings"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# As the Dockerfile publishes it.
dotnet publish gpu-image/Transcoding.Worker/Transcoding.Worker.csproj -c Release -r linux-x64 \
  -o "$work/app" --nologo -v q -clp:ErrorsOnly
mkdir -p "$work/bucket/uploads"
ffmpeg -v error -y -f lavfi -i testsrc2=s=640x360:r=30:d=2 -f lavfi -i sine=f=440:d=2 \
  -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest "$work/bucket/uploads/clip.mp4"
media=6f1c2a9e-0000-4000-8000-00000000c4ec
cat >"$work/job.json" <<JSON
{"id": "check", "input": {"mediaId": "$media", "attempt": 1, "sourceKey": "uploads/clip.mp4", "callbackUrl": ""}}
JSON
if command -v nvidia-smi >/dev/null && nvidia-smi >/dev/null 2>&1; then expected=h264_nvenc; else expected=libx264; fi
status=0
Storage__Provider=Local Storage__LocalRoot="$work/bucket" Worker__WorkDir="$work/work" Worker__Encoder=auto \
  Worker__CallbackSecret="whsec_$(head -c 32 /dev/urandom | base64)" \
  dotnet "$work/app/Transcoding.Worker.dll" run --input "$work/job.json" >"$work/out.json" 2>"$work/log.txt" || status=$?
if [ "$status" = 0 ]; then pass "run mode exits 0"; else fail "run mode exited $status: $(tail -5 "$work/log.txt")"; fi
check "encoder probe chose $expected" grep -q "\"encoder\":\"$expected\"" "$work/out.json"
if [ "$expected" = libx264 ]; then
  check "NVENC probe ran and failed without a GPU" grep -q "Encoder probe for h264_nvenc failed" "$work/log.txt"
  echo "skip the NVENC encode itself: no GPU here (nvidia-smi), the ladder ran on libx264"
fi
check "manifest.json written" test -s "$work/bucket/media/$media/manifest.json"
check "poster and storyboard written by the same ffmpeg run" bash -c "test -s '$work/bucket/media/$media/poster.jpg' && test -s '$work/bucket/media/$media/storyboard.jpg' && grep -q '#xywh=' '$work/bucket/media/$media/storyboard.vtt'"
check "master playlist decodes" bash -c "ffmpeg -v error -i '$work/bucket/media/$media/hls/master.m3u8' -f null - 2>&1 | (! grep -q .)"
check "work folder cleaned" bash -c "[ -z \"\$(ls -A '$work/work')\" ]"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all checks passed"
