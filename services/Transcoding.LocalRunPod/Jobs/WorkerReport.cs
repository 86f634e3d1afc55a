using System.Text.Json;
using Transcoding.Shared.Jobs;

namespace Transcoding.LocalRunPod.Jobs;

public enum WorkerReportKind
{
    Completed,
    Failed,
    Progress,
}

/// <summary>
/// A <c>job-done</c> body as the RunPod SDK sends it: <c>{"output": ...}</c>, <c>{"error": ...}</c>, or a progress
/// update <c>{"status": "IN_PROGRESS", "output": ...}</c>.
/// </summary>
public sealed record WorkerReport(WorkerReportKind Kind, JsonElement? Output, string? Error)
{
    public static WorkerReport Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return new WorkerReport(WorkerReportKind.Completed, Present(body), null);
        }

        var output = body.TryGetProperty("output", out var o) ? Present(o) : null;
        if (body.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
            && status.GetString() == RunPodJobStates.InProgress)
        {
            return new WorkerReport(WorkerReportKind.Progress, output, null);
        }

        if (body.TryGetProperty("error", out var error) && error.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            // The SDK sends a string; anything else is kept as its JSON text.
            var text = error.ValueKind == JsonValueKind.String ? error.GetString()! : error.GetRawText();
            return new WorkerReport(WorkerReportKind.Failed, null, text);
        }

        return new WorkerReport(WorkerReportKind.Completed, output, null);
    }

    private static JsonElement? Present(JsonElement value) =>
        value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : value.Clone();
}
