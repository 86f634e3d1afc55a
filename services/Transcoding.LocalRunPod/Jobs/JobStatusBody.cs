using System.Text.Json;

namespace Transcoding.LocalRunPod.Jobs;

/// <summary>What <c>/status</c> answers and what the job's webhook receives; absent fields are left out, as RunPod does.</summary>
public sealed record JobStatusBody
{
    public required string Id { get; init; }
    public required string Status { get; init; }
    public long? DelayTime { get; init; }
    public long? ExecutionTime { get; init; }
    public JsonElement? Output { get; init; }
    public string? Error { get; init; }
    public string? WorkerId { get; init; }
}
