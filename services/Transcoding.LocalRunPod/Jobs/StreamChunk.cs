using System.Text.Json;

namespace Transcoding.LocalRunPod.Jobs;

/// <summary>One partial output a worker posted to <c>job-stream</c>: <c>{"output": …}</c>.</summary>
public sealed record StreamChunk(JsonElement Output);
