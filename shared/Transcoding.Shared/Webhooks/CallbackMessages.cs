using Transcoding.Contracts;

namespace Transcoding.Shared.Webhooks;

/// <summary>Turns a validated report into the message the saga consumes: the one way every report (the worker's callback,
/// RunPod's job webhook, the dispatcher's poll) becomes one, so a failure's code and message get
/// <see cref="FailureReportRules"/> here.</summary>
public static class CallbackMessages
{
    public static object ToMessage(TranscodeCallback callback) => callback.Status switch
    {
        CallbackStatus.Completed => new TranscodeCompleted
        {
            MediaId = callback.MediaId,
            Attempt = callback.Attempt,
            JobId = callback.JobId,
            Outputs = callback.Outputs!,
        },
        CallbackStatus.Failed => Failure(callback, FailureReportRules.Apply(callback.Error!)),
        CallbackStatus.Progress => new TranscodeProgressed
        {
            MediaId = callback.MediaId,
            Attempt = callback.Attempt,
            JobId = callback.JobId,
            Percent = callback.Progress!.Value,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(callback), "Only validated callbacks become messages."),
    };

    private static TranscodeFailed Failure(TranscodeCallback callback, CallbackError error) => new()
    {
        MediaId = callback.MediaId,
        Attempt = callback.Attempt,
        JobId = callback.JobId,
        ErrorCode = error.Code,
        ErrorMessage = error.Message,
        Permanent = error.Permanent,
    };

    /// <summary>Completed and failed end an attempt; progress does not.</summary>
    public static bool EndsAttempt(TranscodeCallback callback) => callback.Status is CallbackStatus.Completed or CallbackStatus.Failed;
}
