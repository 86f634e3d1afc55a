using System.Text.Json;

namespace Transcoding.Dispatcher.RunPod;

/// <summary>What <c>/run</c>, <c>/status</c> and <c>/cancel</c> answer.</summary>
public sealed record RunPodJobStatus
{
    public string Id { get; init; } = "";
    public string Status { get; init; } = "";
    public JsonElement? Output { get; init; }
    public string? Error { get; init; }
    public long? DelayTime { get; init; }
    public long? ExecutionTime { get; init; }
}
