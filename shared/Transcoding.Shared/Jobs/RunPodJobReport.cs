using System.Text.Json;
using Transcoding.Contracts;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Shared.Jobs;

/// <summary>
/// What a RunPod job status says about an attempt, written once for both ways RunPod tells it: its job webhook (the
/// gateway's RunPod route) and its <c>/status</c> (the dispatcher's poll). The answer is the report the worker would
/// have sent, so it becomes the same <see cref="TranscodeCompleted"/> or <see cref="TranscodeFailed"/> whichever way
/// it came (<see cref="CallbackMessages.ToMessage"/>).
/// <list type="bullet">
/// <item>COMPLETED with an outputs record that passes <see cref="OutputsRecordRules"/>: completed.</item>
/// <item>COMPLETED with a record that does not: failed, <see cref="OutputInvalidCode"/>, transient (the worker's own
/// code for output it should not have written; the input may be fine).</item>
/// <item>COMPLETED without an outputs record: completed with no outputs; RunPod no longer holds the record, so the
/// caller finds it (the poll reads <c>manifest.json</c>) or refuses the report (the gateway's validator).</item>
/// <item>FAILED carrying the worker's own <see cref="CallbackError"/> JSON: that verdict, permanent or not.</item>
/// <item>FAILED otherwise, TIMED_OUT, CANCELLED: failed, <see cref="FailedCode"/>, <see cref="TimedOutCode"/>,
/// <see cref="CancelledCode"/>, transient: only the worker can tell that the input itself is unusable.</item>
/// <item>IN_QUEUE, IN_PROGRESS or anything else: null, nothing has ended.</item>
/// </list>
/// Codes and messages are RunPod's and the worker's as given: <see cref="CallbackMessages.ToMessage"/> applies
/// <see cref="FailureReportRules"/> to both ways alike.
/// </summary>
public static class RunPodJobReport
{
    public const string FailedCode = "runpod_failed";
    public const string TimedOutCode = "runpod_timed_out";
    public const string CancelledCode = "runpod_cancelled";
    public const string OutputInvalidCode = "output_invalid";

    /// <summary>The equivalent worker report, or null for a status that ends nothing (queued, running).</summary>
    public static TranscodeCallback? ToCallback(Guid mediaId, int attempt, RunPodJobStatus job) => job.Status switch
    {
        RunPodJobStates.Completed => Completion(mediaId, attempt, job.Id, OutputsOf(job)),
        RunPodJobStates.Failed => Failure(mediaId, attempt, job, FailedCode),
        RunPodJobStates.TimedOut => Failure(mediaId, attempt, job, TimedOutCode),
        RunPodJobStates.Cancelled => Failure(mediaId, attempt, job, CancelledCode),
        _ => null,
    };

    /// <summary>
    /// A completed job's report from its outputs record, wherever it was read (RunPod's <c>output</c>, or
    /// <c>manifest.json</c> in storage): completed when the record passes <see cref="OutputsRecordRules"/>, else failed
    /// with <see cref="OutputInvalidCode"/>; completed without outputs when there is no record.
    /// </summary>
    public static TranscodeCallback Completion(Guid mediaId, int attempt, string jobId, TranscodeOutputs? outputs)
    {
        var report = new TranscodeCallback { MediaId = mediaId, Attempt = attempt, JobId = jobId, Status = CallbackStatus.Completed, Outputs = outputs };
        if (outputs is null || OutputsRecordRules.Problems(mediaId, outputs) is not { Count: > 0 } problems)
        {
            return report;
        }

        var message = $"RunPod reported the job completed with an outputs record that breaks the storage layout: {string.Join("; ", problems)}";
        return report with { Status = CallbackStatus.Failed, Outputs = null, Error = new CallbackError(OutputInvalidCode, message, Permanent: false) };
    }

    /// <summary>A FAILED job whose error is the worker's own verdict keeps it (a corrupt source stays permanent);
    /// anything else RunPod reports is transient.</summary>
    private static TranscodeCallback Failure(Guid mediaId, int attempt, RunPodJobStatus job, string code) => new()
    {
        MediaId = mediaId,
        Attempt = attempt,
        JobId = job.Id,
        Status = CallbackStatus.Failed,
        Error = (job.Status == RunPodJobStates.Failed ? WorkerJobError.Parse(job.ErrorText) : null)
            ?? new CallbackError(code, ErrorMessage(job), Permanent: false),
    };

    private static TranscodeOutputs? OutputsOf(RunPodJobStatus job)
    {
        if (job.Output is not { ValueKind: JsonValueKind.Object } value)
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
        return string.IsNullOrWhiteSpace(message) ? $"RunPod reported the job {job.Status}." : message;
    }

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
