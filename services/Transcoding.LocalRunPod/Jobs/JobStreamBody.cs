namespace Transcoding.LocalRunPod.Jobs;

/// <summary>
/// What <c>GET /v2/{endpointId}/stream/{jobId}</c> answers: <c>{"status": "IN_PROGRESS", "stream": [{"output": …}, …]}</c>,
/// the partials posted since the last read (each is read once). The shape runpod-python's client reads
/// (<c>runpod/endpoint/runner.py:156-167</c>); RunPod's operation reference shows a bare array instead, and the SDK wins.
/// </summary>
public sealed record JobStreamBody(string Status, IReadOnlyList<StreamChunk> Stream);
