namespace Transcoding.Dispatcher;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "RunPod rejected the {Operation} request with HTTP {StatusCode}")]
    public static partial void RunPodRejected(ILogger logger, string operation, int statusCode);

    [LoggerMessage(2, LogLevel.Warning, "RunPod answered the {Operation} request with HTTP {StatusCode} after retries")]
    public static partial void RunPodFailed(ILogger logger, string operation, int statusCode);

    [LoggerMessage(3, LogLevel.Warning, "RunPod did not answer the {Operation} request ({Failure})")]
    public static partial void RunPodUnreachable(ILogger logger, string operation, string failure);

    [LoggerMessage(4, LogLevel.Warning, "RunPod refused our configuration on the {Operation} request with HTTP {StatusCode}")]
    public static partial void RunPodConfigurationRefused(ILogger logger, string operation, int statusCode);

    [LoggerMessage(5, LogLevel.Error, "RunPod refuses the dispatcher's configuration; not ready, and no attempt is spent until it is fixed: {Reason}")]
    public static partial void ConfigurationFaulted(ILogger logger, string reason);

    [LoggerMessage(6, LogLevel.Information, "RunPod accepts the dispatcher's configuration again (refused since {Since:O}); ready")]
    public static partial void ConfigurationAccepted(ILogger logger, DateTimeOffset since);

    [LoggerMessage(10, LogLevel.Information, "Submitted RunPod job {JobId} for media {MediaId} attempt {Attempt}")]
    public static partial void JobSubmitted(ILogger logger, Guid mediaId, int attempt, string jobId);

    [LoggerMessage(11, LogLevel.Information, "Media {MediaId} attempt {Attempt} already has RunPod job {JobId}; not submitting again")]
    public static partial void AlreadyDispatched(ILogger logger, Guid mediaId, int attempt, string jobId);

    [LoggerMessage(12, LogLevel.Error, "RunPod refused the job of media {MediaId} attempt {Attempt}: {Reason}")]
    public static partial void DispatchRejected(ILogger logger, Guid mediaId, int attempt, string reason);

    [LoggerMessage(13, LogLevel.Warning, "Media {MediaId} attempt {Attempt} waits for the RunPod configuration to be fixed, no attempt spent: {Reason}")]
    public static partial void DispatchWaiting(ILogger logger, Guid mediaId, int attempt, string reason);

    [LoggerMessage(14, LogLevel.Warning, "Cannot record RunPod job {JobId} of media {MediaId} attempt {Attempt}, the database is unavailable; trying again in {Wait}")]
    public static partial void RecordingJobRetried(ILogger logger, Guid mediaId, int attempt, string jobId, TimeSpan wait, Exception exception);

    [LoggerMessage(15, LogLevel.Error, "RunPod job {JobId} of media {MediaId} attempt {Attempt} is not in the ledger, the database stayed unavailable; kept in this process so a redelivery records it instead of submitting again")]
    public static partial void JobUnrecorded(ILogger logger, Guid mediaId, int attempt, string jobId);

    [LoggerMessage(20, LogLevel.Information, "RunPod job {JobId} of media {MediaId} attempt {Attempt} is still {Status}")]
    public static partial void JobStillRunning(ILogger logger, Guid mediaId, int attempt, string jobId, string status);

    [LoggerMessage(21, LogLevel.Information, "RunPod job {JobId} of media {MediaId} attempt {Attempt} ended {Status}")]
    public static partial void JobEnded(ILogger logger, Guid mediaId, int attempt, string jobId, string status);

    [LoggerMessage(22, LogLevel.Information, "RunPod no longer knows the job of media {MediaId} attempt {Attempt}, but its manifest is in storage")]
    public static partial void RecoveredFromManifest(ILogger logger, Guid mediaId, int attempt);

    [LoggerMessage(23, LogLevel.Warning, "The RunPod job of media {MediaId} attempt {Attempt} is lost: unknown to RunPod and no manifest in storage")]
    public static partial void JobLost(ILogger logger, Guid mediaId, int attempt);

    [LoggerMessage(24, LogLevel.Warning, "Cannot ask RunPod about the job of media {MediaId} attempt {Attempt} until its configuration is fixed; the saga polls again: {Reason}")]
    public static partial void PollWaiting(ILogger logger, Guid mediaId, int attempt, string reason);

    [LoggerMessage(30, LogLevel.Information, "Cancelled RunPod job {JobId} of media {MediaId} attempt {Attempt}: now {Status}")]
    public static partial void JobCancelled(ILogger logger, Guid mediaId, int attempt, string jobId, string status);

    [LoggerMessage(31, LogLevel.Information, "Nothing to cancel for media {MediaId} attempt {Attempt}: no RunPod job known; none will be submitted")]
    public static partial void NothingToCancel(ILogger logger, Guid mediaId, int attempt);

    [LoggerMessage(32, LogLevel.Information, "Media {MediaId} attempt {Attempt} was cancelled before its job was submitted; not submitting")]
    public static partial void CancelledBeforeSubmission(ILogger logger, Guid mediaId, int attempt);

    [LoggerMessage(33, LogLevel.Warning, "Media {MediaId} attempt {Attempt} was cancelled while RunPod job {JobId} was being submitted; cancelling it")]
    public static partial void CancelledWhileSubmitting(ILogger logger, Guid mediaId, int attempt, string jobId);

    [LoggerMessage(40, LogLevel.Information, "RunPod job {JobId} of media {MediaId} attempt {Attempt} ended {Status}: delayTime {DelayTimeMs} ms, executionTime {ExecutionTimeMs} ms")]
    public static partial void JobMeasured(ILogger logger, Guid mediaId, int attempt, string jobId, string status, long? delayTimeMs, long? executionTimeMs);

    [LoggerMessage(41, LogLevel.Debug, "RunPod job {JobId} of media {MediaId} attempt {Attempt} is still {Status}; reading its usage again shortly")]
    public static partial void JobNotEndedYet(ILogger logger, Guid mediaId, int attempt, string jobId, string status);

    [LoggerMessage(42, LogLevel.Information, "Media {MediaId} attempt {Attempt} never had a RunPod job: no GPU time")]
    public static partial void NoJobToMeasure(ILogger logger, Guid mediaId, int attempt);

    [LoggerMessage(43, LogLevel.Warning, "Media {MediaId} attempt {Attempt} has no RunPod job at its deadline: its dispatch has not reached RunPod yet; the attempt waits for it")]
    public static partial void DispatchPending(ILogger logger, Guid mediaId, int attempt);
}
