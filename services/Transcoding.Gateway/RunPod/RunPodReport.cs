using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.Gateway.Callbacks;
using Transcoding.Shared;
using Transcoding.Shared.Jobs;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.RunPod;

/// <summary>
/// Reads RunPod's job webhook as if the worker had reported, so both routes share one validation and one publish
/// path. RunPod's own failures are never permanent: only the worker can tell that the input itself is unusable.
/// </summary>
public static class RunPodReport
{
    /// <summary>The equivalent worker report, or null for a status that ends nothing (queued, running).</summary>
    public static TranscodeCallback? ToCallback(Guid mediaId, int attempt, RunPodJobStatus job) => job.Status switch
    {
        RunPodJobStates.Completed => Report(mediaId, attempt, job) with { Status = CallbackStatus.Completed, Outputs = ParseOutputs(job.Output) },
        RunPodJobStates.Failed => Failure(mediaId, attempt, job, "runpod_failed"),
        RunPodJobStates.TimedOut => Failure(mediaId, attempt, job, "runpod_timed_out"),
        RunPodJobStates.Cancelled => Failure(mediaId, attempt, job, "runpod_cancelled"),
        _ => null,
    };

    private static TranscodeCallback Report(Guid mediaId, int attempt, RunPodJobStatus job) =>
        new() { MediaId = mediaId, Attempt = attempt, JobId = job.Id };

    /// <summary>A FAILED job whose error is the worker's own verdict keeps it (a corrupt source stays permanent);
    /// anything else RunPod reports is transient.</summary>
    private static TranscodeCallback Failure(Guid mediaId, int attempt, RunPodJobStatus job, string code) =>
        Report(mediaId, attempt, job) with
        {
            Status = CallbackStatus.Failed,
            Error = (job.Status == RunPodJobStates.Failed ? WorkerJobError.Parse(job.ErrorText) : null) is { } worker
                ? worker with { Message = Cap(worker.Message) }
                : new CallbackError(code, ErrorMessage(job), Permanent: false),
        };

    private static TranscodeOutputs? ParseOutputs(JsonElement? output)
    {
        if (output is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        try
        {
            return value.Deserialize<TranscodeOutputs>(JsonDefaults.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>RunPod's error text; when the worker failed the job, that text is its JSON <c>{code, message, permanent}</c>.</summary>
    private static string ErrorMessage(RunPodJobStatus job)
    {
        var text = job.ErrorText;
        var message = MessageField(text) ?? text;
        return string.IsNullOrWhiteSpace(message) ? $"RunPod reported the job {job.Status}." : Cap(message);
    }

    private static string Cap(string message) =>
        message.Length <= TranscodeCallbackValidator.MaxErrorMessageLength ? message : message[..TranscodeCallbackValidator.MaxErrorMessageLength];

    private static string? MessageField(string? text)
    {
        if (text is null || !text.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
