using System.Text.Json;

namespace Transcoding.Shared.Jobs;

/// <summary>RunPod's job status object: what <c>/run</c>, <c>/status</c> and <c>/cancel</c> answer and its job webhook posts.</summary>
public sealed record RunPodJobStatus
{
    public string Id { get; init; } = "";
    public string Status { get; init; } = "";
    public JsonElement? Output { get; init; }

    /// <summary>Usually a string (the worker's own <c>{code, message, permanent}</c> JSON when it failed the job), but RunPod does not promise it.</summary>
    public JsonElement? Error { get; init; }
    public long? DelayTime { get; init; }
    public long? ExecutionTime { get; init; }

    /// <summary><see cref="Error"/> as text, whatever JSON shape it came in; null when absent.</summary>
    public string? ErrorText => Error switch
    {
        { ValueKind: JsonValueKind.String } error => error.GetString(),
        { ValueKind: JsonValueKind.Object or JsonValueKind.Array } error => error.GetRawText(),
        _ => null,
    };
}
