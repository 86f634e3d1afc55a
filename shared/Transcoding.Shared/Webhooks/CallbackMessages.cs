using Transcoding.Contracts;

namespace Transcoding.Shared.Webhooks;

/// <summary>Turns a validated report into the message the saga consumes.</summary>
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
        CallbackStatus.Failed => new TranscodeFailed
        {
            MediaId = callback.MediaId,
            Attempt = callback.Attempt,
            JobId = callback.JobId,
            ErrorCode = callback.Error!.Code,
            ErrorMessage = callback.Error.Message,
            Permanent = callback.Error.Permanent,
        },
        CallbackStatus.Progress => new TranscodeProgressed
        {
            MediaId = callback.MediaId,
            Attempt = callback.Attempt,
            JobId = callback.JobId,
            Percent = callback.Progress!.Value,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(callback), "Only validated callbacks become messages."),
    };

    /// <summary>Completed and failed end an attempt; progress does not.</summary>
    public static bool EndsAttempt(TranscodeCallback callback) => callback.Status is CallbackStatus.Completed or CallbackStatus.Failed;
}
