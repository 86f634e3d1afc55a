using System.Text.Json;

namespace Transcoding.Gateway.RunPod;

/// <summary>RunPod's job status object, as <c>/status/{jobId}</c> returns it and its job webhook posts it.</summary>
public sealed record RunPodJobStatus
{
    public string? Id { get; init; }
    public string? Status { get; init; }
    public JsonElement? Output { get; init; }
    public JsonElement? Error { get; init; }
    public long? DelayTime { get; init; }
    public long? ExecutionTime { get; init; }
}
