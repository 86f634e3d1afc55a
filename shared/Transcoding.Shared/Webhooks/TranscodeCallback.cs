using System.Text.Json.Serialization;
using Transcoding.Contracts;

namespace Transcoding.Shared.Webhooks;

/// <summary>The worker's callback body on <c>POST /webhooks/transcode</c> (camelCase JSON).</summary>
public sealed record TranscodeCallback
{
    public Guid MediaId { get; init; }
    public int Attempt { get; init; }
    public string JobId { get; init; } = "";
    public string Status { get; init; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TranscodeOutputs? Outputs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Progress { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CallbackError? Error { get; init; }
}

/// <summary>Why an attempt failed; <see cref="Permanent"/> when the input itself is unusable and a retry would fail too.
/// As reported: <see cref="FailureReportRules"/> makes it safe when it becomes a message.</summary>
public sealed record CallbackError(string Code, string Message, bool Permanent);

public static class CallbackStatus
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Progress = "progress";
}
